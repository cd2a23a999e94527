"""Moves a checkpoint through a channel that takes files of limited size (the device machine's $OUT:
at most 8 files of 16 MiB, 64 MiB in all).

    python3 models/recipe/checkpoint_parts.py split CHECKPOINT.pt OUTDIR   # on the training machine
    python3 models/recipe/checkpoint_parts.py join INDIR CHECKPOINT.pt     # here, before `make export`

split writes checkpoint.part0, part1, ... (just under 16 MiB each) and checkpoint.parts.json (part sizes and
SHA-256 of the whole). Weights go as float16 when float32 would not fit in MAX_BYTES (the full
~26M-parameter model is 104 MB in float32); join checks the digest and restores float32, which is
what export.py and a resumed run expect. The optimiser state is not carried.
"""
import hashlib
import io
import json
import os
import sys

import torch

PART_BYTES = 16 * 2**20 - 2**16
# what the parts may take of $OUT's 64 MiB, leaving room for the training logs (the full size is
# 58.6 MiB as float16)
MAX_BYTES = 63 * 2**20


def tensor_bytes(state):
    return sum(t.numel() * t.element_size() for t in state.values())


def split(checkpoint, outdir):
    ck = torch.load(checkpoint, map_location="cpu")
    state = ck["state"]
    half = tensor_bytes(state) > MAX_BYTES
    if half:
        state = {k: (v.half() if v.is_floating_point() else v) for k, v in state.items()}
    buf = io.BytesIO()
    torch.save({"config": ck["config"], "state": state, "float16": half}, buf)
    data = buf.getvalue()
    if len(data) > MAX_BYTES:
        raise SystemExit(f"{checkpoint}: {len(data) / 2**20:.1f} MiB even as float16, over the {MAX_BYTES / 2**20:.0f} MiB the channel takes")
    os.makedirs(outdir, exist_ok=True)
    sizes = []
    for i in range(0, len(data), PART_BYTES):
        with open(os.path.join(outdir, f"checkpoint.part{len(sizes)}"), "wb") as f:
            f.write(data[i : i + PART_BYTES])
        sizes.append(len(data[i : i + PART_BYTES]))
    manifest = {"parts": sizes, "sha256": hashlib.sha256(data).hexdigest(), "float16": half}
    with open(os.path.join(outdir, "checkpoint.parts.json"), "w") as f:
        json.dump(manifest, f)
    print(f"{checkpoint} -> {len(sizes)} part(s) in {outdir}, {len(data) / 2**20:.1f} MiB{' (float16)' if half else ''}")


def join(indir, checkpoint):
    manifest_path = os.path.join(indir, "checkpoint.parts.json")
    if not os.path.exists(manifest_path):
        raise SystemExit(f"{indir}: no checkpoint.parts.json (was `checkpoint_parts.py split` run there?)")
    with open(manifest_path) as f:
        manifest = json.load(f)
    data = b""
    for i, size in enumerate(manifest["parts"]):
        path = os.path.join(indir, f"checkpoint.part{i}")
        if not os.path.exists(path) or os.path.getsize(path) != size:
            raise SystemExit(f"{path}: missing or not {size} bytes")
        with open(path, "rb") as f:
            data += f.read()
    if hashlib.sha256(data).hexdigest() != manifest["sha256"]:
        raise SystemExit(f"{indir}: the parts do not add up to the checkpoint that was split (SHA-256 differs)")
    ck = torch.load(io.BytesIO(data), map_location="cpu")
    state = {k: (v.float() if v.is_floating_point() else v) for k, v in ck["state"].items()}
    os.makedirs(os.path.dirname(os.path.abspath(checkpoint)), exist_ok=True)
    torch.save({"config": ck["config"], "state": state}, checkpoint)
    print(f"{indir} -> {checkpoint}{' (float16 weights, now float32)' if ck.get('float16') else ''}")


if __name__ == "__main__":
    if len(sys.argv) != 4 or sys.argv[1] not in ("split", "join"):
        raise SystemExit(__doc__)
    (split if sys.argv[1] == "split" else join)(sys.argv[2], sys.argv[3])
