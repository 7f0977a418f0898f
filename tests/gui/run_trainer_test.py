#!/usr/bin/env python3
"""Trainer view under Xvfb: generates score records (gen-records, the report
benchmark's generator: records the player itself would write), opens
`signaal --trainer DIR` driven by tests/gui/trainer.script, which types a venue
filter without applying it and exports (issue 21 item 6: the export applies it
and names it), visits every tab, filters on part of a module title (item 7),
then on a folder that does not exist (item 7: no figures, nothing exported).
Checks each CSV against signaal-report's own JSON for that venue and filter
(same staff, passed, certified flag) and that every screenshot shows something.
Exit 77 (CTest: skipped) when xvfb-run is missing; 1 on any failed check.
"""
import argparse
import csv
import io
import json
import os
import subprocess
import sys


from gui_common import SKIP, XVFB_RUN, check_screenshots, fail, have_xvfb, window_env, workspace


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
    # 300 attempts by 16 trainees: enough that the chosen venue reaches the assessment,
    # which opens only after modules 1-4 (the generator plays what a trainee has unlocked).
    subprocess.run([args.gen, "-n", "300", "--trainees", "16", "--seed", "5", "--course", "hotel-park",
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
    out_csv2 = os.path.join(work, "export", "trainer-module.csv")
    out_csv3 = os.path.join(work, "export", "trainer-bad.csv")
    os.makedirs(os.path.dirname(out_csv))
    with open(args.script, encoding="utf-8") as f:
        script = (f.read().replace("@VENUE@", venue).replace("@CSV@", out_csv).replace("@CSV2@", out_csv2)
                  .replace("@CSV3@", out_csv3).replace("@BADDIR@", os.path.join(work, "no-such-records")))
    script_file = os.path.join(work, "trainer.script")
    with open(script_file, "w", encoding="utf-8") as f:
        f.write(script)

    cmd = [*XVFB_RUN, args.signaal, "--trainer", records,
           "--content", args.content, "--script", script_file, "--screenshot-dir", shots,
           "--settings", os.path.join(work, "settings.json"), "--lang", args.lang]
    env = window_env(work)
    run = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=600)
    sys.stderr.write(run.stderr)
    if run.returncode != 0:
        fail(f"signaal exited {run.returncode}")

    def read_csv(path):
        if not os.path.exists(path):
            fail(f"no CSV exported to {path}")
        with open(path, "rb") as f:
            raw = f.read()
        if not raw.startswith(b"\xef\xbb\xbf"):
            fail(f"{path}: no UTF-8 byte-order mark")
        return list(csv.reader(io.StringIO(raw[3:].decode("utf-8"), newline="")))

    def check_venue(path, want, filter_text):
        rows = read_csv(path)
        header, body = rows[0], rows[1:]
        if header[:3] != ["venue", "staff", "passed"] or header[-1] != "filter":
            fail(f"{path}: expected the venues table with a filter column, got header {header}")
        if len(body) != 1:
            fail(f"{path}: expected exactly one venue row (the typed filter applied), got {body}")
        v = dict(zip(header, body[0]))
        got = {"venue": v["venue"], "staff": int(v["staff"]), "passed": int(v["passed"]), "certified": v["certified"] == "yes",
               "filter": v["filter"]}
        expect = {"venue": want["venue"], "staff": want["staff"], "passed": want["passed"], "certified": want["certified"],
                  "filter": filter_text}
        if got != expect:
            fail(f"{path}: venue row {got}, expected {expect}")
        print(f"{os.path.basename(path)}: {got}")

    # Item 6: exported without pressing Enter in the filter: the filter was applied and is in the file.
    check_venue(out_csv, want, f"venue {venue}")

    # Item 7: "eindtoets" (part of a title) picked the assessment module.
    mod = subprocess.run([args.report, "--quiet", "--format", "json", "--content", args.content, "--venue", venue,
                          "--module", "hotel-5-assessment", records], capture_output=True, text=True)
    mod_venue = next(v for v in json.loads(mod.stdout)["venues"] if v["venue"] == venue)
    check_venue(out_csv2, mod_venue, f"venue {venue}, module hotel-5-assessment")

    # Item 7: a folder that does not exist: nothing exported (no file of zeros).
    if os.path.exists(out_csv3):
        fail(f"a CSV was exported from a folder that does not exist: {open(out_csv3, encoding='utf-8').read()[:300]}")

    check_screenshots(args.colours, shots, exactly=11)
    print("ok")
    return 0


if __name__ == "__main__":
    sys.exit(main())
