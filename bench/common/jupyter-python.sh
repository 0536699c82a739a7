# Sourced by the kernel benchmarks (a subfolder, so ./tutorial bench does not run it as one): sets PY to a python3 that has jupyter_client (Debian's first; the one first on PATH
# may be another interpreter without Debian's Jupyter packages), or exits saying what to install.
PY=/usr/bin/python3
[[ -x $PY ]] && $PY -c "import jupyter_client" 2>/dev/null || PY=python3
$PY -c "import jupyter_client" 2>/dev/null || {
  echo "${BENCHMARK:-this benchmark}: needs jupyter_client (apt-get install python3-jupyter-client python3-ipykernel)" >&2
  exit 1
}
