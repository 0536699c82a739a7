#!/usr/bin/env bash
# Printed-output throughput (1,000 and 100,000 lines of 100 characters), beside Python's ipykernel. Run through
# ./tutorial bench (it builds and sets VAE_KERNEL_CLASSPATH and JAVA); it replaces the "Output throughput" section of
# kernel/BENCHMARKS.md. Run after bench/kernel.sh, which rewrites that file ("./tutorial bench" runs them in that order).
set -euo pipefail
ROOT="${ROOT:-$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)}"
BENCHMARK="output benchmark" . "$ROOT/bench/common/jupyter-python.sh"
exec $PY "$ROOT/kernel/bench/output_bench.py" --write "$ROOT/kernel/BENCHMARKS.md" "$@"
