#!/usr/bin/env bash
# Resident memory of one kernel at rest and after notebooks 09, 10 and 11 run one after the other in it (full settings),
# three times over, as a learner who runs them again (memory after each notebook of each pass), from a folder outside
# the repository. Run through ./tutorial bench (it builds and sets VAE_KERNEL_CLASSPATH and JAVA);
# other notebooks or settings: bash bench/kernel-memory.sh --settings test [--passes 1] notebooks/solutions/12-*.ipynb
set -euo pipefail
ROOT="${ROOT:-$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)}"
BENCHMARK="kernel memory benchmark" . "$ROOT/bench/common/jupyter-python.sh"
if [[ $# -eq 0 ]]; then
  set -- --passes 3 "$ROOT"/notebooks/solutions/09-*.ipynb "$ROOT"/notebooks/solutions/10-*.ipynb "$ROOT"/notebooks/solutions/11-*.ipynb
fi
exec $PY "$ROOT/kernel/bench/memory_bench.py" "$@"
