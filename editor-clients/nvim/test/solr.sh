#!/usr/bin/env bash
# Headless Neovim on a team corpus on SolrCloud (docs/team-corpus.md): a 1-node development cluster
# (solr-tests/dev-cluster.sh) gets a collection (`paperlink solr init`) holding the checkout's demo/
# corpus (`paperlink index --solr`); the plugin is set up with that cluster as its only corpus
# (solr-init.lua: `corpus = { solr = { urls = {...}, collection = ... } }`, no corpus paths, an empty
# PAPERLINK_INDEX_DIR) on a workspace whose refs.bib holds none of the demo's papers but he2016deep
# (its own copy), and solr.lua checks completion, hover and definition of a demo paper, that refs.bib's
# he2016deep wins over the cluster's, and that refs.bib's own key completes too.
# Run by run.sh after acm-cr.sh (its count is added to the suite's), or alone. Needs the solr-tests
# classes built (./mvnw -B -DskipTests package): without them, or when the cluster does not start,
# skipped loudly, a failure with PAPERLINK_REQUIRE_EDITORS=1.
# Prints "solr: N passed, N failed"; exit 1 on failure.
set -uo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
plugin="$(dirname "$here")"
root="$(cd "$plugin/../.." && pwd)"
t0=$(date +%s.%N)
tmp="$(mktemp -d /tmp/plnvs.XXXXXX)"   # short: the editor's TMPDIR (sockets)
cluster=""
stop_cluster() { # the dev cluster runs in a session of its own (setsid): its group is it and its JVM
  [[ -n "$cluster" ]] || return 0
  kill -TERM -- "-$cluster" 2>/dev/null
  for _ in $(seq 50); do kill -0 -- "-$cluster" 2>/dev/null || break; sleep 0.2; done
  kill -KILL -- "-$cluster" 2>/dev/null
  cluster=""
}
trap 'stop_cluster; rm -rf "$tmp"' EXIT
unavailable() { # the cluster cannot be had here: skipped, or a failure with PAPERLINK_REQUIRE_EDITORS=1
  if [[ "${PAPERLINK_REQUIRE_EDITORS:-0}" == 1 ]]; then
    echo "solr: FAIL: $* (PAPERLINK_REQUIRE_EDITORS=1)"; echo "solr: 0 passed, 1 failed"; exit 1
  fi
  echo "!!! SKIPPED: team corpus (Solr) editor test: $* (PAPERLINK_REQUIRE_EDITORS=1 makes this a failure)"
  echo "solr: 0 passed, 0 failed"; exit 0
}
fail() { echo "solr: FAIL: $*"; echo "solr: 0 passed, 1 failed"; exit 1; }

[[ -d "$root/solr-tests/target/test-classes" ]] \
  || unavailable "solr-tests/target/test-classes is not built (./mvnw -B -DskipTests package)"
# the cluster's java: the one bin/paperlink uses (dev-cluster.sh runs `java` from PATH)
if [[ -n "${PAPERLINK_JAVA:-}" ]]; then
  if [[ -d "$PAPERLINK_JAVA" ]]; then PATH="$PAPERLINK_JAVA/bin:$PATH"; else PATH="$(dirname "$PAPERLINK_JAVA"):$PATH"; fi
elif [[ -n "${JAVA_HOME:-}" && -x "$JAVA_HOME/bin/java" ]]; then
  PATH="$JAVA_HOME/bin:$PATH"
fi
export PATH
wait_s=120   # and more when dev-cluster.sh first builds its classpath file with Maven
[[ -f "$root/solr-tests/target/dev-cluster.classpath" ]] || wait_s=600
setsid bash "$root/solr-tests/dev-cluster.sh" 1 "$tmp/solr" > "$tmp/cluster.out" 2> "$tmp/cluster.err" < /dev/null &
cluster=$!
for _ in $(seq $((wait_s * 5))); do
  grep -qx ready "$tmp/cluster.out" && break
  kill -0 "$cluster" 2>/dev/null || break
  sleep 0.2
done
if ! grep -qx ready "$tmp/cluster.out"; then
  echo "--- dev-cluster.sh stderr (last 20 lines)"; tail -20 "$tmp/cluster.err"
  kill -0 "$cluster" 2>/dev/null && why="not ready after $wait_s s" || why="exited"
  stop_cluster
  unavailable "the development SolrCloud (solr-tests/dev-cluster.sh 1) $why"
fi
url="$(grep -m1 '^http' "$tmp/cluster.out")"
echo "solr: dev cluster $url ready after $(awk -v a="$t0" -v b="$(date +%s.%N)" 'BEGIN { printf "%.1f", b - a }') s"

export XDG_CACHE_HOME="$tmp/cache" XDG_STATE_HOME="$tmp/state" XDG_DATA_HOME="$tmp/data" XDG_CONFIG_HOME="$tmp/config"
# no local corpus: an empty default index, no corpus paths (solr-init.lua); the demo is only in the cluster
mkdir -p "$tmp/empty-index"
export PAPERLINK_INDEX_DIR="$tmp/empty-index" PAPERLINK_CDS="${PAPERLINK_CDS:-0}" PAPERLINK_NVIM_PLUGIN="$plugin"
export PAPERLINK_TEST_SOLR="$url" PAPERLINK_TEST_COLLECTION=nvim PAPERLINK_DEMO_CORPUS="$root/demo"
unset PAPERLINK_SOLR
"$root/bin/paperlink" solr init --solr "$url" --collection nvim --shards 1 --replicas 1 > "$tmp/init.out" 2>&1 \
  || { cat "$tmp/init.out"; fail "paperlink solr init --solr $url --collection nvim"; }
(cd "$root" && bin/paperlink index --solr "$url" --collection nvim demo) > "$tmp/index.out" 2>&1 \
  || { cat "$tmp/index.out"; fail "paperlink index --solr $url --collection nvim demo"; }
echo "solr: $(cat "$tmp/init.out"); $(grep -m1 '^indexed' "$tmp/index.out")"

# the workspace: the lab's own refs.bib (none of the demo's papers) and a note citing both
mkdir -p "$tmp/workspace"
cat > "$tmp/workspace/refs.bib" <<'BIB'
@misc{mylab2024notes,
  title  = {Lab Notes on Citation Servers},
  author = {Lab, My},
  year   = {2024},
}

@article{he2016deep,
  title  = {Residual Nets, Our Annotated Copy},
  author = {He, Kaiming},
  year   = {2016},
}
BIB
cat > "$tmp/workspace/team.tex" <<'TEX'
\documentclass{article}
\begin{document}
Attention is all a transducer needs~\cite{vasw}.
Our own notes say so too~\cite{myla}, as does our copy of~\cite{he2016deep}.
\bibliography{refs}
\end{document}
TEX
cd "$tmp/workspace" || exit 1
TMPDIR="$tmp" XDG_RUNTIME_DIR="$tmp" timeout 60 nvim --headless -i NONE -u "$here/solr-init.lua" team.tex -c "luafile $here/solr.lua" </dev/null
rc=$?
if [[ $rc -ne 0 ]]; then
  for log in "$tmp/state/nvim/lsp.log" "$tmp/cache/nvim/lsp.log"; do
    [[ -f "$log" ]] && { echo "--- lsp.log (last 20 lines)"; tail -20 "$log"; break; }
  done
fi
if [[ $rc -eq 124 ]]; then echo "nvim timed out"; echo "solr: 0 passed, 1 failed"; fi
echo "solr: took $(awk -v a="$t0" -v b="$(date +%s.%N)" 'BEGIN { printf "%.1f", b - a }') s"
exit $rc
