"""Trains the Needle router on the generator's token files.

    python3 models/recipe/train.py --size cpu --minutes 40        # this CPU (Debian python3-torch)
    python3 models/recipe/train.py --size full --minutes 30       # a GPU, when one is lent
    python3 models/recipe/train.py --data models/work/device/tokens.npz ...   # packed tokens (pack_tokens.py)

Prints a line every --log-every steps (loss, token accuracy) and a validation line (teacher-forced
token accuracy and whole-answer exact match) every --eval-every steps; writes the checkpoint and a
JSON log that CARD.md is built from.
"""
import argparse
import contextlib
import json
import math
import os
import random
import sys
import time

import numpy as np
import torch
import torch.nn.functional as F

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from needle_model import Needle, NeedleConfig, PointerTags, count_parameters  # noqa: E402
from pack_tokens import read_rows, unpack_rows  # noqa: E402

SIZES = {
    # ~26M parameters: Needle 1's published shape
    "full": dict(d_model=512, enc_layers=12, dec_layers=8, heads=8, kv_heads=4),
    # what this 2-core CPU can train in under an hour
    "cpu": dict(d_model=256, enc_layers=4, dec_layers=3, heads=4, kv_heads=2),
    "small": dict(d_model=192, enc_layers=3, dec_layers=2, heads=4, kv_heads=2),
    "tiny": dict(d_model=128, enc_layers=3, dec_layers=2, heads=4, kv_heads=2),
}


def load_split(data, split, limit=None):
    """A split's rows from a folder of token files or from a packed archive (pack_tokens.py)."""
    if data.endswith(".npz"):
        with np.load(data) as archive:
            return unpack_rows(archive, split, limit)
    return read_rows(os.path.join(data, f"{split}.txt"), limit)


def positions_for(seg, mode):
    if mode == "joint":
        return list(range(len(seg)))
    pos, last, n = [], None, 0
    for s in seg:
        n = n + 1 if s == last else 0
        last = s
        pos.append(n)
    return pos


def to_device(tensors, device):
    return [x.to(device, non_blocking=True) for x in tensors]


def collate_cpu(batch, mode, bos, tagger, related_flag=False):
    B = len(batch)
    S = max(len(b[0]) for b in batch)
    T = max(len(b[2]) for b in batch)
    src = torch.zeros(B, S, dtype=torch.long)
    pos = torch.zeros(B, S, dtype=torch.long)
    seg = torch.full((B, S), -1, dtype=torch.long)
    tgt_in = torch.zeros(B, T, dtype=torch.long)
    tgt_out = torch.full((B, T), -100, dtype=torch.long)
    tags = torch.zeros(B, 5, S, dtype=torch.long)
    rel = torch.full((B, S, 2), -1.0)
    for i, (s, g, t, related) in enumerate(batch):
        src[i, : len(s)] = torch.tensor(s)
        tg = tagger(s, separate=mode == "separate")
        if related_flag and mode == "joint":  # the router flags related words in joint encoding only
            for j in related:
                if tg[4][j] == 0:
                    tg[4][j] = 2
        tags[i, :, : len(s)] = torch.tensor(tg)
        # answer structure: called tools, and (tool, param, enum) choices
        called, chosen, tool, param = set(), set(), 0, 0
        for x in t:
            if x in tagger.tool:
                tool = x
                called.add(x)
            elif x in tagger.param:
                param = x
            elif x in tagger.enum:
                chosen.add((tool, param, x))
        for j, x in enumerate(s):
            if x in tagger.tool:
                rel[i, j, 0] = 1.0 if x in called else 0.0
            elif x in tagger.enum and tg[0][j] in called:
                rel[i, j, 1] = 1.0 if (tg[0][j], tg[1][j], x) in chosen else 0.0
        seg[i, : len(g)] = torch.tensor(g)
        pos[i, : len(s)] = torch.tensor(positions_for(g, mode))
        tgt_in[i, 0] = bos
        tgt_in[i, 1 : len(t)] = torch.tensor(t[:-1])
        tgt_out[i, : len(t)] = torch.tensor(t)
    valid = seg >= 0
    if mode == "joint":
        enc_mask = valid.view(B, 1, 1, S).expand(B, 1, S, S)
    else:
        enc_mask = (seg.unsqueeze(2) == seg.unsqueeze(1)) & valid.view(B, 1, S)
        enc_mask = enc_mask.unsqueeze(1)
    # padded query rows attend to themselves only so softmax stays finite
    eye = torch.eye(S, dtype=torch.bool).view(1, 1, S, S)
    enc_mask = enc_mask | eye
    cross_mask = valid.view(B, 1, 1, S)
    enc_mask = (~enc_mask).float() * -1e9
    cross_mask = (~cross_mask).float() * -1e9
    return [src, pos, enc_mask, cross_mask, tgt_in, tgt_out, tags, rel]


class BatchCollator:
    """Builds one batch's tensors from its row indices (a picklable callable for DataLoader workers)."""

    def __init__(self, rows, mode, bos, tagger, related_flag):
        self.rows, self.mode, self.bos, self.tagger, self.related_flag = rows, mode, bos, tagger, related_flag

    def __call__(self, indices):
        return collate_cpu([self.rows[i] for i in indices], self.mode, self.bos, self.tagger, self.related_flag)


