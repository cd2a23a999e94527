# needle-agent: the two commands a new machine needs are `make setup run` and `make setup test`.
SHELL := /bin/bash
APT_PACKAGES := mosquitto mosquitto-clients espeak-ng flite sox libsox-fmt-all alsa-utils \
                pocketsphinx pocketsphinx-en-us gpiod
# only for training/exporting the model (make model), not for running or testing
TRAIN_PACKAGES := python3-torch python3-onnx python3-numpy libopenblas0-pthread wordnet-base
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
CONFIG ?=

.PHONY: setup deps run test typecheck model eval eval-dev bench binary clean

setup: deps
	ONNXRUNTIME_NODE_INSTALL=skip npm ci --no-audit --no-fund

deps:
	$(SUDO) apt-get update -qq
	DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq --no-install-recommends $(APT_PACKAGES)

run:
	npx tsx src/agent/cli.ts run $(if $(CONFIG),--config $(CONFIG),)

typecheck:
	npx tsc -p tsconfig.json --noEmit

test: typecheck
	npm test

# Single-executable releases (Node SEA + native addons beside it): dist/needle-agent-linux-{x64,arm64}.tar.gz
binary:
	npx tsx deploy/sea/build.ts

# Smoke test of dist/: x64 natively, arm64 under qemu-user-static when an arm64 sysroot exists
# (bash deploy/sea/smoke.sh --make-sysroot builds one).
.PHONY: binary-smoke
binary-smoke: binary
	bash deploy/sea/smoke.sh

# --- Needle router model (models/recipe) ---------------------------------------------------------
# Debian's python3-torch lives under /usr/bin/python3 (a pyenv python3 earlier on PATH lacks it).
PYTHON ?= /usr/bin/python3
MODEL_SIZE ?= tiny
TRAIN_MINUTES ?= 70
TOOL_ENCODING ?= joint
TRAIN_EXAMPLES ?= 150000
COMPARE_MINUTES ?= 30
.PHONY: train-deps lexicon data train export quantize compare-encoding

train-deps:
	$(SUDO) apt-get update -qq
	DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq --no-install-recommends $(TRAIN_PACKAGES)

# the related-words table (WordNet from Debian's wordnet-base) the router and the training data use
lexicon:
	$(PYTHON) models/recipe/lexicon.py --out models/needle/lexicon.json.gz

data:
	npx tsx models/recipe/generate.ts --train $(TRAIN_EXAMPLES) --valid 1500 --heldout 800
	npx tsx models/recipe/relate-tokens.ts models/work/tokens/train.txt models/work/tokens/valid.txt

# OpenBLAS and torch's OpenMP pool otherwise spin against each other on a small CPU (sched_yield;
# measured 20 -> 27 steps/min on 2 cores)
train:
	OMP_NUM_THREADS=1 OPENBLAS_NUM_THREADS=$$(nproc) $(PYTHON) models/recipe/train.py --size $(MODEL_SIZE) --minutes $(TRAIN_MINUTES) --tool-encoding $(TOOL_ENCODING) --related-flag --threads $$(nproc)

# the generator's phrasings for the speech language model (src/speech/lm/phrasebook.ts)
.PHONY: phrasebook
phrasebook:
	npx tsx models/recipe/phrasebook.ts

# the run's trainer log is kept with the model (models/needle/runs) so CARD.md keeps every run
export: phrasebook
	$(PYTHON) models/recipe/export.py --checkpoint models/work/checkpoint.pt --out models/needle
	$(PYTHON) models/recipe/quantize.py --dir models/needle
	mkdir -p models/needle/runs && cp models/work/checkpoint.log.json models/needle/runs/run-$$($(PYTHON) -c "import json;print(json.load(open('models/work/checkpoint.log.json')).get('started','undated').replace(':',''))").log.json

# the routing tests against a checkpoint before it may replace the shipped model (CK=<checkpoint.pt>):
# exported with int8 into models/work/candidate beside the shipped tokenizer and lexicon
CANDIDATE_DIR = models/work/candidate
.PHONY: candidate-tests
candidate-tests:
	@test -n "$(CK)" || { echo "usage: make candidate-tests CK=<checkpoint.pt>"; exit 2; }
	mkdir -p $(CANDIDATE_DIR) && cp models/needle/tokenizer.json models/needle/lexicon.json.gz $(CANDIDATE_DIR)/
	$(PYTHON) models/recipe/export.py --checkpoint $(CK) --out $(CANDIDATE_DIR)
	$(PYTHON) models/recipe/quantize.py --dir $(CANDIDATE_DIR)
	NEEDLE_MODEL_DIR=$(CANDIDATE_DIR) node --import tsx --test --test-concurrency=1 test/needle-router.test.ts test/needle-related-words.test.ts

