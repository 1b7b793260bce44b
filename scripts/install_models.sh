#!/usr/bin/env bash
# Installs the offline models ChatLab's scorers use into <models> = $CHATLAB_MODELS or ~/.cache/chatlab/models.
# Idempotent: exits at once when a model is already there.
#   profanity/model.json   the alt-profanity-check linear model (toxicity scorer ML-P1), exported from PyPI
set -euo pipefail

models="${CHATLAB_MODELS:-$HOME/.cache/chatlab/models}"
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

if [ ! -s "$models/profanity/model.json" ]; then
  echo "install_models: exporting the profanity model to $models/profanity/model.json"
  mkdir -p "$models/profanity"
  python3 "$root/scripts/export_profanity_model.py" "$models/profanity/model.json"
fi
