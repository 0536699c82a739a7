#!/usr/bin/env bash
# Each layer of the conv VAE alone (batch 128): forward and forward + backward milliseconds for SameDiff's conv2d /
# deconv2d in NCHW and NHWC, and for the convolutions as im2col + matmul (vae.model.Im2ColConvolution).
#   bash bench/conv-layers.sh [REPEATS]
set -euo pipefail
ROOT="${ROOT:-$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)}"
CP_FILE="$ROOT/lib/target/classpath.txt"
if [[ ! -f "$CP_FILE" || ! -d "$ROOT/lib/target/classes" ]]; then
  (cd "$ROOT" && mvn -q -pl lib -DskipTests compile dependency:build-classpath -Dmdep.outputFile="$CP_FILE")
fi
. "$ROOT/lib/process-env.sh"   # the JVM environment: one OpenMP thread, malloc that reuses memory
"${JAVA:-java}" -Dorg.bytedeco.javacpp.cachedir="$HOME/.cache/vae-notebooks/javacpp" \
  -cp "$ROOT/lib/target/classes:$(cat "$CP_FILE")" vae.bench.ConvLayerBenchmark "${1:-5}"
