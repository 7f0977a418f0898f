"""Author mode in the real window: `signaal --watch FILE` under Xvfb while this
test saves the file three times, as an editor would (write a new file, rename
it over the old one):
  1. a changed title          -> the window reloads and shows it
  2. a broken save            -> the window shows the load error, no crash, and
                                 the terminal gets the problem as file:line:col
  3. the file fixed again     -> the window is back on the module
The script's `wait-reload` steps keep the window and this test in step.
Exit 77 (CTest: skipped) when xvfb-run is missing; 1 on any failed check.
"""
import argparse
import os
import re
import shutil
import subprocess
import sys
import time

from gui_common import SKIP, XVFB_RUN, check_screenshots, fail, have_xvfb, window_env, workspace

SCRIPT = """wait-frames 3
screenshot 1-opened.png
wait-reload
wait-frames 3
screenshot 2-changed.png
wait-reload
wait-frames 3
screenshot 3-broken.png
wait-reload
wait-frames 3
screenshot 4-fixed.png
quit
"""

OLD_TITLE = "Voorbeeld voor auteurs: een nachtdienst aan de balie"
NEW_TITLE = "Gewijzigd tijdens het spelen: de late dienst"


def save(path, text):
    """Writes as editors do: a new file renamed over the old one."""
    tmp = path + ".tmp"
    with open(tmp, "w", encoding="utf-8") as f:
        f.write(text)
    os.replace(tmp, path)


def wait_for(path, proc, seconds=120):
    deadline = time.monotonic() + seconds
    while not os.path.exists(path):
        if proc.poll() is not None:
            fail(f"signaal exited {proc.returncode} before {os.path.basename(path)}: {proc.stderr.read()}")
        if time.monotonic() > deadline:
            proc.kill()
            fail(f"no {os.path.basename(path)} within {seconds} s")
        time.sleep(0.1)
    time.sleep(0.3)  # the screenshot is written whole before the next step runs


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--signaal", required=True)
    p.add_argument("--colours", required=True, help="the png_colours checker")
    p.add_argument("--example", required=True, help="the folder of content/example")
    p.add_argument("--out", help="keep the screenshots here (default: a temporary folder)")
    args = p.parse_args()
    if not have_xvfb():
        return SKIP

    work, shots, records = workspace("signaal-watch-", args.out)
    folder = os.path.join(work, "example")
    shutil.copytree(args.example, folder)
    module = os.path.join(folder, "example.xml")
    with open(module, encoding="utf-8") as f:
        original = f.read()
    if OLD_TITLE not in original:
        fail(f"the example's title is no longer '{OLD_TITLE}': update this test")
    script = os.path.join(work, "watch.script")
    with open(script, "w", encoding="utf-8") as f:
        f.write(SCRIPT)

    cmd = [*XVFB_RUN, args.signaal, "--watch", module,
           "--records", records, "--script", script, "--screenshot-dir", shots,
           "--settings", os.path.join(work, "settings.json")]
    env = window_env(work)
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)

    wait_for(os.path.join(shots, "1-opened.png"), proc)
    save(module, original.replace(OLD_TITLE, NEW_TITLE, 1))
    wait_for(os.path.join(shots, "2-changed.png"), proc)
    broken = original.replace("</title>", "</titel>", 1)
    save(module, broken)
    wait_for(os.path.join(shots, "3-broken.png"), proc)
    save(module, original)
    try:
        _, err = proc.communicate(timeout=120)
    except subprocess.TimeoutExpired:
        proc.kill()
        fail("signaal did not quit after the last screenshot")
    sys.stderr.write(err)
    if proc.returncode != 0:
        fail(f"signaal exited {proc.returncode}")

    # The terminal: two good reloads and one broken save, its error at its place.
    if err.count("signaal: reloaded " + module) != 2:
        fail("expected two 'signaal: reloaded' lines on stderr")
    line = broken[: broken.index("</titel>")].count("\n") + 1
    if not re.search(re.escape(module) + ":" + str(line) + r":\d+: error: ", err):
        fail(f"the broken save's error is not reported as {module}:{line}:COL")
    if "has 1 error" not in err:
        fail("the broken save is not summed up as '... has 1 error'")

    pngs = check_screenshots(args.colours, shots, exactly=4)
    data = [open(p, "rb").read() for p in pngs]
    for a, b, what in ((0, 1, "the changed title"), (1, 2, "the load error"), (2, 3, "the fixed module")):
        if data[a] == data[b]:
            fail(f"{os.path.basename(pngs[b])} is the same picture as {os.path.basename(pngs[a])}: {what} is not shown")
    print(f"watch: 3 saves, 3 reloads, screenshots in {shots}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
