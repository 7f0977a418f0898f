#!/usr/bin/env python3
"""signaal-report --xapi output through the npm validator xapi-validation (exit 77: skipped)."""
import os, subprocess, sys, tempfile

bindir, node, modules = sys.argv[1:4]
if not os.path.isdir(os.path.join(modules, "xapi-validation")):
    print(f"xapi-validation not installed in {modules}; npm install --prefix {os.path.dirname(modules)} xapi-validation@2.1.4")
    sys.exit(77)
tmp = tempfile.mkdtemp(prefix="signaal-xapi-npm-")
for seed, course in enumerate(("hotel-park", "cases", "example"), 1):
    subprocess.run([f"{bindir}/gen-records", f"{tmp}/r/{course}", "--records", "60", "--course", course, "--seed", str(seed)], check=True)
subprocess.run([f"{bindir}/signaal-report", "--quiet", "--xapi", f"{tmp}/x.json", f"{tmp}/r"], check=True)
js = r"""
const validate = require('xapi-validation').default;
const st = JSON.parse(require('fs').readFileSync(process.argv[1], 'utf8'));
let bad = 0;
for (const s of st) { const w = validate(s); if (w.length) { bad++; if (bad < 10) console.log(s.id, JSON.stringify(w)); } }
console.log(st.length + ' statements, ' + bad + ' with warnings');
process.exit(bad || st.length === 0 ? 1 : 0);
"""
env = dict(os.environ, NODE_PATH=modules)
sys.exit(subprocess.run([node, "-e", js, f"{tmp}/x.json"], env=env).returncode)
