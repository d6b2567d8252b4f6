#!/usr/bin/env bash
# Real VS Code end-to-end test of the PaperLink extension:
# code-server (VS Code for the web, from npm) + the packaged .vsix + Debian's headless Chromium
# driven by playwright-core (test/e2e.js). Screenshots and logs: editor-clients/vscode/target/e2e/.
#
#   test/run.sh                        # installs what is missing (cached), packages, runs
#   PAPERLINK_REQUIRE_EDITORS=1 test/run.sh   # a missing prerequisite fails instead of skipping
#
# Cache of Node 24, code-server and npm downloads: $PAPERLINK_CI_CACHE, else ~/.cache/paperlink-ci.
# Java: $PAPERLINK_JAVA, $JAVA_HOME, PATH or /usr/lib/jvm/* (21+). Jar: $PAPERLINK_JAR, else server/target/paperlink.jar.
# The last line is "N passed, N failed"; the exit status is non-zero on failure.
set -uo pipefail

EXT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
ROOT="$(cd "$EXT/../.." && pwd)"
OUT="$EXT/target/e2e"
# Everything that holds sockets (code-server's user data, Chromium's profile and TMPDIR: a socket path
# holds at most 107 bytes) lives in a short folder under /tmp, wherever the checkout is; logs and
# screenshots go to $OUT. Removed at exit.
RUN="$(mktemp -d /tmp/plvs.XXXXXX)"
t_start=$(date +%s.%N)
elapsed() { printf '%.1f s' "$(echo "$(date +%s.%N) - $t_start" | bc)"; }
say() { echo "e2e: $*"; }

finish() { # prints the closing line and exits
  local passed=$1 failed=$2
  say "total $(elapsed)"
  echo "$passed passed, $failed failed"
  [[ $failed == 0 ]] && exit 0 || exit 1
}
missing() { # a prerequisite is missing: skip, or fail under PAPERLINK_REQUIRE_EDITORS=1
  if [[ "${PAPERLINK_REQUIRE_EDITORS:-0}" == 1 ]]; then
    say "FAIL: $* (PAPERLINK_REQUIRE_EDITORS=1)"
    finish 0 1
  fi
  say "!!! SKIPPED the VS Code end-to-end test: $* (set PAPERLINK_REQUIRE_EDITORS=1 to make this a failure)"
  echo "0 passed, 0 failed"
  exit 0
}

# --- cleanup: every process this script started, by pid (code-server, its extension host and file
# watcher, the java server, chromium), even on failure or Ctrl-C.
descendants() { # pids below $1, deepest last
  local kids; kids=$(ps -o pid= --ppid "$1" 2>/dev/null) || true
  for k in $kids; do echo "$k"; descendants "$k"; done
}
cleanup() {
  local pids; pids=$(descendants $$)
  [[ -n "$pids" ]] && kill -TERM $pids 2>/dev/null
  for _ in 1 2 3 4 5 6 7 8 9 10; do
    local alive=""; for p in $pids; do kill -0 "$p" 2>/dev/null && alive="$alive $p"; done
    [[ -z "$alive" ]] && return 0
    sleep 0.3
  done
  kill -KILL $alive 2>/dev/null; return 0
}
remove_run() { [[ -n "${RUN:-}" && "$RUN" == /tmp/plvs.* ]] && rm -rf "$RUN"; return 0; }
trap 'cleanup; remove_run' EXIT
trap 'say "interrupted"; finish 0 1' INT TERM