# then the development-set rule (models/recipe/decide.ts), on the hand-written dev sets and fresh
# held-out sets of this generator (seed 5151, made once into models/work/fresh5151)
FRESH_DIR = models/work/fresh5151
DECIDE_SETS = $(DEV_SETS) $(FRESH_DIR)/fresh_templates.jsonl $(FRESH_DIR)/fresh_families.jsonl
.PHONY: candidate-decide
candidate-decide: candidate-tests
	test -f $(FRESH_DIR)/fresh_families.jsonl || npx tsx models/recipe/generate.ts --heldout-only $(FRESH_DIR) --seed 5151 --heldout 600 --tokenizer keep --fixtures keep
	npx tsx models/recipe/eval.ts --model models/needle --json models/work/decide-shipped.json $(DECIDE_SETS) > /dev/null
	npx tsx models/recipe/eval.ts --model $(CANDIDATE_DIR) --json models/work/decide-candidate.json $(DECIDE_SETS) > /dev/null
	npx tsx models/recipe/decide.ts models/work/decide-shipped.json models/work/decide-candidate.json

# joint vs separate tool encoding at an equal CPU budget (after `make data`)
compare-encoding:
	MINUTES=$(COMPARE_MINUTES) PYTHON=$(PYTHON) sh models/recipe/compare-encoding.sh

# --- training on the device machine, when a task is lent one (models/recipe/device-train.sh) ---------
# The device machine has PyTorch but no Node.js, and takes a 64 MiB working tree: the token files are
# made here and packed (~20 MiB per 150k examples); its checkpoint comes back in parts (device-join).
# Fixtures and tokenizer are kept so the figures stay comparable with the shipped model's.
DEVICE_EXAMPLES ?= 300000
.PHONY: device-data device-pack device-join
device-data:
	npx tsx models/recipe/generate.ts --train $(DEVICE_EXAMPLES) --valid 1500 --heldout 800 --tokenizer keep --fixtures keep
	npx tsx models/recipe/relate-tokens.ts models/work/tokens/train.txt models/work/tokens/valid.txt

device-pack:
	$(PYTHON) models/recipe/pack_tokens.py --verify

# FROM: the folder the run's files came back to (its files_at)
device-join:
	@test -n "$(FROM)" || { echo "usage: make device-join FROM=<folder holding checkpoint.part* from device-train.sh>"; exit 2; }
	$(PYTHON) models/recipe/checkpoint_parts.py join $(FROM) models/work/checkpoint.pt
	cp $(FROM)/checkpoint.log.json models/work/checkpoint.log.json

# regenerate data, train, export fp32 + int8 and write the model card
model: train-deps lexicon data train export eval

eval:
	npx tsx models/recipe/eval.ts --variant fp32 --json models/work/eval-fp32.json
	npx tsx models/recipe/eval.ts --variant int8 --json models/work/eval-int8.json
	npx tsx models/recipe/card.ts

# the hand-written development set that router rules are chosen on (never the test fixtures)
DEV_SETS = models/recipe/dev/handwritten-dev.jsonl models/recipe/dev/multi-target-dev.jsonl models/recipe/dev/example-config-dev.jsonl
# sets written before any of their phrasings was routed, outside every decision rule
SPOT_SETS = models/recipe/dev/default-config-dev.jsonl models/recipe/dev/spot-check-dev.jsonl models/recipe/dev/new-configs-dev.jsonl
eval-dev:
	npx tsx models/recipe/eval.ts --variant fp32 $(DEV_SETS) $(SPOT_SETS)

# --- pocketsphinx noise transform (models/speech) ------------------------------------------------
# Only for re-estimating models/speech/en-us-noise.mllr, not for running or testing.
SPEECH_ADAPT_PACKAGES := sphinxtrain sphinxbase-utils festival festvox-kdlpc16k
.PHONY: speech-adapt-deps speech-adapt
speech-adapt-deps:
	$(SUDO) apt-get update -qq
	DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq --no-install-recommends $(SPEECH_ADAPT_PACKAGES)

speech-adapt: speech-adapt-deps
	rm -rf models/work/speech-adapt
	npx tsx models/speech/recipe/adapt-corpus.ts models/work/speech-adapt --per-voice 100
	sh models/speech/recipe/adapt.sh models/work/speech-adapt models/speech/en-us-noise.mllr

# performance figures (printed, not asserted): router latency per variant; speech adds its own lines
.PHONY: bench
bench:
	npx tsx bench/router.ts
	npx tsx bench/speech.ts
