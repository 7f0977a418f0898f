#!/usr/bin/env python3
"""Module prerequisites in the window (issue 19 item 3), under Xvfb.
`signaal hotel-5-assessment` with an empty records folder: the assessment stays
locked (the start screen names modules 1 to 4; Enter and N start nothing, so no
record of it is written). Then gen-records writes this trainee's best attempts
at hotel modules 1 to 4, the records the player itself would write, and the
same command opens the assessment and begins it (its record appears).
Screenshots: look at them. Exit 77 (CTest: skipped) without xvfb-run.
"""
import argparse
import glob
import json
import os
import subprocess
import sys

from gui_common import SKIP, XVFB_RUN, check_screenshots, fail, have_xvfb, window_env, workspace

NAME, VENUE = "Sanne Visser", "Hotel Zeezicht"
NEEDED = ["hotel-1-intro", "hotel-2-reception", "hotel-3-rooms-grounds", "hotel-4-acting"]


def records_of(records, module):
    return sorted(glob.glob(os.path.join(records, module + "_*.json")))


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--signaal", required=True)
    p.add_argument("--gen", required=True, help="gen-records, for the passing records of modules 1 to 4")
    p.add_argument("--colours", required=True)
    p.add_argument("--content", required=True)
    p.add_argument("--locked-script", required=True)
    p.add_argument("--open-script", required=True)
    p.add_argument("--lang", default="en")
    p.add_argument("--out", help="keep the screenshots here (default: a temporary folder)")
    args = p.parse_args()
    if not have_xvfb():
        return SKIP

    work, shots, records = workspace("signaal-prereq-", args.out)
    os.makedirs(records, exist_ok=True)
    env = window_env(work)

    def window(script):
        cmd = [*XVFB_RUN, args.signaal, "--content", args.content,
               "--records", records, "--script", script, "--screenshot-dir", shots, "--font-step", "1",
               "--theme", "light", "--settings", os.path.join(work, "settings.json"), "--lang", args.lang,
               "hotel-5-assessment", "--trainee", NAME, "--venue", VENUE]
        run = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=600)
        sys.stderr.write(run.stderr)
        if run.returncode != 0:
            fail(f"signaal exited {run.returncode}")

    window(args.locked_script)
    if records_of(records, "hotel-5-assessment"):
        fail("the locked assessment was started: " + ", ".join(records_of(records, "hotel-5-assessment")))

    subprocess.run([args.gen, "--content", args.content, "--name", NAME, "--venue", VENUE, records,
                    "--best"] + NEEDED, check=True, capture_output=True)
    for module in NEEDED:
        recs = records_of(records, module)
        if len(recs) != 1:
            fail(f"expected one fixture record of {module}, found {recs}")
        with open(recs[0], encoding="utf-8") as f:
            if not json.load(f)["result"]["passed"]:
                fail(f"the best attempt at {module} did not pass")

    window(args.open_script)
    opened = records_of(records, "hotel-5-assessment")
    if len(opened) != 1:
        fail(f"the assessment did not open once modules 1 to 4 were passed: {opened}")

    check_screenshots(args.colours, shots, exactly=5)
    print("ok")
    return 0


if __name__ == "__main__":
    sys.exit(main())
