#!/usr/bin/env bash
# Installs what ChatLab needs on a Debian machine that has Swift: C libraries from Debian, and (with --test)
# openpyxl for the tests that read workbooks back. Idempotent: installs only what is missing.
set -euo pipefail

packages=(libxlsxwriter-dev zlib1g-dev pkg-config wordnet-base unzip)
# The tests also convert workbooks to PDF with LibreOffice, to prove they open without repair.
[ "${1:-}" = "--test" ] && packages+=(libreoffice-calc-nogui)
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

# Offline models for the scorers (the toxicity model); returns at once when they are installed.
"$(dirname "${BASH_SOURCE[0]}")/install_models.sh"
