#!/usr/bin/env python3
"""Votes from phones, for real (docs/gui.md "Votes from phones"): runs
`signaal --class` on content/example under Xvfb with phone voting bound to
127.0.0.1 (tests/gui/phones.script), and plays 30 phones at once against it at
the choice, the select and the highlight question: each opens the page, gets
its voter cookie and votes, some change their vote; then one latecomer votes,
so the window (waiting for 31) closes voting only after all of that is in. In between it sends what a
stranger might: wrong session codes, unknown voters, options not asked,
malformed and oversized bodies and headers, other methods and paths, and a
flood from one address. Every bad request must get a 4xx; the class record
must hold exactly the counts sent; the window must still run and idle at
about 0 % CPU while nobody votes.
Exit 77 (CTest: skipped) when xvfb-run is missing; 1 on any failed check.
"""
import concurrent.futures
import http.client
import json
import os
import re
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.parse

from gui_common import SKIP, check_screenshots, fail, have_xvfb, read_only_record, workspace
from phones_common import parser, start_window

HOST = "127.0.0.1"


class Phones:
    def __init__(self, port, code):
        self.port, self.code = port, code

    def request(self, method, path, body=None, headers=None, timeout=10):
        c = http.client.HTTPConnection(HOST, self.port, timeout=timeout)
        try:
            c.request(method, path, body=body, headers=headers or {})
            r = c.getresponse()
            return r.status, dict(r.getheaders()), r.read()
        finally:
            c.close()

    def question(self):
        status, _, body = self.request("GET", f"/{self.code}/q")
        if status != 200:
            fail(f"GET /q: HTTP {status}")
        return json.loads(body)

    def wait_question(self, kind, not_key=None, seconds=60):
        """Polls /q as the page does until an open question of `kind` (other than `not_key`) is asked."""
        deadline = time.time() + seconds
        while time.time() < deadline:
            q = self.question()
            if q.get("open") and q.get("kind") == kind and q.get("key") != not_key:
                return q
            time.sleep(0.5)
        fail(f"no open {kind} question within {seconds} s")

    def join(self):
        """Opens the page as a phone: returns the voter token from the cookie (and checks the form carries it)."""
        status, headers, body = self.request("GET", f"/{self.code}/")
        if status != 200:
            fail(f"GET page: HTTP {status}")
        m = re.search(r"sv=([0-9a-f]{32})", headers.get("Set-Cookie", ""))
        if not m:
            fail(f"no voter cookie: {headers}")
        if f'value="{m.group(1)}"' not in body.decode():
            fail("the page's form does not carry the voter token")
        return m.group(1)

    def vote(self, token, key, picks, cookie=True, js=True):
        fields = [("q", key)] + [("o", p) for p in picks] + ([("js", "1")] if js else [])
        headers = {"Content-Type": "application/x-www-form-urlencoded"}
        if cookie:
            headers["Cookie"] = f"sv={token}"
        else:
            fields.insert(0, ("t", token))
        return self.request("POST", f"/{self.code}/vote", urllib.parse.urlencode(fields), headers)


def play(phones, q, ballots, changes):
    """30 phones at once: each joins and votes `ballots[i]`; the first `changes` first vote something else.
    Then one latecomer votes `ballots[-1]`: the window waits for 31 voters, so it
    closes voting only after every change of mind is in."""
    refill()
    ids = [o["id"] for o in q["options"]]
    for o in q["options"]:
        if set(o) != {"id", "label"}:
            fail(f"a phone sees more than an option's id and label: {o}")

    def one(i):
        token = phones.join()
        if i < changes:  # a first vote, changed below: it must count once, as the second
            first = [ids[(ids.index(ballots[i][0]) + 1) % len(ids)]] if ballots[i] else [ids[0]]
            status, _, body = phones.vote(token, q["key"], first)
            if status != 200:
                fail(f"first vote: HTTP {status} {body!r}")
        # Half the phones vote without the cookie, as a browser that refuses cookies
        # (the form's hidden field); a third post the plain form, as without JavaScript.
        js = i % 3 != 0
        status, headers, body = phones.vote(token, q["key"], ballots[i], cookie=i % 2 == 0, js=js)
        if js and (status != 200 or not json.loads(body)["ok"]):
            fail(f"vote {ballots[i]}: HTTP {status} {body!r}")
        if not js and (status != 303 or headers.get("Location") != f"/{phones.code}/?t={token}"):
            fail(f"form vote {ballots[i]}: HTTP {status} {headers}")
        return token

    with concurrent.futures.ThreadPoolExecutor(max_workers=30) as pool:
        tokens = list(pool.map(one, range(len(ballots) - 1)))
    tokens.append(one(len(ballots) - 1))
    return tokens


