#!/usr/bin/env bash
# Starts a release build of 'chatlab serve --bot reference' on a free local port, measures chatlab's http chatter
# against it at concurrency 1, 8 and 64 next to wrk (installed from Debian if missing), then stops the server.
set -euo pipefail
cd "$(dirname "$0")/.."
dpkg -s wrk >/dev/null 2>&1 || { [ "$(id -u)" -eq 0 ] && apt-get install -y -qq wrk >/dev/null || sudo apt-get install -y -qq wrk >/dev/null; }
swift build -c release --scratch-path .build-release --product chatlab >/dev/null
bin=.build-release/release/chatlab
port=${PORT:-8099}
"$bin" serve --bot reference --port "$port" > /tmp/chatlab-bench-serve.log 2>&1 &
server=$!
trap 'kill $server 2>/dev/null || true' EXIT
for _ in $(seq 50); do grep -q serving /tmp/chatlab-bench-serve.log 2>/dev/null && break; sleep 0.1; done
"$bin" bench serve --url "http://127.0.0.1:$port/chat" "$@"
