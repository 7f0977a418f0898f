#!/usr/bin/env python3
"""Classroom mode on two screens (issue 20 item 6), for real: an X server with
two RandR monitors (Xorg's dummy driver; Xvfb has one monitor only and GLFW
3.3 does not read Xinerama), DUMMY0 the primary "laptop" and DUMMY1 the
"projector". tests/gui/presenter.script drives a session from both windows.
The test checks, from outside the program, where each window stands (xwininfo)
and what each monitor shows (the root window's pixels), unplugs the projector
(xrandr --output DUMMY1 --off) and plugs it in again at the script's
wait-monitors steps, and checks the screenshots of both windows and the class
record the keys typed in the presenter window left.
Exit 77 (CTest: skipped) when Xorg, its dummy driver or xrandr are missing.
"""
import argparse
import ctypes
import ctypes.util
import glob
import json
import os
import re
import shutil
import subprocess
import sys
import threading
import time

from gui_common import SKIP, fail, read_only_record, window_env, workspace

PANEL = 0x0D1433  # the presenter's background, kPanelColour in class_view.cpp
W, H = 1280, 800  # each monitor
XORG_CONF = f"""
Section "Device"
    Identifier "dummy"
    Driver "dummy"
    VideoRam 65536
EndSection
Section "Monitor"
    Identifier "monitor"
    HorizSync 5.0 - 1000.0
    VertRefresh 5.0 - 200.0
    Modeline "{W}x{H}" 83.50 1280 1352 1480 1680 800 803 809 831
EndSection
Section "Screen"
    Identifier "screen"
    Device "dummy"
    Monitor "monitor"
    DefaultDepth 24
    SubSection "Display"
        Depth 24
        Virtual {2 * W} {H}
        Modes "{W}x{H}"
    EndSubSection
EndSection
"""


def have_tools():
    missing = [t for t in ("Xorg", "xrandr", "xwininfo") if shutil.which(t) is None]
    if not glob.glob("/usr/lib/xorg/modules/drivers/dummy_drv.so"):
        missing.append("xserver-xorg-video-dummy")
    if missing:
        print("missing " + ", ".join(missing) + ": skipping the two-screen test (tools/install-deps.sh --test)")
        return False
    return True


def free_display():
    for n in range(80, 200):
        if not os.path.exists(f"/tmp/.X11-unix/X{n}") and not os.path.exists(f"/tmp/.X{n}-lock"):
            return f":{n}"
    fail("no free X display number")


def xrandr(display, *args):
    r = subprocess.run(["xrandr", "-display", display, *args], capture_output=True, text=True, timeout=30)
    if r.returncode != 0:
        fail(f"xrandr {' '.join(args)}: {r.stderr.strip()}")
    return r.stdout


def plug(display):
    xrandr(display, "--output", "DUMMY1", "--mode", f"{W}x{H}", "--right-of", "DUMMY0")
    # The dummy driver reports DUMMY1 connected only after a probe (XRRGetScreenResources,
    # which a plain `xrandr` makes); GLFW asks without probing and would still see one monitor.
    xrandr(display)


class Root:
    """The X server's screen as one picture: what each monitor really shows."""

    class XImage(ctypes.Structure):
        _fields_ = [("width", ctypes.c_int), ("height", ctypes.c_int), ("xoffset", ctypes.c_int), ("format", ctypes.c_int),
                    ("data", ctypes.c_void_p), ("byte_order", ctypes.c_int), ("bitmap_unit", ctypes.c_int),
                    ("bitmap_bit_order", ctypes.c_int), ("bitmap_pad", ctypes.c_int), ("depth", ctypes.c_int),
                    ("bytes_per_line", ctypes.c_int), ("bits_per_pixel", ctypes.c_int)]

    def __init__(self, display):
        self.x = ctypes.CDLL(ctypes.util.find_library("X11"))
        self.x.XOpenDisplay.restype = ctypes.c_void_p
        self.x.XOpenDisplay.argtypes = [ctypes.c_char_p]
        self.x.XDefaultRootWindow.restype = ctypes.c_ulong
        self.x.XDefaultRootWindow.argtypes = [ctypes.c_void_p]
        self.x.XGetImage.restype = ctypes.POINTER(Root.XImage)
        self.x.XGetImage.argtypes = [ctypes.c_void_p, ctypes.c_ulong, ctypes.c_int, ctypes.c_int, ctypes.c_uint, ctypes.c_uint,
                                     ctypes.c_ulong, ctypes.c_int]
        self.x.XDestroyImage.argtypes = [ctypes.c_void_p]
        self.x.XCloseDisplay.argtypes = [ctypes.c_void_p]
        self.display = display

    def monitor(self, index):
        """(pixels of the panel's colour, distinct colours) on monitor `index` (0: left, 1: right)."""
        d = self.x.XOpenDisplay(self.display.encode())
        if not d:
            fail(f"cannot open {self.display} to read the screen")
        try:
            img = self.x.XGetImage(d, self.x.XDefaultRootWindow(d), index * W, 0, W, H, 0xFFFFFFFF, 2)  # ZPixmap
            if not img or img.contents.bits_per_pixel != 32:
                fail("cannot read the screen (XGetImage)")
            data = ctypes.string_at(img.contents.data, img.contents.bytes_per_line * H)
            self.x.XDestroyImage(img)
        finally:
            self.x.XCloseDisplay(d)
        px = [v & 0xFFFFFF for v in memoryview(data).cast("I")]
        return sum(1 for v in px if v == PANEL), len(set(px))


