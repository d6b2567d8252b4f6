#!/usr/bin/env bash
# The VS Code extension's fast checks, run on every test run: the TypeScript type-check and the
# protocol test (node --test) against the real jar. Prints "N passed, N failed".
set -uo pipefail
EXT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$EXT"
if ! command -v npm >/dev/null 2>&1; then
  if [[ "${PAPERLINK_REQUIRE_EDITORS:-0}" == 1 ]]; then echo "npm is not installed"; echo "0 passed, 1 failed"; exit 1; fi
  echo "vscode protocol test skipped: npm is not installed"; echo "0 passed, 0 failed"; exit 0
fi
if [[ ! -d node_modules/vscode-languageclient ]]; then
  npm ci --no-audit --no-fund >/dev/null 2>&1 || { echo "npm ci failed"; echo "0 passed, 1 failed"; exit 1; }
fi
log="$(mktemp)"
npm test > "$log" 2>&1
rc=$?
cat "$log"
pass=$(sed -n 's/^# pass \([0-9]*\)/\1/p' "$log" | tail -1)
fail=$(sed -n 's/^# fail \([0-9]*\)/\1/p' "$log" | tail -1)
rm -f "$log"
pass=${pass:-0}; fail=${fail:-0}
if [[ $rc -ne 0 && $fail -eq 0 ]]; then fail=1; fi   # the type-check failed before any test ran
echo "$pass passed, $fail failed"
[[ $rc -eq 0 ]]
