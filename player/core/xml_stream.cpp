#include "xml_stream.h"

#include <libxml/parser.h>
#include <libxml/xmlerror.h>

#include <algorithm>
#include <atomic>
#include <condition_variable>
#include <cstring>
#include <exception>
#include <mutex>
#include <thread>

namespace signaal::xml {

const char* Node::attribute(std::string_view name) const {
    for (size_t i = 0; i < n_attrs_; ++i)
        if (attrs_[i].name() == name) return attrs_[i].value.c_str();
    return nullptr;
}

const Node* Node::first_element(std::string_view name) const {
    for (const Node* c = first_; c; c = c->next_)
        if (!c->is_text_ && (name.empty() || c->is(name))) return c;
    return nullptr;
}

const Node* Node::next_element(std::string_view name) const {
    for (const Node* c = next_; c; c = c->next_)
        if (!c->is_text_ && (name.empty() || c->is(name))) return c;
    return nullptr;
}

Position advance(std::string_view xml, size_t from_offset, Position from, size_t offset) {
    offset = std::min(offset, xml.size());
    if (offset < from_offset) return advance(xml, 0, {1, 1}, offset);
    size_t line_start = from_offset - static_cast<size_t>(from.col - 1);
    int line = from.line;
    const char* base = xml.data();
    for (const char* p = base + from_offset;;) {
        const void* nl = std::memchr(p, '\n', static_cast<size_t>(base + offset - p));
        if (!nl) break;
        p = static_cast<const char*>(nl) + 1;
        ++line;
        line_start = static_cast<size_t>(p - base);
    }
    return {line, static_cast<int>(offset - line_start) + 1};
}

namespace {

std::string capitalised_off(std::string s) {
    while (!s.empty() && (s.back() == '\n' || s.back() == ' ')) s.pop_back();
    if (!s.empty() && s[0] >= 'A' && s[0] <= 'Z') s[0] = static_cast<char>(s[0] - 'A' + 'a');
    return s;
}

// libxml2's messages are written for XML experts; authors get plain words.
std::string plain_message(const xmlError& e) {
    const std::string s1 = e.str1 ? e.str1 : "", s2 = e.str2 ? e.str2 : "";
    switch (e.code) {
        case XML_ERR_DOCUMENT_EMPTY: return "the file is empty";
        case XML_ERR_TAG_NAME_MISMATCH:
            return "the end tag </" + s2 + "> does not match the start tag <" + s1 + "> on line " + std::to_string(e.int1);
        case XML_ERR_TAG_NOT_FINISHED:
            return "the file ends before <" + s1 + "> (line " + std::to_string(e.int1) + ") is closed";
        case XML_ERR_LT_IN_ATTRIBUTE: return "'<' inside an attribute value (write &lt;)";
        case XML_ERR_ATTRIBUTE_NOT_STARTED:
        case XML_ERR_ATTRIBUTE_NOT_FINISHED:
        case XML_ERR_ATTRIBUTE_WITHOUT_VALUE: return "a malformed attribute (missing quotes or '=')";
        case XML_ERR_ATTRIBUTE_REDEFINED: return "the attribute '" + s1 + "' is given twice";
        case XML_ERR_NAME_REQUIRED:
            if (std::strstr(e.message ? e.message : "", "EntityRef")) return "a stray '&' (write &amp; for '&')";
            return "an element is not closed or is malformed";
        case XML_ERR_SPACE_REQUIRED:  // "attributes construct error": a tag that does not end well
        case XML_ERR_GT_REQUIRED:
        case XML_ERR_LTSLASH_REQUIRED: return "an element is not closed or is malformed";
        case XML_ERR_DOCUMENT_END:
        case XML_ERR_EXTRA_CONTENT: return "text or elements after the end of the root element";
        case XML_ERR_ENTITYREF_SEMICOL_MISSING:
        case XML_ERR_UNDECLARED_ENTITY: return "a stray '&' or an unknown entity (write &amp; for '&')";
        case XML_ERR_INVALID_CHAR:
        case XML_ERR_INVALID_ENCODING: return "the file is not valid UTF-8 text (save it as UTF-8)";
        case XML_ERR_COMMENT_NOT_FINISHED: return "a comment is not closed with -->";
        case XML_ERR_CDATA_NOT_FINISHED: return "a CDATA section is not closed with ]]>";
        default: return capitalised_off(e.message ? e.message : "unknown error");
    }
}

// libxml2 would quietly transcode a file that starts like UTF-16 or UTF-32
// (a byte-order mark, or '<' followed by zero bytes). Module files are UTF-8
// (docs/module-format.md), and every position is a byte of the file as it is.
std::optional<SyntaxError> not_utf8_at_start(std::string_view xml) {
    const std::string_view head = xml.substr(0, 4);
    const bool bom16 = head.starts_with("\xFF\xFE") || head.starts_with("\xFE\xFF");
    const bool zeros = head.find('\0') != std::string_view::npos;
    if (!bom16 && !zeros) return std::nullopt;
    return SyntaxError{{1, 1}, "the file is UTF-16 or UTF-32, not UTF-8 (save it as UTF-8)"};
}

}  // namespace

// One parse: the SAX2 callbacks build the root's children in a pool of reused
// nodes, so a module with any number of scenes allocates only as much as a
// few batches of them. A large file is read on two cores: one thread parses
// into a pool while the calling thread hands earlier pools' finished children
// to the reader (in file order, so the reader sees exactly what one thread would).
class Stream {
public:
    Stream(std::string_view xml, Reader& reader, size_t two_threads_from)
        : xml_(xml), reader_(reader), threaded_(xml.size() >= two_threads_from) {}