def windows(display):
    """{title: (x, y, w, h)} of the top-level windows, from xwininfo (outside the program)."""
    out = subprocess.run(["xwininfo", "-display", display, "-root", "-children"], capture_output=True, text=True, timeout=30).stdout
    found = {}
    for m in re.finditer(r'0x[0-9a-f]+ "([^"]*)".*?(\d+)x(\d+)\+(-?\d+)\+(-?\d+)', out):
        found[m.group(1)] = (int(m.group(4)), int(m.group(5)), int(m.group(2)), int(m.group(3)))
    return found


def check_layout(display, projector_right, what):
    """The projector window full screen on its monitor, the presenter window on the other; the
    projector's monitor never shows the panel's colour, the presenter's shows the panel."""
    time.sleep(0.5)  # the X server has drawn the last frame
    ws = windows(display)
    main = ws.get("Signaal")
    presenter = next((g for t, g in ws.items() if "presenter" in t), None)
    proj_x, pres_x = (W, 0) if projector_right else (0, W)
    if main != (proj_x, 0, W, H):
        fail(f"{what}: the projector window stands at {main}, expected full screen at ({proj_x}, 0, {W}, {H}); windows: {ws}")
    if not presenter or presenter[0] != pres_x or presenter[1] != 0:
        fail(f"{what}: the presenter window stands at {presenter}, expected on the monitor at x={pres_x}; windows: {ws}")
    root = Root(display)
    proj_panel, proj_colours = root.monitor(1 if projector_right else 0)
    pres_panel, _ = root.monitor(0 if projector_right else 1)
    print(f"{what}: projector monitor {proj_panel} panel pixels, {proj_colours} colours; presenter monitor {pres_panel} panel pixels")
    if proj_panel != 0:
        fail(f"{what}: the projector's monitor shows {proj_panel} pixels of the presenter panel's colour")
    if proj_colours < 16:
        fail(f"{what}: the projector's monitor looks blank ({proj_colours} colours)")
    if pres_panel < 100000:
        fail(f"{what}: the presenter's monitor shows only {pres_panel} pixels of the panel's colour")


