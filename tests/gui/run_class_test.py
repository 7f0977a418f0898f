#!/usr/bin/env python3
"""Classroom mode under Xvfb: runs `signaal --class MODULE` driven by a
--script (tests/gui/class.script plays case-7-jim with votes at every
decision, one override, one back, a reveal and the debrief slides), then
checks the class record it wrote and that every screenshot shows something.
It also checks that no score record was written: a class session never counts
toward a person's certificate.
Exit 77 (CTest: skipped) when xvfb-run is missing; 1 on any failed check.
"""
import argparse
import glob
import json
import os
import subprocess
import sys


from gui_common import SKIP, XVFB_RUN, check_screenshots, fail, have_xvfb, window_env, workspace


PANEL_RGB = "0d1433"  # the presenter panel's background, ImVec4(0.05, 0.08, 0.20) in class_view.cpp


def expect(what, got, want):
    if got != want:
        fail(f"{what}: {got!r}, expected {want!r}")


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--signaal", required=True)
    p.add_argument("--colours", required=True, help="the png_colours checker")
    p.add_argument("--module", required=True, help="file or module id, as for --class")
    p.add_argument("--content", required=True)
    p.add_argument("--script", required=True)
    p.add_argument("--resume-script", required=True, help="continues an interrupted session (F5)")
    p.add_argument("--out", help="keep the screenshots here (default: a temporary folder)")
    args = p.parse_args()

    if not have_xvfb():
        return SKIP

    work, shots, records = workspace("signaal-class-", args.out)
    cmd = [*XVFB_RUN, args.signaal, "--class", args.module,
           "--content", args.content, "--records", records, "--script", args.script, "--screenshot-dir", shots,
           "--settings", os.path.join(work, "settings.json"), "--lang", "nl"]
    env = window_env(work)
    run = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=600)
    sys.stderr.write(run.stderr)
    if run.returncode != 0:
        fail(f"signaal exited {run.returncode}")

    files = glob.glob(os.path.join(records, "*.json"))
    class_files = [f for f in files if os.path.basename(f).startswith("class_")]
    if len(class_files) != 1 or len(files) != 1:
        fail(f"expected exactly one record, a class record, in {records}; found {files}")
    with open(class_files[0], encoding="utf-8") as f:
        rec = json.load(f)
    print(f"class record {class_files[0]}")
    expect("signaal_class_record", rec.get("signaal_class_record"), 1)
    if "result" in rec or "answers" in rec:
        fail("the class record looks like a score record")
    expect("class", rec["class"], "3B Toerisme")
    expect("teacher", rec["teacher"], "Mevr. de Vries")
    expect("class_size", rec.get("class_size"), 24)
    expect("module.id", rec["module"]["id"], "case-7-jim")
    expect("finished", rec["finished"], True)
    expect("ending", rec["ending"], "end-early")
    d = rec["decisions"]
    # registration was decided twice: the first ("note") was undone with PageUp.
    expect("decisions", [x["scene"] for x in d], ["proposal", "papers", "registration", "early-board"])
    expect("responses", [x["response"] for x in d],
           [["p-all", "p-mother"], ["abroad", "early", "midwife"], ["ask"], ["interest"]])
    expect("overridden", [x["overridden"] for x in d], [False, True, False, False])
    expect("proposal votes", d[0]["votes"], {"p-all": 18, "p-healthy": 2, "p-mother": 12, "p-papers": 0})
    expect("papers votes", d[1]["votes"], {"abroad": 10, "early": 4, "midwife": 0, "mother": 9})
    # 99 for register was refused (24 pupils), and the too-few warning did not decide.
    expect("registration votes", d[2]["votes"], {"ask": 13, "note": 2, "register": 8})
    expect("early-board votes (a tie)", d[3]["votes"], {"interest": 6, "leave": 6, "punish": 0})
    for x in d:
        if not x["time"].endswith("Z"):
            fail(f"decision time {x['time']!r} is not ISO 8601 UTC")

    # The blanked projector is black by design, and with the panel hidden nothing else shows.
    check_screenshots(args.colours, shots, at_least=10, blank=("class-blank.png",))
    # The presenter panel (its own dark blue) is hidden when the session starts
    # and shows only where the script opened it: a mirrored projector must not
    # show the answer key by accident.
    for name, panel in [("class-opening.png", False), ("class-projector-highlight.png", False),
                        ("class-presenter-highlight.png", True), ("class-tie.png", False),
                        ("class-presenter-ending.png", True), ("class-summary.png", False)]:
        out = subprocess.run([args.colours, os.path.join(shots, name), "1", PANEL_RGB], capture_output=True, text=True).stdout
        pixels = int(out.split(f"{PANEL_RGB}: ")[1].split()[0])
        if (pixels > 10000) != panel:
            fail(f"{name}: {pixels} pixels of the presenter panel's colour; the panel should be {'open' if panel else 'hidden'}")
    # Resume: the same session cut back to its first two decisions, as a laptop
    # that died mid-lesson leaves it; F5 continues it into the same file.
    resume_records = os.path.join(work, "resume-records")
    os.makedirs(resume_records)
    cut = dict(rec, decisions=rec["decisions"][:2], finished=False, ending="")
    resume_file = os.path.join(resume_records, os.path.basename(class_files[0]))
    with open(resume_file, "w", encoding="utf-8") as f:
        json.dump(cut, f)
    resume_shots = os.path.join(shots, "resume")
    os.makedirs(resume_shots, exist_ok=True)
    for old in glob.glob(os.path.join(resume_shots, "*.png")):
        os.remove(old)
    cmd = [*XVFB_RUN, args.signaal, "--class", args.module,
           "--content", args.content, "--records", resume_records, "--script", args.resume_script,
           "--screenshot-dir", resume_shots, "--settings", os.path.join(work, "settings.json"), "--lang", "nl"]
    run = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=600)
    sys.stderr.write(run.stderr)
    if run.returncode != 0:
        fail(f"signaal (resume) exited {run.returncode}")
    if sorted(os.listdir(resume_records)) != [os.path.basename(class_files[0])]:
        fail(f"resume wrote other files: {os.listdir(resume_records)}")
    with open(resume_file, encoding="utf-8") as f:
        resumed = json.load(f)
    expect("resumed session", resumed["session"], rec["session"])
    expect("resumed decisions", [x["scene"] for x in resumed["decisions"]], ["proposal", "papers", "registration"])
    expect("resumed response", resumed["decisions"][2]["response"], ["ask"])
    expect("resumed votes kept", resumed["decisions"][1]["votes"], rec["decisions"][1]["votes"])
    check_screenshots(args.colours, resume_shots, exactly=3)
    print("ok")
    return 0


if __name__ == "__main__":
    sys.exit(main())