def refill():
    """All the test's phones share 127.0.0.1, so before each round the address's
    request budget refills (120 at once, then 20 a second; phone_server.cpp)."""
    time.sleep(6.5)


def expected(q, ballots):
    counts = {o["id"]: 0 for o in q["options"]}
    for b in ballots:
        for p in b:
            counts[p] += 1
    return counts


def raw(phones, data, timeout=5):
    """Sends bytes as they are and returns the status code (0: the server closed the connection without one)."""
    with socket.create_connection((HOST, phones.port), timeout=timeout) as s:
        try:
            s.sendall(data)
            s.shutdown(socket.SHUT_WR)
        except OSError:
            pass
        reply = b""
        try:
            while chunk := s.recv(4096):
                reply += chunk
        except OSError:
            pass
    m = re.match(rb"HTTP/1\.[01] (\d{3})", reply)
    return int(m.group(1)) if m else 0


def strangers(phones, q, token):
    """Everything that must be refused with a 4xx and must not count."""
    refill()
    code, key = phones.code, q["key"]
    form = {"Content-Type": "application/x-www-form-urlencoded", "Cookie": f"sv={token}"}
    other = "0" + code[1:] if code[0] != "0" else "1" + code[1:]
    cases = [
        ("wrong code page", "GET", f"/{other}/", None, {}),
        ("wrong code vote", "POST", f"/{other}/vote", f"q={key}&o={q['options'][0]['id']}", form),
        ("no code", "GET", "/", None, {}),
        ("code prefix", "GET", f"/{code}0/", None, {}),
        ("unknown path", "GET", f"/{code}/admin", None, {}),
        ("traversal", "GET", f"/{code}/../../etc/passwd", None, {}),
        ("vote by GET", "GET", f"/{code}/vote", None, {}),
        ("page by POST", "POST", f"/{code}/", "x", form),
        ("DELETE", "DELETE", f"/{code}/vote", None, {}),
        ("unknown voter", "POST", f"/{code}/vote", f"t={'ab' * 16}&q={key}&o={q['options'][0]['id']}", {"Content-Type": form["Content-Type"]}),
        ("no voter", "POST", f"/{code}/vote", f"q={key}&o={q['options'][0]['id']}", {"Content-Type": form["Content-Type"]}),
        ("malformed token", "POST", f"/{code}/vote", f"t=%00%ff'\"<>&q={key}&o={q['options'][0]['id']}", {"Content-Type": form["Content-Type"]}),
        ("option not asked", "POST", f"/{code}/vote", f"q={key}&o=points", form),
        ("old question", "POST", f"/{code}/vote", "q=desk%230&o=register", form) if key != "desk#0" else
        ("old question", "POST", f"/{code}/vote", "q=signals%231&o=age", form),
        ("unknown field", "POST", f"/{code}/vote", f"q={key}&points=99", form),
        ("repeated option", "POST", f"/{code}/vote", f"q={key}&o={q['options'][0]['id']}&o={q['options'][0]['id']}", form),
        ("not a form", "POST", f"/{code}/vote", json.dumps({"q": key, "o": [q["options"][0]["id"]]}), {"Content-Type": "application/json", "Cookie": f"sv={token}"}),
        ("binary garbage", "POST", f"/{code}/vote", bytes(range(256)) * 4, form),
        ("oversized body", "POST", f"/{code}/vote", "o=" + "x" * 100_000, form),
        ("500 picks", "POST", f"/{code}/vote", f"q={key}&" + "&".join(["o=age"] * 500), form),
    ]
    if q["kind"] != "choice":
        cases.append(("too many picks", "POST", f"/{code}/vote", f"q={key}&" + "&".join(f"o={o['id']}" for o in q["options"] * 30), form))
    else:
        cases.append(("two choices", "POST", f"/{code}/vote", f"q={key}&o={q['options'][0]['id']}&o={q['options'][1]['id']}", form))
    for name, method, path, body, headers in cases:
        status, _, reply = phones.request(method, path, body, headers)
        # 429 would be the rate limit, not the check this case is about.
        if not 400 <= status < 500 or status == 429:
            fail(f"{name}: HTTP {status} {reply[:200]!r}, expected a 4xx")
        print(f"  {name}: {status}")
    # Raw bytes: a header larger than the server's memory for one connection, a lying Content-Length, no HTTP at all.
    for name, data in [
        ("huge header", f"GET /{code}/ HTTP/1.1\r\nHost: x\r\nX-Pad: {'a' * 64_000}\r\n\r\n".encode()),
        ("content-length beyond the limit", f"POST /{code}/vote HTTP/1.1\r\nHost: x\r\nContent-Length: 999999999\r\nContent-Type: application/x-www-form-urlencoded\r\n\r\nq=1".encode()),
        ("malformed request line", b"\x16\x03\x01\x02\x00\x01\x00\x01\xfc\x03\x03 not http\r\n\r\n"),
        ("bad content-length", f"POST /{code}/vote HTTP/1.1\r\nHost: x\r\nContent-Length: -5\r\n\r\n".encode()),
    ]:
        status = raw(phones, data)
        if status and not 400 <= status < 500:
            fail(f"{name}: HTTP {status}, expected a 4xx or a closed connection")
        print(f"  {name}: {status or 'closed'}")


