#!/bin/sh
# Joint vs separate tool encoding at an equal CPU budget: trains both from scratch side by side (one
# thread each, same data, size, learning rate and minutes), exports both and evaluates them through
# the TypeScript runtime on the validation split and the held-out fixtures.
#   MINUTES=30 LIMIT=300 sh models/recipe/compare-encoding.sh      (make compare-encoding)
# The separate model trains without the relevance loss: a tool encoded without the utterance cannot
# know whether it is called, and the router reads that head only in joint mode.
set -eu
MINUTES=${MINUTES:-30}
LIMIT=${LIMIT:-300}
SIZE=${MODEL_SIZE:-tiny}
PY=${PYTHON:-python3}
W=models/work/compare
mkdir -p "$W/joint" "$W/separate"
for mode in joint separate; do
  rel=0.5
  [ "$mode" = separate ] && rel=0
  "$PY" models/recipe/train.py --size "$SIZE" --tool-encoding "$mode" --relevance-weight "$rel" --lr 3e-3 \
    --minutes "$MINUTES" --threads 1 --out "$W/$mode.pt" > "$W/train-$mode.log" 2>&1 &
done
wait
for mode in joint separate; do
  tail -n 1 "$W/train-$mode.log"
  cp models/needle/tokenizer.json "$W/$mode/"
  "$PY" models/recipe/export.py --checkpoint "$W/$mode.pt" --out "$W/$mode"
  npx tsx models/recipe/eval.ts --model "$W/$mode" --limit "$LIMIT" --json "$W/eval-$mode.json" \
    models/work/data/valid.jsonl test/fixtures/needle/heldout_templates.jsonl test/fixtures/needle/heldout_families.jsonl \
    | grep -v '^  '
done
