"""Adds blocks to a trained checkpoint without changing what it computes (a Net2Net-style deepening),
so a continued run starts from the trained model with more capacity instead of from scratch.

    python3 models/recipe/deepen.py --checkpoint models/work/checkpoint-v7.pt --encoder 2 --decoder 1 --out models/work/deep.pt

New blocks go after the existing ones of their stack (before its final norm), with every attention
output projection zero: each new block adds nothing to its residual stream until training moves
that projection, and the projection gets gradient from the start (a zero gate would not: its
sigmoid sits at the slow end). --check runs both models on random input and compares their outputs.
"""
import argparse
import os
import sys

import torch

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from needle_model import Needle, NeedleConfig, count_parameters  # noqa: E402


def deepen(ck, add_encoder, add_decoder, seed=0):
    cfg = dict(ck["config"])
    old = NeedleConfig(**cfg)
    cfg["enc_layers"] += add_encoder
    cfg["dec_layers"] += add_decoder
    torch.manual_seed(seed)
    model = Needle(NeedleConfig(**cfg))
    missing, unexpected = model.load_state_dict(ck["state"], strict=False)
    if unexpected:
        raise SystemExit(f"checkpoint parameters the deeper model lacks: {unexpected[:5]}")
    new = set(missing)
    expected = {n for n, _ in model.named_parameters()
                if (n.startswith("encoder.") and int(n.split(".")[1]) >= old.enc_layers)
                or (n.startswith("decoder.") and int(n.split(".")[1]) >= old.dec_layers)}
    if new != expected:
        raise SystemExit(f"parameters left uninitialised outside the new blocks: {sorted(new - expected)[:5]}")
    with torch.no_grad():
        for blocks, start in ((model.encoder, old.enc_layers), (model.decoder, old.dec_layers)):
            for blk in list(blocks)[start:]:
                for name, p in blk.named_parameters():
                    if name.endswith("attn.o.weight"):
                        p.zero_()
    return {"config": cfg, "state": model.state_dict()}, model


def check(ck_old, model_new):
    """Largest difference between the two models' logits on random token input."""
    old = Needle(NeedleConfig(**ck_old["config"]))
    old.load_state_dict(ck_old["state"])
    old.eval(), model_new.eval()
    torch.manual_seed(1)
    B, S, T = 3, 40, 12
    src = torch.randint(5, old.cfg.vocab, (B, S))
    pos = torch.arange(S).expand(B, S)
    enc_mask = torch.zeros(B, 1, S, S)
    cross_mask = torch.zeros(B, 1, 1, S)
    tgt = torch.randint(5, old.cfg.vocab, (B, T))
    with torch.no_grad():
        a = old(src, pos, enc_mask, cross_mask, tgt)
        b = model_new(src, pos, enc_mask, cross_mask, tgt)
    return (a - b).abs().max().item()


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--checkpoint", required=True)
    ap.add_argument("--encoder", type=int, default=1, help="encoder blocks to add")
    ap.add_argument("--decoder", type=int, default=1, help="decoder blocks to add")
    ap.add_argument("--out", required=True)
    ap.add_argument("--check", action="store_true")
    args = ap.parse_args()
    ck = torch.load(args.checkpoint, map_location="cpu")
    out, model = deepen(ck, args.encoder, args.decoder)
    torch.save(out, args.out)
    print(f"{args.checkpoint}: {ck['config']['enc_layers']}/{ck['config']['dec_layers']} -> {out['config']['enc_layers']}/{out['config']['dec_layers']} blocks, "
          f"{count_parameters(model) / 1e6:.2f}M parameters -> {args.out}")
    if args.check:
        diff = check(ck, model)
        print(f"largest logit difference from the original on random input: {diff:.2e}")
        if diff > 1e-4:
            raise SystemExit("the deepened model does not compute what the original did")


if __name__ == "__main__":
    main()
