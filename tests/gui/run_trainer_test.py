#!/usr/bin/env python3
"""Trainer view under Xvfb: generates score records (gen-records, the report
benchmark's generator: records the player itself would write), opens
`signaal --trainer DIR` driven by tests/gui/trainer.script, which filters by
one venue, visits every tab and exports CSV. Checks the CSV against
signaal-report's own JSON for that venue (same staff, passed, certified flag;
only that venue's trainees) and that every screenshot shows something.
Exit 77 (CTest: skipped) when xvfb-run is missing; 1 on any failed check.
"""
import argparse
import csv
import io
import json
import os
import subprocess
import sys


from gui_common import SKIP, check_screenshots, fail, have_xvfb, workspace


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--signaal", required=True)
    p.add_argument("--report", required=True, help="signaal-report, for the expected figures")
    p.add_argument("--gen", required=True, help="gen-records")
    p.add_argument("--colours", required=True, help="the png_colours checker")
    p.add_argument("--content", required=True)
    p.add_argument("--script", required=True, help="trainer.script (with @VENUE@ and @CSV@)")
    p.add_argument("--lang", default="nl")
    p.add_argument("--out", help="keep the screenshots here (default: a temporary folder)")
    args = p.parse_args()

    if not have_xvfb():
        return SKIP

    work, shots, records = workspace("signaal-trainer-", args.out)
    subprocess.run([args.gen, "-n", "80", "--trainees", "16", "--seed", "5", "--course", "hotel-park",
                    "--content", args.content, records], check=True, capture_output=True)
    # One file that does not verify, so the Skipped tab has a row.
    with open(os.path.join(records, "broken.json"), "w", encoding="utf-8") as f:
        f.write("{ not json")

    rep = subprocess.run([args.report, "--quiet", "--format", "json", "--content", args.content, records],
                         capture_output=True, text=True)
    if rep.returncode not in (0, 1):
        fail(f"signaal-report exited {rep.returncode}: {rep.stderr}")
    full = json.loads(rep.stdout)
    venues = full["venues"]
    if len(venues) < 2:
        fail(f"expected several venues in the generated records, got {venues}")
    # The venue with the most staff: the filtered view must differ from the full one.
    want = max(venues, key=lambda v: (v["staff"], v["venue"]))
    venue = want["venue"]
    print(f"filtering on {venue!r}: staff {want['staff']}, passed {want['passed']}, certified {want['certified']}")

    out_csv = os.path.join(work, "export", "trainer.csv")
    os.makedirs(os.path.dirname(out_csv))
    with open(args.script, encoding="utf-8") as f:
        script = f.read().replace("@VENUE@", venue).replace("@CSV@", out_csv)
    script_file = os.path.join(work, "trainer.script")
    with open(script_file, "w", encoding="utf-8") as f:
        f.write(script)

    cmd = ["xvfb-run", "-a", "-s", "-screen 0 1366x768x24", args.signaal, "--trainer", records,
           "--content", args.content, "--script", script_file, "--screenshot-dir", shots,
           "--settings", os.path.join(work, "settings.json"), "--lang", args.lang]
    env = dict(os.environ, LIBGL_ALWAYS_SOFTWARE="1", XDG_CONFIG_HOME=os.path.join(work, "config"))
    run = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=600)
    sys.stderr.write(run.stderr)
    if run.returncode != 0:
        fail(f"signaal exited {run.returncode}")

    if not os.path.exists(out_csv):
        fail(f"no CSV exported to {out_csv}")
    with open(out_csv, encoding="utf-8", newline="") as f:
        rows = list(csv.reader(f))
    venue_rows = [r for r in rows if r and r[0] == "venue"]
    if len(venue_rows) != 1:
        fail(f"expected exactly one venue row after filtering, got {venue_rows}")
    v = venue_rows[0]
    got = {"venue": v[1], "staff": int(v[2]), "passed": int(v[3]), "certified": v[5] == "yes"}
    expect = {"venue": venue, "staff": want["staff"], "passed": want["passed"], "certified": want["certified"]}
    if got != expect:
        fail(f"venue row {got}, expected {expect}")
    trainees = [r for r in rows if r and r[0] == "trainee"]
    if not trainees or any(r[3] != venue for r in trainees):
        fail(f"trainee rows must all be from {venue!r}: {[r[3] for r in trainees]}")
    if not any(r[0] == "header:skipped" for r in rows) or not any(r[0] == "skipped" for r in rows):
        fail("the broken file is not listed as skipped in the CSV")
    print(f"CSV: {len(trainees)} trainee rows, venue row {got}")

    check_screenshots(args.colours, shots, exactly=7)
    print("ok")
    return 0


if __name__ == "__main__":
    sys.exit(main())