    std::optional<SyntaxError> run() {
        if (auto wide = not_utf8_at_start(xml_)) return wide;
        static std::once_flag init;
        std::call_once(init, [] { xmlInitParser(); });  // before any second thread parses
        xmlSAXHandler sax{};
        sax.initialized = XML_SAX2_MAGIC;
        sax.startElementNs = &Stream::on_start;
        sax.endElementNs = &Stream::on_end;
        sax.characters = &Stream::on_text;
        sax.ignorableWhitespace = &Stream::on_text;
        sax.cdataBlock = &Stream::on_text;
        sax.internalSubset = &Stream::on_doctype;
        sax.serror = &Stream::on_error;
        ctxt_ = xmlCreatePushParserCtxt(&sax, this, nullptr, 0, nullptr);
        if (!ctxt_) return SyntaxError{{1, 1}, "out of memory"};
        // No network, no entity substitution, and the bytes are UTF-8 whatever
        // the declaration says: module files are UTF-8 (docs/module-format.md).
        xmlCtxtUseOptions(ctxt_, XML_PARSE_NONET | XML_PARSE_IGNORE_ENC);
        if (!threaded_) {
            parse();
        } else {
            // libxml2 runs on the second thread and the reader on this one, so
            // the module is allocated where it will be used and freed.
            std::thread parser([this] {
                parse();
                std::lock_guard lock(mu_);
                no_more_ = true;
                cv_.notify_all();
            });
            build();
            parser.join();
        }
        xmlFreeParserCtxt(ctxt_);
        if (failure_) std::rethrow_exception(failure_);
        if (error_) return error_;
        if (!stopped_ && !seen_root_) return SyntaxError{{1, 1}, "the file is empty"};
        return std::nullopt;
    }

private:
    static constexpr size_t kBatch = 64;  // root children handed over at a time

    struct Pool {
        std::deque<Node> nodes;  // deque: nodes keep their address as the pool grows
        size_t used = 0;
        std::vector<const Node*> done;  // finished children of the root, in file order
    };

    std::string_view xml_;
    Reader& reader_;
    const bool threaded_;
    xmlParserCtxtPtr ctxt_ = nullptr;
    std::optional<SyntaxError> error_;
    bool stopped_ = false, seen_root_ = false;
    int depth_ = 0;  // elements open
    Node root_;
    static constexpr size_t kPools = 4;
    Pool pools_[kPools];
    size_t filling_ = 0;   // the pool the parsing thread fills
    Node* top_ = nullptr;  // the root's child being built
    Node* cur_ = nullptr;  // innermost open element below the root
    size_t cursor_offset_ = 0;
    Position cursor_{1, 1};

    // What the parsing thread shares with the reading one.
    std::mutex mu_;
    std::condition_variable cv_;
    size_t handed_ = 0, read_ = 0;  // pools handed to the reader, and read by it
    bool no_more_ = false;
    std::atomic<bool> reader_stopped_{false};
    std::exception_ptr failure_;  // thrown by the reader on the other thread

    void parse() {
        // Fed in pieces so libxml2 keeps a small window, not a second copy of the file.
        constexpr size_t piece = 64 * 1024;
        size_t at = 0;
        do {
            const size_t n = std::min(piece, xml_.size() - at);
            const bool last = at + n == xml_.size();
            xmlParseChunk(ctxt_, xml_.data() + at, static_cast<int>(n), last ? 1 : 0);
            at += n;
            if (last) break;
        } while (!stopped_ && !error_);
        hand_off();  // the children finished before the end, or before an error, as on one thread
    }

