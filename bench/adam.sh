#!/usr/bin/env bash
# One Adam step over all weights: the library's Java Adam beside ND4J's adamUpdater, interleaved in one JVM.
#   bash bench/adam.sh [ROUNDS] [STEPS] [mlp|conv]
# The Java side is vae.bench.AdamBenchmark of the Maven module bench/ (not in vae-lib's jar).
set -euo pipefail
ROOT="${ROOT:-$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)}"
. "$ROOT/bench/common/bench-classpath.sh"
for model in ${3:-mlp conv}; do
  "${JAVA:-java}" -Xmn16m -cp "$BENCH_CP" vae.bench.AdamBenchmark "${1:-7}" "${2:-100}" "$model"
done
