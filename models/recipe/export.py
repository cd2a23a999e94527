"""Exports a trained checkpoint to the ONNX graphs the TypeScript runtime loads.

    encoder.onnx  input_ids[1,S], position_ids[1,S], pointer_tags[1,5,S] (tool/param/enum pointer per token, previous token in the query, exact-match flag)
                  -> relevance[1, S, 2] (auxiliary head: is this slot token's tool called / this enum value chosen)
                     cross_k_{l}, cross_v_{l}  [1, kv_heads, S, head_dim] for every decoder layer
                     (the encoder output already projected to each decoder layer's cross-attention
                     keys/values, so tool encodings can be cached and concatenated as they are)
    decoder.onnx  input_ids[1,1], position_ids[1,1], past_k_{l}, past_v_{l} [1, kv_heads, P, head_dim],
                  cross_k_{l}, cross_v_{l}
                  -> logits[1, vocab], present_k_{l}, present_v_{l} [1, kv_heads, P+1, head_dim]
    model.json    architecture, tensor names, special-token layout and training summary

Also writes reference.json: greedy token ids the PyTorch model produces for a few held-out
requests, which the runtime's tests compare against ONNX inference.

    python3 models/recipe/export.py --checkpoint models/work/checkpoint.pt --out models/needle
"""
import argparse
import json
import os
import sys

import torch

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from needle_model import Needle, NeedleConfig, PointerTags, count_parameters  # noqa: E402

OPSET = 14


def combined_scores(logits):
    """Next-token scores of one or more members: one member's own logits, or the mean of the members'
    log-probabilities (a product of experts)."""
    if len(logits) == 1:
        return logits[0]
    return torch.stack([torch.log_softmax(x, dim=-1) for x in logits]).mean(0)


class EncoderExport(torch.nn.Module):
    """One or more members' encoders: the members' mean relevance logits, then every member's cross keys/values."""

    def __init__(self, members):
        super().__init__()
        self.members = torch.nn.ModuleList(members)

    def forward(self, input_ids, position_ids, pointer_tags):
        relevance = []
        kv = []
        for model in self.members:
            memory = model.encode(input_ids, position_ids, None, pointer_tags)
            relevance.append(model.relevance(memory))
            for k, v in model.cross_kv(memory):
                kv += [k, v]
        return (torch.stack(relevance).mean(0), *kv)


class DecoderExport(torch.nn.Module):
    """One decoder step of one or more members: the mean of their log-probabilities (a product of
    experts), and each member's grown self-attention cache. Caches are laid out member by member."""

    def __init__(self, members):
        super().__init__()
        self.members = torch.nn.ModuleList(members)

    def forward(self, input_ids, position_ids, *caches):
        sizes = [2 * len(model.decoder) for model in self.members]
        total = sum(sizes)
        past_all, cross_all = caches[:total], caches[total:]
        logits = []
        presents = []
        offset = 0
        for model, size in zip(self.members, sizes):
            past = past_all[offset : offset + size]
            cross = cross_all[offset : offset + size]
            offset += size
            x = model.embed(input_ids) * model.scale
            for i, blk in enumerate(model.decoder):
                x, k, v = blk(x, position_ids, None, cross[2 * i], cross[2 * i + 1], None, past[2 * i], past[2 * i + 1])
                presents += [k, v]
            logits.append(model.logits(x)[:, -1, :])
        return (combined_scores(logits), *presents)


def load(checkpoint):
    ck = torch.load(checkpoint, map_location="cpu")
    cfg = NeedleConfig(**ck["config"])
    model = Needle(cfg)
    missing, unexpected = model.load_state_dict(ck["state"], strict=False)
    # the relevance head is a training-only auxiliary; anything else missing is an error
    if [k for k in missing if not k.startswith("relevance.")] or unexpected:
        raise RuntimeError(f"checkpoint does not match the model: missing {missing}, unexpected {unexpected}")
    model.eval()
    return model, cfg


def check_members(cfgs):
    """Ensemble members must agree on what the runtime sees: vocabulary, tool encoding and cache shapes."""
    first = cfgs[0]
    for i, cfg in enumerate(cfgs[1:], start=2):
        for field in ("vocab", "tool_encoding", "kv_heads", "head_dim"):
            if getattr(cfg, field) != getattr(first, field):
                raise SystemExit(f"checkpoint {i} differs from the first in {field}: {getattr(cfg, field)} vs {getattr(first, field)}")


def cache_names(layers):
    """Tensor names per decoder layer, numbered across the members (member 0's layers first)."""
    return tuple([f"{prefix}_{kind}_{i}" for i in range(layers) for kind in ("k", "v")] for prefix in ("past", "present", "cross"))


