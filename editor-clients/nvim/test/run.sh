#!/usr/bin/env bash
# Headless Neovim test of the PaperLink plugin (editor-clients/nvim) against the real server.
# Needs: nvim (0.7+), a built server/target/paperlink.jar (or PAPERLINK_JAR), a Java 21+ that
# bin/paperlink finds (PAPERLINK_JAVA, JAVA_HOME or PATH). Prints "N passed, N failed"; exit 1 on failure.
set -uo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
plugin="$(dirname "$here")"
command -v nvim >/dev/null || { echo "nvim not found"; echo "0 passed, 1 failed"; exit 1; }

# a short folder under /tmp whatever TMPDIR and the checkout path are (the editor gets it as its TMPDIR:
# Neovim puts its server socket there, 0.9+ under XDG_RUNTIME_DIR; a socket path holds at most 107 bytes)
tmp="$(mktemp -d /tmp/plnv.XXXXXX)"
trap 'rm -rf "$tmp"' EXIT
cp -r "$here/workspace" "$tmp/workspace"
# Keep nvim's files (lsp.log, shada, state) and the launcher's cache out of $HOME; the test sets indexDir
# to $tmp/index, and PAPERLINK_INDEX_DIR (the default when that setting is lost) is in $tmp as well.
export XDG_CACHE_HOME="$tmp/cache" XDG_STATE_HOME="$tmp/state" XDG_DATA_HOME="$tmp/data" XDG_CONFIG_HOME="$tmp/config"
# installed exactly as docs/editors.md says: a symbolic link into a start package of the data folder
mkdir -p "$tmp/data/nvim/site/pack/paperlink/start" && ln -s "$plugin" "$tmp/data/nvim/site/pack/paperlink/start/paperlink"
export PAPERLINK_INDEX_DIR="$tmp/default-index" PAPERLINK_CDS="${PAPERLINK_CDS:-0}"
export PAPERLINK_TEST_DIR="$tmp" PAPERLINK_NVIM_PLUGIN="$plugin" PAPERLINK_DEMO_CORPUS="$(cd "$plugin/../../demo" && pwd)"
# the Zotero checks of test.lua: a copy of a real Zotero data directory (zotero-fixture.sh), or skipped loudly
zotero_failed=0
"$plugin/../zotero-fixture.sh" prepare "$tmp/zotero" > "$tmp/zotero.out" 2>&1
case $? in
  0) set -a; . "$tmp/zotero/env"; set +a ;;
  3) cat "$tmp/zotero.out" ;;
  *) cat "$tmp/zotero.out"; zotero_failed=1 ;;
esac
cd "$tmp/workspace" || exit 1
TMPDIR="$tmp" XDG_RUNTIME_DIR="$tmp" timeout 60 nvim --headless -i NONE -u "$here/init.lua" note.tex -c "luafile $here/test.lua" </dev/null | tee "$tmp/out"
rc=${PIPESTATUS[0]}
if [[ $rc -ne 0 ]] && [[ -f "$tmp/state/nvim/lsp.log" ]]; then
  echo "--- lsp.log (last 20 lines)"; tail -20 "$tmp/state/nvim/lsp.log"
elif [[ $rc -ne 0 ]] && [[ -f "$tmp/cache/nvim/lsp.log" ]]; then
  echo "--- lsp.log (last 20 lines)"; tail -20 "$tmp/cache/nvim/lsp.log"
fi
if [[ $rc -eq 124 ]]; then echo "nvim timed out"; echo "0 passed, 1 failed" | tee -a "$tmp/out"; fi
if [[ $zotero_failed == 1 ]]; then echo "zotero fixture: 0 passed, 1 failed" | tee -a "$tmp/out"; rc=1; fi
# the ACM-CR checks (acm-cr.sh: another nvim, the ACM-CR collection as the corpus), added to this count
bash "$here/acm-cr.sh" | tee -a "$tmp/out"; [[ ${PIPESTATUS[0]} -ne 0 && $rc -eq 0 ]] && rc=1
# the team-corpus checks (solr.sh: another nvim, a development SolrCloud holding demo/ as the only corpus)
bash "$here/solr.sh" | tee -a "$tmp/out"; [[ ${PIPESTATUS[0]} -ne 0 && $rc -eq 0 ]] && rc=1
"$plugin/../acm-cr-fixture.sh" total "$tmp/out"
exit $rc
