#!/usr/bin/env python3
"""The report from an LRS next to the report from files, at scale (issue 22):
N generated attempts are posted to Learning Locker's statement service
(tests/report/real_lrs.py: npm xapi-statements, memory models, 127.0.0.1), then
reported from the LRS (cold mirror, then again with `since`) and from the files.
Prints wall times, the LRS's own share of the fetch, and checks the two reports
agree (apart from where each attempt came from). With OTHER_BINDIR (another
build, e.g. before a change) its first fetch is timed on the same LRS too,
so a before/after needs one post of N attempts, not two.
  python3 tests/bench/lrs/bench_lrs.py BINDIR [N] [OTHER_BINDIR]   (default N = 10000)"""
import json, os, subprocess, sys, time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "..", "report"))
from real_lrs import Lrs, free_port, skip_unless_installed, USER, PASSWORD  # noqa: E402
import tempfile  # noqa: E402

bindir = sys.argv[1]
n = int(sys.argv[2]) if len(sys.argv) > 2 else 10000
other = sys.argv[3] if len(sys.argv) > 3 else None
server_js = os.path.expanduser("~/.cache/signaal-npm/node_modules/xapi-statements/dist/server.js")
skip_unless_installed(server_js)
tmp = tempfile.mkdtemp(prefix="signaal-bench-lrs-")
lrs = Lrs(server_js, free_port(), tmp)
creds = ["--user", USER, "--password", PASSWORD]


def timed(*args, programs=None):
    t0 = time.monotonic()
    p = subprocess.run([f"{programs or bindir}/signaal-report", "--quiet", *args], capture_output=True, text=True,
                       env=dict(os.environ, SIGNAAL_REPORT_TIMING="1"))
    dt = time.monotonic() - t0
    if p.returncode != 0:
        sys.exit(f"signaal-report {args[:3]}: exit {p.returncode}\n{p.stderr[-2000:]}")
    return dt, p.stderr


def strip(r):
    if isinstance(r, dict):
        return {k: os.path.basename(v) if k == "file" and isinstance(v, str) else strip(v)
                for k, v in r.items() if k not in ("dirs", "generated")}
    return [strip(v) for v in r] if isinstance(r, list) else r


subprocess.run([f"{bindir}/gen-records", f"{tmp}/r", "--records", str(n), "--seed", "22"], check=True, capture_output=True)
try:
    lrs.start()
    post, err = timed("--lrs", lrs.url, *creds, "--batch", "500", f"{tmp}/r")
    print(f"post {n} attempts: {post:.1f} s; {err.strip().splitlines()[-1]}")
    files, _ = timed("--format", "json", "--out", f"{tmp}/files.json", f"{tmp}/r")
    print(f"report from files: {files:.2f} s")
    if other:
        cold2, err = timed("--format", "json", "--out", f"{tmp}/lrs-other.json", "--from-lrs", lrs.url, *creds, "--lrs-mirror", f"{tmp}/m2",
                           programs=other)
        line = [l for l in err.splitlines() if l.startswith("signaal-report: LRS:")][0]
        print(f"{other}: report from the LRS, empty mirror: {cold2:.2f} s; {line}")
    cold, err = timed("--format", "json", "--out", f"{tmp}/lrs.json", "--from-lrs", lrs.url, *creds, "--lrs-mirror", f"{tmp}/m")
    line = [l for l in err.splitlines() if l.startswith("signaal-report: LRS:")][0]
    print(f"report from the LRS, empty mirror: {cold:.2f} s; {line}")
    warm, err = timed("--format", "json", "--out", f"{tmp}/lrs2.json", "--from-lrs", lrs.url, *creds, "--lrs-mirror", f"{tmp}/m")
    line = [l for l in err.splitlines() if l.startswith("signaal-report: LRS:")][0]
    print(f"report from the LRS again (since): {warm:.2f} s; {line}")
    a, b = strip(json.load(open(f"{tmp}/files.json"))), strip(json.load(open(f"{tmp}/lrs.json")))
    same = a == b and (not other or a == strip(json.load(open(f"{tmp}/lrs-other.json"))))
    print("reports agree" if same else "REPORTS DIFFER")
    sys.exit(0 if same else 1)
finally:
    lrs.stop()
