#!/usr/bin/env bash
# The Zotero fixture of the editor tests (issue 14): a writable copy of a real Zotero 7 data directory
# with Better BibTeX's new-layout database, and the PDF of its one item in storage/, so that "Open PDF"
# has a file to point at. Every editor test points its zotero setting at the copy and checks that
# completing \cite{tewel offers the Better BibTeX key and that the hover shows the abstract and
# "Open PDF".
#
#   editor-clients/zotero-fixture.sh prepare DIR   # the data directory DIR/Zotero and DIR/env (below)
#
# The database is not part of the project (never commit it): it is copied at run time from
# $PAPERLINK_SHARED/corpora/zotero-sqlite/elmoghany-my-zotero-sync, else ../shared/corpora/... beside
# the checkout. When it is absent, prepare prints "!!! SKIPPED: Zotero editor tests: ..." and exits 3,
# or, with PAPERLINK_REQUIRE_SHARED=1 (CI), "!!! FAILED: ..." and exits 1.
#
# prepare DIR, exit 0:
#   DIR/Zotero/zotero.sqlite, better-bibtex.sqlite   copies (writable: a test may change them as Zotero would)
#   DIR/Zotero/storage/KEY/FILE   the item's PDF attachment: KEY is the attachment item's key, FILE its
#                                 storage: path, both read from itemAttachments (a small valid PDF)
#   DIR/env   ZOTERO_DATA=DIR/Zotero ZOTERO_KEY=<the BBT key> ZOTERO_PDF=<the PDF's path>
#             ZOTERO_ITEM=<the item key> ZOTERO_TITLE=... ZOTERO_ABSTRACT=<its first words> (sourceable)
# The queries are run by sqlite3, else python3's sqlite3 module (the copies only, never the originals).
set -uo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(dirname "$here")"
LIBRARY=zotero-sqlite/elmoghany-my-zotero-sync
KEY=tewelTrainingFreeConsistentTexttoImage2024

say() { echo "zotero: $*" >&2; }

find_library() {
  local c
  for c in ${PAPERLINK_SHARED:+"$PAPERLINK_SHARED/corpora/$LIBRARY"} "$root/../shared/corpora/$LIBRARY"; do
    if [[ -f "$c/zotero.sqlite" && -f "$c/better-bibtex.sqlite" ]]; then
      (cd "$c" && pwd -P)
      return 0
    fi
  done
  return 1
}

absent() {
  local why="${PAPERLINK_SHARED:+$PAPERLINK_SHARED/corpora/$LIBRARY or }../shared/corpora/$LIBRARY not found"
  if [[ "${PAPERLINK_REQUIRE_SHARED:-0}" == 1 ]]; then
    echo "!!! FAILED: Zotero editor tests: $why (PAPERLINK_REQUIRE_SHARED=1)"
    exit 1
  fi
  echo "!!! SKIPPED: Zotero editor tests: $why (PAPERLINK_SHARED=DIR finds DIR/corpora; PAPERLINK_REQUIRE_SHARED=1 makes this a failure)"
  exit 3
}

# query DB SQL: the rows, fields separated by tabs
query() {
  if command -v sqlite3 >/dev/null 2>&1; then
    sqlite3 -separator $'\t' "$1" "$2"
  elif command -v python3 >/dev/null 2>&1; then
    python3 -c 'import sqlite3, sys
for row in sqlite3.connect(sys.argv[1]).execute(sys.argv[2]): print("\t".join("" if v is None else str(v) for v in row))' "$1" "$2"
  else
    say "FAIL: neither sqlite3 nor python3 is installed (Debian: apt-get install sqlite3)"
    return 1
  fi
}

prepare() {
  local dir="$1" lib data item att path title abstract pdf
  lib="$(find_library)" || absent
  data="$dir/Zotero"
  rm -rf "$data"
  mkdir -p "$data" || return 1
  cp "$lib/zotero.sqlite" "$lib/better-bibtex.sqlite" "$data/" && chmod u+w "$data/zotero.sqlite" "$data/better-bibtex.sqlite" || return 1
  item="$(query "$data/better-bibtex.sqlite" "SELECT itemKey FROM citationkey WHERE citationKey = '$KEY'")" || return 1
  [[ -n "$item" ]] || { say "FAIL: no Better BibTeX key $KEY in $lib/better-bibtex.sqlite"; return 1; }
  # the item's PDF attachment stored in Zotero's storage: its own key and its file name
  IFS=$'\t' read -r att path < <(query "$data/zotero.sqlite" "SELECT a.key, t.path FROM itemAttachments t
      JOIN items a ON a.itemID = t.itemID JOIN items p ON p.itemID = t.parentItemID
      WHERE p.key = '$item' AND t.contentType = 'application/pdf' AND t.path LIKE 'storage:%' ORDER BY t.itemID LIMIT 1")
  [[ -n "${att:-}" && -n "${path:-}" ]] || { say "FAIL: item $item has no stored PDF attachment"; return 1; }
  pdf="$data/storage/$att/${path#storage:}"
  mkdir -p "$(dirname "$pdf")" || return 1
  printf '%%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%%%EOF\n' > "$pdf" || return 1
  title="$(query "$data/zotero.sqlite" "SELECT v.value FROM items i JOIN itemData d ON d.itemID = i.itemID
      JOIN fields f ON f.fieldID = d.fieldID JOIN itemDataValues v ON v.valueID = d.valueID WHERE i.key = '$item' AND f.fieldName = 'title'")"
  abstract="$(query "$data/zotero.sqlite" "SELECT substr(v.value, 1, 60) FROM items i JOIN itemData d ON d.itemID = i.itemID
      JOIN fields f ON f.fieldID = d.fieldID JOIN itemDataValues v ON v.valueID = d.valueID WHERE i.key = '$item' AND f.fieldName = 'abstractNote'")"
  abstract="${abstract% *}"   # whole words: the hover may cut the abstract, not its first words
  printf 'ZOTERO_DATA=%q\nZOTERO_KEY=%q\nZOTERO_ITEM=%q\nZOTERO_PDF=%q\nZOTERO_TITLE=%q\nZOTERO_ABSTRACT=%q\n' \
    "$data" "$KEY" "$item" "$pdf" "$title" "$abstract" > "$dir/env"
  say "data directory $data (from $lib): $KEY, PDF storage/$att/${path#storage:}"
}

case "${1:-}" in
  prepare)
    [[ -n "${2:-}" ]] || { echo "usage: $0 prepare DIR" >&2; exit 1; }
    prepare "$2" || exit 1 ;;
  *) sed -n '2,/^set /p' "$0" | sed '$d' >&2; exit 1 ;;
esac
