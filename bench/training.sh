#!/usr/bin/env bash
# Training speed: the library's SameDiff VAEs against the same models in PyTorch, on the same 9,000 digits, batch 128,
# Adam 1e-3, run alternately for several rounds. Prints median epoch times and the ratio per model.
#   bash bench/training.sh [--rounds N] [--models "mlp conv"] [--epochs N] [--images N] [--natives NAME]
# --natives NAME runs the library with the ND4J natives of the build profile -PNAME: generic, avx2, avx512, onednn,
# onednn-avx2, onednn-avx512 (--avx2 is --natives avx2); without it, the default build's (oneDNN on Linux x86-64). The
# summary says which natives the library loaded; --images N
# trains both sides on the first N digits only (a quick comparison, or a check that the script runs). The conv VAE
# runs at most 2 epochs. The Java side is vae.bench.TrainingBenchmark of the Maven module bench/ (not in vae-lib's jar).
# PyTorch is Debian's python3-torch; with libopenblas0-openmp installed it is used through LD_LIBRARY_PATH
# (the reference BLAS is ~20× slower and not a fair anchor). Without PyTorch, only the library is timed.
set -euo pipefail
ROOT="${ROOT:-$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)}"
ROUNDS=3; MODELS="mlp conv"; EPOCHS=3; IMAGES=""; PROFILE=""
while [[ $# -gt 0 ]]; do
  case "$1" in
    --rounds) ROUNDS="$2"; shift 2 ;;
    --models) MODELS="$2"; shift 2 ;;
    --epochs) EPOCHS="$2"; shift 2 ;;
    --images) IMAGES="$2"; shift 2 ;;
    --avx2) PROFILE="-Pavx2"; shift ;;
    --natives) PROFILE="-P$2"; shift 2 ;;
    *) echo "training.sh: unknown option $1" >&2; exit 2 ;;
  esac
done
BENCH_PROFILE="$PROFILE" . "$ROOT/bench/common/bench-classpath.sh"
JAVA="${JAVA:-java}"
# A small young generation: ND4J frees an array's native memory only once the GC has collected its Java object, so
# frequent young collections let malloc hand the same memory back out instead of fresh pages. Measured on the conv VAE:
# page faults 2.4 M → 0.7 M and the first 20 batches 40 → 22 s (README, Performance); no change for the MLP.
SAMEDIFF_JVM_OPTIONS="${SAMEDIFF_JVM_OPTIONS:--Xmn16m}"
CP="$BENCH_CP"
PY=/usr/bin/python3
HAVE_TORCH=0
$PY -c "import torch" 2>/dev/null && HAVE_TORCH=1 || echo "PyTorch not found (apt-get install python3-torch libopenblas0-openmp): timing the library only" >&2
BLAS_DIR=/usr/lib/x86_64-linux-gnu/openblas-openmp
OUT=$(mktemp)
for model in $MODELS; do
  epochs=$EPOCHS
  [[ $model == conv && $epochs -gt 2 ]] && epochs=2
  for ((r = 1; r <= ROUNDS; r++)); do
    echo "round $r/$ROUNDS: $model" >&2
    if [[ $HAVE_TORCH == 1 ]]; then
      # Each side at the thread count measured best for it on 2 cores: PyTorch 2, SameDiff 1 (see README, Performance).
      LD_LIBRARY_PATH="$BLAS_DIR${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}" OMP_NUM_THREADS="${TORCH_THREADS:-2}" \
        $PY "$ROOT/bench/pytorch_vae.py" --model "$model" --epochs "$epochs" ${IMAGES:+--images "$IMAGES"} >> "$OUT"
    fi
    BENCH_NOTE="${PROFILE:-default}" OMP_NUM_THREADS="${SAMEDIFF_THREADS:-$OMP_NUM_THREADS}" "$JAVA" $SAMEDIFF_JVM_OPTIONS \
      -cp "$CP" vae.bench.TrainingBenchmark "$model" "$epochs" $IMAGES >> "$OUT"
  done
done
BENCH_NOTE="samediff natives built: ${PROFILE:-default}" $PY - "$OUT" <<'PY'
import json, statistics, sys, platform, datetime, os
rows = [json.loads(l) for l in open(sys.argv[1]) if l.startswith("{")]
model_name = next((l.split(":", 1)[1].strip() for l in open("/proc/cpuinfo") if l.startswith("model name")), platform.machine()) if os.path.exists("/proc/cpuinfo") else platform.machine()
print(f"# training benchmark, {datetime.date.today()}, {os.cpu_count()} cores, {model_name}, {os.environ.get('BENCH_NOTE', '')}")
for model in dict.fromkeys(r["model"] for r in rows):
    med = {}
    for impl in ("pytorch", "samediff"):
        # the first epoch of every run warms up (JIT, allocator, natives) and is left out
        times = [t for r in rows if r["model"] == model and r["impl"] == impl for t in r["epochSeconds"][1:]]
        if times:
            med[impl] = statistics.median(times)
            natives = next((r.get("natives") for r in rows if r["model"] == model and r["impl"] == impl and r.get("natives")), None)
            print(f"{model:5s} {impl:9s} median epoch {med[impl]:7.3f} s  (n={len(times)}, min {min(times):.3f}, max {max(times):.3f})"
                  + (f", natives loaded: {natives}" if natives else ""))
    if len(med) == 2:
        print(f"{model:5s} ratio samediff/pytorch = {med['samediff'] / med['pytorch']:.2f}x")
PY
rm -f "$OUT"