def batch_stream(rows, args, bos, tagger, related_flag, pin):
    """An epoch's batches as CPU tensors; with --workers N they are built by N processes ahead of the
    training step (on a GPU the Python collation would otherwise leave it idle)."""
    order = batches(rows, args.max_tokens)
    collator = BatchCollator(rows, args.tool_encoding, bos, tagger, related_flag)
    if args.workers <= 0:
        return ((b, collator(b)) for b in order)
    loader = torch.utils.data.DataLoader(order, batch_size=None, collate_fn=collator, num_workers=args.workers,
                                         pin_memory=pin, prefetch_factor=4, persistent_workers=False)
    return zip(order, loader)


def batches(rows, max_tokens, shuffle=True):
    """Length-bucketed batches holding about max_tokens source tokens each."""
    idx = list(range(len(rows)))
    if shuffle:
        random.shuffle(idx)
    chunk = 4096
    out = []
    for c in range(0, len(idx), chunk):
        part = sorted(idx[c : c + chunk], key=lambda i: len(rows[i][0]))
        cur, longest = [], 0
        for i in part:
            longest2 = max(longest, len(rows[i][0]))
            if cur and longest2 * (len(cur) + 1) > max_tokens:
                out.append(cur)
                cur, longest2 = [], len(rows[i][0])
            cur.append(i)
            longest = longest2
        if cur:
            out.append(cur)
    if shuffle:
        random.shuffle(out)
    return out


