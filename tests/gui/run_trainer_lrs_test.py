#!/usr/bin/env python3
"""The trainer view reading an LRS under Xvfb (docs/gui.md "Trainer view", issue 22
item 3): generated records are posted to Learning Locker's statement service
(tests/report/real_lrs.py, 127.0.0.1), the installation's lrs.json names it, and
tests/gui/trainer-lrs.script switches the view to the LRS (L), exports the
Venues and Trainees tables and checks they are byte for byte what
`signaal-report --from-lrs` writes for the same LRS (its own mirror folder);
then a wrong password and an LRS that cannot be reached each show their one-line
error (the script's expect-text) and export nothing. The passwords typed and
configured must not appear in any file the window wrote. Last, the window
idles below 1% of one core once the LRS report is shown.
Exit 77 when xvfb-run or the npm LRS is missing.
  run_trainer_lrs_test.py BINDIR SERVER_JS CONTENT_DIR SHOTS_DIR PNG_COLOURS"""
import glob, json, os, subprocess, sys, time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "report"))
from real_lrs import from_args, free_port, USER, PASSWORD  # noqa: E402
from gui_common import SKIP, XVFB_RUN, check_screenshots, fail, have_xvfb, idle_ticks  # noqa: E402

if not have_xvfb():
    sys.exit(SKIP)
bindir, tmp, lrs = from_args("signaal-gui-trainer-lrs-")
content, shots, colours = sys.argv[3], sys.argv[4], sys.argv[5]
os.makedirs(shots, exist_ok=True)
for old in glob.glob(os.path.join(shots, "*.png")):
    os.remove(old)
records, export = f"{tmp}/records", f"{tmp}/export"
os.makedirs(f"{tmp}/config/signaal")
os.makedirs(export)
env = dict(os.environ, HOME=tmp, XDG_CONFIG_HOME=f"{tmp}/config", XDG_DATA_HOME=f"{tmp}/data", LIBGL_ALWAYS_SOFTWARE="1")
with open(f"{tmp}/config/signaal/lrs.json", "w") as f:
    json.dump({"endpoint": lrs.url, "user": USER, "password": PASSWORD}, f)


def report(*args):
    p = subprocess.run([f"{bindir}/signaal-report", "--quiet", f"--content={content}", *args], capture_output=True, env=env, timeout=300)
    if p.returncode not in (0, 1):
        fail(f"signaal-report {' '.join(args[:2])}: exit {p.returncode}: {p.stderr.decode(errors='replace')}")
    return p.stdout


subprocess.run([f"{bindir}/gen-records", "-n", "60", "--trainees", "12", "--seed", "22", "--course", "hotel-park",
                "--content", content, records], check=True, capture_output=True)
try:
    lrs.start()
    report("--lrs", lrs.url, "--user", USER, "--password", PASSWORD, records)
    expected = {table: report("--from-lrs", lrs.url, "--user", USER, "--password", PASSWORD, "--lrs-mirror", f"{tmp}/report-mirror",
                              "--format", "csv", "--table", table)
                for table in ("venues", "trainees")}
    if expected["venues"].count(b"\n") < 3:
        fail(f"signaal-report found too few venues in the LRS: {expected['venues']!r}")

    csv1, csv2, csv3 = f"{export}/venues.csv", f"{export}/trainees.csv", f"{export}/after-wrong-password.csv"
    with open(os.path.join(HERE, "trainer-lrs.script"), encoding="utf-8") as f:
        script = (f.read().replace("@CSV@", csv1).replace("@CSV2@", csv2).replace("@CSV3@", csv3)
                  .replace("@DOWN@", f"http://127.0.0.1:{free_port()}/xAPI/"))
    with open(f"{tmp}/trainer-lrs.script", "w", encoding="utf-8") as f:
        f.write(script)
    os.makedirs(f"{tmp}/empty-records")
    run = subprocess.run([*XVFB_RUN, f"{bindir}/signaal", "--trainer", f"{tmp}/empty-records",
                          "--content", content, "--settings", f"{tmp}/settings.json", "--lang", "nl",
                          "--script", f"{tmp}/trainer-lrs.script", "--screenshot-dir", shots],
                         env=env, capture_output=True, text=True, timeout=600)
    sys.stderr.write(run.stderr)
    if run.returncode != 0:
        fail(f"signaal exited {run.returncode}")

    # Idle once the LRS report is shown: the fetch and the build woke the loop,
    # and now it sleeps in glfwWaitEvents (the script ends without quit, so the window stays).
    with open(f"{tmp}/idle.script", "w") as f:
        f.write("wait-frames 2\nkey l\nwait-frames 3\n")
    since = glob.glob(f"{tmp}/data/signaal/lrs-mirror/*/lrs-since.txt")
    for old in since:
        os.remove(old)  # so the idle window fetches everything again and the file says when it is done
    idle_win = subprocess.Popen([*XVFB_RUN, "sh", "-c", f'echo $$ > {tmp}/pid; exec "$0" "$@"',
                                 f"{bindir}/signaal", "--trainer", f"{tmp}/empty-records", "--content", content,
                                 "--settings", f"{tmp}/settings.json", "--script", f"{tmp}/idle.script"],
                                env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    try:
        for _ in range(1200):  # bounded: 120 s for the fetch
            if glob.glob(f"{tmp}/data/signaal/lrs-mirror/*/lrs-since.txt"):
                break
            time.sleep(0.1)
        else:
            fail("the idle window did not fetch from the LRS within 120 s")
        time.sleep(3)  # the report of 60 attempts, then the last frames
        idle, hz = idle_ticks(f"{tmp}/pid", 10)
        print(f"idle in the trainer view after reading the LRS: {idle} ticks in 10 s at {hz} Hz")
        if idle > hz * 10 // 100:
            fail("the window used more than 1% of one core while idle in the trainer view")
    finally:
        try:
            os.kill(int(open(f"{tmp}/pid").read()), 15)
        except (OSError, ValueError):
            pass
        idle_win.wait(timeout=30)
finally:
    lrs.stop()

BOM = b"\xef\xbb\xbf"
for path, table in ((csv1, "venues"), (csv2, "trainees")):
    if not os.path.exists(path):
        fail(f"the trainer view exported no {table} table to {path}")
    got = open(path, "rb").read()
    want = expected[table]
    if got.removeprefix(BOM) != want.removeprefix(BOM):
        fail(f"{path} differs from signaal-report --from-lrs --table {table}:\n{got[:600]!r}\n---\n{want[:600]!r}")
    rows = got.count(b"\n") - 1
    print(f"{table}: the window's export equals signaal-report --from-lrs ({rows} rows)")
if os.path.exists(csv3):
    fail(f"a CSV was exported after the LRS refused the password: {open(csv3, 'rb').read()[:300]!r}")

# Neither password ends up in a file the window or the report wrote (lrs.json and the script hold them by design).
for root, _, files in os.walk(tmp):
    for name in files:
        path = os.path.join(root, name)
        if path in (f"{tmp}/config/signaal/lrs.json", f"{tmp}/trainer-lrs.script") or "/storage/" in path:
            continue
        data = open(path, "rb").read()
        for secret in (PASSWORD.encode(), b"wrong-password"):
            if secret in data:
                fail(f"{path} contains a password")
check_screenshots(colours, shots, exactly=4)
print("ok")
