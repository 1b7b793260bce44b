# ChatLab: the two commands are `make demo` (set up, build, run the demo) and `make test` (set up, build, run all tests).
SWIFT ?= swift
CONFIG ?= config/demo.yaml

.PHONY: demo test build setup setup-test clean

demo: setup build
	.build/debug/chatlab run $(CONFIG)

test: setup-test build
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build

build:
	$(SWIFT) build

setup:
	./scripts/setup.sh

setup-test:
	./scripts/setup.sh --test

clean:
	rm -rf .build reports/*-2*
