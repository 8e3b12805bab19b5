#!/usr/bin/env bash
# Runs Keycard's benchmarks and writes docs/BENCHMARKS.md and docs/benchmarks.png (see the README).
#   scripts/bench.sh            the published run (about 10 minutes)
#   scripts/bench.sh --quick    a short check of the harness; writes target/bench-quick/ instead
#   scripts/bench.sh --rows 1,4 only some rows (the report then holds only those)
# Needs wrk and redis-server (Debian packages of the same names); all load stays on 127.0.0.1.
set -euo pipefail
cd "$(dirname "$0")/.."

for tool in wrk redis-server; do
  command -v "$tool" >/dev/null || { echo "bench: $tool is missing (apt-get install -y $tool)" >&2; exit 1; }
done

rm -rf target/bench
mvn -B -q -Pbench -DskipTests test-compile \
  org.apache.maven.plugins:maven-dependency-plugin:3.11.0:build-classpath \
  -Dmdep.includeScope=test -Dmdep.outputFile=target/bench.classpath
exec java -Djava.awt.headless=true \
  --add-opens=java.base/java.lang=ALL-UNNAMED --add-opens=java.rmi/sun.rmi.transport=ALL-UNNAMED \
  -cp "target/test-classes:target/classes:$(cat target/bench.classpath)" \
  dev.keycard.bench.Benchmarks "$@"
