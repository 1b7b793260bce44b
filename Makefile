# ChatLab: the two commands are `make demo` (set up, build, run the demo) and `make test` (set up, build, run all tests).
SWIFT ?= swift
CONFIG ?= config/demo.yaml

.PHONY: demo test build setup setup-test clean bench bench-load bench-workbook bench-embeddings bench-embeddings-compare bench-memory

demo: setup build
	.build/debug/chatlab run $(CONFIG)

# Serially: many tests block a thread on a child process (chatlab, python, LibreOffice), and run in parallel on a
# 2-core machine they can starve the async network tests of the cooperative threads they resume on.
test: setup-test build
	$(SWIFT) test --skip-build --no-parallel

# One build mode for both commands: mixing plain and --build-tests builds in one .build folder can leave stale objects.
build:
	$(SWIFT) build --build-tests

# Writes ~1.3 million cells through report.xlsx's writer and through Python's XlsxWriter, with a release build in its
# own scratch folder (never mixed with the debug .build).
bench-workbook: setup
	$(SWIFT) build -c release --product chatlab --scratch-path .build-release
	.build-release/release/chatlab bench workbook

setup:
	./scripts/setup.sh

setup-test:
	./scripts/setup.sh --test

# Speed of the native sentence encoder (release build; a table, not a test).
# OPENBLAS_CORETYPE and OPENBLAS_L2_SIZE (set on some machines for old OpenBLAS builds) are unset for the benchmark
# alone, so that OpenBLAS picks its kernel as on a user's machine; the tests and CI keep them.
BENCH_ENV = env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE
bench-embeddings: setup
	$(SWIFT) build -c release --product chatlab --scratch-path .build-release
	$(BENCH_ENV) .build-release/release/chatlab bench embeddings $(BENCH_ARGS)

# The same cells for sentence-transformers (PyTorch, CPU) and ONNX Runtime fp32 (the model exported once into
# $(BENCH_VENV)/minilm-onnx by the worker, fastembed's way) from a throwaway venv, taking turns with ChatLab in one
# run; PyTorch from PyPI is a large download (set PIP_EXTRA_INDEX_URL to PyTorch's CPU-only index to make it smaller).
BENCH_VENV ?= /tmp/chatlab-bench-venv
bench-embeddings-compare: setup
	test -x $(BENCH_VENV)/bin/python || python3 -m venv $(BENCH_VENV)
	$(BENCH_VENV)/bin/python -c 'import sentence_transformers, onnxruntime, onnx, tokenizers' 2>/dev/null \
		|| $(BENCH_VENV)/bin/pip install --quiet --disable-pip-version-check sentence-transformers onnxruntime onnx tokenizers
	$(SWIFT) build -c release --product chatlab --scratch-path .build-release
	$(BENCH_ENV) .build-release/release/chatlab bench embeddings --python $(BENCH_VENV)/bin/python $(BENCH_ARGS)

clean:
	rm -rf .build .build-release reports/*-2*

# Load benchmark: chatlab's http chatter against the built-in server at concurrency 1, 8 and 64, next to wrk, over
# plain HTTP and over HTTPS (a throwaway CA made with openssl; wrk does not verify certificates).
bench:
	./scripts/bench_serve.sh

# chatlab load next to a Python asyncio + websockets client (the seed tool's approach) and wrk, on loopback against
# a release 'chatlab serve --bot intents': messages per second, p50 overhead, memory per connection. The websockets
# package goes into a throwaway venv.
LOAD_VENV ?= /tmp/chatlab-load-venv
bench-load: setup
	$(SWIFT) build -c release --product chatlab --scratch-path .build-release
	test -x $(LOAD_VENV)/bin/python || python3 -m venv $(LOAD_VENV)
	$(LOAD_VENV)/bin/python -c 'import websockets' 2>/dev/null || $(LOAD_VENV)/bin/pip install -q websockets
	command -v wrk >/dev/null || apt-get install -y -qq wrk
	python3 scripts/bench_load.py --binary .build-release/release/chatlab --python $(LOAD_VENV)/bin/python

# Peak memory of run and analyze as experiments grow (demo config, 40 rounds; 500, 2,000 and 10,000 runs by default;
# RUNS=500,2000 for a shorter table). Release build in its own scratch folder.
RUNS ?= 500,2000,10000
bench-memory: setup
	$(SWIFT) build -c release --product chatlab --scratch-path .build-release
	python3 scripts/bench_memory.py --binary .build-release/release/chatlab --runs $(RUNS)
