"""Learning Locker's statement service (npm package xapi-statements) on
127.0.0.1 for the tests: no database (memory models, local storage), the
loopback address only (loopback_only.js), Basic auth checked against one
user (lrs_auth_shim.js turns any other into the service's own refused token),
and `more` paging that holds over long runs (lrs_monotonic_ids.js).
Used by lrs_real_test.py and lrs_sync_test.py."""
import base64, json, os, socket, subprocess, sys, tempfile, time, urllib.request

HERE = os.path.dirname(os.path.abspath(__file__))
USER, PASSWORD = "trainer", "s3cret"
AUTH = "Basic " + base64.b64encode(f"{USER}:{PASSWORD}".encode()).decode()


def skip_unless_installed(server_js):
    if not os.path.exists(server_js) or not subprocess.run(["sh", "-c", "command -v node"], capture_output=True).stdout:
        print(f"skipped: no Learning Locker statement service at {server_js} (tools/test.sh installs it from npm)")
        sys.exit(77)


def free_port():
    with socket.socket() as s:  # a free port on the loopback address only
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Lrs:
    def __init__(self, server_js, port, tmp):
        self.server_js, self.port, self.tmp = server_js, port, tmp
        self.url = f"http://127.0.0.1:{port}/xAPI/"
        self.proc = None

    def start(self):
        env = dict(os.environ, AUTH_REPO="test", EVENTS_REPO="test", MODELS_REPO="memory", STORAGE_REPO="local",
                   EXPRESS_PORT=str(self.port), FS_LOCAL_STORAGE_DIR=self.tmp + "/storage", SIGNAAL_LRS_AUTH=AUTH)
        self.proc = subprocess.Popen(["node", "-r", os.path.join(HERE, "loopback_only.js"), "-r", os.path.join(HERE, "lrs_auth_shim.js"),
                                      "-r", os.path.join(HERE, "lrs_monotonic_ids.js"), self.server_js], cwd=self.tmp, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        for _ in range(150):  # up to 30 s for node to start
            try:
                self.get("/xAPI/statements?limit=1")
                return
            except OSError:
                if self.proc.poll() is not None:
                    sys.exit("the LRS stopped while starting")
                time.sleep(0.2)
        sys.exit("the LRS did not start within 30 s")

    def stop(self):
        if self.proc:
            self.proc.terminate()
            try:
                self.proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
            self.proc = None

    def get(self, path):
        req = urllib.request.Request(f"http://127.0.0.1:{self.port}{path}",
                                     headers={"Authorization": AUTH, "X-Experience-API-Version": "1.0.3"})
        with urllib.request.urlopen(req, timeout=30) as r:
            return json.load(r)

    def all_statements(self):
        out, path = [], "/xAPI/statements?limit=500"
        for _ in range(10000):  # bounded: at most 10000 pages
            page = self.get(path)
            out += page["statements"]
            if not page.get("more"):
                return out
            path = page["more"] if page["more"].startswith("/xAPI") else "/xAPI" + page["more"].split("/xAPI", 1)[-1]
        sys.exit("the LRS never stopped paging")


def from_args(prefix):
    """BINDIR SERVER_JS from the command line: the programs' folder, a temporary
    folder and an LRS (not started); exit 77 when it is not installed."""
    bindir, server_js = sys.argv[1], sys.argv[2]
    skip_unless_installed(server_js)
    tmp = tempfile.mkdtemp(prefix=prefix)
    return bindir, tmp, Lrs(server_js, free_port(), tmp)
