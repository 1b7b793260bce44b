# ChatLab: the two commands are `make demo` (set up, build, run the demo) and `make test` (set up, build, run all tests).
SWIFT ?= swift
CONFIG ?= config/demo.yaml

.PHONY: demo test build setup setup-test clean

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

clean:
	rm -rf .build reports/*-2*
