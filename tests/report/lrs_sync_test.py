#!/usr/bin/env python3
"""Players sending to a real LRS (Learning Locker's statement service from npm,
on 127.0.0.1; see real_lrs.py), and the report reading it back:
  1. three trainee machines (own settings, records and outbox folders) play with
     `signaal --text` while the LRS is down: one clear message each, the
     attempts wait in their outboxes;
  2. the LRS comes up, each machine sends: every statement arrives exactly once,
     the same statements signaal-report --xapi makes from the records;
  3. a sender killed with SIGKILL while sending, then run again: nothing lost,
     nothing twice;
  4. signaal-report --from-lrs gives the report it gives from the record files
     (apart from the folder it read), and fetches only what is new the next time;
  5. a wrong password: one clear message, the outbox kept, exit 5 on --send.
Exit 77 (skipped) when node or the package is missing.
  lrs_sync_test.py BINDIR SERVER_JS"""
import glob, json, os, signal, subprocess, sys, time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from real_lrs import from_args, USER, PASSWORD

bindir, tmp, lrs = from_args("signaal-lrs-sync-")
MODULES = ["example-night-shift", "case-1-oeti", "hotel-1-intro"]


def machine(name, password=PASSWORD):
    home = f"{tmp}/{name}"
    os.makedirs(f"{home}/config/signaal", exist_ok=True)
    with open(f"{home}/config/signaal/lrs.json", "w") as f:
        json.dump({"endpoint": lrs.url, "user": USER, "password": password, "timeout_seconds": 10}, f)
    env = {k: v for k, v in os.environ.items() if not k.startswith("SIGNAAL_") or k == "SIGNAAL_FIXED_ORDER"}
    env.update(HOME=home, XDG_CONFIG_HOME=f"{home}/config", XDG_DATA_HOME=f"{home}/data")
    return env


def outbox(env):
    return sorted(glob.glob(f"{env['XDG_DATA_HOME']}/signaal/outbox/*.json"))


def records(env):
    return f"{env['XDG_DATA_HOME']}/signaal/records"


def play(env, module, trainee, expect=0):
    # Scripted input, as the golden tests drive it: option 1 at every step.
    p = subprocess.run([f"{bindir}/signaal", "--text", module, "--trainee", trainee, "--venue", "Hotel Zeezicht", "--new"],
                       input="1\n" * 300, capture_output=True, text=True, env=env, timeout=120)
    if p.returncode != expect:
        sys.exit(f"play {module}: exit {p.returncode}, expected {expect}\n{p.stderr[-2000:]}")
    return p


def send(env, expect=0):
    p = subprocess.run([f"{bindir}/signaal", "--text", "--send", "--lang", "en"], capture_output=True, text=True, env=env, timeout=120)
    if p.returncode != expect:
        sys.exit(f"send: exit {p.returncode}, expected {expect}\n{p.stdout[-2000:]}\n{p.stderr[-2000:]}")
    return p


def report(*args):
    p = subprocess.run([f"{bindir}/signaal-report", "--quiet", *args], capture_output=True, text=True, timeout=300)
    if p.returncode != 0:
        sys.exit(f"signaal-report {args}: exit {p.returncode}\n{p.stderr[-2000:]}")
    return p


def lrs_lines(stderr):
    return [l for l in stderr.splitlines() if l.startswith("LRS")]


def check_exactly_once(expected):
    got = [s["id"] for s in lrs.all_statements()]
    assert len(got) == len(set(got)), f"{len(got) - len(set(got))} statement(s) stored twice"
    assert set(got) == expected, f"{len(set(got))} stored, {len(expected)} expected; missing {len(expected - set(got))}"
    return got


