#!/usr/bin/env bash
# Kernel start-up and round trip, beside Python's ipykernel. Run through ./tutorial bench (it builds and sets
# VAE_KERNEL_CLASSPATH and JAVA); add --write to record the figures in kernel/BENCHMARKS.md.
set -euo pipefail
ROOT="${ROOT:-$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)}"
BENCHMARK="kernel benchmark" . "$ROOT/bench/common/jupyter-python.sh"
exec $PY "$ROOT/kernel/bench/kernel_bench.py" --write "$ROOT/kernel/BENCHMARKS.md" "$@"
