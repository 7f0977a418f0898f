#!/usr/bin/env python3
"""signaal-report --lrs against a local LRS stand-in on 127.0.0.1 that checks
headers and bodies, stores statements by id and refuses duplicates like an LRS
(batch with a known id: 409; PUT of a known id: 409). Posting twice must create
nothing new; new records posted later must all arrive."""
import base64, json, os, subprocess, sys, tempfile, threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import urlparse, parse_qs

bindir = sys.argv[1]
AUTH = "Basic " + base64.b64encode(b"trainer:s3cret").decode()
stored, problems, stats = {}, [], {"post": 0, "put": 0, "503": 0, "max_batch": 0}
lock = threading.Lock()


class LRS(BaseHTTPRequestHandler):
    def log_message(self, *a):
        pass

    def reply(self, code, body=b""):
        self.send_response(code)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def checked_body(self):
        h = self.headers
        if h.get("X-Experience-API-Version") != "1.0.3":
            problems.append("missing X-Experience-API-Version")
        if not (h.get("Content-Type") or "").startswith("application/json"):
            problems.append("wrong Content-Type " + str(h.get("Content-Type")))
        body = self.rfile.read(int(h.get("Content-Length", 0)))
        if h.get("Authorization") != AUTH:
            self.reply(401, b'{"error":"unauthorised"}')
            return None
        try:
            return json.loads(body)
        except ValueError:
            problems.append("body is not JSON")
            self.reply(400)
            return None

    def do_POST(self):
        with lock:
            if urlparse(self.path).path != "/xapi/statements":
                return self.reply(404)
            stats["post"] += 1
            if stats["post"] == 2 and stats["503"] == 0:  # one transient failure: the client must retry
                stats["503"] += 1
                self.rfile.read(int(self.headers.get("Content-Length", 0)))
                return self.reply(503)
            batch = self.checked_body()
            if batch is None:
                return
            if not isinstance(batch, list) or not all(isinstance(s, dict) and "id" in s for s in batch):
                problems.append("batch is not a list of statements with ids")
                return self.reply(400)
            stats["max_batch"] = max(stats["max_batch"], len(batch))
            ids = [s["id"] for s in batch]
            if len(set(ids)) != len(ids):
                problems.append("duplicate ids inside one batch")
                return self.reply(400)
            if any(i in stored for i in ids):
                return self.reply(409)
            for s in batch:
                stored[s["id"]] = s
            self.reply(200, json.dumps(ids).encode())

    def do_PUT(self):
        with lock:
            stats["put"] += 1
            u = urlparse(self.path)
            sid = parse_qs(u.query).get("statementId", [""])[0]
            s = self.checked_body()
            if s is None:
                return
            if u.path != "/xapi/statements" or s.get("id") != sid:
                problems.append("PUT statementId does not match the statement")
                return self.reply(400)
            if sid in stored:
                if stored[sid] != s:
                    problems.append("same id, different statement: " + sid)
                return self.reply(409)
            stored[sid] = s
            self.reply(204)


server = ThreadingHTTPServer(("127.0.0.1", 0), LRS)
threading.Thread(target=server.serve_forever, daemon=True).start()
url = f"http://127.0.0.1:{server.server_port}/xapi/"
tmp = tempfile.mkdtemp(prefix="signaal-lrs-")


def run(*args, expect=0):
    p = subprocess.run([os.path.join(bindir, args[0]), *args[1:]], capture_output=True, text=True, timeout=100)
    if p.returncode != expect:
        sys.exit(f"{args}: exit {p.returncode}, expected {expect}\n{p.stdout[-1500:]}\n{p.stderr[-1500:]}")
    return p


def post(*extra, expect=0):
    return run("signaal-report", "--quiet", "--lrs", url, "--user", "trainer", "--password", "s3cret", *extra, f"{tmp}/r", expect=expect)


run("gen-records", f"{tmp}/r/a", "--records", "120", "--seed", "8")
p = post("--xapi", f"{tmp}/x.json")
expected = {s["id"] for s in json.load(open(f"{tmp}/x.json"))}
assert set(stored) == expected, (len(stored), len(expected))
assert stats["503"] == 1, "the transient 503 should have been retried"
assert stats["max_batch"] == 100, stats
print("first post:", p.stderr.strip().splitlines()[-1])

# Post again: nothing new, nothing duplicated, success.
before = dict(stored)
p = post()
assert stored == before, "second post changed the store"
assert "0 statement(s) stored" in p.stderr, p.stderr
print("second post:", p.stderr.strip().splitlines()[-1])

# New attempts mixed with old ones in a batch all arrive.
run("gen-records", f"{tmp}/r/b", "--records", "7", "--seed", "99")
run("signaal-report", "--quiet", "--xapi", f"{tmp}/x2.json", f"{tmp}/r")
all_ids = {s["id"] for s in json.load(open(f"{tmp}/x2.json"))}
post()
assert set(stored) == all_ids, (len(stored), len(all_ids))

# Wrong password: a clear error, exit 2, nothing stored.
n = len(stored)
p = run("signaal-report", "--quiet", "--lrs", url, "--user", "trainer", "--password", "wrong", f"{tmp}/r", expect=2)
assert "401" in p.stderr and len(stored) == n, p.stderr

# No LRS listening: gives up after the retries, exit 2, no hang.
p = run("signaal-report", "--quiet", "--lrs", "http://127.0.0.1:9/xapi/", "--retries", "1", f"{tmp}/r", expect=2)
assert "gave up" in p.stderr, p.stderr

server.shutdown()
if problems:
    sys.exit("LRS saw problems: " + "; ".join(sorted(set(problems))))
print(f"lrs ok: {len(stored)} statements, {stats['post']} POSTs, {stats['put']} PUTs")
