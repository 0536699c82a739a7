#!/usr/bin/env bash
# Each layer of the conv VAE alone (batch 128): forward and forward + backward milliseconds for SameDiff's conv2d /
# deconv2d in NCHW and NHWC, for the convolutions as im2col + matmul (vae.samediff.Convolutions.im2col), and for the
# transposed convs as the library's cropped deconv2d and as the sub-pixel form (Convolutions.subPixelConvTranspose3x3).
#   bash bench/conv-layers.sh [REPEATS]
#   BENCH_PROFILE=-Pgeneric bash bench/conv-layers.sh   # another build's natives (-Pavx512, -Ponednn-avx512, …)
# The Java side is vae.bench.ConvLayerBenchmark of the Maven module bench/ (not in vae-lib's jar).
set -euo pipefail
ROOT="${ROOT:-$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)}"
. "$ROOT/bench/common/bench-classpath.sh"
# The main takes its JVM settings (headless, the natives' cache) from vae.runtime.Launch.
"${JAVA:-java}" -cp "$BENCH_CP" vae.bench.ConvLayerBenchmark "${1:-5}"
