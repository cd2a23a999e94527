#!/bin/sh
# Trains the router on the device machine (the `device` tool's `run`, when a task is lent one) from
# the packed tokens, within one command's 10-minute limit, and leaves the checkpoint in $OUT as parts
# that come back through its 16 MiB-per-file channel. Prepare and bring it back here with:
#   make device-data device-pack                      # models/work/device/tokens.npz (38 MiB, 284k examples)
#   run: command "sh models/recipe/device-train.sh", carry ["models/work/device"], timeout_s 600
#   make device-join FROM=<files_at>                  # models/work/checkpoint.pt, then make export eval
# Knobs (environment): SIZE (full), MINUTES (7: leaves the load, the last validation and the split
# inside the limit), LR (1e-3), MAX_TOKENS (60000 source tokens per batch), WORKERS (12 of 16 cores),
# RESUME (a checkpoint in the carried folder to continue), PYTHON (python3, the one holding PyTorch
# there). Runs anywhere: on a CPU it is the same pipeline, slowly (OUT defaults to models/work/device-out,
# outside the carried folder).
set -eu
PY=${PYTHON:-python3}
SIZE=${SIZE:-full}
MINUTES=${MINUTES:-7}
LR=${LR:-1e-3}
MAX_TOKENS=${MAX_TOKENS:-60000}
WORKERS=${WORKERS:-12}
OUT=${OUT:-models/work/device-out}
DATA=models/work/device/tokens.npz
[ -f "$DATA" ] || { echo "$DATA is missing: run make device-pack here and carry models/work/device" >&2; exit 2; }
mkdir -p "$OUT"
CK=${TMPDIR:-/tmp}/needle-device-checkpoint.pt
set -- --data "$DATA" --size "$SIZE" --minutes "$MINUTES" --lr "$LR" --max-tokens "$MAX_TOKENS" --workers "$WORKERS" \
  --warmup 300 --related-flag --valid-limit 1500 --eval-every 500 --log-every 50 --out "$CK"
[ -n "${RESUME:-}" ] && set -- "$@" --resume "$RESUME"
"$PY" -c 'import torch; print("torch", torch.__version__, "cuda", torch.cuda.is_available(), torch.cuda.get_device_name(0) if torch.cuda.is_available() else "")'
PYTHONUNBUFFERED=1 "$PY" models/recipe/train.py "$@" > "$OUT/train.log" 2>&1 || { tail -n 30 "$OUT/train.log"; exit 1; }
tail -n 5 "$OUT/train.log"
cp "${CK%.pt}.log.json" "$OUT/checkpoint.log.json"
"$PY" models/recipe/checkpoint_parts.py split "$CK" "$OUT"