# --- prerequisites
command -v node >/dev/null && command -v npm >/dev/null || missing "node and npm are not on PATH"
java=""
# as the extension does (setting → JAVA_HOME → PATH), then any JDK installed under /usr/lib/jvm
for cand in "${PAPERLINK_JAVA:-}" "${JAVA_HOME:-}" "$(command -v java || true)" $(ls -d /usr/lib/jvm/*/ 2>/dev/null | sort -rV); do
  [[ -z "$cand" ]] && continue
  [[ -d "$cand" ]] && cand="${cand%/}/bin/java"
  [[ -x "$cand" ]] || continue
  v=$("$cand" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java\.specification\.version = \([0-9]*\).*/\1/p' | head -1)
  if [[ -n "$v" && "$v" -ge 21 ]]; then java="$cand"; break; fi
done
[[ -n "$java" ]] || missing "no Java 21+ (tried PAPERLINK_JAVA, JAVA_HOME, PATH, /usr/lib/jvm)"
java_home="$(cd "$(dirname "$(readlink -f "$java")")/.." && pwd)"
jar="${PAPERLINK_JAR:-$ROOT/server/target/paperlink.jar}"
if [[ ! -f "$jar" ]]; then
  say "building $jar"
  (cd "$ROOT" && JAVA_HOME="$java_home" ./mvnw -B -q -DskipTests package) || missing "cannot build $jar"
fi
if ! CACHE="$("$EXT/test/prereqs.sh" | tail -1)"; then
  missing "could not install Node 24, code-server or chromium (see the messages above)"
fi
NODE24="$(ls -d "$CACHE"/node-24.*/ | head -1)"; NODE24="${NODE24%/}"
CODE_SERVER="$(ls -d "$CACHE"/code-server-*/node_modules/.bin/code-server | grep -v partial | head -1)"
[[ -x "$NODE24/bin/node" && -x "$CODE_SERVER" && -x /usr/bin/chromium ]] || missing "Node 24, code-server or /usr/bin/chromium missing after install"
say "prerequisites ready ($(elapsed)): java $java, $("$NODE24/bin/node" -v), code-server $("$CODE_SERVER" --version 2>/dev/null | grep -m1 -o '^[0-9][0-9.]*'), $(/usr/bin/chromium --version 2>/dev/null)"

# --- package the extension
cd "$EXT" && mkdir -p "$EXT/target"
if [[ ! -d node_modules/vscode-languageclient || ! -d node_modules/playwright-core ]]; then
  npm ci --no-audit --no-fund >/dev/null || finish 0 1
fi
PAPERLINK_JAR="$jar" npm run -s package > "$OUT.package.log" 2>&1 || { mkdir -p "$OUT"; cat "$OUT.package.log"; say "FAIL: npm run package"; finish 0 1; }
vsix="$(ls -t "$EXT"/paperlink-*.vsix | head -1)"
say "packaged $(basename "$vsix") ($(elapsed))"

# --- an isolated code-server: own HOME, user data, extensions, TMPDIR; a fresh copy of the workspace
rm -rf "$OUT" && mkdir -p "$OUT" "$RUN"/{home,user-data/User,extensions,tmp,index}
mv "$OUT.package.log" "$OUT/package.log"
cp -r "$EXT/test/fixture/workspace" "$EXT/test/fixture/corpus" "$EXT/test/fixture/related" "$RUN/"
. "$EXT/test/acm-cr.sh" prepare   # the ACM-CR window's folder (editor-clients/acm-cr-fixture.sh), before HOME and TMPDIR move
# the Zotero checks of e2e.js: a copy of a real Zotero data directory (editor-clients/zotero-fixture.sh), or skipped loudly
zotero_state=skipped
"$ROOT/editor-clients/zotero-fixture.sh" prepare "$RUN/zotero"
case $? in
  0) zotero_state=ready; . "$RUN/zotero/env"
     export E2E_ZOTERO_DATA="$ZOTERO_DATA" E2E_ZOTERO_KEY="$ZOTERO_KEY" E2E_ZOTERO_PDF="$ZOTERO_PDF" \
       E2E_ZOTERO_TITLE="$ZOTERO_TITLE" E2E_ZOTERO_ABSTRACT="$ZOTERO_ABSTRACT" ;;
  3) ;;
  *) zotero_state=failed ;;
