#!/usr/bin/env bash
# Batch Emacs + eglot on the ACM-CR collection (113k ACM papers) as the corpus: completion in \cite{}
# after a real citation sentence offers the paper it cites, and the "Cite …" code action inserts it
# (paperlink-acm-cr-test.el). The note, the topics and the prebuilt words-only index come from
# editor-clients/acm-cr-fixture.sh; skipped (loudly) when the shared corpora are not there.
# Run by run.sh after the main test (its count is added to the suite's), or alone.
# Prints "acm-cr: N passed, N failed"; exit 1 on failure.
set -uo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
t0=$(date +%s.%N)
tmp="$(mktemp -d /tmp/plema.XXXXXX)"   # short: the editor's TMPDIR (sockets)
trap 'rm -rf "$tmp"' EXIT
"$here/../../acm-cr-fixture.sh" prepare "$tmp/acm"
case $? in
  0) ;;
  3) echo "acm-cr: 0 passed, 0 failed"; exit 0 ;;   # the collection is not there: skipped
  *) echo "acm-cr: 0 passed, 1 failed"; exit 1 ;;
esac
set -a; . "$tmp/acm/env"; set +a
# no embeddings: the server would spend its time embedding 113k papers; ~/.emacs.d and caches in $tmp
export PAPERLINK_EMBEDDINGS=off HOME="$tmp/home" XDG_CACHE_HOME="$tmp/cache" PAPERLINK_INDEX_DIR="$tmp/default-index" PAPERLINK_CDS="${PAPERLINK_CDS:-0}"
mkdir -p "$HOME"
cd "$ACM_CR_WORKSPACE" || exit 1
TMPDIR="$tmp" timeout 90 emacs --batch -q -L "$(dirname "$here")" -l "$here/paperlink-acm-cr-test.el" </dev/null 2>"$tmp/stderr"
rc=$?
if [[ $rc -ne 0 ]]; then echo "--- emacs stderr (last 30 lines)"; tail -30 "$tmp/stderr"; fi
if [[ $rc -eq 124 ]]; then echo "emacs timed out"; echo "acm-cr: 0 passed, 1 failed"; fi
echo "acm-cr: emacs part took $(awk -v a="$t0" -v b="$(date +%s.%N)" 'BEGIN { printf "%.1f", b - a }') s"
exit $rc
