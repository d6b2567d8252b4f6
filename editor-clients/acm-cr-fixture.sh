#!/usr/bin/env bash
# The ACM-CR fixture of the editor tests: a real citation sentence, its cited paper, and the 113k ACM
# papers of the ACM-CR collection as the corpus (issue 11: "with the ACM-CR collection as the corpus,
# typing \cite{ after a sentence from a real paper offers the cited paper among the first items; the
# code action inserts it").
#
#   editor-clients/acm-cr-fixture.sh build          # builds (or finds) the cached index; run-tests.sh does this once
#   editor-clients/acm-cr-fixture.sh prepare DIR    # what one editor test needs, in DIR (see below)
#   editor-clients/acm-cr-fixture.sh total LOG      # the sum of every "N passed, N failed" line of LOG
#
# The collection is not part of the project: it is looked for in $PAPERLINK_SHARED/corpora/acm-cr-dev,
# else ../shared/corpora/acm-cr-dev beside the checkout. When it is absent, build and prepare print
# "!!! SKIPPED: ACM-CR editor tests: ..." and exit 3, or, with PAPERLINK_REQUIRE_SHARED=1 (CI), exit 1.
#
# build: `bin/paperlink index` of acm-dl/ (words only, no embeddings; ~40-80 s on 2 cores) into
#   $PAPERLINK_ACM_CR_CACHE (default ${TMPDIR:-/tmp}/paperlink-acm-cr-UID)/KEY/index, KEY being a hash of
#   the jar and of the list of acm-dl files (name, size, time): a rebuilt jar or a changed corpus
#   gets a new index; entries unused for a day are deleted. Built into a temporary folder and moved in
#   place, so two runs at once never see half an index.
# prepare DIR (after build, which it does when needed), exit 0:
#   DIR/index            a private copy of the index (hard links: Lucene never rewrites a file, so the
#                        server's commits do not touch the cache), for the indexDir setting
#   DIR/workspace/acm.tex  the note: per case, the topic's sentence (its <desc>) with the citation
#                        marker of the cited paper replaced by \cite{}, a blank line, and the same
#                        sentence without the marker (for the "Cite …" code action)
#   DIR/cases.tsv        per case: topic, DOI, line of the \cite{} sentence, line of the other one,
#                        that line as the code action should leave it (~\cite{DOI} before its full
#                        stop), and the paper's title (from the index), tab-separated
#   DIR/env              ACM_CR_CORPUS=<acm-dl folder> ACM_CR_INDEX=DIR/index ACM_CR_WORKSPACE=... (sourceable)
# The topics are chosen by number only; their text is read from the collection at run time.
set -uo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(dirname "$here")"
# topic numbers of topics+qrels/sentences.topics (each with one judged cited paper, ranked first by the
# words-only ranking). Their text, cited DOIs and titles are read from the collection at run time.
TOPICS="33779725 340116312"

say() { echo "acm-cr: $*" >&2; }

find_collection() {
  local c
  [[ "${PAPERLINK_ACM_CR:-}" == off ]] && return 1
  for c in ${PAPERLINK_SHARED:+"$PAPERLINK_SHARED/corpora/acm-cr-dev"} "$root/../shared/corpora/acm-cr-dev"; do
    if [[ -d "$c/acm-dl" && -f "$c/topics+qrels/sentences.topics" && -f "$c/topics+qrels/sentences.qrels" ]]; then
      (cd "$c" && pwd -P)
      return 0
    fi
  done
  return 1
}

absent() { # the collection is not there (or PAPERLINK_ACM_CR=off): skipped, or a failure for CI
  local why="${PAPERLINK_SHARED:+$PAPERLINK_SHARED/corpora/acm-cr-dev or }../shared/corpora/acm-cr-dev not found"
  [[ "${PAPERLINK_ACM_CR:-}" == off ]] && why="turned off (PAPERLINK_ACM_CR=off)"
  if [[ "${PAPERLINK_REQUIRE_SHARED:-0}" == 1 ]]; then
    echo "!!! FAILED: ACM-CR editor tests: $why (PAPERLINK_REQUIRE_SHARED=1)"
    exit 1
  fi
  echo "!!! SKIPPED: ACM-CR editor tests: $why (PAPERLINK_SHARED=DIR finds DIR/corpora; PAPERLINK_REQUIRE_SHARED=1 makes this a failure)"
  exit 3
}

jar="${PAPERLINK_JAR:-$root/server/target/paperlink.jar}"
cache_root="${PAPERLINK_ACM_CR_CACHE:-${TMPDIR:-/tmp}/paperlink-acm-cr-$(id -u)}"

