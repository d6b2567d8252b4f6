#!/usr/bin/env bash
# Headless Neovim on the ACM-CR collection (113k ACM papers) as the corpus: completion in \cite{} after
# a real citation sentence offers the paper it cites, and the "Cite …" code action inserts it
# (acm-cr.lua). The note, the topics and the prebuilt words-only index come from
# editor-clients/acm-cr-fixture.sh; skipped (loudly) when the shared corpora are not there.
# Run by run.sh after the main test (its count is added to the suite's), or alone.
# Prints "acm-cr: N passed, N failed"; exit 1 on failure.
set -uo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
plugin="$(dirname "$here")"
t0=$(date +%s.%N)
tmp="$(mktemp -d /tmp/plnva.XXXXXX)"   # short: the editor's TMPDIR (sockets)
trap 'rm -rf "$tmp"' EXIT
"$plugin/../acm-cr-fixture.sh" prepare "$tmp/acm"
case $? in
  0) ;;
  3) echo "acm-cr: 0 passed, 0 failed"; exit 0 ;;   # the collection is not there: skipped
  *) echo "acm-cr: 0 passed, 1 failed"; exit 1 ;;
esac
set -a; . "$tmp/acm/env"; set +a
export XDG_CACHE_HOME="$tmp/cache" XDG_STATE_HOME="$tmp/state" XDG_DATA_HOME="$tmp/data" XDG_CONFIG_HOME="$tmp/config"
# no embeddings: the server would spend its time embedding 113k papers; no default index outside $tmp
export PAPERLINK_EMBEDDINGS=off PAPERLINK_INDEX_DIR="$tmp/default-index" PAPERLINK_CDS="${PAPERLINK_CDS:-0}" PAPERLINK_NVIM_PLUGIN="$plugin"
cd "$ACM_CR_WORKSPACE" || exit 1
TMPDIR="$tmp" XDG_RUNTIME_DIR="$tmp" timeout 90 nvim --headless -i NONE -u "$here/acm-cr-init.lua" acm.tex -c "luafile $here/acm-cr.lua" </dev/null
rc=$?
if [[ $rc -ne 0 ]]; then
  for log in "$tmp/state/nvim/lsp.log" "$tmp/cache/nvim/lsp.log"; do
    [[ -f "$log" ]] && { echo "--- lsp.log (last 20 lines)"; tail -20 "$log"; break; }
  done
fi
if [[ $rc -eq 124 ]]; then echo "nvim timed out"; echo "acm-cr: 0 passed, 1 failed"; fi
echo "acm-cr: nvim part took $(awk -v a="$t0" -v b="$(date +%s.%N)" 'BEGIN { printf "%.1f", b - a }') s"
exit $rc