    // Queues the filled pool's children for the reader and starts filling the
    // next pool once the reader is done with it. Pools go round in order, so the
    // parser can be kPools - 1 batches ahead and neither thread waits for the
    // other at every batch (a wake-up costs more than parsing a few scenes).
    void hand_off() {
        Pool& full = pools_[filling_];
        if (full.done.empty()) return;
        if (!threaded_) {
            read(full);
        } else {
            std::unique_lock lock(mu_);
            ++handed_;
            cv_.notify_all();
            cv_.wait(lock, [this] { return handed_ - read_ < kPools; });
            lock.unlock();
            filling_ = (filling_ + 1) % kPools;
        }
        Pool& next = pools_[filling_];
        next.done.clear();
        next.used = 0;
        if (reader_stopped_) stop();
    }

    void read(const Pool& pool) {
        for (const Node* n : pool.done)
            if (!reader_stopped_ && !reader_.child(*n)) reader_stopped_ = true;
    }

    void build() {
        bool idle_work = true;
        for (;;) {
            std::unique_lock lock(mu_);
            while (read_ == handed_ && !no_more_) {
                if (!idle_work) {
                    cv_.wait(lock);
                    continue;
                }
                lock.unlock();
                try {
                    idle_work = reader_.idle();
                } catch (...) {
                    failure_ = std::current_exception();
                    reader_stopped_ = true;
                    idle_work = false;
                }
                lock.lock();
            }
            if (read_ == handed_) return;
            const Pool& pool = pools_[read_ % kPools];
            lock.unlock();
            try {
                read(pool);
            } catch (...) {
                failure_ = std::current_exception();
                reader_stopped_ = true;
            }
            lock.lock();
            ++read_;
            cv_.notify_all();
        }
    }

    static Stream& self(void* ctx) { return *static_cast<Stream*>(ctx); }

    void stop() {
        stopped_ = true;
        xmlStopParser(ctxt_);
    }

    Node& new_node(bool is_text) {
        Pool& pool = pools_[filling_];
        if (pool.used == pool.nodes.size()) pool.nodes.emplace_back();
        Node& n = pool.nodes[pool.used++];
        n.is_text_ = is_text;
        n.name_ = "";
        n.name_size_ = 0;
        if (is_text) n.text_.clear();
        n.n_attrs_ = 0;
        n.first_ = n.last_ = n.next_ = nullptr;
        n.parent_ = cur_;
        if (cur_) {
            (cur_->last_ ? cur_->last_->next_ : cur_->first_) = &n;
            cur_->last_ = &n;
        }
        return n;
    }

    static void set_name(Node& n, const xmlChar* prefix, const xmlChar* local) {
        if (!prefix) {
            n.name_ = reinterpret_cast<const char*>(local);
            n.name_size_ = std::strlen(n.name_);
            return;
        }
        n.prefixed_.assign(reinterpret_cast<const char*>(prefix)).append(":").append(reinterpret_cast<const char*>(local));
        n.name_ = n.prefixed_.c_str();
        n.name_size_ = n.prefixed_.size();
    }

    // `prefix` and `local` are libxml2's interned strings; either may be null.
    void add_attr(Node& n, const char* prefix, const char* local, std::string_view value) {
        if (n.n_attrs_ == n.attrs_.size()) n.attrs_.emplace_back();
        Attr& a = n.attrs_[n.n_attrs_++];
        a.prefixed_.clear();
        if (!prefix) {
            a.local_ = local ? local : "";
            a.local_size_ = std::strlen(a.local_);
        } else {
            a.prefixed_.assign(prefix);
            if (local) a.prefixed_.append(":").append(local);
        }
        a.value.assign(value);
    }

    // The parser has just read the whole start tag; its '<' is the last one
    // before here, as attribute values cannot hold a raw '<'.
    void locate(Node& n) {
        const long consumed = xmlByteConsumed(ctxt_);
        size_t end = std::min(consumed > 0 ? static_cast<size_t>(consumed) : 0, xml_.size());
        size_t lt = xml_.rfind('<', end == 0 ? 0 : end - 1);
        if (lt == std::string_view::npos) lt = 0;
        n.offset = lt;
        n.pos = advance(xml_, cursor_offset_, cursor_, lt);
        cursor_offset_ = lt;
        cursor_ = n.pos;
    }

