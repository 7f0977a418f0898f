#!/usr/bin/env python3
"""Votes from phones in a real browser: headless Chromium (Debian's chromium,
driven by playwright-core from npm) at a phone's viewport opens the voting page
of `signaal --class` (bound to 127.0.0.1, tests/gui/phones-browser.script),
screenshots it and votes at a choice, a select and a
highlight. The class record must hold exactly those votes, the page must
have loaded nothing from anywhere else, and once the class ends (Esc, Esc) the
port must refuse connections.
Exit 77 (CTest: skipped) without xvfb-run, chromium, node or playwright-core
(tools/test.sh installs it into ~/.cache/signaal-npm; npm may be unreachable).
"""
import json
import os
import shutil
import socket
import subprocess
import sys
import time

from gui_common import SKIP, check_screenshots, fail, have_xvfb, read_only_record, workspace
from phones_common import parser, start_window


def main():
    p = parser(__doc__)
    p.add_argument("--browser-js", required=True)
    p.add_argument("--node-modules", required=True)
    p.add_argument("--chromium", default="/usr/bin/chromium")
    p.add_argument("--out")
    args = p.parse_args()
    if not have_xvfb():
        return SKIP
    node = shutil.which("node")
    for what, ok in [("node", node), (args.chromium, os.access(args.chromium, os.X_OK)),
                     ("playwright-core in " + args.node_modules, os.path.isdir(os.path.join(args.node_modules, "playwright-core")))]:
        if not ok:
            print(f"{what} not found (tools/install-deps.sh --test; tools/test.sh installs playwright-core from npm): skipping")
            return SKIP

    work, shots, records = workspace("signaal-phone-browser-", args.out)
    proc, lines, port, code = start_window(args.signaal, args.content, args.script, shots, records, work)
    try:
        run = subprocess.run([node, args.browser_js, f"http://127.0.0.1:{port}/{code}/", shots, args.chromium, args.node_modules],
                             capture_output=True, text=True, timeout=240)
        sys.stderr.write(run.stderr)
        if run.returncode != 0:
            fail(f"the browser failed ({run.returncode})")
        result = json.loads(run.stdout.strip().splitlines()[-1])
        print(f"the browser voted {result['voted']}")
        if result["outside"]:
            fail(f"the page loaded something from elsewhere: {result['outside']}")
        # The class ended (the script's Esc Esc): nothing may listen on the port any more.
        deadline = time.time() + 60
        while not any("phone voting off" in line for line in lines) and time.time() < deadline:
            time.sleep(0.2)
        # Still running: the server must have stopped with the class, not with the window.
        if proc.poll() is not None:
            fail("the server stopped only when the window closed, not when the class ended")
        try:
            socket.create_connection(("127.0.0.1", port), timeout=3).close()
            fail(f"the phone server still listens on port {port} after the class ended")
        except OSError:
            print(f"class ended: port {port} refuses connections, the window still runs")
        rc = proc.wait(120)
    finally:
        if proc.poll() is None:
            proc.kill()
    sys.stderr.write("".join(lines))
    if rc != 0:
        fail(f"signaal exited {rc}")
    d = read_only_record(records, "class_*.json")[1]["decisions"]
    if [x["scene"] for x in d] != ["desk", "signals", "passage"]:
        fail(f"decisions: {[x['scene'] for x in d]}")
    for x, picks in zip(d, result["voted"]):
        got = sorted(k for k, v in x["votes"].items() for _ in range(v))
        if got != sorted(picks):
            fail(f"{x['scene']}: the record holds {x['votes']}, the browser voted {picks}")
    check_screenshots(args.colours, shots, at_least=7)
    print("ok: look at phone-*.png and projector-*.png in " + shots)
    return 0


if __name__ == "__main__":
    sys.exit(main())