def flood(phones):
    """More requests from one address than any phone sends: some must get 429, none may get a 5xx."""
    statuses = []
    lock = threading.Lock()

    def hit(_):
        try:
            s, _, _ = phones.request("GET", f"/{phones.code}/q", timeout=5)
        except OSError:
            s = 0  # a refused connection (the connection limit) is fine too
        with lock:
            statuses.append(s)

    with concurrent.futures.ThreadPoolExecutor(max_workers=16) as pool:
        list(pool.map(hit, range(400)))
    if 429 not in statuses:
        fail(f"400 requests at once from one address: no 429 ({sorted(set(statuses))})")
    if any(s >= 500 for s in statuses):
        fail(f"the flood got a 5xx: {sorted(set(statuses))}")
    print(f"  flood: {statuses.count(429)} of 400 got 429, {statuses.count(200)} got 200")
    refill()


def window_pid(signaal, records, must=True):
    """The signaal process under xvfb-run: the one started with our records folder."""
    for d in os.listdir("/proc"):
        if not d.isdigit():
            continue
        try:
            with open(f"/proc/{d}/cmdline", "rb") as f:
                argv = f.read().split(b"\0")
        except OSError:
            continue
        if argv and argv[0].decode(errors="replace") == signaal and records.encode() in argv:
            return int(d)
    if must:
        fail("cannot find the window's process")
    return None


def cpu_ticks(pid):
    with open(f"/proc/{pid}/stat") as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return int(fields[11]) + int(fields[12])  # utime + stime


