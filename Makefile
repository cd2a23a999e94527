# needle-agent: the two commands a new machine needs are `make setup run` and `make setup test`.
SHELL := /bin/bash
APT_PACKAGES := mosquitto mosquitto-clients espeak-ng flite sox libsox-fmt-all alsa-utils \
                pocketsphinx pocketsphinx-en-us gpiod python3-torch python3-onnx python3-numpy libopenblas0-pthread
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
CONFIG ?=

.PHONY: setup deps run test typecheck model eval bench binary clean

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
