#!/usr/bin/env python3
"""Read aloud under Xvfb (docs/gui.md, "Read aloud"). With
SIGNAAL_SPEECH_WAV_DIR set the window writes each utterance to NNN.wav and
one JSON line to speech.log instead of the speakers. In Dutch and in English
this plays content/example/example.xml and asks for read-aloud (F3) on the
first scene, its feedback, the select question and its feedback, then checks:

- the logged parts are exactly what the scene screens show, in screen order,
  rebuilt here from the module's XML (role, heading, texts, question, numbered
  options), and the feedback screens say the module's labels and feedback in
  order;
- each WAV is speech of a plausible length for its text (sox: 0.03-0.15 s
  per character) and not silence (RMS amplitude above a floor);
- "read each new screen by itself" reads without F3, and "slower" is slower;
- answering, F3 again and Esc each stop speech under way (at a sound card's
  pace, SIGNAAL_SPEECH_WAV_REALTIME);
- in classroom mode F3 reads the projector view, never the presenter panel's
  teacher note or discussion question;
- an engine without data (ESPEAK_DATA_PATH on an empty folder) and a missing
  Dutch voice give the window's message and a clean exit, never a crash.
Exit 77 (CTest: skipped) when xvfb-run or sox is missing; 1 on any failed check.
"""
import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import time
import xml.etree.ElementTree as ET

from gui_common import SKIP, XVFB_RUN, check_screenshots, fail, have_xvfb, window_env, workspace

SECONDS_PER_CHAR = (0.03, 0.15)
MIN_RMS = 0.01  # espeak-ng speech measures about 0.1; silence is 0

WORDS = {"nl": {"you_are": "Jij bent:", "your_choice": "Jouw keuze:", "best": "Dit was de beste keuze.",
                "wrong": "Wat ging er mis:", "should": "Wat had moeten gebeuren:"},
         "en": {"you_are": "You are:", "your_choice": "Your choice:", "best": "This was the best choice.",
                "wrong": "What went wrong:", "should": "What should have happened:"}}


def paragraphs(raw):
    """The module format's whitespace rules (player/core/text_format.h): blank
    lines part paragraphs, "- " starts a bullet, other whitespace collapses."""
    paras, cur = [], []
    for line in raw.split("\n"):
        line = line.strip()
        if not line or line.startswith("- "):
            if cur:
                paras.append(" ".join(cur))
            cur = []
            if not line:
                continue
        cur.append(line)
    if cur:
        paras.append(" ".join(cur))
    return [re.sub(r"\s+", " ", p).strip() for p in paras if p.strip()]


def text_of(el, lang):
    return "".join(el.find(lang).itertext()) if el is not None and el.find(lang) is not None else ""


def spoken_paragraphs(raw):
    return [p[2:] if p.startswith("- ") else p for p in paragraphs(raw)]


class Module:
    def __init__(self, path):
        self.root = ET.parse(path).getroot()
        self.scenes = {s.get("id"): s for s in self.root.iter("scene")}
        self.roles = {r.get("id"): r for r in self.root.iter("role")}

    def scene_parts(self, scene_id, lang):
        """What the scene screen draws, in its order (screen_scene.cpp)."""
        sc = self.scenes[scene_id]
        parts = []
        if sc.get("role"):
            parts.append(WORDS[lang]["you_are"] + " " + text_of(self.roles[sc.get("role")].find("label"), lang))
        if sc.find("heading") is not None:
            parts.append(text_of(sc.find("heading"), lang))
        for t in sc.findall("text"):  # the example's when= texts are all true on this path
            parts += spoken_paragraphs(text_of(t, lang))
        q = next(q for q in (sc.find("choices"), sc.find("select"), sc.find("highlight")) if q is not None)
        parts.append(text_of(q.find("prompt"), lang))
        if q.tag == "highlight":  # the passage as one part, each phrase after its [n]
            passage = q.find("passage").find(lang)
            order = [t.get("id") for t in q.findall("target")]
            words = (passage.text or "").split()
            for m in passage.findall("mark"):
                words += [f"[{order.index(m.get('ref')) + 1}]"] + "".join(m.itertext()).split() + (m.tail or "").split()
            parts.append(" ".join(words))
            return parts
        items = q.findall("choice") + q.findall("option")
        for i, item in enumerate(items):
            parts.append(f"{i + 1}.  " + text_of(item.find("label"), lang))
        return parts

    def feedback_texts(self, scene_id, lang, ids=None):
        """The labels and feedback a feedback screen must say, in order."""
        sc = self.scenes[scene_id]
        out = []
        for item in list(sc.iter("choice")) + list(sc.iter("option")):
            if ids is None or item.get("id") in ids:
                out.append(text_of(item.find("label"), lang))
                out += spoken_paragraphs(text_of(item.find("feedback"), lang))
        return out


