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
for fmt in ("table", "csv", "html"):
    p = run("signaal-report", "--quiet", "--format", fmt, recs, expect=0)
    assert len(p.stdout) > 500, fmt
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
files = sorted(os.listdir(certs))
assert len(files) == len(passed), (files, len(passed))
for name in files:
    assert open(os.path.join(certs, name), "rb").read(5) == b"%PDF-"
for t in passed[:3]:
    code = t["passes"][0]["code"]
    p = run("signaal-verify", "--code", code.lower().replace("-", " "), recs, expect=0)
    assert "CONFIRMED" in p.stdout and t["name"] in p.stdout, p.stdout
assert "REJECTED" in run("signaal-verify", "--code", "0000-0000-0000-0000", recs, expect=1).stdout

# A tampered passing record backs no certificate: its code is rejected.
t = passed[0]
reg = t["passes"][0]["registration"]
path = next(os.path.join(d, f) for d, _, fs in os.walk(recs) for f in fs if reg in f)
rec = json.load(open(path))
rec["trainee"]["name"] = "Forged Name"
json.dump(rec, open(path, "w"))
run("signaal-verify", "--code", t["passes"][0]["code"], recs, expect=1)
print("cli ok")
