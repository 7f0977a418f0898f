#!/usr/bin/env python3
"""The window's LRS sender under Xvfb (docs/score-records.md, "Sending records
to an LRS"):
  1. two attempts wait in the outbox and the LRS is down: the start screen shows
     the status line (its screenshot differs from the same window without an
     LRS), and the window idles below 1% of one core while its sender backs off;
  2. the LRS (Learning Locker's statement service, tests/report/real_lrs.py)
     comes up: the window's background sender empties the outbox by itself and
     every statement is stored once.
Exit 77 when xvfb-run or the npm LRS is missing.
  run_lrs_test.py BINDIR SERVER_JS CONTENT_DIR"""
import glob, json, os, subprocess, sys, time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "report"))
from real_lrs import from_args, USER, PASSWORD  # noqa: E402
from gui_common import XVFB_RUN, have_xvfb, idle_ticks  # noqa: E402

if not have_xvfb():
    sys.exit(77)
bindir, tmp, lrs = from_args("signaal-gui-lrs-")
content = sys.argv[3]
env = dict(os.environ, HOME=tmp, XDG_CONFIG_HOME=f"{tmp}/config", XDG_DATA_HOME=f"{tmp}/data", LIBGL_ALWAYS_SOFTWARE="1")
os.makedirs(f"{tmp}/config/signaal")
os.makedirs(f"{tmp}/shots-lrs")
os.makedirs(f"{tmp}/shots-none")
outbox = f"{tmp}/data/signaal/outbox"


def configure(on):
    path = f"{tmp}/config/signaal/lrs.json"
    if on:
        with open(path, "w") as f:
            json.dump({"endpoint": lrs.url, "user": USER, "password": PASSWORD}, f)
    elif os.path.exists(path):
        os.remove(path)


def window(script, shots, extra_env=None):
    return subprocess.Popen([*XVFB_RUN, "sh", "-c", f'echo $$ > {tmp}/pid; exec "$0" "$@"',
                             f"{bindir}/signaal", "--content", content, "--settings", f"{tmp}/settings.json",
                             "--script", script, "--screenshot-dir", shots], env=dict(env, **(extra_env or {})),
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)


configure(True)
for k in range(2):  # two attempts, played while the LRS is down
    p = subprocess.run([f"{bindir}/signaal", "--text", "example-night-shift", "--content", content, "--trainee", f"T{k}", "--new"],
                       input="1\n" * 200, capture_output=True, text=True, env=env, timeout=60)
    assert p.returncode == 0, p.stderr
queued = glob.glob(f"{outbox}/*.json")
assert queued, "nothing queued"

with open(f"{tmp}/shot.script", "w") as f:
    f.write("wait-frames 5\nscreenshot start.png\nquit\n")
for on, shots in ((True, "shots-lrs"), (False, "shots-none")):
    configure(on)
    w = window(f"{tmp}/shot.script", f"{tmp}/{shots}")
    w.wait(timeout=60)
    assert w.returncode == 0, w.stderr
with open(f"{tmp}/shots-lrs/start.png", "rb") as a, open(f"{tmp}/shots-none/start.png", "rb") as b:
    assert a.read() != b.read(), "the start screen looks the same with attempts waiting for the LRS"
print(f"status line drawn ({tmp}/shots-lrs/start.png)")

# Idle with the LRS down: the sender sleeps between its backoff rounds.
configure(True)
with open(f"{tmp}/idle.script", "w") as f:
    f.write("wait-frames 3\n")
w = window(f"{tmp}/idle.script", f"{tmp}/shots-lrs")
try:
    time.sleep(3)
    idle, hz = idle_ticks(f"{tmp}/pid", 10)
    print(f"idle with the LRS down: {idle} ticks in 10 s at {hz} Hz")
    assert idle <= hz * 10 // 100, "the window used more than 1% of one core while idle"

    # The LRS comes up: the sender's next round (backoff 2, 4, 8 … s) empties the outbox.
    lrs.start()
    for _ in range(600):  # bounded: 60 s
        if not glob.glob(f"{outbox}/*.json"):
            break
        time.sleep(0.1)
    else:
        sys.exit("the window did not send the outbox within 60 s of the LRS coming up")
    ids = [s["id"] for s in lrs.all_statements()]
    assert ids and len(ids) == len(set(ids)), "statements missing or stored twice"
    print(f"the window sent {len(ids)} statements in the background, each stored once")
finally:
    try:
        os.kill(int(open(f"{tmp}/pid").read()), 15)
    except (OSError, ValueError):
        pass
    w.wait(timeout=30)
    lrs.stop()
