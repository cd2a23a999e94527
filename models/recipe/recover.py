"""Rebuilds a PyTorch checkpoint from the shipped ONNX graphs, so a run can continue from the model
the repo ships even when the training checkpoint (models/work, not committed) is gone.

    python3 models/recipe/recover.py --dir models/needle --out models/work/checkpoint-shipped.pt

The exporter keeps some parameter names (norms, biases, the embedding) but folds every Linear weight
into an anonymous, transposed MatMul initializer. To map them back, a model of the same config is
filled with random values that identify each parameter, exported with the same exporter, and every
initializer of that probe export is matched to the parameter (as is, transposed, or scaled) it holds.
The shipped graphs were written by the same exporter, so the same initializer names carry the
shipped values. The result is checked against reference.json: the recovered model must decode the
five reference examples exactly as the exported model did.
"""
import argparse
import json
import os
import sys
import tempfile

import numpy as np
import onnx
from onnx import numpy_helper
import torch

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from export import export, greedy  # noqa: E402
from needle_model import Needle, NeedleConfig, PointerTags  # noqa: E402


def initializers(path):
    return {i.name: numpy_helper.to_array(i) for i in onnx.load(path).graph.initializer}


def identify(value, params):
    """Which parameter an initializer holds, and how: (name, 'same'|'T', scale)."""
    for name, p in params.items():
        for how, cand in (("same", p), ("T", p.T if p.ndim == 2 else None)):
            if cand is None or cand.shape != value.shape:
                continue
            ratio = value.reshape(-1)[:8] / cand.reshape(-1)[:8]
            if np.allclose(ratio, ratio[0], rtol=1e-4) and np.allclose(value, cand * ratio[0], rtol=1e-4, atol=1e-6):
                return name, how, float(ratio[0])
    return None


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--dir", default="models/needle")
    ap.add_argument("--out", default="models/work/checkpoint-shipped.pt")
    args = ap.parse_args()
    meta = json.load(open(os.path.join(args.dir, "model.json")))
    cfg = NeedleConfig(**meta["config"])
    tokenizer = json.load(open(os.path.join(args.dir, "tokenizer.json")))
    tagger = PointerTags(tokenizer["specials"])

    torch.manual_seed(1234)
    probe = Needle(cfg).eval()
    with torch.no_grad():
        for p in probe.parameters():
            p.copy_(torch.rand_like(p) + 0.5)
    params = {n: p.detach().numpy().copy() for n, p in probe.named_parameters()}
    with tempfile.TemporaryDirectory() as tmp:
        export([probe], cfg, tmp, tagger)
        probe_inits = {f: initializers(os.path.join(tmp, f"{f}.onnx")) for f in ("encoder", "decoder")}
    shipped = {f: initializers(os.path.join(args.dir, meta[f]["file"])) for f in ("encoder", "decoder")}

    recovered = {}
    for f in ("encoder", "decoder"):
        if set(probe_inits[f]) != set(shipped[f]):
            raise SystemExit(f"{f}.onnx was written by a different exporter (initializer names differ); cannot recover")
        for init_name, value in probe_inits[f].items():
            hit = identify(value, params)
            if hit is None:
                continue
            pname, how, scale = hit
            w = shipped[f][init_name] / scale
            recovered[pname] = torch.from_numpy(np.ascontiguousarray(w.T if how == "T" else w)).float()
    missing = [n for n in params if n not in recovered]
    if missing:
        raise SystemExit(f"no initializer holds these parameters: {missing}")

    model = Needle(cfg).eval()
    model.load_state_dict(recovered)
    refs = json.load(open(os.path.join(args.dir, "reference.json")))
    for r in refs:
        got = greedy([model], r["src"], meta["eos"], meta["bos"], tagger)
        if got != r["greedy"]:
            raise SystemExit(f"recovered model decodes differently from the shipped one: {got} vs {r['greedy']}")
    os.makedirs(os.path.dirname(args.out) or ".", exist_ok=True)
    torch.save({"config": cfg.to_dict(), "state": model.state_dict()}, args.out)
    print(f"recovered {len(recovered)} parameter tensors from {args.dir}; {len(refs)} reference decodes match; wrote {args.out}")


if __name__ == "__main__":
    main()
