#!/usr/bin/env bash
# Smoke test of the release folders that `make binary` leaves in dist/:
#   - linux-x64 runs natively: help, check, default-config, a one-shot route (the router may be
#     unavailable; the command must still answer with a JSON result), and the native-loading check
#     (koffi + onnxruntime-node from node_modules beside the executable, in a SEA of its own);
#   - linux-arm64 runs under qemu-user-static with an arm64 glibc sysroot (same commands). The
#     onnxruntime arm64 library segfaults when loaded under qemu-user (plain node too), so a probe
#     decides: koffi is always checked, and commands that die with SIGSEGV because the agent loads
#     onnxruntime at start are reported as skipped, not passed.
# --make-sysroot builds build/sea/sysroot-arm64 from Debian's arm64 libc6/libstdc++6/libgcc-s1
# (adds the arm64 dpkg architecture for the download and removes it again). Needs root.
set -euo pipefail
cd "$(dirname "$0")/../.."

DIST=${DIST:-dist}
# 0 when onnxruntime cannot even be loaded by the runner (set by probe_ort for qemu-user).
ORT_LOADS=1
SYSROOT=${SYSROOT_ARM64:-build/sea/sysroot-arm64}
CHECK_OUT=build/sea/check
fail=0

log() { printf '[smoke] %s\n' "$*" >&2; }

make_sysroot() {
  local debs=build/sea/debs-arm64
  mkdir -p "$debs" "$SYSROOT"
  dpkg --add-architecture arm64
  apt-get update -qq
  (cd "$debs" && apt-get download libc6:arm64 libstdc++6:arm64 libgcc-s1:arm64)
  dpkg --remove-architecture arm64
  apt-get update -qq
  local deb
  for deb in "$debs"/*.deb; do dpkg -x "$deb" "$SYSROOT"; done
}

# run_release ARCH RUNNER... : runs the release's executable through RUNNER (may be empty).
run_release() {
  local arch=$1
  shift
  local exe="$DIST/needle-agent-linux-$arch/needle-agent"
  if [[ ! -x $exe ]]; then
    log "missing $exe (run make binary)"
    fail=1
    return
  fi
  local out rc
  for args in help check default-config; do
    rc=0
    out=$("$@" "$exe" "$args" 2>&1) || rc=$?
    if [[ $rc -eq 0 ]]; then
      log "$arch $args: ok ($(printf '%s' "$out" | head -n 1))"
    elif [[ $rc -eq 139 && $ORT_LOADS -eq 0 ]]; then
      log "$arch $args: skipped (SIGSEGV: the agent loads onnxruntime at start, which cannot run under this emulator)"
    else
      log "$arch $args: FAILED (exit $rc)"
      printf '%s\n' "$out" >&2
      fail=1
    fi
  done
  # One-shot route: exit 0 (done) or 1 (not done, e.g. no model yet), and a JSON result either way.
  rc=0
  out=$(timeout 120 "$@" "$exe" route "turn on the kitchen light" 2>/dev/null) || rc=$?
  if [[ $rc -le 1 ]] && printf '%s' "$out" | grep -q '"status"'; then
    log "$arch route: ok (exit $rc, $(printf '%s' "$out" | grep -m1 '"status"' | tr -d ' ,'))"
  elif [[ $rc -eq 139 && $ORT_LOADS -eq 0 ]]; then
    log "$arch route: skipped (onnxruntime cannot run under this emulator)"
  else
    log "$arch route: FAILED (exit $rc)"
    printf '%s\n' "$out" >&2
    fail=1
  fi
}

native_check() {
  local arch=$1
  shift
  local exe="$CHECK_OUT/needle-agent-linux-$arch/needle-agent"
  local out
  if out=$("$@" "$exe" 2>&1) && printf '%s' "$out" | grep -q '"koffiPid":true'; then
    log "$arch native loading: ok $out"
  else
    log "$arch native loading: FAILED"
    printf '%s\n' "$out" >&2
    fail=1
  fi
}

# Can this runner load onnxruntime at all? (Its arm64 build segfaults under qemu-user.)
probe_ort() {
  local exe="$CHECK_OUT/needle-agent-linux-$1/needle-agent" rc=0
  shift
  "$@" "$exe" >/dev/null 2>&1 || rc=$?
  if [[ $rc -eq 139 ]]; then
    ORT_LOADS=0
    log "onnxruntime crashes (SIGSEGV) under '$*'; commands that load it are skipped, check them on real hardware"
  fi
}

if [[ ${1:-} == --make-sysroot ]]; then
  make_sysroot
fi

npx tsx deploy/sea/build.ts --arch x64 --arch arm64 --entry deploy/sea/native-check.ts --out "$CHECK_OUT" --no-tarball 2> >(grep -v "string offset" >&2)

if [[ $(uname -m) == x86_64 ]]; then
  run_release x64 env
  native_check x64 env
fi

if [[ $(uname -m) == aarch64 ]]; then
  run_release arm64 env
  native_check arm64 env
elif command -v qemu-aarch64-static >/dev/null && [[ -e $SYSROOT/lib/ld-linux-aarch64.so.1 ]]; then
  probe_ort arm64 qemu-aarch64-static -L "$SYSROOT"
  native_check arm64 env NEEDLE_CHECK_SKIP_ORT=1 qemu-aarch64-static -L "$SYSROOT"
  run_release arm64 qemu-aarch64-static -L "$SYSROOT"
  ORT_LOADS=1
else
  log "arm64: skipped (needs qemu-user-static and an arm64 sysroot: $0 --make-sysroot)"
fi

exit "$fail"