try:
    # 1. The LRS is down (nothing listens on its port yet).
    machines = [machine(f"pc{i}") for i in range(1, 4)]
    for i, env in enumerate(machines):
        for k, module in enumerate(MODULES):
            p = play(env, module, f"Trainee {i}-{k}")
            lines = lrs_lines(p.stderr)
            assert len(lines) == 1 and "could not be reached" in lines[0], p.stderr
            assert PASSWORD not in p.stderr + p.stdout
        assert len(outbox(env)) > 0, "nothing queued"
        p = send(env, expect=5)
        assert "3 attempt(s) waiting to be sent" in p.stderr, p.stderr
    print("LRS down: every machine kept its attempts;", lrs_lines(p.stderr)[0])

    # What the records say the LRS should hold: the report's own xAPI export.
    all_records = [records(env) for env in machines]
    report("--xapi", f"{tmp}/x.json", *all_records)
    expected = {s["id"] for s in json.load(open(f"{tmp}/x.json"))}

    # 2. The LRS comes up; each machine sends.
    lrs.start()
    for env in machines:
        send(env)
        assert outbox(env) == [], "the outbox was not emptied"
    got = check_exactly_once(expected)
    print(f"LRS up: {len(got)} statements from 3 machines, each stored once")

    # 3. Kill -9 while sending, then run again.
    env = machine("pc4")
    for k in range(25):
        play(env, MODULES[k % len(MODULES)], f"Killed {k}", expect=0)  # the LRS is up: these arrive at once
    sent_before = len(lrs.all_statements())
    # Queue them again as a backlog (the same statements, as if the LRS had been down).
    down = machine("pc5")
    with open(f"{down['XDG_CONFIG_HOME']}/signaal/lrs.json", "w") as f:
        json.dump({"endpoint": "http://127.0.0.1:9/xapi/", "user": USER, "password": PASSWORD}, f)
    for k in range(40):
        play(down, MODULES[k % len(MODULES)], f"Backlog {k}")
    queued = len(outbox(down))
    with open(f"{down['XDG_CONFIG_HOME']}/signaal/lrs.json", "w") as f:
        json.dump({"endpoint": lrs.url, "user": USER, "password": PASSWORD}, f)
    proc = subprocess.Popen([f"{bindir}/signaal", "--text", "--send"], env=down, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    killed_mid = False
    for _ in range(20000):  # bounded: 20000 × 0.5 ms
        left = len(outbox(down))
        if left < queued or proc.poll() is not None:
            if proc.poll() is None:
                os.kill(proc.pid, signal.SIGKILL)
                killed_mid = True
            break
        time.sleep(0.0005)
    proc.wait()
    print(f"killed the sender with {len(outbox(down))} of {queued} batch file(s) still queued" if killed_mid else
          "the sender finished before it could be killed")
    send(down)
    assert outbox(down) == []
    report("--xapi", f"{tmp}/x2.json", *all_records, records(env), records(down))
    expected = {s["id"] for s in json.load(open(f"{tmp}/x2.json"))}
    got = check_exactly_once(expected)
    print(f"after SIGKILL and a restart: {len(got)} statements, each once ({sent_before} before the backlog)")

    # 4. The report from the LRS equals the report from the files.
    from_files = json.loads(report("--format", "json", *all_records, records(env), records(down)).stdout)
    p = subprocess.run([f"{bindir}/signaal-report", "--format", "json", "--from-lrs", lrs.url, "--user", USER, "--password", PASSWORD,
                        "--lrs-mirror", f"{tmp}/mirror", "--lrs-page-size", "10"], capture_output=True, text=True, timeout=300)
    assert p.returncode == 0, p.stderr
    from_lrs = json.loads(p.stdout)
    fetched = p.stderr.strip().splitlines()[0]
    print(fetched)
    assert " in 8 page(s)" in fetched, "74 attempts in pages of 10: the report must follow `more`"

    def without_source(r):
        # Where each attempt came from: the folders read, and each attempt's file
        # (the same name, in the mirror instead of a player's records folder).
        if isinstance(r, dict):
            return {k: os.path.basename(v) if k == "file" and isinstance(v, str) else without_source(v)
                    for k, v in r.items() if k not in ("dirs", "generated")}
        if isinstance(r, list):
            return [without_source(v) for v in r]
        return r
    a, b = without_source(from_files), without_source(from_lrs)
    if a != b:
        diff = [k for k in set(a) | set(b) if a.get(k) != b.get(k)]
        for k in diff:
            print(k, json.dumps(a.get(k))[:600], "\n  vs", json.dumps(b.get(k))[:600])
        sys.exit(f"the report from the LRS differs from the report from the files in: {diff}")
    assert a["trainees"], "an empty report proves nothing"
    # Again: only what came since the last fetch (with its overlap), the same report.
    p = subprocess.run([f"{bindir}/signaal-report", "--format", "json", "--from-lrs", lrs.url, "--user", USER, "--password", PASSWORD,
                        "--lrs-mirror", f"{tmp}/mirror"], capture_output=True, text=True, timeout=300)
    assert p.returncode == 0 and without_source(json.loads(p.stdout)) == a, p.stderr
    print("report from the LRS equals the report from the files")

    # 5. Wrong credentials: one clear message, the outbox kept.
    bad = machine("pc6", password="wrong")
    p = play(bad, MODULES[0], "Wrong Password")
    lines = lrs_lines(p.stderr)
    assert len(lines) == 1 and "refused the user name or password" in lines[0], p.stderr
    assert "wrong" not in p.stderr.replace("refused", ""), "the password shows in a message"
    kept = outbox(bad)
    assert kept, "the outbox was emptied although the LRS refused"
    p = send(bad, expect=5)
    assert outbox(bad) == kept
    print("wrong password:", lines[0])
    # The report with a wrong password: one message, exit 2.
    p = subprocess.run([f"{bindir}/signaal-report", "--from-lrs", lrs.url, "--user", USER, "--password", "wrong",
                        "--lrs-mirror", f"{tmp}/mirror2"], capture_output=True, text=True, timeout=60)
    assert p.returncode == 2 and "refused the user name or password" in p.stderr, p.stderr
    print("lrs sync ok")
finally:
    lrs.stop()
