#!/usr/bin/env python3
"""PyTorch reference for the training benchmark: the same VAEs, data, batch, optimiser and loss reductions as the
library (per-image sums over pixels and latent dimensions, averaged over the batch). Prints one JSON line.

    python3 bench/pytorch_vae.py --model mlp --epochs 4 [--images N]
"""
import argparse
import gzip
import json
import struct
import sys
import time
from pathlib import Path

import torch
import torch.nn as nn
import torch.nn.functional as F


def read_idx(path):
    with gzip.open(path, "rb") as f:
        magic = struct.unpack(">I", f.read(4))[0]
        dims = [struct.unpack(">I", f.read(4))[0] for _ in range(magic & 0xFF)]
        data = f.read()
    return torch.frombuffer(bytearray(data), dtype=torch.uint8).reshape(dims)


class MlpVae(nn.Module):
    def __init__(self, hidden=400, latent=20):
        super().__init__()
        self.fc1, self.fc_mu, self.fc_logvar = nn.Linear(784, hidden), nn.Linear(hidden, latent), nn.Linear(hidden, latent)
        self.fc3, self.fc4 = nn.Linear(latent, hidden), nn.Linear(hidden, 784)

    def forward(self, x, eps):
        h = F.relu(self.fc1(x))
        mu, logvar = self.fc_mu(h), self.fc_logvar(h)
        z = mu + torch.exp(0.5 * logvar) * eps
        return self.fc4(F.relu(self.fc3(z))), mu, logvar


class ConvVae(nn.Module):
    def __init__(self, latent=10):
        super().__init__()
        self.enc = nn.Sequential(nn.Conv2d(1, 16, 3, padding=1), nn.ReLU(), nn.Conv2d(16, 32, 3, stride=2, padding=1), nn.ReLU(),
                                 nn.Conv2d(32, 64, 3, stride=2, padding=1), nn.ReLU())
        self.fc_mean, self.fc_logvar, self.fc = nn.Linear(3136, latent), nn.Linear(3136, latent), nn.Linear(latent, 3136)
        self.dec = nn.Sequential(nn.ConvTranspose2d(64, 32, 3, stride=2, padding=1, output_padding=1), nn.ReLU(),
                                 nn.ConvTranspose2d(32, 16, 3, stride=2, padding=1, output_padding=1), nn.ReLU(),
                                 nn.Conv2d(16, 1, 3, padding=1))

    def forward(self, x, eps):
        h = self.enc(x.view(-1, 1, 28, 28)).flatten(1)
        mu, logvar = self.fc_mean(h), self.fc_logvar(h)
        z = mu + torch.exp(0.5 * logvar) * eps
        return self.dec(F.relu(self.fc(z)).view(-1, 64, 7, 7)).flatten(1), mu, logvar


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--model", choices=["mlp", "conv"], default="mlp")
    p.add_argument("--epochs", type=int, default=4)
    p.add_argument("--batch", type=int, default=128)
    p.add_argument("--images", type=int, default=None, help="train on the first N digits only")
    p.add_argument("--data", default=str(Path(__file__).resolve().parent.parent / "data"))
    a = p.parse_args()
    torch.manual_seed(42)
    x = read_idx(Path(a.data) / "train-images-idx3-ubyte.gz").reshape(-1, 784).float() / 255
    if a.images:
        x = x[:a.images]
    model = MlpVae() if a.model == "mlp" else ConvVae()
    latent = 20 if a.model == "mlp" else 10
    opt = torch.optim.Adam(model.parameters(), lr=1e-3)
    times, losses = [], []
    for epoch in range(a.epochs):
        start = time.perf_counter()
        order = torch.randperm(len(x))
        total = 0.0
        for i in range(0, len(x), a.batch):
            batch = x[order[i:i + a.batch]]
            eps = torch.randn(len(batch), latent)
            logits, mu, logvar = model(batch, eps)
            bce = F.binary_cross_entropy_with_logits(logits, batch, reduction="sum") / len(batch)
            kl = 0.5 * torch.sum(mu.pow(2) + logvar.exp() - logvar - 1) / len(batch)
            loss = bce + kl
            opt.zero_grad()
            loss.backward()
            opt.step()
            total += loss.item() * len(batch)
        times.append(time.perf_counter() - start)
        losses.append(total / len(x))
    print(json.dumps({"impl": "pytorch", "model": a.model, "torch": torch.__version__, "threads": torch.get_num_threads(),
                      "epochSeconds": times, "trainLoss": losses}))


if __name__ == "__main__":
    sys.exit(main())