def in_order(needles, parts, what):
    """The needles are said in this order (several may share one part)."""
    said = "\n".join(parts)
    at = 0
    for n in needles:
        found = said.find(n, at)
        if found < 0:
            fail(f"{what}: {n!r} not said (in order) in {parts}")
        at = found + len(n)


def sox_stat(wav):
    run = subprocess.run(["sox", wav, "-n", "stat"], capture_output=True, text=True)
    if run.returncode != 0:
        fail(f"sox could not read {wav}: {run.stderr}")
    stat = {}
    for line in run.stderr.splitlines():
        if ":" in line:
            k, v = line.split(":", 1)
            try:
                stat[k.strip()] = float(v.strip())
            except ValueError:
                pass
    return stat["Length (seconds)"], stat["RMS     amplitude"]


def check_wavs(folder, entries):
    for e in entries:
        if e.get("stopped"):
            fail(f"utterance {e['n']} was cut off before its end: {e['text'][:60]}")
        wav = os.path.join(folder, e["wav"])
        length, rms = sox_stat(wav)
        chars = len(e["text"])
        per_char = length / chars
        print(f"  {e['wav']}: {chars} characters, {length:.2f} s ({per_char:.3f} s/char), RMS {rms:.3f}, {e['language']}")
        if not SECONDS_PER_CHAR[0] <= per_char <= SECONDS_PER_CHAR[1]:
            fail(f"{wav}: {length:.2f} s for {chars} characters is not speech of that text")
        if rms < MIN_RMS:
            fail(f"{wav}: RMS amplitude {rms} is silence")


def read_log(folder):
    path = os.path.join(folder, "speech.log")
    if not os.path.exists(path):
        return []
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def run_window(args, work, name, lines, lang, extra_env=None, extra_args=(), settings=None):
    script = os.path.join(work, name + ".script")
    with open(script, "w", encoding="utf-8") as f:
        f.write("\n".join(lines + ["quit"]) + "\n")
    wavs = os.path.join(work, name + "-wav")
    settings_file = os.path.join(work, name + "-settings.json")
    if settings is not None:
        with open(settings_file, "w", encoding="utf-8") as f:
            json.dump(settings, f)
    shots = os.path.join(args.out or work, name)
    os.makedirs(shots, exist_ok=True)
    cmd = [*XVFB_RUN, args.signaal, "--content", args.content,
           "--records", os.path.join(work, name + "-records"), "--script", script, "--screenshot-dir", shots,
           "--settings", settings_file, "--lang", lang, *extra_args]
    env = window_env(work, SIGNAAL_SPEECH_WAV_DIR=wavs, **(extra_env or {}))
    run = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=600)
    sys.stderr.write(run.stderr)
    if run.returncode != 0:
        fail(f"{name}: signaal exited {run.returncode}")
    check_screenshots(args.colours, shots)
    return wavs, read_log(wavs), run.stderr