    static void on_start(void* ctx, const xmlChar* local, const xmlChar* prefix, const xmlChar*, int nb_ns,
                         const xmlChar** ns, int nb_attrs, int, const xmlChar** attrs) {
        Stream& s = self(ctx);
        if (s.stopped_) return;
        Node* n;
        if (s.depth_ == 0) {
            s.seen_root_ = true;
            n = &s.root_;
            n->n_attrs_ = 0;
        } else {
            n = &s.new_node(false);
            if (s.depth_ == 1) s.top_ = n;
        }
        set_name(*n, prefix, local);
        s.locate(*n);
        // Namespace declarations are attributes to authors: report them as such.
        for (int i = 0; i < nb_ns; ++i) {
            const auto* p = reinterpret_cast<const char*>(ns[2 * i]);
            const auto* uri = reinterpret_cast<const char*>(ns[2 * i + 1]);
            s.add_attr(*n, "xmlns", p, uri ? uri : "");
        }
        for (int i = 0; i < nb_attrs; ++i) {
            const xmlChar* const* a = attrs + 5 * i;
            s.add_attr(*n, reinterpret_cast<const char*>(a[1]), reinterpret_cast<const char*>(a[0]),
                       std::string_view(reinterpret_cast<const char*>(a[3]), static_cast<size_t>(a[4] - a[3])));
        }
        ++s.depth_;
        if (s.depth_ == 1) {
            if (!s.reader_.root(*n)) s.stop();
        } else {
            s.cur_ = n;
        }
    }

    static void on_end(void* ctx, const xmlChar*, const xmlChar*, const xmlChar*) {
        Stream& s = self(ctx);
        if (s.stopped_) return;
        --s.depth_;
        if (s.depth_ < 1) return;
        s.cur_ = s.cur_->parent_;
        if (s.depth_ != 1) return;
        Pool& pool = s.pools_[s.filling_];
        pool.done.push_back(s.top_);
        if (!s.threaded_ || pool.done.size() >= kBatch) s.hand_off();
    }

    static void on_text(void* ctx, const xmlChar* ch, int len) {
        Stream& s = self(ctx);
        // Text between the root's children is layout, never content.
        if (s.stopped_ || s.depth_ < 2) return;
        Node* last = s.cur_->last_;
        Node& t = last && last->is_text_ ? *last : s.new_node(true);
        t.text_.append(reinterpret_cast<const char*>(ch), static_cast<size_t>(len));
    }

    // A DTD could declare entities that expand without bound; modules need none.
    static void on_doctype(void* ctx, const xmlChar*, const xmlChar*, const xmlChar*) {
        Stream& s = self(ctx);
        if (s.stopped_) return;
        Node probe;
        s.locate(probe);
        s.error_ = SyntaxError{probe.pos, "a <!DOCTYPE> is not allowed in a module file"};
        s.stop();
    }

    static void on_error(void* ctx, xmlErrorPtr e) {
        Stream& s = self(ctx);
        if (!e || e->level != XML_ERR_FATAL || s.error_ || s.stopped_) return;
        // Fed in pieces, libxml2 reports an unfinished document as "extra
        // content" at line 1; say what is really wrong, and where.
        const bool unfinished = e->code == XML_ERR_DOCUMENT_END || e->code == XML_ERR_DOCUMENT_EMPTY;
        if (unfinished && !s.seen_root_) {
            const bool blank = s.xml_.find_first_not_of(" \t\r\n") == std::string_view::npos;
            s.error_ = SyntaxError{{1, 1}, blank ? "the file is empty" : "the file has no root element"};
        } else if (unfinished && s.depth_ > 0) {
            const Node& open = s.cur_ ? *s.cur_ : s.root_;
            s.error_ = SyntaxError{advance(s.xml_, s.cursor_offset_, s.cursor_, s.xml_.size()),
                                   "the file ends before <" + std::string(open.name()) + "> (line " + std::to_string(open.pos.line) +
                                       ") is closed"};
        } else if (e->code == XML_ERR_TAG_NAME_MISMATCH) {
            // libxml2 points past the end tag; authors look for its start.
            const long consumed = xmlByteConsumed(s.ctxt_);
            const size_t end = std::min(consumed > 0 ? static_cast<size_t>(consumed) : 0, s.xml_.size());
            const size_t at = s.xml_.rfind("</", end);
            const Position p = at == std::string_view::npos || at < s.cursor_offset_
                                   ? Position{std::max(1, e->line), std::max(1, e->int2)}
                                   : advance(s.xml_, s.cursor_offset_, s.cursor_, at);
            s.error_ = SyntaxError{p, plain_message(*e)};
        } else {
            s.error_ = SyntaxError{{std::max(1, e->line), std::max(1, e->int2)}, plain_message(*e)};
        }
    }
};

std::optional<SyntaxError> stream(std::string_view xml, Reader& reader, size_t two_threads_from) {
    Stream s(xml, reader, two_threads_from);
    return s.run();
}

}  // namespace signaal::xml