@torch.no_grad()
def evaluate(model, rows, args, bos, device, tagger):
    model.eval()
    tok_ok = tok_n = seq_ok = seq_n = 0
    for b in batches(rows, args.max_tokens, shuffle=False):
        src, pos, enc_mask, cross_mask, tgt_in, tgt_out, tags, _ = to_device(collate_cpu([rows[i] for i in b], args.tool_encoding, bos, tagger, model.cfg.related_flag), device)
        logits = model(src, pos, enc_mask, cross_mask, tgt_in, tags)
        pred = logits.argmax(-1)
        mask = tgt_out != -100
        good = (pred == tgt_out) | ~mask
        tok_ok += (good & mask).sum().item()
        tok_n += mask.sum().item()
        seq_ok += good.all(dim=1).sum().item()
        seq_n += len(b)
    model.train()
    return tok_ok / max(tok_n, 1), seq_ok / max(seq_n, 1)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", default="models/work/tokens")
    ap.add_argument("--out", default="models/work/checkpoint.pt")
    ap.add_argument("--size", default="cpu", choices=sorted(SIZES))
    ap.add_argument("--tool-encoding", default="joint", choices=["joint", "separate"])
    ap.add_argument("--minutes", type=float, default=40.0)
    ap.add_argument("--max-steps", type=int, default=100000)
    ap.add_argument("--max-tokens", type=int, default=10000, help="source tokens per batch")
    ap.add_argument("--lr", type=float, default=2e-3)
    ap.add_argument("--warmup", type=int, default=100)
    ap.add_argument("--log-every", type=int, default=25)
    ap.add_argument("--eval-every", type=int, default=250)
    ap.add_argument("--threads", type=int, default=0)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--limit", type=int, default=0)
    ap.add_argument("--valid-limit", type=int, default=500)
    ap.add_argument("--relevance-weight", type=float, default=0.5)
    ap.add_argument("--resume", default="", help="continue from this checkpoint (its config wins over --size)")
    ap.add_argument("--workers", type=int, default=0, help="processes building batches ahead of the step (a GPU wants several)")
    ap.add_argument("--amp", choices=["auto", "bf16", "off"], default="auto", help="bf16 autocast (auto: on a GPU only)")
    ap.add_argument("--related-flag", action="store_true",
                    help="mark related words (the token files' fourth field, relate-tokens.ts) with flag 2 and a vector of their own; "
                         "a resumed checkpoint without one starts it as a copy of the exact-match vector")
    args = ap.parse_args()

    random.seed(args.seed)
    torch.manual_seed(args.seed)
    if args.threads:
        torch.set_num_threads(args.threads)
    device = "cuda" if torch.cuda.is_available() else "cpu"
    tokenizer = json.load(open("models/needle/tokenizer.json"))
    vocab = len(tokenizer["specials"]) + 256 + len(tokenizer["merges"])
    bos = tokenizer["specials"].index("<bos>")
    tagger = PointerTags(tokenizer["specials"])
    cfg = NeedleConfig(vocab=vocab, tool_encoding=args.tool_encoding, related_flag=args.related_flag, **SIZES[args.size])
    resumed = None
    if args.resume:
        resumed = torch.load(args.resume, map_location="cpu")
        cfg = NeedleConfig(**{**resumed["config"], "related_flag": resumed["config"].get("related_flag", False) or args.related_flag})
    model = Needle(cfg).to(device)
    if resumed:
        state = resumed["state"]
        if cfg.related_flag and "related_vec" not in state:
            state = {**state, "related_vec": state["match_vec"].clone()}
        model.load_state_dict(state)
        print(f"resumed from {args.resume}", flush=True)
    n_params = count_parameters(model)
    train = load_split(args.data, "train", args.limit or None)
    valid = load_split(args.data, "valid", args.valid_limit)
    amp = args.amp == "bf16" or (args.amp == "auto" and device == "cuda")
    autocast = (lambda: torch.autocast(device_type=device, dtype=torch.bfloat16)) if amp else contextlib.nullcontext
    print(f"config {json.dumps(cfg.to_dict())} params {n_params/1e6:.2f}M device {device} threads {torch.get_num_threads()}"
          f"{' bf16 autocast' if amp else ''}{f' workers {args.workers}' if args.workers > 0 else ''}", flush=True)
    print(f"data: {len(train)} train, {len(valid)} valid examples", flush=True)

    decay = [p for n, p in model.named_parameters() if p.dim() >= 2]
    no_decay = [p for n, p in model.named_parameters() if p.dim() < 2]
    opt = torch.optim.AdamW([{"params": decay, "weight_decay": 0.01}, {"params": no_decay, "weight_decay": 0.0}], lr=args.lr, betas=(0.9, 0.98))
    budget = args.minutes * 60
    t0 = time.time()
    log = {"started": time.strftime("%Y-%m-%dT%H:%M", time.gmtime(t0)), "config": cfg.to_dict(), "params": n_params, "size": args.size, "resumed_from": args.resume or None, "train_examples": len(train), "valid_examples": len(valid),
           "max_tokens": args.max_tokens, "lr": args.lr, "device": device, "curve": [], "evals": []}
    step, epoch, seen = 0, 0, 0
    run_loss = run_ok = run_n = 0.0
    done = False
    while not done:
        epoch += 1
        for b, tensors in batch_stream(train, args, bos, tagger, model.cfg.related_flag, pin=device == "cuda"):
            progress = max(step / args.max_steps, (time.time() - t0) / budget)
            if progress >= 1.0:
                done = True
                break
            lr = args.lr * min(1.0, (step + 1) / args.warmup) * (0.05 + 0.95 * 0.5 * (1 + math.cos(math.pi * progress)))
            for g in opt.param_groups:
                g["lr"] = lr
            src, pos, enc_mask, cross_mask, tgt_in, tgt_out, tags, rel = to_device(tensors, device)
            with autocast():
                logits, rel_logits = model(src, pos, enc_mask, cross_mask, tgt_in, tags, with_relevance=True)
            logits, rel_logits = logits.float(), rel_logits.float()
            loss = F.cross_entropy(logits.view(-1, vocab), tgt_out.view(-1), ignore_index=-100)
            has = rel >= 0
            if args.relevance_weight > 0 and has.any():
                # auxiliary: the encoder marks which offered tools the answer calls and which enum values
                # it chooses (dense signal for the two pointer decisions)
                loss = loss + args.relevance_weight * F.binary_cross_entropy_with_logits(rel_logits[has], rel[has])
            opt.zero_grad(set_to_none=True)
            loss.backward()
            torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
            opt.step()
            step += 1
            seen += len(b)
            mask = tgt_out != -100
            run_loss += loss.item()
            run_ok += ((logits.argmax(-1) == tgt_out) & mask).sum().item() / mask.sum().item()
            run_n += 1
            if step % args.log_every == 0:
                el = time.time() - t0
                print(f"step {step} epoch {epoch} seen {seen} loss {run_loss/run_n:.4f} tok_acc {run_ok/run_n:.4f} lr {lr:.2e} "
                      f"elapsed {el/60:.1f}m ({100*progress:.0f}%)", flush=True)
                log["curve"].append({"step": step, "seen": seen, "loss": round(run_loss / run_n, 4), "tok_acc": round(run_ok / run_n, 4), "minutes": round(el / 60, 2)})
                run_loss = run_ok = run_n = 0.0
            if step % args.eval_every == 0:
                ta, sa = evaluate(model, valid, args, bos, device, tagger)
                print(f"valid step {step}: token acc {ta:.4f} answer exact {sa:.4f}", flush=True)
                log["evals"].append({"step": step, "token_acc": round(ta, 4), "exact": round(sa, 4)})
                torch.save({"config": cfg.to_dict(), "state": model.state_dict()}, args.out)
    ta, sa = evaluate(model, valid, args, bos, device, tagger)
    print(f"final valid: token acc {ta:.4f} answer exact {sa:.4f} after {step} steps, {seen} examples, {(time.time()-t0)/60:.1f} min", flush=True)
    log["evals"].append({"step": step, "token_acc": round(ta, 4), "exact": round(sa, 4)})
    log.update({"steps": step, "examples_seen": seen, "epochs": epoch, "minutes": round((time.time() - t0) / 60, 1)})
    torch.save({"config": cfg.to_dict(), "state": model.state_dict()}, args.out)
    with open(os.path.splitext(args.out)[0] + ".log.json", "w") as f:
        json.dump(log, f, indent=1)


if __name__ == "__main__":
    main()
