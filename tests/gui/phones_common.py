"""What the phone voting tests share: the class window on content/example with
phone voting bound to 127.0.0.1, and where it says it listens."""
import argparse
import os
import re
import subprocess
import threading

from gui_common import XVFB_RUN, fail, window_env


def start_window(signaal, content, script, shots, records, work):
    """Starts `signaal --class example-night-shift` (content/example) under Xvfb with `script`; returns
    (process, stderr lines so far, port, session code) once the window printed
    where phone voting listens (the script presses V)."""
    cmd = [*XVFB_RUN, signaal, "--class", "example-night-shift", "--content", content,
           "--records", records, "--script", script, "--screenshot-dir", shots, "--settings", os.path.join(work, "settings.json"),
           "--lang", "nl", "--phone-bind", "127.0.0.1", "--phone-port", "0"]
    env = window_env(work)
    proc = subprocess.Popen(cmd, env=env, stderr=subprocess.PIPE, text=True)
    lines, found, where = [], threading.Event(), {}

    def read_stderr():
        for line in proc.stderr:
            lines.append(line)
            m = re.search(r"phone voting on http://[^:]+:\d+/(\d+) \(listening on 127\.0\.0\.1:(\d+)\)", line)
            if m:
                where["code"], where["port"] = m.group(1), int(m.group(2))
                found.set()

    threading.Thread(target=read_stderr, daemon=True).start()
    if not found.wait(120):
        proc.kill()
        fail("the window never said where phone voting listens:\n" + "".join(lines))
    return proc, lines, where["port"], where["code"]


def parser(doc):
    """The arguments both tests take; each adds its own."""
    p = argparse.ArgumentParser(description=doc)
    p.add_argument("--signaal", required=True)
    p.add_argument("--colours", required=True, help="the png_colours checker")
    p.add_argument("--content", required=True)
    p.add_argument("--script", required=True)
    return p
