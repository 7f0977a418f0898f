"""What the window tests share: a scratch folder, failing, and checking that the
screenshots the script asked for are there and not blank."""
import glob
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time

# Scripts choose options by position, so the window shows the module's order
# (SIGNAAL_FIXED_ORDER, docs/gui.md); the shuffle has its own tests.
os.environ["SIGNAAL_FIXED_ORDER"] = "1"

SKIP = 77  # ctest's SKIP_RETURN_CODE for these tests

# The window runs on a virtual X server (a new display each time) ...
XVFB_RUN = ["xvfb-run", "-a", "-s", "-screen 0 1366x768x24"]


def window_env(work, **extra):
    """... with Mesa's software renderer and its settings in `work` (never the user's)."""
    return dict(os.environ, LIBGL_ALWAYS_SOFTWARE="1", XDG_CONFIG_HOME=os.path.join(work, "config"), **extra)


def fail(msg):
    print("FAIL: " + msg, file=sys.stderr)
    sys.exit(1)


def read_only_record(folder, pattern="*.json"):
    """The one record in `folder` matching `pattern` (score records: *.json; class
    records: class_*.json), as (path, parsed JSON); fails unless there is exactly one."""
    files = glob.glob(os.path.join(folder, pattern))
    if len(files) != 1:
        fail(f"expected one record {pattern} in {folder}, found {len(files)}")
    with open(files[0], encoding="utf-8") as f:
        return files[0], json.load(f)


def have_xvfb():
    if shutil.which("xvfb-run") is None:
        print("xvfb-run not found: skipping the window test")
        return False
    return True


def workspace(prefix, out=None):
    """A fresh temporary folder; returns (work, shots, records). Old screenshots in `out` are removed."""
    work = tempfile.mkdtemp(prefix=prefix)
    shots = out or os.path.join(work, "shots")
    os.makedirs(shots, exist_ok=True)
    for old in glob.glob(os.path.join(shots, "*.png")):
        os.remove(old)
    return work, shots, os.path.join(work, "records")


def check_screenshots(colours, shots, at_least=1, exactly=None, blank=()):
    """Every PNG in `shots` must have at least 16 colours (png_colours), but
    those named in `blank`, which must be one colour (a blanked projector)."""
    pngs = sorted(glob.glob(os.path.join(shots, "*.png")))
    if exactly is not None and len(pngs) != exactly:
        fail(f"expected the script's {exactly} screenshots, found {len(pngs)}")
    if len(pngs) < at_least:
        fail(f"expected at least {at_least} screenshots, found {len(pngs)}")
    for png in pngs:
        if os.path.basename(png) in blank:
            check = subprocess.run([colours, png, "2"], capture_output=True, text=True)
            sys.stdout.write(check.stdout)
            if check.returncode == 0:
                fail(f"{png} should be blank (one colour): {check.stdout.strip()}")
            continue
        check = subprocess.run([colours, png, "16"], capture_output=True, text=True)
        sys.stdout.write(check.stdout)
        if check.returncode != 0:
            fail(f"{png} looks blank: {check.stdout.strip()} {check.stderr.strip()}")
    return pngs


def idle_ticks(pid_file, seconds=10):
    """CPU ticks (user + system) the process whose pid is in `pid_file` used over
    `seconds`, and the ticks a second (the window's idle check: below 1% of one
    core is at most ticks_per_second * seconds // 100)."""
    pid = int(open(pid_file).read())
    ticks = lambda: sum(int(x) for x in open(f"/proc/{pid}/stat").read().rsplit(")", 1)[1].split()[11:13])
    t0 = ticks()
    time.sleep(seconds)
    return ticks() - t0, os.sysconf("SC_CLK_TCK")
