#!/usr/bin/env bash
# Starts two release builds of 'chatlab serve --bot reference' on local ports: plain HTTP (PORT, default 8099) and
# HTTPS (TLS_PORT, default 8443) with a certificate from a throwaway CA made here with openssl in a temporary folder.
# Measures chatlab's http chatter against both at concurrency 1, 8 and 64 next to wrk (installed from Debian if
# missing) on the same endpoints: one table, a row per transport and level. chatlab verifies the HTTPS server with
# the throwaway CA (--ca-file); wrk does not verify certificates. Stops both servers and removes the CA at the end.
set -euo pipefail
cd "$(dirname "$0")/.."
need() {  # need PACKAGE: installs a Debian package when it is missing
  dpkg -s "$1" >/dev/null 2>&1 && return
  if [ "$(id -u)" -eq 0 ]; then apt-get install -y -qq "$1" >/dev/null; else sudo apt-get install -y -qq "$1" >/dev/null; fi
}
need wrk
need openssl
swift build -c release --scratch-path .build-release --product chatlab >/dev/null
bin=.build-release/release/chatlab
port=${PORT:-8099}
tls_port=${TLS_PORT:-8443}
work=$(mktemp -d /tmp/chatlab-bench-serve.XXXXXX)
servers=()
trap 'for pid in "${servers[@]}"; do kill "$pid" 2>/dev/null || true; done; rm -rf "$work"' EXIT

# The throwaway CA and a server certificate it signs for 127.0.0.1 and localhost (P-256 keys, valid two days).
key=(-newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes)
openssl req -x509 -days 2 "${key[@]}" -keyout "$work/ca.key" -out "$work/ca.pem" -subj "/CN=ChatLab bench CA" \
  -addext basicConstraints=critical,CA:TRUE -addext keyUsage=critical,keyCertSign,cRLSign 2>/dev/null
openssl req "${key[@]}" -keyout "$work/server.key" -out "$work/server.csr" -subj /CN=localhost 2>/dev/null
printf 'subjectAltName=IP:127.0.0.1,DNS:localhost\nbasicConstraints=CA:FALSE\nextendedKeyUsage=serverAuth\n' \
  > "$work/server.ext"
openssl x509 -req -in "$work/server.csr" -CA "$work/ca.pem" -CAkey "$work/ca.key" -CAcreateserial -days 2 \
  -extfile "$work/server.ext" -out "$work/server.pem" 2>/dev/null

start() {  # start LOG ARGS...: a server in the background, then wait for its "serving ... on URL" line
  local log=$1
  shift
  "$bin" serve --bot reference "$@" > "$log" 2>&1 &
  servers+=($!)
  for _ in $(seq 100); do grep -q '^serving' "$log" 2>/dev/null && return; sleep 0.1; done
  echo "bench_serve: the server did not start:" >&2
  cat "$log" >&2
  exit 1
}
start "$work/http.log" --port "$port"
start "$work/https.log" --port "$tls_port" --tls-cert "$work/server.pem" --tls-key "$work/server.key"
cat "$work/http.log" "$work/https.log"
echo "https: certificate signed by a throwaway CA made with openssl; chatlab trusts it with --ca-file," \
  "wrk connects without verifying it"
"$bin" bench serve --url "http://127.0.0.1:$port/chat" "https://127.0.0.1:$tls_port/chat" \
  --ca-file "$work/ca.pem" "$@"
