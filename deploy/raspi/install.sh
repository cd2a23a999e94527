#!/usr/bin/env bash
# Installs needle-agent from an extracted release folder (needle-agent-linux-arm64 / -x64, made by
# `make binary`) on Raspberry Pi OS 64-bit (Debian 12 "bookworm") or another Debian-like system:
#
#   tar xzf needle-agent-linux-arm64.tar.gz
#   sudo needle-agent-linux-arm64/deploy/raspi/install.sh [options]
#
#   --prefix DIR          install folder (default /opt/needle-agent)
#   --config FILE         install FILE as /etc/needle-agent/config.yaml (an existing one is kept
#                         otherwise; a first install copies config/example.yaml or the embedded default)
#   --with-mosquitto      also install and enable a local Mosquitto broker
#   --with-vosk           download libvosk (aarch64) and the small English Vosk model into
#                         $VOSK_DIR (default /opt/vosk), each checked with sha256sum against
#                         VOSK_LIB_SHA256 / VOSK_MODEL_SHA256 (environment) or
#                         --vosk-lib-sha256 / --vosk-model-sha256
#   --trust-on-first-use  with --with-vosk and no pinned hash: accept the download and print its
#                         sha256 so you can pin it for the next machine
#   --no-apt              do not install Debian packages
#   --no-start            install but do not enable/start the service
#   --uninstall           stop and remove the service, binary link and install folder (keeps
#                         /etc/needle-agent and /var/lib/needle-agent)
set -euo pipefail

PREFIX=/opt/needle-agent
CONFIG_SRC=
WITH_MOSQUITTO=0
WITH_VOSK=0
TOFU=0
APT=1
START=1
UNINSTALL=0
SERVICE_USER=needle-agent
CONFIG_DIR=/etc/needle-agent
UNIT=/etc/systemd/system/needle-agent.service

# Vosk release archive (https://alphacephei.com/vosk/ lists the models; libvosk comes from the
# vosk-api GitHub releases). Pin the checksums for your fleet: the first install with
# --trust-on-first-use prints them.
VOSK_DIR=${VOSK_DIR:-/opt/vosk}
VOSK_VERSION=${VOSK_VERSION:-0.3.45}
VOSK_LIB_URL=${VOSK_LIB_URL:-https://github.com/alphacep/vosk-api/releases/download/v${VOSK_VERSION}/vosk-linux-aarch64-${VOSK_VERSION}.zip}
VOSK_MODEL_NAME=${VOSK_MODEL_NAME:-vosk-model-small-en-us-0.15}
VOSK_MODEL_URL=${VOSK_MODEL_URL:-https://alphacephei.com/vosk/models/${VOSK_MODEL_NAME}.zip}
# >>> checksum placeholders: fill in (or pass in the environment / as options) <<<
VOSK_LIB_SHA256=${VOSK_LIB_SHA256:-}
VOSK_MODEL_SHA256=${VOSK_MODEL_SHA256:-}

APT_PACKAGES=(pocketsphinx pocketsphinx-en-us espeak-ng alsa-utils gpiod)

die() {
  printf 'install.sh: %s\n' "$*" >&2
  exit 1
}
say() { printf '==> %s\n' "$*"; }

usage() {
  sed -n '2,/^set -euo/p' "$0" | sed -e '$d' -e 's/^# \{0,1\}//'
}

while [[ $# -gt 0 ]]; do
  case $1 in
    --prefix) PREFIX=${2:?--prefix needs a folder}; shift 2 ;;
    --config) CONFIG_SRC=${2:?--config needs a file}; shift 2 ;;
    --with-mosquitto) WITH_MOSQUITTO=1; shift ;;
    --with-vosk) WITH_VOSK=1; shift ;;
    --vosk-lib-sha256) VOSK_LIB_SHA256=${2:?}; shift 2 ;;
    --vosk-model-sha256) VOSK_MODEL_SHA256=${2:?}; shift 2 ;;
    --trust-on-first-use) TOFU=1; shift ;;
    --no-apt) APT=0; shift ;;
    --no-start) START=0; shift ;;
    --uninstall) UNINSTALL=1; shift ;;
    -h | --help) usage; exit 0 ;;
    *) die "unknown option $1 (see --help)" ;;
  esac
