"""What the Python test servers in this folder share: a quiet JSON request handler and a main loop that binds a free
port of 127.0.0.1, prints it on the first line, and ends when the test closes standard input."""

import json
import signal
import sys
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


class JSONHandler(BaseHTTPRequestHandler):
    disable_nagle_algorithm = True  # without it, every client crawls at ~22 requests/s
    protocol_version = "HTTP/1.1"

    def log_message(self, *args):
        pass

    def reply(self, status, body, content_type="application/json"):
        """Sends `body` (bytes as they are, anything else as JSON); a client that already left is no error."""
        data = body if isinstance(body, bytes) else json.dumps(body).encode("utf-8")
        try:
            self.send_response(status)
            self.send_header("Content-Type", content_type)
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)
        except (BrokenPipeError, ConnectionResetError):
            pass


def serve(handler, port=0, lifetime=None):
    """Serves `handler` until standard input closes (or `lifetime` seconds pass)."""
    # A child of the Swift test process may inherit blocked signals: make SIGTERM and SIGINT work again.
    signal.pthread_sigmask(signal.SIG_UNBLOCK, [signal.SIGTERM, signal.SIGINT])
    server = ThreadingHTTPServer(("127.0.0.1", port), handler)
    server.daemon_threads = True
    print(server.server_address[1], flush=True)

    def stop_when_stdin_closes():
        sys.stdin.read()
        server.shutdown()

    threading.Thread(target=stop_when_stdin_closes, daemon=True).start()
    if lifetime:
        timer = threading.Timer(lifetime, server.shutdown)
        timer.daemon = True
        timer.start()
    server.serve_forever()
