#!/usr/bin/env python3
"""Plays one module in the real window under Xvfb, driven by a --script, then
checks the score record it wrote and that every screenshot shows something.

Two ways to get the script:
  --script FILE        a hand-written script, with --expect-raw / --expect-passed
  --like-text-player   plays the module in the terminal player answering "1"
                       everywhere, then generates the same key presses for the
                       window; the two records must agree (answers and result).
Exit 77 (CTest: skipped) when xvfb-run is missing; 1 on any failed check.
"""
import argparse
import os
import subprocess
import sys
import xml.etree.ElementTree as ET


from gui_common import SKIP, XVFB_RUN, check_screenshots, fail, have_xvfb, read_only_record, window_env, workspace


def scene_kinds(module_file):
    kinds = {}
    for scene in ET.parse(module_file).getroot().iter("scene"):
        for kind in ("continue", "choices", "select", "highlight", "ending"):
            if scene.find(kind) is not None:
                kinds[scene.get("id")] = kind
    return kinds


def script_like_text_player(args, work):
    """Runs the terminal player with "1" for every question and turns its
    answers into the key presses that give the same answers in the window."""
    text_records = os.path.join(work, "text-records")
    run = subprocess.run([args.signaal, "--text", args.module, "--records", text_records, "--trainee", "Text",
                          "--content", args.content], input="1\n" * 500, text=True, capture_output=True)
    if run.returncode != 0:
        fail(f"terminal player exited {run.returncode}: {run.stderr}")
    _, expected = read_only_record(text_records)
    kinds = scene_kinds(args.module)
    lines = ["wait-frames 3", "screenshot content-note.png", "key Enter"]
    for i, a in enumerate(expected["answers"]):
        kind = kinds[a["scene"]]
        if i == 1:
            lines.append("screenshot scene-2.png")
        if kind == "continue":
            lines.append("key Enter")
        elif kind == "choices":
            # A digit acts only on an option in sight: at large text sizes the
            # first "1" may only scroll to it. In sight, the second "1" falls on
            # the feedback screen, which ignores digits.
            lines += ["key 1", "key 1", "key Enter"]
        else:  # select / highlight: Down focuses (and scrolls to) the first option or phrase, Space toggles it
            lines += ["key Down", "key Space", "key Enter", "key Enter"]
        if i == len(expected["answers"]) // 2:
            lines.append("screenshot scene-middle.png")
    lines += ["wait-frames 2", "screenshot result.png", "quit"]
    path = os.path.join(work, "generated.script")
    with open(path, "w", encoding="utf-8") as f:
        f.write("\n".join(lines) + "\n")
    return path, expected


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--signaal", required=True)
    p.add_argument("--colours", required=True, help="the png_colours checker")
    p.add_argument("--module", required=True)
    p.add_argument("--content", required=True)
    p.add_argument("--script")
    p.add_argument("--like-text-player", action="store_true")
    p.add_argument("--open-module", action="store_true", help="pass the module on the command line")
    p.add_argument("--expect-raw", type=int)
    p.add_argument("--expect-passed", choices=["true", "false"])
    p.add_argument("--font-step", default="1")
    p.add_argument("--theme", default="light")
    p.add_argument("--lang", help="the learner's language (default: the settings' own, Dutch)")
    p.add_argument("--out", help="keep the screenshots here (default: a temporary folder)")
    args = p.parse_args()

    if not have_xvfb():
        return SKIP

    work, shots, records = workspace("signaal-gui-", args.out)

    expected = None
    script = args.script
    if args.like_text_player:
        script, expected = script_like_text_player(args, work)

    cmd = [*XVFB_RUN, args.signaal, "--content", args.content,
           "--records", records, "--script", script, "--screenshot-dir", shots, "--font-step", args.font_step,
           "--theme", args.theme, "--settings", os.path.join(work, "settings.json"), "--first-frame-time"]
    if args.lang:
        cmd += ["--lang", args.lang]
    if args.open_module or args.like_text_player:
        cmd += [args.module, "--trainee", "Window", "--new"]
    env = window_env(work)
    run = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=600)
    sys.stderr.write(run.stderr)
    if run.returncode != 0:
        fail(f"signaal exited {run.returncode}")

    path, rec = read_only_record(records)
    res = rec["result"]
    print(f"record {path}: finished={res['finished']} passed={res['passed']} raw={res['raw']}/{res['max']}")
    if not res["finished"]:
        fail("the attempt did not reach an ending")
    if args.expect_raw is not None and res["raw"] != args.expect_raw:
        fail(f"raw score {res['raw']}, expected {args.expect_raw}")
    if args.expect_passed is not None and res["passed"] != (args.expect_passed == "true"):
        fail(f"passed={res['passed']}, expected {args.expect_passed}")
    if expected is not None:
        got = [(a["scene"], a["response"]) for a in rec["answers"]]
        want = [(a["scene"], a["response"]) for a in expected["answers"]]
        if got != want:
            fail(f"window answers {got}\n  differ from terminal answers {want}")
        for key in ("raw", "max", "scaled", "passed", "finished", "ending"):
            if res[key] != expected["result"][key]:
                fail(f"result.{key}: window {res[key]}, terminal {expected['result'][key]}")

    check_screenshots(args.colours, shots)
    print("ok")
    return 0


if __name__ == "__main__":
    sys.exit(main())
