#!/usr/bin/env python3
"""A tiny Gradio-6-shaped SSE server for scripts/bench that records when it wrote each line.

Standard library only. `python scripts/bench_sse.py` binds 127.0.0.1 on a free port and
prints its root URL on stdout. Routes:

    POST /gradio_api/call/<api>        -> {"event_id": "<32 hex>"}
    GET  /gradio_api/call/<api>/<id>   -> N `generating` events INTERVAL s apart, then
                                          `complete`; each event's data is
                                          ["<id[:8]> part <k>"] (["<id[:8]> done"] last)
    POST /_bench/config                {"n": N, "interval": SECONDS} for the next GETs
    GET  /_bench/log                   {"<event id>": [t_1, ..., t_N]}: time.monotonic()
                                       (CLOCK_MONOTONIC, the same clock in every process)
                                       right after event k was written and flushed

The send time is taken after the flush, so what the readers measure is what happens
after the bytes were handed to the kernel: the network stack, curl, and the pipes behind
it. The timeline of an event starts when its GET arrives.
"""

from __future__ import annotations

import json
import re
import socket
import sys
import threading
import time
import uuid
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

PREFIX = "/gradio_api"
_LOCK = threading.Lock()
CONFIG: dict[str, Any] = {"n": 20, "interval": 0.05}
LOG: dict[str, list[float]] = {}


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, format: str, *args: Any) -> None:
        """Quiet."""

    def setup(self) -> None:
        super().setup()
        # As uvicorn does: no Nagle delay between an event and the next one.
        self.connection.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)

    def _body(self) -> bytes:
        length = int(self.headers.get("Content-Length") or 0)
        return self.rfile.read(length) if length else b""

    def _json(self, status: int, obj: Any) -> None:
        data = json.dumps(obj).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)
        self.wfile.flush()

    def do_POST(self) -> None:
        body = self._body()
        if self.path == "/_bench/config":
            with _LOCK:
                CONFIG.update(json.loads(body or b"{}"))
            self._json(200, CONFIG)
        elif re.fullmatch(re.escape(PREFIX) + r"/call/[^/]+/?", self.path):
            self._json(200, {"event_id": uuid.uuid4().hex})
        else:
            self._json(404, {"detail": "Not Found"})

    def do_GET(self) -> None:
        if self.path == "/_bench/log":
            with _LOCK:
                self._json(200, LOG)
            return
        match = re.fullmatch(re.escape(PREFIX) + r"/call/[^/]+/([0-9a-f]{32})", self.path)
        if match is None:
            self._json(404, {"detail": "Not Found"})
            return
        event_id = match.group(1)
        with _LOCK:
            n, interval = int(CONFIG["n"]), float(CONFIG["interval"])
            times = LOG.setdefault(event_id, [])
        self.send_response(200)
        self.send_header("Content-Type", "text/event-stream; charset=utf-8")
        self.send_header("Cache-Control", "no-cache")
        self.send_header("Transfer-Encoding", "chunked")
        self.send_header("Connection", "close")
        self.end_headers()
        self.wfile.flush()
        start = time.monotonic()
        tag = event_id[:8]
        for k in range(1, n + 1):
            delay = start + k * interval - time.monotonic()
            if delay > 0:
                time.sleep(delay)
            self._chunk(f'event: generating\ndata: ["{tag} part {k}"]\n\n'.encode())
            sent = time.monotonic()
            with _LOCK:
                times.append(sent)
        last = f'event: complete\ndata: ["{tag} done"]\n\n'.encode()
        self.wfile.write(f"{len(last):x}\r\n".encode() + last + b"\r\n0\r\n\r\n")
        self.wfile.flush()
        self.close_connection = True

    def _chunk(self, data: bytes) -> None:
        self.wfile.write(f"{len(data):x}\r\n".encode() + data + b"\r\n")
        self.wfile.flush()


def main() -> int:
    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    sys.stdout.write(f"http://127.0.0.1:{server.server_address[1]}\n")
    sys.stdout.flush()
    try:
        server.serve_forever(poll_interval=0.2)
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
