#include "speech.h"

namespace signaal::app::speech {

const char* rate_name(Rate r) {
    switch (r) {
        case Rate::Slower: return "slower";
        case Rate::Faster: return "faster";
        case Rate::Normal: break;
    }
    return "normal";
}

Speech::Speech(std::function<void()> wake) : wake_(std::move(wake)), thread_([this] { run(); }) {}

Speech::~Speech() {
    {
        std::lock_guard<std::mutex> lk(mu_);
        quit_ = true;
        next_.reset();
        ++generation_;  // the utterance under way stops at its next chunk
    }
    cv_.notify_all();
    thread_.join();
}

void Speech::speak(Utterance u) {
    {
        std::lock_guard<std::mutex> lk(mu_);
        next_ = std::move(u);
        ++generation_;  // under the lock: the worker reads its generation with the utterance
    }
    cv_.notify_all();
}

void Speech::stop() {
    {
        std::lock_guard<std::mutex> lk(mu_);
        next_.reset();
        ++generation_;
    }
}

bool Speech::busy() const {
    std::lock_guard<std::mutex> lk(mu_);
    return working_ || next_.has_value();
}

Problem Speech::problem() const {
    std::lock_guard<std::mutex> lk(mu_);
    return problem_;
}

void Speech::run() {
    // The backend starts only when the first utterance comes: loading a voice
    // must not delay the window's first frame, and a learner who never asks
    // for read-aloud never starts the engine.
    std::unique_ptr<Backend> backend;
    while (true) {
        Utterance u;
        unsigned gen = 0;
        {
            std::unique_lock<std::mutex> lk(mu_);
            cv_.wait(lk, [this] { return quit_ || next_.has_value(); });
            if (quit_) break;
            u = std::move(*next_);
            next_.reset();
            working_ = true;
            gen = generation_.load();
        }
        if (!backend) backend = make_backend();
        Problem p = backend->say(u, [this, gen] { return generation_.load() != gen; });
        {
            std::lock_guard<std::mutex> lk(mu_);
            working_ = false;
            problem_ = std::move(p);
        }
        wake_();
    }
    backend.reset();  // on this thread, like every other call into it
}

}  // namespace signaal::app::speech
