#!/usr/bin/env python3
"""faultserver.py - a stub HTTP server that misbehaves on demand, for the
push fault tests (what a real Virtuoso will not do when asked).

    python3 tests/faultserver.py PORTFILE

Listens on 127.0.0.1 on a free port, writes the port to PORTFILE, serves
until killed.  The first path segment picks the behaviour of any request:

    /500/...     answer 500 with a short message
    /hang/...    read the request, then never answer (60 s)
    /reset/...   close the connection without answering (RST)
    /429/...     answer 429 with Retry-After: 1 on the first request of
                 each path, 201 after that
    /401/...     answer 401 with a Digest challenge, always
    /ok/...      201
    /hits/MODE   GET: how many requests MODE has had so far (text)
"""
import socket
import struct
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

hits = {}
seen = set()
lock = threading.Lock()


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args):
        pass

    def _body(self):
        n = int(self.headers.get("Content-Length") or 0)
        while n > 0:
            chunk = self.rfile.read(min(n, 65536))
            if not chunk:
                break
            n -= len(chunk)

    def _answer(self, code, text, headers=()):
        data = (text + "\n").encode()
        self.send_response(code)
        for k, v in headers:
            self.send_header(k, v)
        self.send_header("Content-Type", "text/plain")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def _handle(self):
        parts = self.path.split("?")[0].strip("/").split("/")
        mode = parts[0] if parts else ""
        if mode == "hits" and len(parts) > 1:
            with lock:
                n = hits.get(parts[1], 0)
            self._answer(200, str(n))
            return
        self._body()
        with lock:
            hits[mode] = hits.get(mode, 0) + 1
        if mode == "500":
            self._answer(500, "stub: internal error on purpose")
        elif mode == "hang":
            time.sleep(60)
        elif mode == "reset":
            self.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER,
                                       struct.pack("ii", 1, 0))
            self.close_connection = True
            self.connection.close()
        elif mode == "429":
            with lock:
                first = self.path not in seen
                seen.add(self.path)
            if first:
                self._answer(429, "stub: slow down",
                             [("Retry-After", "1")])
            else:
                self._answer(201, "created")
        elif mode == "401":
            self._answer(401, "stub: unauthorized",
                         [("WWW-Authenticate",
                           'Digest realm="stub", nonce="abc", qop="auth"')])
        else:
            self._answer(201, "created")

    do_GET = do_PUT = do_POST = do_DELETE = _handle


def main():
    srv = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    srv.daemon_threads = True
    with open(sys.argv[1], "w") as f:
        f.write(str(srv.server_address[1]))
    srv.serve_forever()


if __name__ == "__main__":
    main()
