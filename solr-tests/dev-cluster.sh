#!/usr/bin/env bash
# A development SolrCloud (2 nodes unless told otherwise) as its own process, on the solr-tests
# test classpath (Solr 9.10.1, Lucene 9): prints the node addresses, then "ready"; stop it with Ctrl-C
# or kill. Usage: solr-tests/dev-cluster.sh [NODES [DATA_DIR]].
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
cp_file="$here/target/dev-cluster.classpath"
if [ ! -f "$cp_file" ]; then
  echo "building the development cluster's classpath (once) ..." >&2
  (cd "$here/.." && ./mvnw -B -q -pl solr-tests -am -DskipTests package dependency:build-classpath -Dmdep.includeScope=test \
      -Dmdep.outputFile=target/dev-cluster.classpath >&2) || { echo "dev-cluster.sh: the Maven build above failed" >&2; exit 1; }
fi
exec java -Xmx1g ${PAPERLINK_DEV_SOLR_GC:--XX:+UseG1GC -XX:+PerfDisableSharedMem -XX:+ParallelRefProcEnabled -XX:MaxGCPauseMillis=250} -Djava.security.egd=file:/dev/./urandom \
  -Dlog4j2.configurationFile="$here/src/test/resources/log4j2-test.xml" \
  -cp "$here/target/test-classes:$(cat "$cp_file")" dev.paperlink.solrtests.DevCluster "$@"
