# Sourced by run.sh (twice): the ACM-CR window of the end-to-end test, in the same code-server.
#   . test/acm-cr.sh prepare   before HOME and TMPDIR move: editor-clients/acm-cr-fixture.sh writes the note,
#                              the cases and a private copy of the prebuilt words-only index of the ACM-CR
#                              collection into a temporary folder (outside the checkout), and the folder's
#                              .vscode/settings.json points paperlink.corpus and paperlink.indexDir at them
#   . test/acm-cr.sh drive     after e2e.js: test/e2e-acm-cr.js in a window on that folder; its checks go
#                              into results.txt with the others
# Skipped (with the fixture's "!!! SKIPPED" line) when the shared corpora are not there.
case "${1:-}" in
  prepare)
    acm_cr_dir="$(mktemp -d /tmp/plvs-acm.XXXXXX)"
    trap 'cleanup; remove_run; rm -rf "$acm_cr_dir"' EXIT   # run.sh's cleanup, then the ACM-CR folder
    PAPERLINK_JAVA="${PAPERLINK_JAVA:-$java}" PAPERLINK_JAR="$jar" "$ROOT/editor-clients/acm-cr-fixture.sh" prepare "$acm_cr_dir"
    case $? in 0) acm_cr_state=ready ;; 3) acm_cr_state=skipped ;; *) acm_cr_state=failed ;; esac
    if [[ $acm_cr_state == ready ]]; then
      . "$acm_cr_dir/env"
      mkdir -p "$ACM_CR_WORKSPACE/.vscode"
      # words only: the server would otherwise embed 113k papers (the extension sends no related.* setting,
      # so the switch is the JVM property of PAPERLINK_EMBEDDINGS=off, with the default JVM options)
      cat > "$ACM_CR_WORKSPACE/.vscode/settings.json" <<JSON
{
  "paperlink.java.home": "$java_home",
  "paperlink.java.options": ["-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xmx448m", "-XX:+ExitOnOutOfMemoryError", "-Dpaperlink.embeddings=off"],
  "paperlink.corpus": ["$ACM_CR_CORPUS"],
  "paperlink.indexDir": "$ACM_CR_INDEX"
}
JSON
    fi
    ;;
  drive)
    case "$acm_cr_state" in
      ready)
        acm_t0=$(date +%s.%N)
        timeout 180 node "$EXT/test/e2e-acm-cr.js" "http://127.0.0.1:$port/?folder=$ACM_CR_WORKSPACE" "$OUT" "$ACM_CR_CASES" &
        wait $!
        acm_rc=$?
        [[ $acm_rc != 0 ]] && echo "FAIL acm-cr: the driver exited with $acm_rc" >> "$OUT/results.txt"
        say "the ACM-CR window took $(awk -v a="$acm_t0" -v b="$(date +%s.%N)" 'BEGIN { printf "%.1f", b - a }') s"
        ;;
      failed) echo "FAIL acm-cr: editor-clients/acm-cr-fixture.sh prepare failed (see above)" | tee -a "$OUT/results.txt" ;;
    esac
    ;;
esac
