#!/usr/bin/env bash
# Batch Emacs (emacs-nox + eglot) test of paperlink.el against the real server.
# Needs: emacs 28+ with eglot (Debian: emacs-nox elpa-eglot), a built server/target/paperlink.jar
# (or PAPERLINK_JAR), a Java 21+ that bin/paperlink finds (PAPERLINK_JAVA, JAVA_HOME or PATH).
# Prints "N passed, N failed"; exits non-zero on failure.
set -uo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
command -v emacs >/dev/null || { echo "emacs not found"; echo "0 passed, 1 failed"; exit 1; }

# a short folder under /tmp whatever TMPDIR and the checkout path are (the editor gets it as its TMPDIR:
# nothing of Emacs or the server may depend on the checkout path: a socket path holds at most 107 bytes)
tmp="$(mktemp -d /tmp/plem.XXXXXX)"
trap 'rm -rf "$tmp"' EXIT
cp -r "$here/workspace" "$tmp/workspace"
# Keep ~/.emacs.d and the launcher's cache out of the real home; an isolated index.
export HOME="$tmp/home" XDG_CACHE_HOME="$tmp/cache" PAPERLINK_INDEX_DIR="$tmp/default-index" PAPERLINK_CDS="${PAPERLINK_CDS:-0}"
export PAPERLINK_TEST_DIR="$tmp" PAPERLINK_DEMO_CORPUS="$(cd "$here/../../../demo" && pwd)"
mkdir -p "$HOME"
# the Zotero checks of paperlink-test.el: a copy of a real Zotero data directory (zotero-fixture.sh), or skipped loudly
zotero_failed=0
"$here/../../zotero-fixture.sh" prepare "$tmp/zotero" > "$tmp/zotero.out" 2>&1
case $? in
  0) set -a; . "$tmp/zotero/env"; set +a ;;
  3) cat "$tmp/zotero.out" ;;
  *) cat "$tmp/zotero.out"; zotero_failed=1 ;;
esac
cd "$tmp/workspace" || exit 1
# -q, not -Q: Debian's site-start must run so that the packaged eglot is on the load-path.
TMPDIR="$tmp" timeout 60 emacs --batch -q -L "$(dirname "$here")" -l "$here/paperlink-test.el" </dev/null 2>"$tmp/stderr" | tee "$tmp/out"
rc=${PIPESTATUS[0]}
if [[ $rc -ne 0 ]]; then echo "--- emacs stderr (last 30 lines)"; tail -30 "$tmp/stderr"; fi
if [[ $rc -eq 124 ]]; then echo "emacs timed out"; echo "0 passed, 1 failed" | tee -a "$tmp/out"; fi
if [[ $zotero_failed == 1 ]]; then echo "zotero fixture: 0 passed, 1 failed" | tee -a "$tmp/out"; rc=1; fi
# the ERT test of M-x paperlink-doctor, added to this count
TMPDIR="$tmp" timeout 60 emacs --batch -q -L "$(dirname "$here")" -l ert -l "$here/paperlink-doctor-test.el" \
  -f ert-run-tests-batch-and-exit </dev/null > "$tmp/ert" 2>&1
ert_rc=$?
grep -E '^(Ran|   (passed|FAILED)|Test .* condition)' "$tmp/ert"
if [[ $ert_rc -eq 0 ]]; then echo "doctor: 1 passed, 0 failed" | tee -a "$tmp/out"; else tail -20 "$tmp/ert"; echo "doctor: 0 passed, 1 failed" | tee -a "$tmp/out"; rc=1; fi
# the ACM-CR checks (acm-cr.sh: another emacs, the ACM-CR collection as the corpus), added to this count
bash "$here/acm-cr.sh" | tee -a "$tmp/out"; [[ ${PIPESTATUS[0]} -ne 0 && $rc -eq 0 ]] && rc=1
"$here/../../acm-cr-fixture.sh" total "$tmp/out"
exit $rc
