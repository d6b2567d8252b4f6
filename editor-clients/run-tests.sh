#!/usr/bin/env bash
# Runs every editor-client test that exists: Neovim, Emacs, the configuration blocks of docs/editors.md
# (check-configs.sh), the launcher's start-up caches (check-launcher.sh), and VS Code (when its test script is there).
#
#   editor-clients/run-tests.sh
#
# Needs server/target/paperlink.jar (./mvnw -B -DskipTests package) or PAPERLINK_JAR, and a Java 21+
# (PAPERLINK_JAVA, JAVA_HOME, PATH, else the first /usr/lib/jvm/*/bin/java that is 21+).
# An editor that is not installed is skipped with a message, unless PAPERLINK_REQUIRE_EDITORS=1:
# then it counts as a failure. Ends with "N passed, N failed"; exits non-zero on any failure.
set -uo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(dirname "$here")"
require="${PAPERLINK_REQUIRE_EDITORS:-0}"
passed=0
failed=0
summary=()

finish() {
  echo
  echo "== editor tests"
  for s in "${summary[@]}"; do echo "   $s"; done
  echo "$passed passed, $failed failed"
  if [[ $failed -gt 0 ]]; then exit 1; fi
  exit 0
}

# --- the server jar: expected to be built already
jar="${PAPERLINK_JAR:-$root/server/target/paperlink.jar}"
if [[ ! -f "$jar" ]]; then
  echo "editor tests: the server jar $jar does not exist."
  echo "Build it first: JAVA_HOME=/path/to/jdk21+ ./mvnw -B -DskipTests package (or set PAPERLINK_JAR)."
  failed=$((failed + 1)); summary+=("jar: missing ($jar)")
  finish
fi
export PAPERLINK_JAR="$jar"

# --- a Java 21+ for bin/paperlink
java_feature() { "$1" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java\.specification\.version = \([0-9]*\).*/\1/p' | head -1; }
if [[ -z "${PAPERLINK_JAVA:-}" ]]; then
  found=""
  for c in ${JAVA_HOME:+"$JAVA_HOME/bin/java"} "$(command -v java || true)" /usr/lib/jvm/*/bin/java; do
    [[ -n "$c" && -x "$c" ]] || continue
    v="$(java_feature "$c")"
    if [[ -n "$v" && "$v" -ge 21 ]]; then found="$c"; break; fi
  done
  if [[ -z "$found" ]]; then
    echo "editor tests: no Java 21+ found (JAVA_HOME, PATH, /usr/lib/jvm); set PAPERLINK_JAVA to one."
    failed=$((failed + 1)); summary+=("java: no Java 21+ found")
    finish
  fi
  export PAPERLINK_JAVA="$found"
fi
echo "editor tests: jar $PAPERLINK_JAR, java $PAPERLINK_JAVA"

# run_suite NAME SCRIPT: runs SCRIPT, adds its closing "N passed, N failed" to the totals
run_suite() {
  local name="$1" script="$2" log rc line p f t0 secs
  log="$(mktemp "${TMPDIR:-/tmp}/paperlink-$name-log.XXXXXX")"
  echo
  echo "== $name: $script"
  t0=$(date +%s.%N)
  bash "$script" 2>&1 | tee "$log"
  rc=${PIPESTATUS[0]}
  secs=$(awk -v a="$t0" -v b="$(date +%s.%N)" 'BEGIN { printf "%.1f", b - a }')
  line="$(grep -E '^([A-Za-z-]+: )?[0-9]+ passed, [0-9]+ failed' "$log" | tail -1)"
  rm -f "$log"
  if [[ "$line" =~ ([0-9]+)\ passed,\ ([0-9]+)\ failed ]]; then
    p=${BASH_REMATCH[1]}; f=${BASH_REMATCH[2]}
  else
    p=0; f=0
  fi
  if [[ $rc -ne 0 && $f -eq 0 ]]; then f=1; fi   # a crash without a count is a failure
  passed=$((passed + p)); failed=$((failed + f))
  summary+=("$name: $p passed, $f failed (exit $rc, ${secs} s)")
}

# skip_or_fail NAME WHY
skip_or_fail() {
  if [[ "$require" == 1 ]]; then
    echo "== $1: FAILED: $2 (PAPERLINK_REQUIRE_EDITORS=1)"
    failed=$((failed + 1)); summary+=("$1: FAILED, $2")
  else
    echo "== $1: SKIPPED: $2"
    summary+=("$1: skipped, $2")
  fi
}

# --- the ACM-CR index (acm-cr-fixture.sh), built once here for the ACM-CR checks of every editor below
echo; echo "== acm-cr fixture"; t0=$(date +%s)
bash "$here/acm-cr-fixture.sh" build; summary+=("acm-cr fixture: exit $? ($(( $(date +%s) - t0 )) s; 3 = skipped)")

# --- Neovim (0.7+)
if command -v nvim >/dev/null 2>&1; then
  probe_dir="$(mktemp -d /tmp/plnvp.XXXXXX)"   # short (nvim's socket), wherever TMPDIR is
  nvim_ok="$(TMPDIR="$probe_dir" XDG_STATE_HOME="$probe_dir" XDG_DATA_HOME="$probe_dir" XDG_CACHE_HOME="$probe_dir" nvim --headless -u NONE -i NONE -c 'lua io.stdout:write(vim.fn.has("nvim-0.7") == 1 and "ok" or "old")' -c 'qa!' 2>/dev/null)"
  rm -rf "$probe_dir"
  if [[ "$nvim_ok" == ok ]]; then
    run_suite nvim "$here/nvim/test/run.sh"
  else
    skip_or_fail nvim "nvim is older than 0.7 ($(nvim --version | head -1))"
  fi
else
  skip_or_fail nvim "nvim is not installed (Debian: apt-get install neovim)"
fi

# --- Emacs (28+ with eglot)
if command -v emacs >/dev/null 2>&1; then
  probe_home="$(mktemp -d "${TMPDIR:-/tmp}/paperlink-emacs-probe.XXXXXX")"
  has_eglot="$(HOME="$probe_home" emacs --batch -q --eval '(progn (require (quote eglot)) (princ "ok"))' 2>/dev/null)"
  rm -rf "$probe_home"
  if [[ "$has_eglot" == ok ]]; then
    run_suite emacs "$here/emacs/test/run.sh"
  else
    skip_or_fail emacs "emacs has no eglot (Debian: apt-get install elpa-eglot; Emacs 29+ has it built in)"
  fi
else
  skip_or_fail emacs "emacs is not installed (Debian: apt-get install emacs-nox elpa-eglot)"
fi

# --- the configuration blocks of docs/editors.md and the READMEs (Helix, Kakoune, Sublime, Zed...)
run_suite configs "$here/check-configs.sh"
run_suite launcher "$here/check-launcher.sh"

# --- VS Code: HOOK for the VS Code client's own test (written in the vscode worktree).
# It is run when editor-clients/vscode/test/run.sh exists; it must print "N passed, N failed" and
# exit non-zero on failure, and decide itself about PAPERLINK_REQUIRE_EDITORS for what it needs.
if [[ -f "$here/vscode/test/run.sh" ]]; then
  run_suite vscode-protocol "$here/vscode/test/protocol.sh"
  run_suite vscode "$here/vscode/test/run.sh"
else
  echo
  echo "== vscode: no test script yet (editor-clients/vscode/test/run.sh)"
  summary+=("vscode: no test script yet")
fi

finish
