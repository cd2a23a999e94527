"""Weight interpolation between a model and its fine-tuned continuation (WiSE-FT style), so the
continuation's gains can be kept with less of what it forgot of the original.

    python3 models/recipe/interpolate.py --base models/work/deep-start.pt --fill models/work/deep16-start.pt \
        --tuned models/work/checkpoint-r16.pt --alpha 0.7 --out models/work/checkpoint.pt

Each weight is (1 - alpha) * base + alpha * tuned. The tuned model may be deeper than the base (it was
continued after deepen.py): the blocks the base lacks are taken from --fill, the deepened start of
the tuned run, whose added blocks have their attention output projections at zero, so base + fill
still computes what the base did (--check compares them on random input) and every block
interpolates between its start and its trained state.
"""
import argparse
import os
import sys

import torch

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from deepen import check  # noqa: E402
from needle_model import Needle, NeedleConfig  # noqa: E402


def aligned_base(base, fill):
    """The base's weights in the fill's shape: every parameter the base has, the fill's for the rest."""
    state, missing = {}, []
    for name, value in fill["state"].items():
        own = base["state"].get(name)
        if own is not None and own.shape == value.shape:
            state[name] = own.clone()
        else:
            state[name] = value.clone()
            missing.append(name)
    return {"config": fill["config"], "state": state}, missing


def interpolate(base, tuned, alpha):
    if base["config"] != tuned["config"]:
        raise SystemExit(f"configs differ: {base['config']} vs {tuned['config']}")
    state = {name: (1 - alpha) * value + alpha * tuned["state"][name] if value.is_floating_point() else tuned["state"][name].clone()
             for name, value in base["state"].items()}
    return {"config": tuned["config"], "state": state}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--base", required=True, help="the original model (alpha 0)")
    ap.add_argument("--tuned", required=True, help="its continuation (alpha 1)")
    ap.add_argument("--fill", default="", help="the tuned run's deepened start, for blocks the base lacks")
    ap.add_argument("--alpha", type=float, required=True)
    ap.add_argument("--out", required=True)
    ap.add_argument("--check", action="store_true", help="compare base + fill with the base on random input")
    args = ap.parse_args()
    base = torch.load(args.base, map_location="cpu")
    tuned = torch.load(args.tuned, map_location="cpu")
    if args.fill:
        original = base
        base, missing = aligned_base(base, torch.load(args.fill, map_location="cpu"))
        print(f"{len(missing)} parameters the base lacks taken from {args.fill}")
        if args.check:
            model = Needle(NeedleConfig(**base["config"]))
            model.load_state_dict(base["state"])
            diff = check(original, model)
            print(f"base + fill vs base: largest logit difference on random input {diff:.2e}")
            if diff > 1e-4:
                raise SystemExit("base + fill does not compute what the base did")
    mixed = interpolate(base, tuned, args.alpha)
    torch.save(mixed, args.out)
    print(f"wrote {args.out}: {1 - args.alpha:g} x {args.base} + {args.alpha:g} x {args.tuned}")


if __name__ == "__main__":
    main()
