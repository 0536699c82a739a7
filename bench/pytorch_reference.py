#!/usr/bin/python3
"""An independent reference for the library's MLP VAE: PyTorch's values and gradients, in float64, for fixed weights,
a fixed ε and the first 3 training digits, written once as the JSON fixture PyTorchReferenceTest compares against.

    /usr/bin/python3 bench/pytorch_reference.py > lib/src/test/resources/vae/reference/pytorch-mlp-vae.json

The model is bench/pytorch_vae.py's MlpVae (the benchmark's PyTorch twin), at 784-8-3. The loss is written out here
in PyTorch's own terms, as in pytorch_vae.py: BCE on the logits summed over pixels, KL ½·Σ(μ² + e^logvar − logvar − 1)
summed over the latent dimensions, each then averaged over the batch. Needs Debian's python3-torch.
"""
import datetime
import gzip
import json
import re
import struct
import sys
from pathlib import Path

import torch
import torch.nn.functional as F

sys.path.insert(0, str(Path(__file__).resolve().parent))
from pytorch_vae import MlpVae  # noqa: E402

HIDDEN, LATENT, BATCH, SEED = 8, 3, 3, 20261201
ROOT = Path(__file__).resolve().parent.parent
# The library's weight names for PyTorch's layers. nn.Linear keeps its weight as [out, in] and computes x·Wᵀ + b; the
# library keeps [in, out] and computes x·W + b, so each library W is the PyTorch weight transposed; biases are the same.
LAYERS = {"fc1": "encoder", "fc_mu": "mu", "fc_logvar": "logVar", "fc3": "decoder", "fc4": "output"}


def first_digits(n):
    """The first n training digits as grey levels 0-255, [n, 784], read as bench/pytorch_vae.py reads them."""
    with gzip.open(ROOT / "data" / "train-images-idx3-ubyte.gz", "rb") as f:
        magic = struct.unpack(">I", f.read(4))[0]
        dims = [struct.unpack(">I", f.read(4))[0] for _ in range(magic & 0xFF)]
        return torch.frombuffer(bytearray(f.read(n * 784)), dtype=torch.uint8).reshape(n, dims[1] * dims[2])


def on_grid(t, step=2.0 ** -10):
    """Rounded to multiples of 2⁻¹⁰: exact in float and double, and short in JSON."""
    return torch.round(t / step) * step


def array(t):
    t = t.detach().contiguous()
    return {"shape": list(t.shape), "data": t.reshape(-1).tolist()}


def main():
    torch.manual_seed(SEED)
    model = MlpVae(hidden=HIDDEN, latent=LATENT).double()   # PyTorch's default init, uniform in ±1/√fan-in
    with torch.no_grad():
        for p in model.parameters():
            p.copy_(on_grid(p))
    grey = first_digits(BATCH)
    x = grey.double() / 255
    epsilon = on_grid(torch.randn(BATCH, LATENT, dtype=torch.float64))

    # The forward pass step by step, so that every intermediate can keep its gradient.
    hidden = F.relu(model.fc1(x))
    mu, log_var = model.fc_mu(hidden), model.fc_logvar(hidden)
    sigma = torch.exp(0.5 * log_var)
    z = mu + sigma * epsilon
    logits = model.fc4(F.relu(model.fc3(z)))
    reconstruction = torch.sigmoid(logits)
    bce_per_image = F.binary_cross_entropy_with_logits(logits, x, reduction="none").sum(1)
    kl_per_image = 0.5 * torch.sum(mu.pow(2) + log_var.exp() - log_var - 1, 1)
    reconstruction_loss, kl = bce_per_image.mean(), kl_per_image.mean()
    loss = reconstruction_loss + kl
    for t in (mu, log_var, z):
        t.retain_grad()
    loss.backward()

    same_logits, _, _ = model(x, epsilon)   # the benchmark's own forward gives the same logits
    assert torch.equal(same_logits, logits), "MlpVae.forward no longer matches the steps written out here"

    weights, gradients = {}, {"mu": array(mu.grad), "logVar": array(log_var.grad), "z": array(z.grad)}
    for layer, name in LAYERS.items():
        linear = getattr(model, layer)
        weights[name + "W"], weights[name + "B"] = array(linear.weight.t()), array(linear.bias)
        gradients[name + "W"], gradients[name + "B"] = array(linear.weight.grad.t()), array(linear.bias.grad)

    fixture = {
        "about": "PyTorch's forward pass, loss and gradients of the MLP VAE 784-8-3 (ReLU, BCE on logits, beta 1) in float64, "
                 "for fixed weights, a fixed epsilon and the first 3 training digits: an independent reference for the library.",
        "madeBy": "/usr/bin/python3 bench/pytorch_reference.py > lib/src/test/resources/vae/reference/pytorch-mlp-vae.json",
        "torch": torch.__version__,
        "python": sys.version.split()[0],
        "date": datetime.date.today().isoformat(),
        "seed": SEED,
        "config": {"architecture": "MLP", "hiddenSize": HIDDEN, "latentSize": LATENT, "reconstructionLoss": "BCE", "beta": 1.0},
        "layout": "Arrays are row-major, {shape, data}. Weights carry the library's names and shapes: each W is the PyTorch "
                  "weight transposed ([in, out], since nn.Linear keeps [out, in]), e.g. encoderW = fc1.weight.T; each B is "
                  "the bias. Weights and epsilon are multiples of 2^-10 (PyTorch's default init, rounded), so exact in any "
                  "float type. Gradients are of the loss, the batch mean.",
        "pytorchLayers": LAYERS,
        "x": {"greyLevels": array(grey), "scale": "x = greyLevels / 255"},
        "epsilon": array(epsilon),
        "weights": weights,
        "forward": {"mu": array(mu), "logVar": array(log_var), "sigma": array(sigma), "z": array(z),
                    "reconstruction": array(reconstruction), "reconstructionLossPerImage": array(bce_per_image),
                    "klPerImage": array(kl_per_image), "reconstructionLoss": reconstruction_loss.item(), "kl": kl.item(),
                    "loss": loss.item()},
        "gradients": gradients,
    }
    text = json.dumps(fixture, indent=1)
    # each list of numbers on one line, so the file reads (and diffs) by array, not by number
    print(re.sub(r"\[\s+([-+0-9.e,\s]+?)\s+\]", lambda m: "[" + re.sub(r",\s+", ", ", m.group(1)) + "]", text))


if __name__ == "__main__":
    sys.exit(main())