cache_key() { # the jar's content and the corpus's file list
  local acm="$1" files
  files="$(cd "$acm" && find . -type f -name '*.bib*' -printf '%p %s %T@\n' 2>/dev/null | LC_ALL=C sort)"
  [[ -n "$files" ]] || files="$(cd "$acm" && find . -type f -name '*.bib*' | LC_ALL=C sort)"
  { sha256sum < "$jar" 2>/dev/null || cksum < "$jar"; echo "$acm"; echo "$files"; } | { sha256sum 2>/dev/null || cksum; } | cut -c1-16
}

build() { # prints the cache entry's folder on stdout
  local coll="$1" acm="$1/acm-dl" key entry tmp t0 secs
  [[ -f "$jar" ]] || { say "FAIL: no server jar $jar (./mvnw -B -DskipTests package, or PAPERLINK_JAR)"; return 1; }
  key="$(cache_key "$acm")"
  entry="$cache_root/$key"
  mkdir -p "$cache_root" || return 1
  find "$cache_root" -mindepth 1 -maxdepth 1 -type d ! -name "$key" -mmin +1440 -exec rm -rf {} + 2>/dev/null
  if [[ -f "$entry/ok" ]]; then
    touch "$entry"
    say "index of $acm found in $entry (built $(cat "$entry/ok"))"
    echo "$entry"
    return 0
  fi
  tmp="$(mktemp -d "$cache_root/.build.XXXXXX")" || return 1
  say "indexing $acm into $entry (words only, once per jar build) ..."
  t0=$(date +%s)
  if ! PAPERLINK_EMBEDDINGS=off PAPERLINK_CDS=0 nice "$root/bin/paperlink" index --index-dir "$tmp/index" "$acm" > "$tmp/index.log" 2>&1; then
    # exit 2: some records were skipped (the rest are indexed); anything else is a failure
    if ! grep -q '^indexed ' "$tmp/index.log"; then
      tail -20 "$tmp/index.log" >&2; rm -rf "$tmp"; say "FAIL: paperlink index failed"; return 1
    fi
  fi
  secs=$(( $(date +%s) - t0 ))
  grep -E '^(indexed|[0-9,]+ papers in the index)' "$tmp/index.log" | sed 's/^/acm-cr:   /' >&2
  echo "$(date '+%F %T') in $secs s" > "$tmp/ok"
  [[ -d "$entry" && ! -f "$entry/ok" ]] && rm -rf "$entry"   # not one of ours (they are moved in whole)
  if mv -T "$tmp" "$entry" 2>/dev/null || { [[ ! -e "$entry" ]] && mv "$tmp" "$entry" 2>/dev/null; }; then
    say "built in $secs s"
  else
    rm -rf "$tmp"   # another run built it meanwhile
    [[ -f "$entry/ok" ]] || { say "FAIL: cannot move the index into $entry"; return 1; }
  fi
  echo "$entry"
}

# topic QID: "<desc> text"; qrels QID: "MARKER DOI" lines
topic_text() {
  tr -d '\r' < "$1" | awk -v q="$2" '
    /^<num>/ { n = $0; sub(/^<num>[ \t]*(Number:)?[ \t]*/, "", n); sub(/[ \t]+$/, "", n); mine = (n == q); next }
    /^<desc>/ { indesc = mine; next }
    /^<narr>|^<\/top>|^<title>/ { indesc = 0 }
    indesc && NF { t = t (t == "" ? "" : " ") $0 }
    END { gsub(/[ \t]+/, " ", t); sub(/^ /, "", t); sub(/ $/, "", t); print t }'
}
topic_qrels() { tr -d '\r' < "$1" | awk -v q="$2" '$1 == q && $4 > 0 { print $2, $3 }'; }

# cite_forms SENTENCE MARKER: two lines, the sentence with the bracketed group holding MARKER replaced by
# \cite{} and the sentence with that group removed; LaTeX specials escaped. Nothing when MARKER is not there.
cite_forms() {
  awk -v s="$1" -v m="$2" '
    function has(grp, m,   n, i, parts, ends) {   # whether "12, 14-16" holds the marker m
      n = split(grp, parts, /[ ]*[,;][ ]*/)
      for (i = 1; i <= n; i++) {
        if (parts[i] == m) return 1
        if (m ~ /^[0-9]+$/ && parts[i] ~ /^[0-9]+[ ]*-[ ]*[0-9]+$/) {
          split(parts[i], ends, /[ ]*-[ ]*/)
          if (m + 0 >= ends[1] + 0 && m + 0 <= ends[2] + 0) return 1
        }
      }
      return 0
    }
    BEGIN {
      rest = s; before = ""
      while (match(rest, /\[[^]]*\]/)) {
        at = RSTART; len = RLENGTH
        if (has(substr(rest, at + 1, len - 2), m)) {
          head = before substr(rest, 1, at - 1); tail = substr(rest, at + len); found = 1
          break
        }
        before = before substr(rest, 1, at + len - 1); rest = substr(rest, at + len)
      }
      if (!found) exit 1
      gsub(/[%&#_$]/, "\\\\&", head); gsub(/[%&#_$]/, "\\\\&", tail)   # a bare % would comment the rest out
      print head "\\cite{}" tail
      sub(/ +$/, "", head)
      if (tail ~ /^[.,;:?!)]/) print head tail
      else { sub(/^ +/, "", tail); print head (head == "" ? "" : " ") tail }
    }'
}

