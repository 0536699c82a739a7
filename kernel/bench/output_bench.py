"""Printed-output throughput: vae-java beside ipykernel, printing 1,000 and 100,000 lines of 100 characters.

Usage: VAE_KERNEL_CLASSPATH=... JAVA=java python3 output_bench.py [--write BENCHMARKS.md] [--repeats N]
It installs the Java kernelspec into a temporary JUPYTER_DATA_DIR (as kernel_bench.py does); python3 is Debian's
ipykernel. Each kernel starts once; each size runs --repeats times. With --write, the section "## Output throughput"
of the file is replaced (or appended), the rest of the file is kept.
"""
import argparse
import datetime
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from queue import Empty

from jupyter_client.manager import start_new_kernel

SIZES = (1_000, 100_000)
# The same line in both languages: "line 000042 " (12 characters), 88 x's, a newline: 101 characters a line.
CELLS = {
    # The same 100 characters built without String.format, which alone takes ~0.4 s per 100,000 lines under the
    # kernel's C1-only JIT: the benchmark times the output path, not Java's formatter.
    "vae-java": 'for (int i = 0; i < {n}; i++) System.out.println("line " + String.valueOf(1_000_000 + i).substring(1) + " " + "x".repeat(88));',
    "python3": 'for i in range({n}): print(f"line {{i:06d}} " + "x" * 88)',
}
LINE = 101
SECTION = "## Output throughput"


def expected(n):
    return "".join(f"line {i:06d} " + "x" * 88 + "\n" for i in range(n))


def print_lines(kc, code, timeout=600):
    """Runs `code`; returns (seconds from execute to idle, stream messages, stdout text, idle seen).

    An idle that has not come 10 s after the reply and the last message is counted as lost, not waited for."""
    t0 = time.perf_counter()
    msg_id = kc.execute(code)
    texts, idle, replied, last = [], False, False, t0
    while not idle:
        if time.perf_counter() - t0 > timeout or (replied and time.perf_counter() - last > 10):
            break
        if not replied:
            try:
                replied = kc.get_shell_msg(timeout=0)["parent_header"].get("msg_id") == msg_id
            except Empty:
                pass
        try:
            msg = kc.get_iopub_msg(timeout=1)
        except Empty:
            continue
        if msg["parent_header"].get("msg_id") != msg_id:
            continue
        last = time.perf_counter()
        if msg["msg_type"] == "stream" and msg["content"]["name"] == "stdout":
            texts.append(msg["content"]["text"])
        elif msg["msg_type"] == "status" and msg["content"]["execution_state"] == "idle":
            idle = True
    seconds = last - t0  # until the idle, or (idle lost) the last message of the cell
    while not replied:  # the reply, so the next cell's replies are not confused with it
        try:
            replied = kc.get_shell_msg(timeout=30)["parent_header"].get("msg_id") == msg_id
        except Empty:
            break
    return seconds, len(texts), "".join(texts), idle


def measure(name, repeats):
    """One start of kernel `name`; every size `repeats` times after a warm-up cell."""
    km, kc = start_new_kernel(kernel_name=name, startup_timeout=120)
    rows = {}
    try:
        print_lines(kc, CELLS[name].format(n=10))
        for n in SIZES:
            want = expected(n)
            runs = []
            for r in range(repeats):
                seconds, messages, text, idle = print_lines(kc, CELLS[name].format(n=n))
                runs.append({"seconds": seconds, "messages": messages, "chars": len(text),
                             "in_order": text == want, "idle": idle})
                print(f"{name} {n} lines, run {r + 1}/{repeats}: {seconds:.2f} s, {messages} messages, "
                      f"{len(text)}/{len(want)} characters, {'all in order' if text == want else 'LINES LOST OR OUT OF ORDER'}"
                      + ("" if idle else ", no idle"), flush=True)
            rows[n] = runs
    finally:
        kc.stop_channels()
        km.shutdown_kernel(now=True)
    return rows


def install(data, classpath, java):
    subprocess.run([java, "-cp", classpath, "vae.kernel.Main", "install"], check=True,
                   env=dict(os.environ, JUPYTER_DATA_DIR=data), stdout=subprocess.DEVNULL)


def section(results, repeats, java_version, load):
    labels = {"vae-java": "Java kernel `vae-java`", "python3": "Python ipykernel (`python3`)"}
    lines = [
        SECTION,
        "",
        "Measured by `./tutorial bench` (`bench/output.sh` → `kernel/bench/output_bench.py`) with jupyter_client, both "
        "kernels in the same run: a cell prints N lines of 100 characters and a newline (`System.out.println` in a "
        "`for` loop; `print` in Python), and the client counts what arrives on iopub. Seconds = execute request sent "
        f"until the cell's idle status received (median of {repeats}); messages = stream messages for the cell "
        f"(median); characters = the fewest received in the {repeats} runs, beside the number printed; in order = "
        "runs whose text was every line, once, in order.",
        "",
        f"Machine: {os.cpu_count()} cores, {platform.system()} {platform.machine()}, load average {load:.1f} at the start; "
        f"{java_version}; {datetime.date.today().isoformat()}.",
        "",
        "| kernel | lines printed | stream messages | characters received / printed | execute → idle | in order |",
        "| --- | --- | --- | --- | --- | --- |",
    ]
    for name, rows in results.items():
        for n, runs in rows.items():
            idle = sum(r["idle"] for r in runs)
            lines.append(f"| {labels[name]} | {n:,} | {statistics.median(r['messages'] for r in runs):,.0f} | "
                         f"{min(r['chars'] for r in runs):,} / {n * LINE:,} | "
                         f"{statistics.median(r['seconds'] for r in runs):.2f} s"
                         + ("" if idle == len(runs) else f" (idle lost in {len(runs) - idle}: to the last message)") + " | "
                         f"{sum(r['in_order'] for r in runs)}/{len(runs)} |")
    return "\n".join(lines) + "\n"


def write_section(path, text):
    """Replaces this benchmark's section of `path` (up to the next heading of the same or a higher level), or appends it."""
    old = open(path).read() if os.path.exists(path) else ""
    start = old.find(SECTION + "\n")
    if start < 0:
        new = old.rstrip("\n") + ("\n\n" if old else "") + text
    else:
        rest = old[start + len(SECTION):]
        ends = [i for i in (rest.find("\n## "), rest.find("\n# ")) if i >= 0]
        tail = rest[min(ends) + 1:] if ends else ""
        new = old[:start] + text + ("\n" + tail if tail else "")
    with open(path, "w") as f:
        f.write(new)


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--write")
    p.add_argument("--repeats", type=int, default=3)
    args = p.parse_args()
    classpath = os.environ.get("VAE_KERNEL_CLASSPATH")
    java = os.environ.get("JAVA", "java")
    if not classpath:
        sys.exit("set VAE_KERNEL_CLASSPATH (./tutorial bench does)")
    load = os.getloadavg()[0]
    data = tempfile.mkdtemp(prefix="vae-output-bench-")
    os.environ["JUPYTER_DATA_DIR"] = data
    os.environ.setdefault("PYDEVD_DISABLE_FILE_VALIDATION", "1")  # ipykernel's debugger warns about frozen modules
    install(data, classpath, java)
    results = {name: measure(name, args.repeats) for name in CELLS}
    java_version = subprocess.run([java, "-version"], capture_output=True, text=True).stderr.splitlines()[0]
    text = section(results, args.repeats, java_version, load)
    print(text)
    if args.write:
        write_section(args.write, text)


if __name__ == "__main__":
    main()
