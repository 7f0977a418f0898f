#!/usr/bin/env python3
"""End to end: signaal-report formats, exit codes, certificates, signaal-verify --code."""
import json, os, subprocess, sys, tempfile

bindir = sys.argv[1]
tmp = tempfile.mkdtemp(prefix="signaal-report-cli-")
recs = os.path.join(tmp, "records")


def run(*args, expect=None):
    p = subprocess.run([os.path.join(bindir, args[0]), *args[1:]], capture_output=True, text=True, timeout=120)
    if expect is not None and p.returncode != expect:
        sys.exit(f"{' '.join(args)}: exit {p.returncode}, expected {expect}\n{p.stdout[-2000:]}\n{p.stderr[-2000:]}")
    return p


run("gen-records", recs, "--records", "150", "--trainees", "12", "--course", "hotel-park", "--seed", "4", expect=0)

# Every format renders; all files count: exit 0.
out = os.path.join(tmp, "r.json")
run("signaal-report", "--quiet", "--format", "json", "--out", out, recs, expect=0)
rep = json.load(open(out))
assert rep["counted"] == 150 and not rep["failures"], rep["counted"]
for fmt in ("table", "html"):
    p = run("signaal-report", "--quiet", "--format", fmt, recs, expect=0)
    assert len(p.stdout) > 500, fmt
# CSV: one table per file; without --table or a folder it says so.
assert "one table per file" in run("signaal-report", "--quiet", "--format", "csv", recs, expect=2).stderr
p = run("signaal-report", "--quiet", "--table", "venues", recs, expect=0)
assert p.stdout.startswith("\ufeffvenue,staff,passed,share_percent"), p.stdout[:80]
csvdir = os.path.join(tmp, "csv") + "/"
run("signaal-report", "--quiet", "--format", "csv", "--out", csvdir, recs, expect=0)
assert sorted(os.listdir(csvdir)) == sorted(f"{t}.csv" for t in ("trainees", "venues", "roster", "certificates", "due", "options",
                                                                   "signals", "critical", "classes", "class_questions", "skipped")), os.listdir(csvdir)
assert "no such table" in run("signaal-report", "--table", "nope", recs, expect=2).stderr
html = run("signaal-report", "--quiet", "--format", "html", recs).stdout
assert "<svg" in html and "http" not in html

# A broken file: reported, skipped, exit 1; still 150 counted.
with open(os.path.join(recs, "broken.json"), "w") as f:
    f.write('{"signaal_record": 1, "regis')
p = run("signaal-report", "--quiet", "--format", "json", recs, expect=1)
assert json.loads(p.stdout)["counted"] == 150
assert "broken.json" in p.stdout
os.remove(os.path.join(recs, "broken.json"))

# Bad options and inputs: exit 2 with a message, never a crash.
assert "threshold" in run("signaal-report", "--threshold", "-3", recs, expect=2).stderr
roster = os.path.join(tmp, "roster.csv")
open(roster, "w").write("just-a-name\n")
assert "roster" in run("signaal-report", "--roster", roster, recs, expect=2).stderr
assert "no such folder" in run("signaal-report", "/nonexistent/x", expect=2).stderr
assert "no modules" in run("signaal-report", "--content", tmp, recs, expect=2).stderr

# Threshold given as a percentage.
p = run("signaal-report", "--quiet", "--format", "json", "--threshold", "100", recs, expect=0)
assert all(v["certified"] == (v["share"] >= 1.0) for v in json.loads(p.stdout)["venues"])

# Certificates: one per trainee who passed; each code is confirmed by signaal-verify.
certs = os.path.join(tmp, "certs")
run("signaal-report", "--quiet", "--certificates", certs, "--valid-months", "12", recs, expect=0)
passed = [t for t in rep["trainees"] if t["course_passed"]]
assert passed, "the generator should make some trainees pass"
files = sorted(f for f in os.listdir(certs) if f.endswith(".pdf"))
assert len(files) == len(passed), (files, len(passed))
assert sorted(p["file"] for t in passed for p in t["passes"]) == files
for name in files:
    assert open(os.path.join(certs, name), "rb").read(5) == b"%PDF-"
for t in passed[:3]:
    code = t["passes"][0]["code"]
    p = run("signaal-verify", "--code", code.lower().replace("-", " "), recs, expect=0)
    assert "CONFIRMED" in p.stdout and t["name"] in p.stdout, p.stdout
assert "REJECTED" in run("signaal-verify", "--code", "0000-0000-0000-0000", recs, expect=1).stdout

