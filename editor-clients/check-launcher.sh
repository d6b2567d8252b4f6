#!/usr/bin/env bash
# Checks bin/paperlink's start-up caches for the language server, as a user meets them:
#   the first 'serve' runs on the dynamic AppCDS archive and trains the AOT cache in the background
#   (Java 25+); the next 'serve' maps the AOT cache and answers initialize; PAPERLINK_AOT=0 turns it
#   off; 'java -jar paperlink.jar serve' with no archive at all still answers.
# Prints "N passed, N failed"; on Java 21-24 the AOT checks are skipped (the launcher uses AppCDS there).
set -uo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(dirname "$here")"
command -v python3 >/dev/null || { echo "check-launcher: python3 not found, skipped"; echo "0 passed, 0 failed"; exit 0; }
tmp="$(mktemp -d "${TMPDIR:-/tmp}/paperlink-launcher.XXXXXX")"
trap 'rm -rf "$tmp"' EXIT
export XDG_CACHE_HOME="$tmp/cache" PAPERLINK_INDEX_DIR="$tmp/index" PAPERLINK_EMBEDDINGS=off
unset PAPERLINK_CDS PAPERLINK_AOT PAPERLINK_JAVA_OPTS

python3 - "$root" "$tmp" <<'PY'
import glob, json, os, subprocess, sys, time
root, tmp = sys.argv[1], sys.argv[2]
passed = failed = 0
def check(ok, name, detail=""):
    global passed, failed
    if ok: passed += 1
    else: failed += 1
    print(f"{'ok' if ok else 'FAIL'} - {name}" + (f"  [{detail}]" if detail else ""), flush=True)

def session(cmd, env=None):
    """Starts the server, answers initialize, shuts it down; (ms to initialize, its java command line, stderr)."""
    err = open(os.path.join(tmp, "stderr.txt"), "w+")
    t0 = time.time()
    p = subprocess.Popen(cmd, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=err, env=env or os.environ)
    def send(o):
        b = json.dumps(o).encode(); p.stdin.write(b"Content-Length: %d\r\n\r\n" % len(b) + b); p.stdin.flush()
    def read():
        n = 0
        while True:
            line = p.stdout.readline()
            if line in (b"\r\n", b""): break
            if line.lower().startswith(b"content-length"): n = int(line.split(b":")[1])
        return json.loads(p.stdout.read(n)) if n else None
    ws = os.path.join(tmp, "ws"); os.makedirs(ws, exist_ok=True)
    send({"jsonrpc": "2.0", "id": 1, "method": "initialize", "params": {"processId": None, "capabilities": {},
          "workspaceFolders": [{"uri": "file://" + ws, "name": "ws"}]}})
    answer = None
    while answer is None or answer.get("id") != 1:
        answer = read()
        if answer is None: break
    ms = (time.time() - t0) * 1000
    cmdline = open(f"/proc/{p.pid}/cmdline", "rb").read().decode(errors="replace").split("\0") if os.path.exists(f"/proc/{p.pid}") else []
    send({"jsonrpc": "2.0", "id": 2, "method": "shutdown"})
    while True:
        m = read()
        if m is None or m.get("id") == 2: break
    send({"jsonrpc": "2.0", "method": "exit"})
    p.wait(timeout=120)
    err.seek(0)
    ok = answer is not None and "capabilities" in (answer.get("result") or {})
    return ok, ms, cmdline, err.read()

launcher = [os.path.join(root, "bin", "paperlink"), "serve"]
ok, ms, cmd, err = session(launcher)
check(ok, "first serve answers initialize (%.0f ms)" % ms, err[-500:])
check(any(a.startswith("-XX:SharedArchiveFile=") for a in cmd), "the first serve runs on the dynamic AppCDS archive", " ".join(cmd))
aot_dir = os.path.join(tmp, "cache", "paperlink", "cds")
training = glob.glob(os.path.join(aot_dir, "*.aot.training"))
if not training and not glob.glob(os.path.join(aot_dir, "*.aot*")):
    print("skip - the AOT cache: this Java has none (before 25); the launcher keeps the AppCDS archive")
else:
    check(bool(training) or bool(glob.glob(os.path.join(aot_dir, "*.aot"))), "the first serve started training the AOT cache in the background")
    deadline = time.time() + 300
    while time.time() < deadline and not glob.glob(os.path.join(aot_dir, "*.aot")) and not glob.glob(os.path.join(aot_dir, "*.failed.log")):
        time.sleep(2)
    failed_log = glob.glob(os.path.join(aot_dir, "*.failed.log"))
    check(bool(glob.glob(os.path.join(aot_dir, "*.aot"))), "the AOT cache is trained (%.0f s)" % (300 - (deadline - time.time())),
          open(failed_log[0]).read()[-800:] if failed_log else "")
    # the trainer removes its marker just after the cache appears: give it a moment (seen racing in CI)
    settle = time.time() + 30
    while time.time() < settle and glob.glob(os.path.join(aot_dir, "*.training")):
        time.sleep(0.5)
    check(not glob.glob(os.path.join(aot_dir, "*.training")), "no training left behind")
    ok, ms, cmd, err = session(launcher)
    check(ok and any(a.startswith("-XX:AOTCache=") for a in cmd), "the next serve maps the AOT cache and answers initialize (%.0f ms)" % ms,
          " ".join(cmd) + err[-300:])
    # the same java command, with the AOT log on (the launcher turns it off) and a short command instead of serve
    probe = [("-Xlog:aot=warning:stderr" if a == "-Xlog:aot=off" else a) for a in cmd if a]
    probe = probe[:len(probe) - 1] + ["--version"]
    r = subprocess.run(probe, capture_output=True, text=True, timeout=60)
    check(r.returncode == 0 and "[error]" not in r.stderr and "[warning]" not in r.stderr, "the AOT cache maps without a warning",
          r.stderr[-500:])
    ok, ms, cmd, err = session(launcher, dict(os.environ, PAPERLINK_AOT="0"))
    check(ok and not any(a.startswith("-XX:AOTCache=") for a in cmd), "PAPERLINK_AOT=0 serves without the AOT cache")
jar = os.environ.get("PAPERLINK_JAR") or os.path.join(root, "server", "target", "paperlink.jar")
javas = [os.environ.get("PAPERLINK_JAVA"), os.path.join(os.environ.get("JAVA_HOME", ""), "bin", "java")]
javabin = next((j for j in javas if j and os.path.exists(j)), "java")
ok, ms, cmd, err = session([javabin, "-Xshare:off", "-jar", jar, "serve"])
check(ok, "java -jar paperlink.jar serve answers without any archive (%.0f ms)" % ms, err[-300:])
print(f"{passed} passed, {failed} failed")
sys.exit(1 if failed else 0)
PY
