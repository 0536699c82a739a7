#!/usr/bin/env bash
# One Adam step over all weights: the library's Java Adam beside ND4J's adamUpdater, interleaved in one JVM.
#   bash bench/adam.sh [ROUNDS] [STEPS] [mlp|conv]
# The Java side is vae.bench.AdamBenchmark of the Maven module bench/ (not in vae-lib's jar).
set -euo pipefail
ROOT="${ROOT:-$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)}"
CP_FILE="$ROOT/bench/target/classpath.txt"
if [[ ! -f "$CP_FILE" || ! -d "$ROOT/bench/target/classes" ]]; then
  (cd "$ROOT" && mvn -q -pl bench -am -DskipTests compile dependency:build-classpath -Dmdep.outputFile="$CP_FILE")
fi
. "$ROOT/lib/process-env.sh"   # the JVM environment: one OpenMP thread, malloc that reuses memory
for model in ${3:-mlp conv}; do
  "${JAVA:-java}" -Xmn16m -cp "$ROOT/bench/target/classes:$(cat "$CP_FILE")" vae.bench.AdamBenchmark "${1:-7}" "${2:-100}" "$model"
done