done

[[ $(id -u) -eq 0 ]] || die "run as root (sudo $0 $*)"
[[ $PREFIX == /* ]] || die "--prefix must be an absolute path"

have_systemd() { [[ -d /run/systemd/system ]]; }

if [[ $UNINSTALL -eq 1 ]]; then
  if have_systemd; then
    systemctl disable --now needle-agent.service 2>/dev/null || true
  fi
  rm -f "$UNIT" /usr/local/bin/needle-agent
  have_systemd && systemctl daemon-reload
  rm -rf "$PREFIX" "$PREFIX.old"
  say "removed needle-agent (kept $CONFIG_DIR and /var/lib/needle-agent)"
  exit 0
fi

# The release folder is two levels above this script.
SRC=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
[[ -x $SRC/needle-agent ]] || die "$SRC/needle-agent not found: run this from an extracted release folder (make binary)"
[[ $SRC != "$PREFIX" ]] || die "already running from $PREFIX; extract the new release elsewhere"

machine=$(uname -m)
case $machine in
  aarch64) want=arm64 ;;
  x86_64) want=x64 ;;
  *) die "unsupported machine $machine (releases exist for aarch64 and x86_64)" ;;
esac
[[ -d $SRC/node_modules/@koromix/koffi-linux-$want ]] || die "this release is not for $machine (expected the linux-$want build)"

# ---------------------------------------------------------------- Debian packages
if [[ $APT -eq 1 ]]; then
  pkgs=("${APT_PACKAGES[@]}")
  [[ $WITH_MOSQUITTO -eq 1 ]] && pkgs+=(mosquitto mosquitto-clients)
  [[ $WITH_VOSK -eq 1 ]] && pkgs+=(unzip curl ca-certificates)
  say "apt-get install ${pkgs[*]}"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${pkgs[@]}"
fi

# ---------------------------------------------------------------- service user
for group in gpio audio; do
  getent group "$group" >/dev/null || groupadd --system "$group"
done
if ! getent passwd "$SERVICE_USER" >/dev/null; then
  say "creating system user $SERVICE_USER"
  useradd --system --user-group --home-dir /var/lib/needle-agent --no-create-home \
    --shell /usr/sbin/nologin --comment "needle-agent service" "$SERVICE_USER"
fi
usermod -a -G gpio,audio "$SERVICE_USER"

# ---------------------------------------------------------------- program files
say "installing $SRC -> $PREFIX"
rm -rf "$PREFIX.new"
cp -a "$SRC" "$PREFIX.new"
chown -R root:root "$PREFIX.new"
chmod -R go-w "$PREFIX.new"
if [[ -d $PREFIX ]]; then
  rm -rf "$PREFIX.old"
  mv "$PREFIX" "$PREFIX.old"
fi
mv "$PREFIX.new" "$PREFIX"
ln -sfn "$PREFIX/needle-agent" /usr/local/bin/needle-agent
"$PREFIX/needle-agent" help >/dev/null || die "$PREFIX/needle-agent does not run on this machine"

# ---------------------------------------------------------------- config
install -d -m 0750 -o root -g "$SERVICE_USER" "$CONFIG_DIR"
config=$CONFIG_DIR/config.yaml
if [[ -n $CONFIG_SRC ]]; then
  [[ -f $CONFIG_SRC ]] || die "--config $CONFIG_SRC: no such file"
  install -m 0640 -o root -g "$SERVICE_USER" "$CONFIG_SRC" "$config"
  say "installed $CONFIG_SRC as $config"
elif [[ ! -f $config ]]; then
  if [[ -f $PREFIX/config/example.yaml ]]; then
    install -m 0640 -o root -g "$SERVICE_USER" "$PREFIX/config/example.yaml" "$config"
  else
    "$PREFIX/needle-agent" default-config >"$config"
    chown root:"$SERVICE_USER" "$config"
    chmod 0640 "$config"
  fi
  say "wrote a starting config to $config: edit it for your devices"
else
  say "keeping $config"
fi
# Check it as the service user (also proves that user can read it).
if ! runuser -u "$SERVICE_USER" -- "$PREFIX/needle-agent" check --config "$config"; then
  die "$config does not pass 'needle-agent check'; fix it and run this script again"
fi

# ---------------------------------------------------------------- Vosk (optional)
fetch_checked() { # URL EXPECTED_SHA256 OUTFILE LABEL
  local url=$1 expected=$2 out=$3 label=$4 actual
  say "downloading $label: $url"
  curl -fL --retry 3 -o "$out" "$url"
  actual=$(sha256sum "$out" | cut -d' ' -f1)
  if [[ -z $expected ]]; then
    if [[ $TOFU -eq 1 ]]; then
      say "$label sha256 (pin this): $actual"
    else
      rm -f "$out"
      die "no pinned sha256 for $label; set it (see the top of this script) or pass --trust-on-first-use"
    fi
  elif [[ $actual != "$expected" ]]; then
    rm -f "$out"
    die "$label checksum mismatch: expected $expected, got $actual"
  fi
}

if [[ $WITH_VOSK -eq 1 ]]; then
  [[ $machine == aarch64 ]] || say "note: the default libvosk URL is the aarch64 build; set VOSK_LIB_URL for $machine"
  tmp=$(mktemp -d)
  trap 'rm -rf "$tmp"' EXIT
  fetch_checked "$VOSK_LIB_URL" "$VOSK_LIB_SHA256" "$tmp/lib.zip" libvosk
  fetch_checked "$VOSK_MODEL_URL" "$VOSK_MODEL_SHA256" "$tmp/model.zip" "$VOSK_MODEL_NAME"
  install -d -m 0755 "$VOSK_DIR/lib" "$VOSK_DIR/models"
  unzip -q -o "$tmp/lib.zip" -d "$tmp/lib"
  lib=$(find "$tmp/lib" -name libvosk.so -print -quit)
  [[ -n $lib ]] || die "no libvosk.so in $VOSK_LIB_URL"
  install -m 0644 "$lib" "$VOSK_DIR/lib/libvosk.so"
  rm -rf "${VOSK_DIR:?}/models/$VOSK_MODEL_NAME"
  unzip -q -o "$tmp/model.zip" -d "$VOSK_DIR/models"
  [[ -d $VOSK_DIR/models/$VOSK_MODEL_NAME ]] || die "the model archive did not contain $VOSK_MODEL_NAME/"
  say "Vosk: $VOSK_DIR/lib/libvosk.so and $VOSK_DIR/models/$VOSK_MODEL_NAME (point the speech config at them)"
fi

# ---------------------------------------------------------------- systemd
sed -e "s#/opt/needle-agent#$PREFIX#g" "$PREFIX/deploy/raspi/needle-agent.service" >"$UNIT.tmp"
chmod 0644 "$UNIT.tmp"
mv "$UNIT.tmp" "$UNIT"
if have_systemd; then
  systemctl daemon-reload
  [[ $WITH_MOSQUITTO -eq 1 ]] && systemctl enable --now mosquitto.service
  if [[ $START -eq 1 ]]; then
    systemctl enable needle-agent.service
    systemctl restart needle-agent.service
    say "started: systemctl status needle-agent; journalctl -u needle-agent -f"
  else
    say "installed; start with: systemctl enable --now needle-agent"
  fi
else
  say "systemd is not running here: unit written to $UNIT, not started"
fi
rm -rf "$PREFIX.old"
say "done: needle-agent installed in $PREFIX (config $config)"