def read_aloud(args, work, module, lang):
    """Scene, its feedback, the select question and its feedback, each read with F3."""
    lines = ["wait-frames 3", "key Enter",  # the content note
             "key F3", "wait-speech ok", "screenshot scene-read-aloud.png",
             "key 1", "key F3", "wait-speech ok",  # choice 1 (register), its feedback
             "key Enter", "key F3", "wait-speech ok",  # the select question
             "key 1", "key 2", "key Enter", "key F3", "wait-speech ok",  # options 1 and 2, their feedback
             "key Enter", "key F3", "wait-speech ok",  # the highlight passage
             "key 1", "key 3", "key Enter", "key Enter",  # phrases 1 and 3, past their feedback
             "key 1", "key Enter", "wait-frames 2", "key F3", "wait-speech ok",  # the manager; the result
             "screenshot result-read-aloud.png"]
    wavs, log, _ = run_window(args, work, "read-" + lang, lines, lang, extra_args=[args.module, "--new"])
    if len(log) != 6:
        fail(f"{lang}: expected 6 utterances in speech.log, found {len(log)}")
    for e in log:
        if e["language"] != lang:
            fail(f"utterance {e['n']} in {e['language']}, expected {lang}")
        if e["text"] != "\n".join(e["parts"]):
            fail(f"utterance {e['n']}: text and parts differ")
    want = module.scene_parts("desk", lang)
    if log[0]["parts"] != want:
        fail(f"{lang} scene: said {log[0]['parts']}\n  the screen shows {want}")
    in_order([WORDS[lang]["your_choice"]] + module.feedback_texts("desk", lang, {"register"}) + [WORDS[lang]["best"]],
             log[1]["parts"], f"{lang} choice feedback")
    want = module.scene_parts("signals", lang)
    if log[2]["parts"] != want:
        fail(f"{lang} select: said {log[2]['parts']}\n  the screen shows {want}")
    in_order(module.feedback_texts("signals", lang), log[3]["parts"], f"{lang} select feedback")
    want = module.scene_parts("passage", lang)
    if log[4]["parts"] != want:
        fail(f"{lang} highlight: said {log[4]['parts']}\n  the screen shows {want}")
    debrief = []
    for point in module.root.iter("point"):
        debrief += [WORDS[lang]["wrong"]] + spoken_paragraphs(text_of(point.find("went-wrong"), lang))
        debrief += [WORDS[lang]["should"]] + spoken_paragraphs(text_of(point.find("should-have"), lang))
    in_order(debrief, log[5]["parts"], f"{lang} result")
    check_wavs(wavs, log)
    print(f"{lang}: 6 utterances (scene, feedback, select, feedback, highlight, result), each as the screen shows it")
    return log


def seconds_per_char(folder, entry):
    return sox_stat(os.path.join(folder, entry["wav"]))[0] / len(entry["text"])


def auto_and_slower(args, work, module, normal_scene):
    """'Read each new screen by itself' at the slower speed: the content note and
    the scene are read without F3, and the scene more slowly than at normal speed."""
    lines = ["wait-frames 3", "wait-speech ok", "key Enter", "wait-speech ok", "screenshot read-by-itself.png"]
    wavs, log, _ = run_window(args, work, "auto-slower", lines, "nl", extra_args=[args.module, "--new"],
                              settings={"read_auto": True, "speech_rate": 0})
    if len(log) != 2 or any(e["rate"] != "slower" for e in log):
        fail(f"read by itself, slower: expected 2 slower utterances, found {[(e['n'], e['rate']) for e in log]}")
    if log[1]["parts"] != module.scene_parts("desk", "nl"):
        fail(f"read by itself: the scene said {log[1]['parts']}")
    check_wavs(wavs, log)
    slow = seconds_per_char(wavs, log[1])
    if slow < normal_scene * 1.15:
        fail(f"slower speech takes {slow:.3f} s/char, normal {normal_scene:.3f}: not slower")
    print(f"read by itself at the slower speed: {slow:.3f} s/char against {normal_scene:.3f} normal")


def stopping(args, work):
    """At a sound card's pace (SIGNAAL_SPEECH_WAV_REALTIME) speech is still under
    way a few frames later: answering, F3 again and Esc must each cut it off."""
    # Each F3 that starts speech comes when the engine is idle (wait-speech), and
    # the key that stops it 20 frames later: an F3 pressed while the scene's
    # speech still winds down (up to one chunk of audio at this pace) only
    # queues the feedback, and a second F3 then drops it unsaid, which left
    # two utterances in the log instead of three in about half the runs.
    lines = ["wait-frames 3", "key Enter",
             "key F3", "wait-frames 20", "key 1", "wait-speech ok",  # moving on (an answer) stops the scene
             "key F3", "wait-frames 20", "key F3", "wait-speech ok",  # F3 again stops the feedback
             "key F3", "wait-frames 20", "key Escape", "wait-speech ok",  # Esc stops it too
             "screenshot after-stopping.png"]
    started = time.monotonic()
    _, log, _ = run_window(args, work, "stopping", lines, "nl", {"SIGNAAL_SPEECH_WAV_REALTIME": "1"},
                           [args.module, "--new"])
    took = time.monotonic() - started
    if [e["stopped"] for e in log] != [True, True, True]:
        fail(f"expected three utterances cut off, found {[(e['n'], e['stopped']) for e in log]}")
    if took > 20:  # spoken to the end they would take over a minute
        fail(f"stopping took {took:.1f} s: speech was not cut off")
    print(f"moving on, F3 again and Esc each stopped the speech (whole run {took:.1f} s)")