# A tampered passing record backs no certificate: its code is rejected. The
# trainee has one passing assessment record, so no other pass backs a new
# certificate after the edit (which trainees pass twice depends on the generated records).
def passing_records(tid):
    out = 0
    for d, _, fs in os.walk(recs):
        for f in fs:
            if tid in f and f.endswith(".json"):
                r = json.load(open(os.path.join(d, f)))
                out += bool(r.get("result", {}).get("course_passed"))
    return out
t = next(x for x in passed if passing_records(x["id"]) == 1)
reg = t["passes"][0]["registration"]
path = next(os.path.join(d, f) for d, _, fs in os.walk(recs) for f in fs if reg in f)
rec = json.load(open(path))
rec["trainee"]["name"] = "Forged Name"
json.dump(rec, open(path, "w"))
run("signaal-verify", "--code", t["passes"][0]["code"], recs, expect=1)
# Re-run into the same folder after that edit: the folder holds exactly what the run reports,
# and every certificate in it is confirmed.
p = run("signaal-report", "--quiet", "--certificates", certs, "--format", "json", recs, expect=1)
rep2 = json.loads(p.stdout)
reported = sorted(q["file"] for t2 in rep2["trainees"] for q in t2["passes"])
assert sorted(f for f in os.listdir(certs) if f.endswith(".pdf")) == reported, "stale certificates left behind"
assert f"{len(reported)} certificate(s)" in p.stderr and "removed" in p.stderr, p.stderr
for t2 in rep2["trainees"]:
    for q in t2["passes"]:
        assert "CONFIRMED" in run("signaal-verify", "--code", q["code"], recs, expect=0).stdout
os.remove(path)

# Local dates: --tz moves a pass at 23:08 UTC to the next day in Amsterdam; a typo is refused.
p = run("signaal-report", "--quiet", "--format", "json", "--tz", "Europe/Amsterdam", recs)
j = json.loads(p.stdout)
assert j["timezone"] == "Europe/Amsterdam"
assert "not a time zone" in run("signaal-report", "--tz", "Europe/Amsterdm", recs, expect=2).stderr

# A roster typed by hand (no accents, other case, Dutch Excel's semicolons and BOM): same figures,
# and one stderr line naming who has no records and who is not on the roster.
people = {(t["name"], t["venue"]) for t in rep["trainees"]}
strip = str.maketrans("ëèéËïÏ", "eeeEiI")
lines = [f"{n.translate(strip).upper()};  {v.translate(strip)} ;x" for n, v in sorted(people)[1:]]
lines.append(f"Piet Nooitgezien;{sorted(people)[0][1]};x")
open(roster, "w", encoding="utf-8-sig").write("naam;locatie;functie\r\n" + "\r\n".join(lines) + "\r\n")
p = run("signaal-report", "--quiet", "--format", "json", "--roster", roster, recs, expect=0)
rj = json.loads(p.stdout)
assert [r["name"] for r in rj["roster_without_records"]] == ["Piet Nooitgezien"], rj["roster_without_records"]
assert [r["name"] for r in rj["not_on_roster"]] == [sorted(people)[0][0]]
warn = [l for l in p.stderr.splitlines() if "roster" in l]
assert len(warn) == 1 and "Piet Nooitgezien" in warn[0] and sorted(people)[0][0] in warn[0], p.stderr

# Per venue: --venue (repeatable, accents ignored) and one HTML report per venue.
v0, v1 = rep["venues"][0]["venue"], rep["venues"][-1]["venue"]
p = run("signaal-report", "--quiet", "--format", "json", "--venue", v0.upper(), "--venue", v1, recs, expect=0)
assert [v["venue"] for v in json.loads(p.stdout)["venues"]] == [v0, v1]
pv = os.path.join(tmp, "venues")
run("signaal-report", "--quiet", "--per-venue", pv, recs, expect=0)
assert len(os.listdir(pv)) == len(rep["venues"]), os.listdir(pv)
for f in os.listdir(pv):
    assert "<h1>Signaal trainer's review: venue " in open(os.path.join(pv, f), encoding="utf-8").read()

# Refresher due: with a 1-month validity every pass older than a month is overdue.
p = run("signaal-report", "--quiet", "--format", "json", "--valid-months", "1", "--due", "3m", recs, expect=0)
due = json.loads(p.stdout)["refreshers_due"]
assert len(due) == len(reported) and all(d["overdue"] for d in due), due
assert "give a period" in run("signaal-report", "--due", "soon", recs, expect=2).stderr
print("cli ok")
