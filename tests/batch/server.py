#!/usr/bin/env python3
"""server.py - a local HTTP server for the URL tests of tests/batch.

    python3 tests/batch/server.py DIR PORTFILE

Serves DIR on 127.0.0.1 (a free port, written to PORTFILE) like
`python3 -m http.server`, plus:
    /redirect/N/NAME   N redirects (302), then NAME from DIR
    /hang              accepts, then never answers
    /big               an endless text body
"""
import functools
import sys
import time
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer


class Handler(SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass

    def do_GET(self):
        parts = self.path.split("/")
        if len(parts) >= 4 and parts[1] == "redirect":
            n = int(parts[2])
            rest = "/".join(parts[3:])
            self.send_response(302)
            self.send_header("Location", "/redirect/%d/%s" % (n - 1, rest)
                             if n > 1 else "/" + rest)
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        if self.path == "/hang":
            time.sleep(30)
            return
        if self.path == "/big":
            self.send_response(200)
            self.send_header("Content-Type", "text/plain")
            self.end_headers()
            try:
                for _ in range(100000):
                    self.wfile.write(b"The minister said the talks went well. " * 100)
            except OSError:
                pass
            return
        super().do_GET()


def main():
    root, portfile = sys.argv[1], sys.argv[2]
    handler = functools.partial(Handler, directory=root)
    srv = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    srv.daemon_threads = True
    with open(portfile + ".part", "w") as f:
        f.write(str(srv.server_address[1]))
    import os
    os.rename(portfile + ".part", portfile)
    srv.serve_forever()


if __name__ == "__main__":
    main()
