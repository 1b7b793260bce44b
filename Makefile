# ChatLab: the two commands are `make demo` (set up, build, run the demo) and `make test` (set up, build, run all tests).
SWIFT ?= swift
CONFIG ?= config/demo.yaml

.PHONY: demo test build setup setup-test clean bench-embeddings bench-embeddings-compare

demo: setup build
	.build/debug/chatlab run $(CONFIG)

test: setup-test build
	$(SWIFT) test --skip-build

# One build mode for both commands: mixing plain and --build-tests builds in one .build folder can leave stale objects.
build:
	$(SWIFT) build --build-tests

setup:
	./scripts/setup.sh

setup-test:
	./scripts/setup.sh --test

# Speed of the native sentence encoder (release build; a table, not a test). Needs the model: scripts/setup.sh --models.
bench-embeddings:
	./scripts/setup.sh --models
	$(SWIFT) build -c release --product chatlab
	.build/release/chatlab bench embeddings

# The same table for sentence-transformers (PyTorch, CPU) from a throwaway venv; PyTorch from PyPI is a large download.
BENCH_VENV ?= /tmp/chatlab-bench-venv
bench-embeddings-compare: bench-embeddings
	test -x $(BENCH_VENV)/bin/python || python3 -m venv $(BENCH_VENV)
	$(BENCH_VENV)/bin/python -c 'import sentence_transformers' 2>/dev/null \
		|| $(BENCH_VENV)/bin/pip install --quiet --disable-pip-version-check sentence-transformers
	HF_HUB_OFFLINE=1 $(BENCH_VENV)/bin/python scripts/bench_embeddings_torch.py

clean:
	rm -rf .build reports/*-2*
