"""Packs the generator's token files into one compressed NumPy archive for a training machine.

    python3 models/recipe/pack_tokens.py [--data models/work/tokens] [--out models/work/device/tokens.npz]

The text files `make data` writes ("src|seg|tgt|related" per line) are about 300 MB for 150k
examples; the device machine's working-tree limit is 64 MiB and it has no Node.js to regenerate
them. The archive holds, per split, every field as one flat array (uint16 token ids, uint8 tool
segments, uint16 related positions) plus its per-example lengths: about a tenth of the text.
train.py reads it with --data FILE.npz; unpack_rows() gives back exactly the rows read_rows() (which
train.py uses for the text files) reads (checked by --verify).
"""
import argparse
import os

import numpy as np

FIELDS = ("src", "seg", "tgt", "related")
DTYPES = {"src": np.uint16, "seg": np.uint8, "tgt": np.uint16, "related": np.uint16}


def read_rows(path, limit=None):
    """The rows of a token file as (src, seg, tgt, related) lists; the fourth field (relate-tokens.ts:
    source positions of related words) is optional, fields after it are ignored."""
    rows = []
    with open(path) as f:
        for line in f:
            fields = line.rstrip("\n").split("|")
            src, seg, tgt = fields[:3]
            related = fields[3] if len(fields) > 3 else ""
            rows.append(tuple([int(x) for x in part.split()] for part in (src, seg, tgt, related)))
            if limit and len(rows) >= limit:
                break
    return rows


def pack_rows(rows, split):
    """Flat arrays and lengths for one split, named `{split}_{field}` and `{split}_{field}_len`."""
    out = {}
    for k, field in enumerate(FIELDS):
        values = [r[k] for r in rows]
        flat = np.fromiter((x for v in values for x in v), dtype=np.int64)
        if flat.size and (flat.min() < 0 or flat.max() > np.iinfo(DTYPES[field]).max):
            raise ValueError(f"{split} {field}: value {flat.max()} does not fit {np.dtype(DTYPES[field]).name}")
        out[f"{split}_{field}"] = flat.astype(DTYPES[field])
        out[f"{split}_{field}_len"] = np.array([len(v) for v in values], dtype=np.uint16)
    return out


def unpack_rows(archive, split, limit=None):
    """The rows of one split of a packed archive, as read_rows() gives them from text."""
    n = len(archive[f"{split}_src_len"])
    if limit:
        n = min(n, limit)
    columns = []
    for field in FIELDS:
        flat = archive[f"{split}_{field}"].astype(np.int64).tolist()
        lengths = archive[f"{split}_{field}_len"][:n].astype(np.int64)
        ends = np.cumsum(lengths).tolist()
        starts = [0] + ends[:-1]
        columns.append([flat[a:b] for a, b in zip(starts, ends)])
    return list(zip(*columns))


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--data", default="models/work/tokens")
    ap.add_argument("--out", default="models/work/device/tokens.npz")
    ap.add_argument("--limit", type=int, default=0, help="train examples to keep (0: all)")
    ap.add_argument("--verify", action="store_true", help="read the archive back and compare it with the text files")
    args = ap.parse_args()
    arrays = {}
    counts = {}
    for split in ("train", "valid"):
        rows = read_rows(os.path.join(args.data, f"{split}.txt"), args.limit if split == "train" else None)
        if not rows:
            raise SystemExit(f"{args.data}/{split}.txt holds no examples: run `make data` first")
        arrays.update(pack_rows(rows, split))
        counts[split] = rows
    os.makedirs(os.path.dirname(os.path.abspath(args.out)), exist_ok=True)
    np.savez_compressed(args.out, **arrays)
    size = os.path.getsize(args.out)
    print(f"packed {len(counts['train'])} train + {len(counts['valid'])} valid examples into {args.out} ({size / 2**20:.1f} MiB)")
    if args.verify:
        with np.load(args.out) as archive:
            for split, rows in counts.items():
                back = [tuple(list(x) for x in r) for r in unpack_rows(archive, split)]
                if back != [tuple(r) for r in rows]:
                    raise SystemExit(f"{split}: the archive does not read back as the text file")
        print("verified: the archive reads back as the text files")


if __name__ == "__main__":
    main()