esac
export HOME="$RUN/home" XDG_CONFIG_HOME="$RUN/home/.config" XDG_DATA_HOME="$RUN/home/.local/share" XDG_CACHE_HOME="$RUN/home/.cache"
export TMPDIR="$RUN/tmp" PATH="$NODE24/bin:$PATH"
# the launcher's background AOT-cache training (check-launcher.sh tests it) would take a core from the editor here
export PAPERLINK_AOT=0
unset JAVA_HOME   # the extension must take Java from its setting
cat > "$RUN/user-data/User/settings.json" <<JSON
{
  "security.workspace.trust.enabled": false,
  "workbench.startupEditor": "none",
  "workbench.tips.enabled": false,
  "workbench.enableExperiments": false,
  "telemetry.telemetryLevel": "off",
  "update.mode": "none",
  "extensions.autoCheckUpdates": false,
  "extensions.autoUpdate": false,
  "extensions.ignoreRecommendations": true,
  "chat.disableAIFeatures": true,
  "git.enabled": false,
  "editor.quickSuggestions": { "other": false, "comments": false, "strings": false },
  "editor.wordBasedSuggestions": "off",
  "editor.hover.delay": 150,
  "files.autoSave": "off",
  "files.hotExit": "off"
}
JSON
mkdir -p "$RUN/workspace/.vscode"
cat > "$RUN/workspace/.vscode/settings.json" <<JSON
{
  "paperlink.java.home": "$java_home",
  "paperlink.server.jar": "",
  "paperlink.corpus": ["$RUN/corpus/library.bib"],
  "paperlink.indexDir": "$RUN/index"
}
JSON
# the related-papers window: a note with no bibliography of its own, the demo corpus (demo/) as paperlink.corpus
mkdir -p "$RUN/related/.vscode"
cat > "$RUN/related/.vscode/settings.json" <<JSON
{
  "paperlink.java.home": "$java_home",
  "paperlink.corpus": ["$ROOT/demo"],
  "paperlink.indexDir": "$RUN/index-related"
}
JSON
cs_args=(--user-data-dir "$RUN/user-data" --extensions-dir "$RUN/extensions")
"$CODE_SERVER" "${cs_args[@]}" --install-extension "$vsix" > "$OUT/install-extension.log" 2>&1 \
  || { cat "$OUT/install-extension.log"; say "FAIL: code-server --install-extension"; finish 0 1; }
grep -q 'successfully installed' "$OUT/install-extension.log" || { cat "$OUT/install-extension.log"; finish 0 1; }
say "installed the .vsix into $RUN/extensions ($(elapsed))"

port=$(node -e "const s=require('net').createServer().listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})")
"$CODE_SERVER" "${cs_args[@]}" --bind-addr "127.0.0.1:$port" --auth none --disable-telemetry --disable-update-check \
  --disable-workspace-trust --disable-getting-started-override "$RUN/workspace" > "$OUT/code-server.log" 2>&1 &
for _ in $(seq 1 150); do curl -fs -o /dev/null "http://127.0.0.1:$port/healthz" && break; sleep 0.2; done
curl -fs -o /dev/null "http://127.0.0.1:$port/healthz" || { tail -20 "$OUT/code-server.log"; say "FAIL: code-server did not start"; finish 0 1; }
say "code-server on 127.0.0.1:$port ($(elapsed))"

# an older Java (< 21), if the machine has one: the last check points paperlink.java.home at it
old_java=""
for cand in "$(command -v java || true)" $(ls -d /usr/lib/jvm/*/ 2>/dev/null); do
  [[ -d "$cand" ]] && cand="${cand%/}/bin/java"
  [[ -x "$cand" ]] || continue
  v=$("$cand" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java\.specification\.version = \([0-9]*\).*/\1/p' | head -1)
  if [[ -n "$v" && "$v" -lt 21 ]]; then old_java="$cand"; break; fi
done
export E2E_OLD_JAVA="$old_java" E2E_WORKSPACE_SETTINGS="$RUN/workspace/.vscode/settings.json"

# --- drive it (node 24 from the cache; playwright-core from the extension's devDependencies)
timeout 300 node "$EXT/test/e2e.js" "http://127.0.0.1:$port/?folder=$RUN/workspace" "$OUT" "http://127.0.0.1:$port/?folder=$RUN/related" &   # a watchdog for a hung driver
wait $!
rc=$?
[[ $zotero_state == failed ]] && echo "FAIL zotero: editor-clients/zotero-fixture.sh prepare failed (see above)" | tee -a "$OUT/results.txt"
. "$EXT/test/acm-cr.sh" drive     # test/e2e-acm-cr.js: the ACM-CR window, in the same code-server
passed=$(grep -c '^ok ' "$OUT/results.txt" 2>/dev/null); failed=$(grep -c '^FAIL ' "$OUT/results.txt" 2>/dev/null)
[[ $rc != 0 && ${failed:-0} == 0 ]] && failed=1
# the extension host's log, for debugging
find "$RUN/user-data/logs" -name '*PaperLink*' -exec cp {} "$OUT/paperlink-output.log" \; 2>/dev/null
finish "${passed:-0}" "${failed:-0}"
