#!/usr/bin/env python3
"""signaal-report --lrs against a real Learning Record Store: Learning Locker's
statement service (npm package xapi-statements), run on 127.0.0.1 with no
database (memory models, local storage). Posts a folder of records, reads them
back through the LRS's own GET statements (following `more`), and checks that
every statement arrived once; posts again and checks that nothing is stored
twice. The stand-in (lrs_test.py) keeps the failures a real LRS will not
produce on demand. Exit 77 (skipped) when node or the package is missing.
  lrs_real_test.py BINDIR SERVER_JS"""
import json, os, subprocess, sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from real_lrs import from_args, USER, PASSWORD

bindir, tmp, lrs = from_args("signaal-lrs-real-")
url = lrs.url
all_statements = lrs.all_statements


def run(*args, expect=0):
    p = subprocess.run([os.path.join(bindir, args[0]), *args[1:]], capture_output=True, text=True, timeout=300)
    if p.returncode != expect:
        sys.exit(f"{args}: exit {p.returncode}, expected {expect}\n{p.stdout[-1500:]}\n{p.stderr[-1500:]}")
    return p


try:
    lrs.start()

    run("gen-records", f"{tmp}/r", "--records", "60", "--seed", "12")
    run("signaal-report", "--quiet", "--xapi", f"{tmp}/x.json", f"{tmp}/r")
    expected = {s["id"] for s in json.load(open(f"{tmp}/x.json"))}
    post = ["signaal-report", "--quiet", "--lrs", url, "--user", USER, "--password", PASSWORD, f"{tmp}/r"]
    p = run(*post)
    got = [s["id"] for s in all_statements()]
    assert len(got) == len(set(got)), "a statement is stored twice"
    assert set(got) == expected, f"{len(set(got))} stored, {len(expected)} sent"
    print("first post:", p.stderr.strip().splitlines()[-1])

    p = run(*post)  # again: the LRS already has every id
    again = [s["id"] for s in all_statements()]
    assert sorted(again) == sorted(got), "posting again changed what the LRS holds"
    print("second post:", p.stderr.strip().splitlines()[-1])
    print(f"real LRS ok: {len(got)} statements, each stored once")
finally:
    lrs.stop()
