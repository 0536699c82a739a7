#!/usr/bin/env bash
# The figures of README.md ("Measured"): a real hub on 127.0.0.1 (the test's driver, kernel/src/test/python/drive_hub.py)
# with N learners at once running notebooks. Needs Debian's jupyterhub, npm, and a built kernel (mvn -DskipTests install).
#   bash deploy/jupyterhub/measure.sh [--learners N] [--settings full|test] [NOTEBOOK...]   (default: 1 learner, 09-11, full)
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
PROXY="$ROOT/kernel/target/hub-test/node_modules/.bin/configurable-http-proxy"
[[ -x "$PROXY" ]] || npm install --prefix "$ROOT/kernel/target/hub-test" --no-audit --no-fund --loglevel=error configurable-http-proxy@4 >&2
JAVA="${JAVA:-java}"
VERSION="$(sed -n 's:^  <version>\([^<]*\)</version>$:\1:p' "$ROOT/pom.xml")"   # pom.xml's own, as ./tutorial reads it
"$JAVA" -cp "$ROOT/kernel/target/vae-kernel-$VERSION.jar:$(tr -d '\n' < "$ROOT/kernel/target/classpath.txt")" \
  vae.kernel.Main install --prefix "$WORK/kernel" >&2
args=(--learners 1 --settings full)
nbs=()
while [[ $# -gt 0 ]]; do
  case "$1" in
    --learners|--settings) args+=("$1" "$2"); shift 2 ;;
    *) nbs+=("$1"); shift ;;
  esac
done
[[ ${#nbs[@]} -gt 0 ]] || nbs=("$ROOT"/notebooks/solutions/{09,10,11}-*.ipynb)
/usr/bin/python3 "$ROOT/kernel/src/test/python/drive_hub.py" --hub-dir "$WORK/hub" --proxy "$PROXY" \
  --kernel-prefix "$WORK/kernel" "${args[@]}" "${nbs[@]}"