prepare() {
  local dir="$1" coll entry acm ws note cases line qid text marker doi forms with without expected title n=0 m
  coll="$(find_collection)" || absent
  entry="$(build "$coll")" || return 1
  acm="$coll/acm-dl"
  mkdir -p "$dir/workspace" || return 1
  rm -rf "$dir/index"
  cp -al "$entry/index" "$dir/index" 2>/dev/null || cp -r "$entry/index" "$dir/index" || { say "FAIL: cannot copy the index"; return 1; }
  rm -f "$dir/index/write.lock"   # a lock file of its own: a lock is taken on the file, which hard links would share
  ws="$dir/workspace"; note="$ws/acm.tex"; cases="$dir/cases.tsv"
  : > "$cases"
  printf '%s\n' '\documentclass{article}' '\begin{document}' > "$note"
  n=2
  for qid in $TOPICS; do
    text="$(topic_text "$coll/topics+qrels/sentences.topics" "$qid")"
    [[ -n "$text" ]] || { say "FAIL: topic $qid not in sentences.topics"; return 1; }
    m="$(topic_qrels "$coll/topics+qrels/sentences.qrels" "$qid")"
    [[ $(printf '%s\n' "$m" | grep -c .) == 1 ]] || { say "FAIL: topic $qid has $(printf '%s\n' "$m" | grep -c .) judged papers in sentences.qrels, not one"; return 1; }
    marker="${m%% *}"; doi="${m#* }"
    forms="$(cite_forms "$text" "$marker")" || { say "FAIL: topic $qid: no citation marker [$marker] in its sentence"; return 1; }
    with="$(printf '%s\n' "$forms" | sed -n 1p)"; without="$(printf '%s\n' "$forms" | sed -n 2p)"
    [[ "$without" =~ [.?!]$ ]] || { say "FAIL: topic $qid: its sentence does not end with . ? or !"; return 1; }
    expected="${without%?}~\\cite{$doi}${without: -1}"
    title="$(grep -F "$doi"$'\t' "$entry/titles.tsv" 2>/dev/null | head -1 | cut -f2)"
    if [[ -z "$title" ]]; then
      title="$(PAPERLINK_EMBEDDINGS=off PAPERLINK_CDS=0 "$root/bin/paperlink" show --json --index-dir "$entry/index" "$doi" 2>/dev/null \
        | sed -n 's/^  "title" : "\(.*\)",$/\1/p' | head -1 | sed 's/\\"/"/g; s/\\\\/\\/g')"
      [[ -n "$title" ]] || { say "FAIL: topic $qid: its cited paper $doi is not in the index"; return 1; }
      printf '%s\t%s\n' "$doi" "$title" >> "$entry/titles.tsv"
    fi
    printf '%s\n' "% ACM-CR topic $qid (written by editor-clients/acm-cr-fixture.sh)" "" "$with" "" "$without" "" >> "$note"
    printf '%s\t%s\t%d\t%d\t%s\t%s\n' "$qid" "$doi" $((n + 3)) $((n + 5)) "$expected" "$title" >> "$cases"
    n=$((n + 6))
  done
  printf '%s\n' '\end{document}' >> "$note"
  printf 'ACM_CR_CORPUS=%q\nACM_CR_INDEX=%q\nACM_CR_WORKSPACE=%q\nACM_CR_NOTE=%q\nACM_CR_CASES=%q\n' \
    "$acm" "$dir/index" "$ws" "$note" "$cases" > "$dir/env"
  say "note $note: topics $TOPICS; corpus $acm; index $dir/index"
}

case "${1:-}" in
  build)
    coll="$(find_collection)" || absent
    build "$coll" > /dev/null || exit 1 ;;
  prepare)
    [[ -n "${2:-}" ]] || { echo "usage: $0 prepare DIR" >&2; exit 1; }
    prepare "$2" || exit 1 ;;
  total)
    awk '/^([A-Za-z-]+: )?[0-9]+ passed, [0-9]+ failed/ { sub(/^[A-Za-z-]+: /, ""); p += $1; f += $3 }
         END { printf "%d passed, %d failed\n", p, f }' "${2:?usage: $0 total LOG}" ;;
  *) sed -n '2,/^set /p' "$0" | sed '$d' >&2; exit 1 ;;
esac
