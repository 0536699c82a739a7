"""Resident memory of one vae-java kernel: at rest, then after running notebooks one after the other in it.

Usage (./tutorial bench runs it through bench/kernel-memory.sh):
    python3 memory_bench.py [--settings test|full] [--kernel-args "--heap 1g"] [--passes 3] NOTEBOOK...

Installs the kernel from VAE_KERNEL_CLASSPATH into a temporary JUPYTER_DATA_DIR, starts it in a temporary folder
outside the repository, runs every code cell of each notebook in the same kernel (as a learner who opens them in
turn), and reads the kernel process's VmRSS from /proc right after each notebook and again after the kernel has
been idle for a few seconds (when it gives memory back). With --passes N it runs the notebooks N times over in the
same kernel, as a learner who runs them again, and prints the memory after each notebook of each pass (issue 24: after
three passes no more than 10 % above one). Prints a Markdown table.
"""
import argparse
import json
import os
import subprocess
import sys
import tempfile
import time

from jupyter_client.manager import start_new_kernel


def status_mb(pid, field="VmRSS"):
    """A memory field of /proc/PID/status in MB: VmRSS (resident now) or VmHWM (the peak)."""
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith(field + ":"):
                return int(line.split()[1]) / 1024
    return float("nan")


def run_cell(kc, code, timeout=900):
    msg_id = kc.execute(code, allow_stdin=False)
    error = None
    while True:
        msg = kc.get_iopub_msg(timeout=timeout)
        if msg["parent_header"].get("msg_id") != msg_id:
            continue
        if msg["msg_type"] == "error":
            error = msg["content"]["ename"] + ": " + msg["content"]["evalue"]
        if msg["msg_type"] == "status" and msg["content"]["execution_state"] == "idle":
            return error


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--settings", choices=["test", "full"], default="full")
    ap.add_argument("--kernel-args", default="", help="extra install options, e.g. '--heap 768m'")
    ap.add_argument("--rest-seconds", type=float, default=4.0)
    ap.add_argument("--cwd", help="the kernel's working folder (default: a new temporary one)")
    ap.add_argument("--passes", type=int, default=1, help="run the notebooks this many times over in the same kernel")
    ap.add_argument("notebooks", nargs="+")
    args = ap.parse_args()

    java = os.environ.get("JAVA", "java")
    cp = os.environ["VAE_KERNEL_CLASSPATH"]
    data = tempfile.mkdtemp(prefix="vae-memory-jupyter-")
    work = args.cwd or tempfile.mkdtemp(prefix="vae-memory-work-")
    env = dict(os.environ, JUPYTER_DATA_DIR=data)
    env.pop("VAE_DATA", None)
    notebooks = [os.path.abspath(nb) for nb in args.notebooks]
    subprocess.run([java, "-cp", cp, "vae.kernel.Main", "install", *args.kernel_args.split()], env=env, check=True,
                   stdout=subprocess.DEVNULL)
    os.environ["JUPYTER_DATA_DIR"] = data
    os.environ.pop("VAE_DATA", None)
    if args.settings == "test":
        os.environ["MAX_EPOCH"] = "1"
        os.environ["DATASET_LIMIT"] = "1000"
    else:
        os.environ.pop("MAX_EPOCH", None)
        os.environ.pop("DATASET_LIMIT", None)
    km, kc = start_new_kernel(kernel_name="vae-java", startup_timeout=120, cwd=work)
    pid = km.provisioner.process.pid if getattr(km, "provisioner", None) else km.kernel.pid
    rows = []
    try:
        run_cell(kc, "1 + 1")
        time.sleep(args.rest_seconds)
        rows.append(("at rest (after one cell)", status_mb(pid), status_mb(pid), 0.0, ""))
        for nb, pass_number in [(nb, p) for p in range(1, args.passes + 1) for nb in notebooks]:
            with open(nb) as f:
                cells = [c for c in json.load(f)["cells"] if c["cell_type"] == "code"]
            t0 = time.perf_counter()
            errors = []
            for c in cells:
                src = "".join(c["source"]) if isinstance(c["source"], list) else c["source"]
                if src.strip():
                    e = run_cell(kc, src)
                    if e:
                        errors.append(e.splitlines()[0][:80])
            seconds = time.perf_counter() - t0
            right_after = status_mb(pid)
            time.sleep(args.rest_seconds)
            name = os.path.basename(nb) + (f", pass {pass_number}" if args.passes > 1 else "")
            rows.append((name, right_after, status_mb(pid), seconds, "; ".join(errors[:2])))
        hwm = status_mb(pid, "VmHWM")
    finally:
        kc.stop_channels()
        km.shutdown_kernel(now=True)
    print(f"Kernel memory, settings {args.settings}, install options '{args.kernel_args}' "
          f"({time.strftime('%Y-%m-%d')}, {os.cpu_count()} cores)\n")
    print("| after | RSS right after | RSS after idle | seconds | errors |")
    print("|---|---|---|---|---|")
    for name, a, b, s, e in rows:
        print(f"| {name} | {a:.0f} MB | {b:.0f} MB | {s:.1f} | {e} |")
    print(f"\nPeak RSS of the kernel process (VmHWM): {hwm:.0f} MB")


if __name__ == "__main__":
    main()