def main():
    p = parser(__doc__)
    p.add_argument("--out")
    p.add_argument("--idle-seconds", type=float, default=5)
    args = p.parse_args()
    if not have_xvfb():
        return SKIP

    work, shots, records = workspace("signaal-phones-", args.out)
    proc, lines, port, code = start_window(args.signaal, args.content, args.script, shots, records, work)
    try:
        phones = Phones(port, code)
        print(f"phone voting on 127.0.0.1:{phones.port}, code {phones.code}")

        # 1. A choice. First the strangers and a flood while voting is open (what
        # they sent must not count), then 30 phones, 10 of them changing their vote.
        q1 = phones.wait_question("choice")
        ids = [o["id"] for o in q1["options"]]
        print("strangers at the choice:")
        strangers(phones, q1, phones.join())
        flood(phones)
        ballots1 = [["register"]] * 14 + [["ask-girl"]] * 9 + [["confront"]] * 2 + [["look-away"]] * 5 + [["register"]]
        if not set(b[0] for b in ballots1) <= set(ids):
            fail(f"desk's options: {ids}")
        tokens = play(phones, q1, ballots1, changes=10)
        # 2. A select: any set of marks, none included.
        q2 = phones.wait_question("select", not_key=q1["key"])
        print("strangers at the select:")
        strangers(phones, q2, tokens[1])
        ballots2 = [["age", "luggage"]] * 12 + [["age"]] * 8 + [["late"]] * 4 + [["age", "luggage", "late"]] * 3 + [[]] * 3 + [["age"]]
        play(phones, q2, ballots2, changes=6)
        # 3. A highlight: the phrases.
        q3 = phones.wait_question("highlight", not_key=q2["key"])
        ballots3 = [["p-man", "p-key"]] * 16 + [["p-key"]] * 7 + [["p-rain"]] * 5 + [["p-man"]] * 2 + [["p-key"]]
        play(phones, q3, ballots3, changes=5)
        # 4. The next question stays open while nobody votes: the window must idle.
        q4 = phones.wait_question("choice", not_key=q1["key"])
        deadline = time.time() + 60
        while not os.path.exists(os.path.join(shots, "phones-idle.png")) and time.time() < deadline:
            time.sleep(0.2)
        if proc.poll() is not None:
            fail(f"the window exited ({proc.returncode}) before the idle check")
        pid = window_pid(args.signaal, records)
        time.sleep(1)  # the last frames settle
        t0 = cpu_ticks(pid)
        time.sleep(args.idle_seconds)
        t1 = cpu_ticks(pid)
        hz = os.sysconf("SC_CLK_TCK")
        share = 100.0 * (t1 - t0) / (hz * args.idle_seconds)
        print(f"idle with phone voting open: {t1 - t0} ticks in {args.idle_seconds} s at {hz} Hz = {share:.2f}% of one core")
        if share > 2.0:
            fail(f"the window used {share:.2f}% of a core while nobody voted")
        if proc.poll() is not None or phones.question()["key"] != q4["key"]:
            fail("the window stopped running")
    finally:
        # The window itself, not only xvfb-run: it would outlive the test holding ctest's output open.
        pid = window_pid(args.signaal, records, must=False)
        if pid:
            os.kill(pid, signal.SIGTERM)
            try:
                proc.wait(20)  # xvfb-run then stops its X server itself
            except subprocess.TimeoutExpired:
                pass
        if proc.poll() is None:
            proc.terminate()
            try:
                proc.wait(20)
            except subprocess.TimeoutExpired:
                proc.kill()
    sys.stderr.write("".join(lines))

    record, rec = read_only_record(records, "class_*.json")
    d = rec["decisions"]
    if [x["scene"] for x in d] != ["desk", "signals", "passage"]:
        fail(f"decisions: {[x['scene'] for x in d]}")
    for x, q, ballots in [(d[0], q1, ballots1), (d[1], q2, ballots2), (d[2], q3, ballots3)]:
        want = expected(q, ballots)
        if x["votes"] != want:
            fail(f"{x['scene']}: the record holds {x['votes']}, the phones sent {want}")
        print(f"{x['scene']}: {x['votes']} = what the 31 phones sent")
    if d[0]["response"] != ["register"]:
        fail(f"desk: the class went with {d[0]['response']}")
    with open(record, encoding="utf-8") as f:
        text = f.read()
    for t in tokens:
        if t in text:
            fail("a voter token reached the class record")
    check_screenshots(args.colours, shots, at_least=7)
    print("ok")
    return 0


if __name__ == "__main__":
    sys.exit(main())
