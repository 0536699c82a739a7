#!/usr/bin/env bash
# Each layer of the conv VAE alone (batch 128): forward and forward + backward milliseconds for SameDiff's conv2d /
# deconv2d in NCHW and NHWC, and for the convolutions as im2col + matmul (vae.samediff.Convolutions.im2col).
#   bash bench/conv-layers.sh [REPEATS]
# The Java side is vae.bench.ConvLayerBenchmark of the Maven module bench/ (not in vae-lib's jar).
set -euo pipefail
ROOT="${ROOT:-$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)}"
CP_FILE="$ROOT/bench/target/classpath.txt"
if [[ ! -f "$CP_FILE" || ! -d "$ROOT/bench/target/classes" ]]; then
  # With -am the library is built too and the classpath names its target/classes; the bench module's file is written last.
  (cd "$ROOT" && mvn -q -pl bench -am -DskipTests compile dependency:build-classpath -Dmdep.outputFile="$CP_FILE")
fi
. "$ROOT/lib/process-env.sh"   # the JVM environment: one OpenMP thread, malloc that reuses memory
# The main takes its JVM settings (headless, the natives' cache) from vae.Launch.
"${JAVA:-java}" -cp "$ROOT/bench/target/classes:$(cat "$CP_FILE")" vae.bench.ConvLayerBenchmark "${1:-5}"
