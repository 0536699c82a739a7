"""Kernel start → ready, first cell, and a trivial cell's round trip: vae-java (two JVM flag sets) beside ipykernel.

Usage: VAE_KERNEL_CLASSPATH=... JAVA=java python3 kernel_bench.py [--write BENCHMARKS.md] [--starts N] [--trips N]
It installs the Java kernelspecs into a temporary JUPYTER_DATA_DIR; python3 is Debian's ipykernel kernelspec.
"""
import argparse
import datetime
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time

from jupyter_client.manager import start_new_kernel

TRAIN_CELL = """
import org.nd4j.autodiff.samediff.*;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.dataset.DataSet;
Nd4j.getRandom().setSeed(1);
SameDiff sd = SameDiff.create();
SDVariable x = sd.placeHolder("x", DataType.FLOAT, -1, 784);
SDVariable y = sd.placeHolder("y", DataType.FLOAT, -1, 10);
SDVariable w1 = sd.var("w1", Nd4j.randn(DataType.FLOAT, 784, 64).muli(0.01));
SDVariable b1 = sd.var("b1", Nd4j.zeros(DataType.FLOAT, 64));
SDVariable w2 = sd.var("w2", Nd4j.randn(DataType.FLOAT, 64, 10).muli(0.01));
SDVariable logits = sd.nn().relu(x.mmul(w1).add(b1), 0).mmul(w2);
SDVariable loss = sd.loss().softmaxCrossEntropy("loss", y, logits, null);
sd.setLossVariables(loss);
sd.setTrainingConfig(TrainingConfig.builder().updater(new org.nd4j.linalg.learning.config.Adam(1e-3))
    .dataSetFeatureMapping("x").dataSetLabelMapping("y").build());
var labels = Nd4j.zeros(DataType.FLOAT, 64, 10);
for (int i = 0; i < 64; i++) labels.putScalar(i, i % 10, 1);
DataSet batch = new DataSet(Nd4j.rand(DataType.FLOAT, 64, 784), labels);
sd.fit(batch); // warm-up
long t0 = System.nanoTime();
for (int i = 0; i < 1000; i++) sd.fit(batch);
(System.nanoTime() - t0) / 1e6 / 1000
"""

# Notebook 12's training step (issue 16, lever 5): the conv VAE, a batch of 64 digits, the library's Trainer and Adam.
CONV_STEP_CELL = """
vae.model.Vae convVae = new vae.model.Vae(vae.model.VaeConfig.conv());
vae.train.Trainer convTrainer = new vae.train.Trainer(convVae, vae.train.TrainingConfig.defaults());
var convBatch = vae.data.Mnist.train().images(0, 64);
for (int i = 0; i < 3; i++) convTrainer.step(convBatch); // warm-up
long c0 = System.nanoTime();
for (int i = 0; i < 20; i++) convTrainer.step(convBatch);
(System.nanoTime() - c0) / 1e6 / 20
"""


def execute(kc, code, timeout=300):
    """Round trip of one cell: request sent → reply and idle received. Returns (seconds, last text/plain)."""
    result = {}

    def hook(msg):
        if msg["msg_type"] == "execute_result":
            result["text"] = msg["content"]["data"].get("text/plain")
        if msg["msg_type"] == "error":
            result["error"] = msg["content"]["evalue"]

    t0 = time.perf_counter()
    kc.execute_interactive(code, timeout=timeout, output_hook=hook)
    return time.perf_counter() - t0, result.get("text"), result.get("error")


def measure_once(name, trips, train):
    """One start of kernel `name`: ready, first cell, `trips` round trips, and the training steps (ms) if asked."""
    t0 = time.perf_counter()
    km, kc = start_new_kernel(kernel_name=name, startup_timeout=120)
    ready = time.perf_counter() - t0
    try:
        first = execute(kc, "1 + 1")[0]
        for _ in range(5):
            execute(kc, "1 + 1")
        trip = [execute(kc, "1 + 1")[0] for _ in range(trips)]
        train_ms = conv_ms = None
        if train:
            _, text, error = execute(kc, TRAIN_CELL)
            train_ms = float(text) if text and not error else None
            _, text, error = execute(kc, CONV_STEP_CELL)
            conv_ms = float(text) if text and not error else None
    finally:
        kc.stop_channels()
        km.shutdown_kernel(now=True)
    return ready, first, trip, train_ms, conv_ms


def measure(kernels, rounds, trips):
    """Kernels take turns, round after round, so a change of load on the machine hits them all alike."""
    raw = {name: {"ready": [], "first": [], "trip": [], "train": [], "conv": []} for name, _ in kernels}
    for r in range(rounds):
        for name, train in kernels:
            ready, first, trip, train_ms, conv_ms = measure_once(name, trips, train)
            raw[name]["ready"].append(ready)
            raw[name]["first"].append(first)
            raw[name]["trip"].extend(trip)
            if train_ms is not None:
                raw[name]["train"].append(train_ms)
            if conv_ms is not None:
                raw[name]["conv"].append(conv_ms)
            print(f"round {r + 1}/{rounds} {name}: ready {ready:.2f} s, first {first * 1000:.0f} ms, "
                  f"trip {statistics.median(trip) * 1000:.1f} ms" + (f", train {train_ms:.2f} ms" if train_ms else "")
                  + (f", conv step {conv_ms:.0f} ms" if conv_ms else ""), flush=True)
    out = {}
    for name, m in raw.items():
        trip = sorted(m["trip"])
        out[name] = {"ready": statistics.median(m["ready"]), "first": statistics.median(m["first"]),
                     "trip": statistics.median(trip), "trip_p90": trip[int(0.9 * (len(trip) - 1))],
                     "train_ms": statistics.median(m["train"]) if m["train"] else None,
                     "conv_ms": statistics.median(m["conv"]) if m["conv"] else None}
    return out


