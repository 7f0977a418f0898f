#!/usr/bin/env python3
"""signaal-report --lrs against a real Learning Record Store: Learning Locker's
statement service (npm package xapi-statements), run on 127.0.0.1 with no
database (memory models, local storage). Posts a folder of records, reads them
back through the LRS's own GET statements (following `more`), and checks that
every statement arrived once; posts again and checks that nothing is stored
twice. The stand-in (lrs_test.py) keeps the failures a real LRS will not
produce on demand. Exit 77 (skipped) when node or the package is missing.
  lrs_real_test.py BINDIR SERVER_JS"""
import base64, json, os, socket, subprocess, sys, tempfile, time, urllib.request

bindir, server_js = sys.argv[1], sys.argv[2]
if not os.path.exists(server_js) or not subprocess.run(["sh", "-c", "command -v node"], capture_output=True).stdout:
    print(f"skipped: no Learning Locker statement service at {server_js} (tools/test.sh installs it from npm)")
    sys.exit(77)

with socket.socket() as s:  # a free port on the loopback address only
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
url = f"http://127.0.0.1:{port}/xAPI/"
env = dict(os.environ, AUTH_REPO="test", EVENTS_REPO="test", MODELS_REPO="memory", STORAGE_REPO="local",
           EXPRESS_PORT=str(port))
tmp = tempfile.mkdtemp(prefix="signaal-lrs-real-")
env["FS_LOCAL_STORAGE_DIR"] = tmp + "/storage"
shim = os.path.join(os.path.dirname(os.path.abspath(__file__)), "loopback_only.js")
server = subprocess.Popen(["node", "-r", shim, server_js], cwd=tmp, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
AUTH = "Basic " + base64.b64encode(b"trainer:s3cret").decode()


def get(path):
    req = urllib.request.Request(f"http://127.0.0.1:{port}{path}",
                                 headers={"Authorization": AUTH, "X-Experience-API-Version": "1.0.3"})
    with urllib.request.urlopen(req, timeout=10) as r:
        return json.load(r)


def all_statements():
    out, path = [], "/xAPI/statements?limit=500"
    for _ in range(1000):  # bounded: at most 1000 pages
        page = get(path)
        out += page["statements"]
        if not page.get("more"):
            return out
        path = page["more"] if page["more"].startswith("/xAPI") else "/xAPI" + page["more"].split("/xAPI", 1)[-1]
    sys.exit("the LRS never stopped paging")


def run(*args, expect=0):
    p = subprocess.run([os.path.join(bindir, args[0]), *args[1:]], capture_output=True, text=True, timeout=300)
    if p.returncode != expect:
        sys.exit(f"{args}: exit {p.returncode}, expected {expect}\n{p.stdout[-1500:]}\n{p.stderr[-1500:]}")
    return p


try:
    for _ in range(150):  # up to 30 s for node to start
        try:
            get("/xAPI/statements?limit=1")
            break
        except OSError:
            if server.poll() is not None:
                sys.exit("the LRS stopped while starting")
            time.sleep(0.2)
    else:
        sys.exit("the LRS did not start within 30 s")

    run("gen-records", f"{tmp}/r", "--records", "60", "--seed", "12")
    run("signaal-report", "--quiet", "--xapi", f"{tmp}/x.json", f"{tmp}/r")
    expected = {s["id"] for s in json.load(open(f"{tmp}/x.json"))}
    post = ["signaal-report", "--quiet", "--lrs", url, "--user", "trainer", "--password", "s3cret", f"{tmp}/r"]
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
    server.terminate()
    try:
        server.wait(timeout=10)
    except subprocess.TimeoutExpired:
        server.kill()
