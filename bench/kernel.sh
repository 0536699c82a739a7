#!/usr/bin/env bash
# Kernel start-up and round trip, beside Python's ipykernel. Run through ./tutorial bench (it builds and sets
# VAE_KERNEL_CLASSPATH and JAVA); add --write to record the figures in kernel/BENCHMARKS.md.
set -euo pipefail
ROOT="${ROOT:-$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)}"
PY=/usr/bin/python3
[[ -x $PY ]] && $PY -c "import jupyter_client" 2>/dev/null || PY=python3
$PY -c "import jupyter_client" 2>/dev/null || { echo "kernel benchmark: needs jupyter_client (apt-get install python3-jupyter-client python3-ipykernel)" >&2; exit 1; }
exec $PY "$ROOT/kernel/bench/kernel_bench.py" --write "$ROOT/kernel/BENCHMARKS.md" "$@"
