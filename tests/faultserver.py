#!/usr/bin/env python3
"""faultserver.py - a stub HTTP server that misbehaves on demand, for the
push fault tests (what a real Virtuoso will not do when asked).

    python3 tests/faultserver.py PORTFILE
    python3 tests/faultserver.py PORTFILE --proxy BASE --fail-write N
    python3 tests/faultserver.py PORTFILE --proxy BASE --lose-answer N

Listens on 127.0.0.1 on a free port, writes the port to PORTFILE, serves
until killed.  With --proxy, every request goes on unchanged to BASE (a
real endpoint: same path, headers and body, so digest authentication
still holds), except the Nth write that carries credentials (PUT or POST
with an Authorization header), which gets a 500: a failure part-way
through a push.  With --lose-answer instead, the Nth such write goes on
to BASE, and its answer is replaced by a 500: the server did the write,
the client is told it failed.  Otherwise the first path segment picks the
behaviour:

    /500/...     answer 500 with a short message
    /hang/...    read the request, then never answer (60 s)
    /reset/...   close the connection without answering (RST)
    /429/...     answer 429 with Retry-After: 1 on the first request of
                 each path, 201 after that
    /401/...     answer 401 with a Digest challenge, always
    /basic/...   answer 401 with a Basic challenge, always; counts the
                 requests that carried Basic credentials (/hits/basic-sent)
    /echo/...    401 with a Basic challenge without credentials, else 500
                 with the Authorization header echoed in the body
    /strict/...  a SPARQL Update endpoint that, like Virtuoso, answers 400
                 to a \\u escape inside an IRI, else 200
    /ok/...      201
    /srx/...     a SPARQL XML result, one row (?s = "from-service")
    /big/...     a 200 answer of 20 MB, sent in chunks (no Content-Length)
    /tofile/...  302 to file:///etc/passwd
    /loop/...    302 to itself, for ever
    /hits/MODE   GET: how many requests MODE has had so far (text)
"""
import http.client
import re
import socket
import struct
import sys
import threading
import time
import urllib.parse
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

hits = {}
seen = set()
lock = threading.Lock()
proxy = {"base": None, "fail": 0, "lose": 0, "writes": 0}


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

    def _forward(self):
        n = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(n) if n else None
        lose = False
        if self.command in ("PUT", "POST") and \
                self.headers.get("Authorization"):
            with lock:
                proxy["writes"] += 1
                fail = proxy["writes"] == proxy["fail"]
                lose = proxy["writes"] == proxy["lose"]
            if fail:
                self._answer(500, "stub: this write fails on purpose")
                return
        u = urllib.parse.urlsplit(proxy["base"])
        c = http.client.HTTPConnection(u.hostname, u.port, timeout=60)
        hdrs = {k: v for k, v in self.headers.items()
                if k.lower() not in ("host", "connection")}
        c.request(self.command, self.path, body=body, headers=hdrs)
        r = c.getresponse()
        data = r.read()
        if lose:
            c.close()
            self._answer(500, "stub: the answer to this write is lost")
            return
        self.send_response(r.status)
        for k, v in r.getheaders():
            if k.lower() not in ("connection", "transfer-encoding",
                                 "content-length"):
                self.send_header(k, v)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)
        c.close()

    def _handle(self):
        if proxy["base"]:
            self._forward()
            return
        parts = self.path.split("?")[0].strip("/").split("/")
        mode = parts[0] if parts else ""
        if mode == "hits" and len(parts) > 1:
            with lock:
                n = hits.get(parts[1], 0)
            self._answer(200, str(n))
            return
        if mode == "strict":
            n = int(self.headers.get("Content-Length") or 0)
            body = self.rfile.read(n).decode("utf-8", "replace")
            with lock:
                hits[mode] = hits.get(mode, 0) + 1
            if re.search(r"<[^>\s]*\\[uU]", body):
                self._answer(400, "stub: bad escape in an IRI")
            else:
                self._answer(200, "ok")
            return
        self._body()
        with lock:
            hits[mode] = hits.get(mode, 0) + 1
        if mode == "500":
            self._answer(500, "stub: internal error on purpose")
        elif mode == "hang":
            time.sleep(60)
        elif mode == "srx":
            data = ('<?xml version="1.0"?>\n<sparql xmlns='
                    '"http://www.w3.org/2005/sparql-results#"><head>'
                    '<variable name="s"/></head><results><result>'
                    '<binding name="s"><literal>from-service</literal>'
                    '</binding></result></results></sparql>\n').encode()
            self.send_response(200)
            self.send_header("Content-Type", "application/sparql-results+xml")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)
        elif mode == "big":
            self.send_response(200)
            self.send_header("Content-Type", "application/sparql-results+xml")
            self.send_header("Transfer-Encoding", "chunked")
            self.end_headers()
            chunk = b"<!-- " + b"x" * 65526 + b" -->"
            try:
                for _ in range(320):
                    self.wfile.write(b"%x\r\n%s\r\n" % (len(chunk), chunk))
                self.wfile.write(b"0\r\n\r\n")
            except OSError:
                pass
            self.close_connection = True
        elif mode in ("tofile", "loop"):
            where = "file:///etc/passwd" if mode == "tofile" else self.path
            self._answer(302, "stub: moved", [("Location", where)])
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
        elif mode == "basic":
            if self.headers.get("Authorization", "").lower().startswith("basic"):
                with lock:
                    hits["basic-sent"] = hits.get("basic-sent", 0) + 1
            self._answer(401, "stub: unauthorized",
                         [("WWW-Authenticate", 'Basic realm="stub"')])
        elif mode == "echo":
            auth = self.headers.get("Authorization")
            if not auth:
                self._answer(401, "stub: unauthorized",
                             [("WWW-Authenticate", 'Basic realm="stub"')])
            else:
                self._answer(500, "stub: you sent Authorization: " + auth)
        elif mode == "401":
            self._answer(401, "stub: unauthorized",
                         [("WWW-Authenticate",
                           'Digest realm="stub", nonce="abc", qop="auth"')])
        else:
            self._answer(201, "created")

    do_GET = do_PUT = do_POST = do_DELETE = _handle


def main():
    args = sys.argv[2:]
    if "--proxy" in args:
        proxy["base"] = args[args.index("--proxy") + 1]
        if "--fail-write" in args:
            proxy["fail"] = int(args[args.index("--fail-write") + 1])
        if "--lose-answer" in args:
            proxy["lose"] = int(args[args.index("--lose-answer") + 1])
    srv = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    srv.daemon_threads = True
    with open(sys.argv[1], "w") as f:
        f.write(str(srv.server_address[1]))
    srv.serve_forever()


if __name__ == "__main__":
    main()