def png(colours, path, panel):
    """(width, height) of a screenshot; fails unless the panel's colour is there exactly when `panel`."""
    out = subprocess.run([colours, path, "16", f"{PANEL:06x}"], capture_output=True, text=True)
    if out.returncode != 0:
        fail(f"{path} looks blank: {out.stdout.strip()} {out.stderr.strip()}")
    size = re.search(r": (\d+)x(\d+), ", out.stdout)
    pixels = int(out.stdout.split(f"{PANEL:06x}: ")[1].split()[0])
    print(f"{os.path.basename(path)}: {size.group(1)}x{size.group(2)}, {pixels} panel pixels")
    if (pixels > 10000) != panel:
        fail(f"{path}: {pixels} pixels of the panel's colour; the panel should be {'there' if panel else 'absent'}")
    return int(size.group(1)), int(size.group(2))


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--signaal", required=True)
    p.add_argument("--colours", required=True, help="the png_colours checker")
    p.add_argument("--content", required=True)
    p.add_argument("--script", required=True)
    p.add_argument("--out", help="keep the screenshots here (default: a temporary folder)")
    args = p.parse_args()
    if not have_tools():
        return SKIP

    work, shots, records = workspace("signaal-presenter-", args.out)
    conf = os.path.join(work, "xorg.conf")
    with open(conf, "w", encoding="utf-8") as f:
        f.write(XORG_CONF)
    display = free_display()
    xorg = subprocess.Popen(["Xorg", display, "-config", conf, "-noreset", "-nolisten", "tcp",
                             "-logfile", os.path.join(work, "xorg.log")], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        for _ in range(100):
            if subprocess.run(["xrandr", "-display", display], capture_output=True).returncode == 0:
                break
            if xorg.poll() is not None:
                break
            time.sleep(0.1)
        else:
            fail(f"Xorg {display} did not answer within 10 s")
        if xorg.poll() is not None:
            if os.geteuid() != 0:
                print("Xorg would not start for this user: skipping the two-screen test (run as root)")
                return SKIP
            fail(f"Xorg {display} exited {xorg.returncode}; see {work}/xorg.log")
        xrandr(display, "--addmode", "DUMMY1", f"{W}x{H}")
        plug(display)
        return run(args, display, work, shots, records)
    finally:
        xorg.terminate()
        xorg.wait(timeout=30)


def run(args, display, work, shots, records):
    settings = os.path.join(work, "settings.json")
    env = window_env(work, DISPLAY=display)
    cmd = [args.signaal, "--class", "case-7-jim", "--content", args.content, "--records", records, "--script", args.script,
           "--screenshot-dir", shots, "--settings", settings, "--lang", "nl"]
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    watchdog = threading.Timer(240, proc.kill)  # a hang fails instead of blocking ctest
    watchdog.start()
    lines, unplugs = [], 0
    try:
        for line in proc.stderr:
            sys.stderr.write(line)
            lines.append(line.rstrip("\n"))
            if "waiting for 1 monitor(s)" in line:
                # First with the projector on the right (DUMMY1), then after F9 on the left.
                check_layout(display, projector_right=unplugs == 0, what="swapped" if unplugs else "two screens")
                xrandr(display, "--output", "DUMMY1", "--off")
                unplugs += 1
            elif "waiting for 2 monitor(s)" in line:
                plug(display)
        proc.wait(timeout=60)
    finally:
        watchdog.cancel()
        if proc.poll() is None:
            proc.kill()
    if proc.returncode != 0:
        fail(f"signaal exited {proc.returncode}")
    if unplugs != 2:
        fail(f"the script reached {unplugs} of its 2 unplugs")

    placed = [l for l in lines if "classroom: projector view on" in l]
    want = ["signaal: classroom: projector view on DUMMY1 (1280\u00d7800), presenter view on DUMMY0 (1280\u00d7800)",
            "signaal: classroom: projector view on DUMMY1 (1280\u00d7800), presenter view on DUMMY0 (1280\u00d7800)",
            "signaal: classroom: projector view on DUMMY0 (1280\u00d7800), presenter view on DUMMY1 (1280\u00d7800)"]
    if placed != want:
        fail(f"placements {placed}, expected {want} (opened, replugged, swapped)")
    if sum("classroom: one window again" in l for l in lines) != 2:
        fail("expected two falls back to one window (the two unplugs)")

    shot = lambda name: os.path.join(shots, name)
    png(args.colours, shot("two-setup.png"), panel=False)
    for name in ("two-opening-projector.png", "two-proposal-projector.png"):
        if png(args.colours, shot(name), panel=False) != (W, H):
            fail(f"{name}: the projector window is not full screen on its {W}x{H} monitor")
    for name in ("two-opening-presenter.png", "two-proposal-presenter.png", "two-feedback-presenter.png",
                 "two-swapped-presenter.png", "two-unplugged-panel.png"):
        png(args.colours, shot(name), panel=True)
    # Unplugged: one window, the panel hidden until P.
    if png(args.colours, shot("two-unplugged.png"), panel=False) == (W, H):
        fail("two-unplugged.png: the window stayed full screen after the unplug")
    if png(args.colours, shot("two-swapped-projector.png"), panel=False) != (W, H):
        fail("two-swapped-projector.png: the projector window is not full screen")

    with open(settings, encoding="utf-8") as f:
        if json.load(f).get("class_swap_screens") is not True:
            fail("F9 (swap the screens) is not remembered in the settings")
    _, rec = read_only_record(records, "class_*.json")
    d = rec["decisions"]
    if [x["scene"] for x in d] != ["proposal"] or d[0]["response"] != ["p-all", "p-mother"]:
        fail(f"decisions {d}: expected proposal decided as p-all, p-mother")
    if d[0]["votes"] != {"p-all": 18, "p-healthy": 0, "p-mother": 12, "p-papers": 0}:
        fail(f"votes typed in the presenter window: {d[0]['votes']}")
    print("ok")
    return 0


if __name__ == "__main__":
    sys.exit(main())
