#!/usr/bin/env python3
"""Exports the linear model of the PyPI package alt-profanity-check to JSON, for ChatLab's offline toxicity scorer.

Usage: export_profanity_model.py OUT.json

Run with a Python that lacks the package, it makes a throwaway virtual environment (under the output folder's tmp/,
removed afterwards), installs alt-profanity-check there (the package pins the scikit-learn version it was pickled
with) and runs itself again inside it with --inside-venv. The JSON holds everything the Swift ProfanityModel needs:
the TfidfVectorizer's vocabulary, idf, stop words, token pattern, lowercase flag, ngram range, norm and sublinear/
binary/use_idf flags, and for each calibrated classifier of the CalibratedClassifierCV the LinearSVC coef and
intercept and the sigmoid calibration a and b (p = 1 / (1 + exp(a * decision + b)), averaged over the classifiers).
"""
import json
import os
import shutil
import subprocess
import sys
import tempfile

PACKAGES = ["alt-profanity-check"]


def export(out_path):
    import numpy as np
    import sklearn
    from profanity_check import profanity_check as pc

    vectorizer, model = pc.vectorizer, pc.model
    params = vectorizer.get_params()
    if params["analyzer"] != "word" or params["tokenizer"] is not None or params["preprocessor"] is not None:
        sys.exit("export_profanity_model: unexpected vectorizer settings: %r" % params)
    stop_words = vectorizer.get_stop_words() or []
    vocabulary = {term: int(index) for term, index in vectorizer.vocabulary_.items()}
    classifiers = []
    for calibrated in model.calibrated_classifiers_:
        if calibrated.method != "sigmoid" or len(calibrated.calibrators) != 1:
            sys.exit("export_profanity_model: expected one sigmoid calibrator per classifier")
        estimator = calibrated.estimator
        calibrator = calibrated.calibrators[0]
        classifiers.append({
            "coef": [float(x) for x in np.asarray(estimator.coef_).ravel()],
            "intercept": float(np.asarray(estimator.intercept_).ravel()[0]),
            "a": float(calibrator.a_),
            "b": float(calibrator.b_),
        })
    document = {
        "source": "alt-profanity-check",
        "scikit_learn": sklearn.__version__,
        "classes": [int(c) for c in model.classes_],
        "lowercase": bool(params["lowercase"]),
        "token_pattern": params["token_pattern"],
        "ngram_range": list(params["ngram_range"]),
        "stop_words": sorted(stop_words),
        "binary": bool(params["binary"]),
        "use_idf": bool(params["use_idf"]),
        "sublinear_tf": bool(params["sublinear_tf"]),
        "norm": params["norm"],
        "vocabulary": vocabulary,
        "idf": [float(x) for x in vectorizer.idf_],
        "classifiers": classifiers,
    }
    try:
        from importlib.metadata import version
        document["version"] = version("alt-profanity-check")
    except Exception:
        pass
    temporary = out_path + ".partial"
    with open(temporary, "w") as handle:
        json.dump(document, handle)
    os.replace(temporary, out_path)


def bootstrap(out_path):
    folder = os.path.dirname(os.path.abspath(out_path))
    os.makedirs(folder, exist_ok=True)
    scratch_parent = os.path.join(folder, "tmp")
    try:
        os.makedirs(scratch_parent, exist_ok=True)
    except OSError:
        scratch_parent = None
    scratch = tempfile.mkdtemp(prefix="profanity-venv-", dir=scratch_parent)
    try:
        subprocess.check_call([sys.executable, "-m", "venv", scratch])
        python = os.path.join(scratch, "bin", "python")
        subprocess.check_call([python, "-m", "pip", "install", "--quiet", "--disable-pip-version-check"] + PACKAGES)
        subprocess.check_call([python, os.path.abspath(__file__), "--inside-venv", out_path])
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
        if scratch_parent:
            try:
                os.rmdir(scratch_parent)
            except OSError:
                pass


def main():
    args = sys.argv[1:]
    inside = "--inside-venv" in args
    args = [a for a in args if a != "--inside-venv"]
    if len(args) != 1:
        sys.exit("usage: export_profanity_model.py OUT.json")
    if inside:
        export(args[0])
    else:
        bootstrap(args[0])


if __name__ == "__main__":
    main()