def install(data, classpath, java, variants):
    """Installs vae-java with --cds once, then writes each variant's kernelspec: that spec less the flags in `drop`,
    plus the flags in `add` (before -cp). Returns each variant's JVM flags, for the table."""
    subprocess.run([java, "-cp", classpath, "vae.kernel.Main", "install", "--cds"], check=True,
                   env=dict(os.environ, JUPYTER_DATA_DIR=data), stdout=subprocess.DEVNULL)
    base = json.load(open(os.path.join(data, "kernels", "vae-java", "kernel.json")))
    flags = {}
    for name, drop, add in variants:
        spec = dict(base)
        argv = [a for a in base["argv"] if not any(a.startswith(d) for d in drop)]
        at = argv.index("-cp")
        spec["argv"] = argv[:at] + add + argv[at:]
        if name != "vae-java":
            spec["display_name"] += " (" + name + ")"
        dst = os.path.join(data, "kernels", name)
        os.makedirs(dst, exist_ok=True)
        json.dump(spec, open(os.path.join(dst, "kernel.json"), "w"), indent=1)
        shown = ["AppCDS archive" if a.startswith("-XX:SharedArchiveFile") else a for a in spec["argv"] if a.startswith("-XX") or a.startswith("-Xmn")]
        flags[name] = " ".join(shown) or "JVM defaults"
    return flags


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--write")
    p.add_argument("--starts", type=int, default=5, help="rounds: each kernel starts once a round")
    p.add_argument("--trips", type=int, default=20, help="round trips of a trivial cell per start")
    args = p.parse_args()
    classpath = os.environ.get("VAE_KERNEL_CLASSPATH")
    java = os.environ.get("JAVA", "java")
    if not classpath:
        sys.exit("set VAE_KERNEL_CLASSPATH (./tutorial bench does)")
    load = os.getloadavg()[0]  # another build on the machine slows every row; say so
    data = tempfile.mkdtemp(prefix="vae-bench-")
    os.environ["JUPYTER_DATA_DIR"] = data
    cds = ["-XX:SharedArchiveFile", "-Xlog:cds"]
    # Installed with --cds; the first row drops the archive again: it is the kernelspec ./tutorial writes.
    variants = [("vae-java", cds, []),
                ("vae-java-cds", [], []),
                ("vae-java-c2", ["-XX:TieredStopAtLevel=1"] + cds, []),
                ("vae-java-default-jvm", ["-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC"] + cds, []),
                # issue 16: G1 with a small young generation (it made notebook 12's conv steps faster in a kernel)
                ("vae-java-g1", ["-XX:+UseSerialGC"] + cds, ["-XX:+UseG1GC", "-Xmn16m"])]
    flags = install(data, classpath, java, variants)
    labels = {name: f"Java kernel `{name}` ({flags[name]})" for name, _, _ in variants}
    labels["python3"] = "Python ipykernel (`python3`)"
    results = measure([(name, True) for name, _, _ in variants] + [("python3", False)], args.starts, args.trips)
    rows = [(labels[name], results[name]) for name in labels]

    java_version = subprocess.run([java, "-version"], capture_output=True, text=True).stderr.splitlines()[0]
    lines = [
        "# Kernel benchmarks",
        "",
        "Measured by `./tutorial bench` (`bench/kernel.sh` → `kernel/bench/kernel_bench.py`) with jupyter_client, "
        "on the same machine in the same run. Medians; ready = `start_new_kernel` until `kernel_info` is answered; "
        "first cell = the first `1 + 1` after ready (the Java kernel starts JShell in the background while it "
        "answers `kernel_info`); round trip = `execute_interactive(\"1 + 1\")` until idle, after 5 warm-up cells (p90 over all starts); "
        "training step = mean of 1000 `SameDiff.fit` steps of a 784-64-10 MLP on a batch of 64, timed inside the cell; "
        "conv VAE step = mean of 20 `Trainer.step`s of notebook 12's conv VAE on 64 digits, after 3 warm-up steps. "
        "`vae-java` is the kernelspec as `./tutorial install-kernel` writes it; `vae-java-cds` adds the AppCDS archive "
        "of `install --cds`; `c2` and `default-jvm` drop JVM flags, `g1` swaps the serial GC for G1 with a 16 MB young generation.",
        "",
        f"Machine: {os.cpu_count()} cores, {platform.system()} {platform.machine()}, load average {load:.1f} at the start; {java_version}; "
        f"{args.starts} rounds (each kernel starts once a round, in turn), {args.trips} round trips a start; "
        f"{datetime.date.today().isoformat()}.",
        "",
        "| kernel | ready | first cell | trivial cell round trip (median / p90) | training step | conv VAE step |",
        "| --- | --- | --- | --- | --- | --- |",
    ]
    for label, r in rows:
        train = f"{r['train_ms']:.1f} ms" if r["train_ms"] is not None else "—"
        conv = f"{r['conv_ms']:.0f} ms" if r["conv_ms"] is not None else "—"
        lines.append(f"| {label} | {r['ready']:.2f} s | {r['first'] * 1000:.0f} ms | "
                     f"{r['trip'] * 1000:.1f} ms / {r['trip_p90'] * 1000:.1f} ms | {train} | {conv} |")
    text = "\n".join(lines) + "\n"
    print(text)
    if args.write:
        with open(args.write, "w") as f:
            f.write(text)


if __name__ == "__main__":
    main()
