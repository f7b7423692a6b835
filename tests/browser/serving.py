"""A built site served over HTTP on 127.0.0.1, with the site's CSP sent as a header too."""

from __future__ import annotations

import functools
import re
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

CSP_META = re.compile(
    r'<meta http-equiv="Content-Security-Policy" content="([^"]*)"', re.IGNORECASE
)
# Only a header can say this; GitHub Pages sends none, a host that can should add it.
HEADER_ONLY = "frame-ancestors 'none'"
# ...except on the pages made to be framed by councils' websites (docs/api.md says so to hosts).
EMBEDDABLE = re.compile(r"/councils/[^/]+/embed/(index\.html)?$")
FRAMED_BY_ANYONE = "frame-ancestors *"


def declared_policy(html: str) -> str | None:
    """The policy a page declares in its <meta http-equiv="Content-Security-Policy">."""
    match = CSP_META.search(html)
    return match.group(1) if match else None


class _Handler(SimpleHTTPRequestHandler):
    policy = ""
    prefix = "/"  # the site's path on its host, e.g. "/pipeline/"

    def translate_path(self, path: str) -> str:
        if not path.startswith(self.prefix):
            return str(Path(self.directory) / "-outside-the-site-")  # a 404
        return super().translate_path("/" + path.removeprefix(self.prefix))

    def end_headers(self) -> None:
        if self.policy:
            policy = self.policy
            if EMBEDDABLE.search(self.path.split("?", 1)[0]):
                policy = policy.replace(HEADER_ONLY, FRAMED_BY_ANYONE)
            self.send_header("Content-Security-Policy", policy)
        # As GitHub Pages does, so that councils' websites can read the JSON files.
        self.send_header("Access-Control-Allow-Origin", "*")
        super().end_headers()

    def log_message(self, format: str, *args: object) -> None:
        # Quiet: the tests report what matters.
        pass


class _Server(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request: object, client_address: object) -> None:
        # A browser that moves on before a download ends breaks the pipe: not worth a traceback.
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)


@dataclass(frozen=True)
class Served:
    root: Path
    url: str  # the site's root, ending with "/"
    policy: str  # what the server sends as the Content-Security-Policy header

    def page(self, path: str) -> str:
        return self.url + path.lstrip("/")


@contextmanager
def serve(root: Path, policy: str, prefix: str = "/") -> Iterator[Served]:
    """Serve `root` at `prefix` on a free port until the block ends. Serving at the site's
    real path (that of its `site_url`) keeps absolute links, as in the 404 page, working."""
    handler = type("Handler", (_Handler,), {"policy": policy, "prefix": prefix})
    server = _Server(("127.0.0.1", 0), functools.partial(handler, directory=str(root)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        host, port = server.server_address[:2]
        yield Served(root=root, url=f"http://{host}:{port}{prefix}", policy=policy)
    finally:
        server.shutdown()
        server.server_close()
        thread.join()