def export(members, cfg: NeedleConfig, out_dir: str, tagger: PointerTags):
    os.makedirs(out_dir, exist_ok=True)
    layers = sum(len(m.decoder) for m in members)
    kvh, hd = cfg.kv_heads, cfg.head_dim
    S = 12
    ids = torch.randint(300, cfg.vocab, (1, S))
    ids[0, 2] = min(tagger.tool)
    ids[0, 5] = min(tagger.param)
    pos = torch.arange(S).unsqueeze(0)
    tags = torch.tensor([tagger(ids[0].tolist())])
    past_names, present_names, cross_names = cache_names(layers)
    enc_outputs = ["relevance"] + cross_names
    encoder = EncoderExport(members)
    torch.onnx.export(
        encoder, (ids, pos, tags), os.path.join(out_dir, "encoder.onnx"),
        input_names=["input_ids", "position_ids", "pointer_tags"], output_names=enc_outputs,
        dynamic_axes={"input_ids": {1: "S"}, "position_ids": {1: "S"}, "pointer_tags": {2: "S"}, "relevance": {1: "S"},
                      **{name: {2: "S"} for name in enc_outputs[1:]}},
        opset_version=OPSET, do_constant_folding=True,
    )
    with torch.no_grad():
        cross = encoder(ids, pos, tags)[1:]
    P = 3
    past = [torch.randn(1, kvh, P, hd) for _ in range(2 * layers)]
    torch.onnx.export(
        DecoderExport(members), (torch.tensor([[1]]), torch.tensor([[P]]), *past, *cross), os.path.join(out_dir, "decoder.onnx"),
        input_names=["input_ids", "position_ids", *past_names, *cross_names], output_names=["logits", *present_names],
        dynamic_axes={**{name: {2: "P"} for name in past_names}, **{name: {2: "P1"} for name in present_names},
                      **{name: {2: "S"} for name in cross_names}},
        opset_version=OPSET, do_constant_folding=True,
    )
    return enc_outputs, past_names, present_names, cross_names


@torch.no_grad()
def greedy(members, src, eos, bos, tagger, max_len=24):
    """Unconstrained greedy decode with the training-time modules (reference for the runtime tests);
    several members decode together on the mean of their log-probabilities, as the exported graph does."""
    S = len(src)
    kvs = []
    for model in members:
        memory = model.encode(torch.tensor([src]), torch.arange(S).unsqueeze(0), None, torch.tensor([tagger(src)]))
        kvs.append(model.cross_kv(memory))
    out = [bos]
    for _ in range(max_len):
        T = len(out)
        pos = torch.arange(T).unsqueeze(0)
        causal = torch.triu(torch.full((T, T), -1e9), diagonal=1).view(1, 1, T, T)
        logits = []
        for model, kv in zip(members, kvs):
            x = model.embed(torch.tensor([out])) * model.scale
            for blk, (ck, cv) in zip(model.decoder, kv):
                x, _, _ = blk(x, pos, causal, ck, cv, None)
            logits.append(model.logits(x)[0, -1])
        nxt = int(combined_scores(logits).argmax())
        out.append(nxt)
        if nxt == eos:
            break
    return out[1:]


def training_summary(checkpoint):
    log_path = os.path.splitext(checkpoint)[0] + ".log.json"
    training = json.load(open(log_path)) if os.path.exists(log_path) else {}
    return {k: training.get(k) for k in ("size", "train_examples", "steps", "examples_seen", "minutes", "device")}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--checkpoint", nargs="+", default=["models/work/checkpoint.pt"],
                    help="one checkpoint, or several to export as one ensemble (mean log-probabilities and relevance logits)")
    ap.add_argument("--out", default="models/needle")
    ap.add_argument("--reference", default="models/work/tokens/valid.txt")
    args = ap.parse_args()
    loaded = [load(c) for c in args.checkpoint]
    members = [m for m, _ in loaded]
    cfgs = [c for _, c in loaded]
    check_members(cfgs)
    cfg = cfgs[0]
    tokenizer = json.load(open(os.path.join(args.out, "tokenizer.json")))
    specials = tokenizer["specials"]
    tagger = PointerTags(specials)
    enc_outputs, past_names, present_names, cross_names = export(members, cfg, args.out, tagger)
    meta = {
        "format": "needle-onnx-1",
        "config": cfg.to_dict(),
        "parameters": sum(count_parameters(m) for m in members),
        "vocab": cfg.vocab,
        "bos": specials.index("<bos>"),
        "eos": specials.index("<eos>"),
        "encoder": {"file": "encoder.onnx", "inputs": ["input_ids", "position_ids", "pointer_tags"], "outputs": enc_outputs[1:], "relevance": "relevance"},
        "decoder": {"file": "decoder.onnx", "past": past_names, "present": present_names, "cross": cross_names},
        "kv_heads": cfg.kv_heads,
        "head_dim": cfg.head_dim,
        "training": training_summary(args.checkpoint[0]),
    }
    if len(members) > 1:
        meta["members"] = [{"checkpoint": os.path.basename(c), "config": m.to_dict(), "training": training_summary(c)}
                           for c, m in zip(args.checkpoint, cfgs)]
    with open(os.path.join(args.out, "model.json"), "w") as f:
        json.dump(meta, f, indent=1)
    refs = []
    with open(args.reference) as f:
        for line in list(f)[:5]:
            # "src|seg|tgt" and, after relate-tokens.ts, a fourth field the reference leaves out (no related flags)
            src = [int(x) for x in line.rstrip("\n").split("|")[0].split()]
            refs.append({"src": src, "greedy": greedy(members, src, meta["eos"], meta["bos"], tagger)})
    with open(os.path.join(args.out, "reference.json"), "w") as f:
        json.dump(refs, f)
    sizes = {name: os.path.getsize(os.path.join(args.out, name)) for name in ("encoder.onnx", "decoder.onnx")}
    print(f"exported {len(members)} member(s), {meta['parameters']/1e6:.2f}M parameters, to {args.out}: {sizes}")


if __name__ == "__main__":
    main()