def classroom(args, work, module):
    """F3 in classroom mode with the presenter panel open: the projector only."""
    lines = ["wait-frames 3", "text 3B", "key Enter", "key Enter",  # setup: class name, begin
             "key Enter", "key p",  # past the opening slide (content note, contacts) to the scene; the panel on
             "key F3", "wait-speech ok", "screenshot class-read-aloud.png"]
    wavs, log, _ = run_window(args, work, "class", lines, "nl", extra_args=["--class", args.module])
    if len(log) != 1:
        fail(f"classroom: expected 1 utterance, found {len(log)}")
    said = log[0]["text"]
    desk = module.scenes["desk"]
    in_order([text_of(desk.find("heading"), "nl")] + spoken_paragraphs(text_of(desk.find("text"), "nl")) +
             [text_of(desk.find("choices").find("prompt"), "nl")], log[0]["parts"], "classroom")
    for choice in desk.find("choices").findall("choice"):  # shuffled per class session: each with a number
        label = text_of(choice.find("label"), "nl")
        if not any(re.fullmatch(r"[1-9]\. " + re.escape(label), part) for part in log[0]["parts"]):
            fail(f"classroom: option {label!r} not said with its number in {log[0]['parts']}")
    for secret in (text_of(desk.find("teacher-note"), "nl"), text_of(desk.find("discuss"), "nl")):
        secret = re.sub(r"\s+", " ", secret).strip()
        if not secret or secret in said:
            fail(f"classroom: the presenter panel's note is missing from the module or was read aloud: {secret!r}")
    check_wavs(wavs, log)
    print("classroom: the projector view read, the teacher's note not")


def missing(args, work):
    """No engine data, then no Dutch voice (English still works): a message, no crash."""
    empty = os.path.join(work, "empty-espeak-data")
    os.makedirs(empty, exist_ok=True)
    lines = ["wait-frames 3", "key Enter", "key F3", "wait-speech problem", "screenshot no-engine.png"]
    _, log, err = run_window(args, work, "no-engine", lines, "nl", {"ESPEAK_DATA_PATH": empty}, [args.module, "--new"])
    if log or "Read aloud is not available" not in err:
        fail(f"no engine data: expected the message and no utterance; stderr: {err}")

    # espeak-ng's data with every voice but Dutch: symlinks, except the voice folder.
    data = os.path.join(work, "no-dutch")
    os.makedirs(data, exist_ok=True)
    src = args.espeak_data
    for name in os.listdir(src):
        if name != "lang":
            os.symlink(os.path.join(src, name), os.path.join(data, name))
    shutil.copytree(os.path.join(src, "lang"), os.path.join(data, "lang"))
    os.remove(os.path.join(data, "lang", "gmw", "nl"))
    lines = ["wait-frames 3", "key Enter", "key F3", "wait-speech problem", "screenshot no-dutch.png"]
    _, log, err = run_window(args, work, "no-dutch", lines, "nl", {"ESPEAK_DATA_PATH": data}, [args.module, "--new"])
    if log or "no voice for the language \"nl\"" not in err:
        fail(f"no Dutch voice: expected the message and no utterance; stderr: {err}")
    lines = ["wait-frames 3", "key Enter", "key F3", "wait-speech ok", "screenshot english-read.png"]
    _, log, _ = run_window(args, work, "no-dutch-en", lines, "en", {"ESPEAK_DATA_PATH": data}, [args.module, "--new"])
    if len(log) != 1:
        fail("without a Dutch voice English must still be read")
    print("missing engine data and missing voice: a message in the window, no crash")


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--signaal", required=True)
    p.add_argument("--colours", required=True, help="the png_colours checker")
    p.add_argument("--module", required=True, help="content/example/example.xml")
    p.add_argument("--content", required=True)
    p.add_argument("--espeak-data", default="/usr/lib/x86_64-linux-gnu/espeak-ng-data")
    p.add_argument("--out", help="keep the screenshots here (default: a temporary folder)")
    args = p.parse_args()
    if not have_xvfb():
        return SKIP
    if shutil.which("sox") is None:
        print("sox not found: skipping the read-aloud test")
        return SKIP
    work, _, _ = workspace("signaal-speech-")
    module = Module(args.module)
    logs = {lang: read_aloud(args, work, module, lang) for lang in ("nl", "en")}
    auto_and_slower(args, work, module, seconds_per_char(os.path.join(work, "read-nl-wav"), logs["nl"][0]))
    stopping(args, work)
    classroom(args, work, module)
    missing(args, work)
    print("ok")
    return 0


if __name__ == "__main__":
    sys.exit(main())
