"""How long `mkdocs serve` takes to show a one-record edit: edit a project's title, poll its page.

The server is started in the synthetic repository as `make serve` starts it; once it serves the
project's page, the record's `title:` line is changed and the page fetched every 0.1 s until it
shows the new title. The figure is the time from the edit to that fetch; three edits in a row
(a new title each time), of which the median is reported.
"""

from __future__ import annotations

import contextlib
import os
import signal
import socket
import subprocess
import time
import urllib.request
from pathlib import Path
from typing import Any

POLL_SECONDS = 0.1
EDITS = 3


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _fetch(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8", "replace")
    except OSError:
        return None


def _wait_for(url: str, text: str, limit: float) -> float | None:
    """Seconds until `url` shows `text`, or None after `limit` seconds."""
    started = time.monotonic()
    while time.monotonic() - started < limit:
        body = _fetch(url)
        if body is not None and text in body:
            return time.monotonic() - started
        time.sleep(POLL_SECONDS)
    return None


def measure_preview(
    repo: Path, mkdocs: str, project_id: str, limit: float = 1800, edits: int = EDITS
) -> dict[str, Any]:
    """Seconds to first serve, and seconds from a title edit to the page showing it (the median
    of `edits`). The server's output is left in serve.log beside the repository."""
    port = _free_port()
    record = repo / "projects" / f"{project_id}.yml"
    original = record.read_text(encoding="utf-8")
    log = (repo.parent / "serve.log").open("w")
    server = subprocess.Popen(
        [mkdocs, "serve", "--dirty", "--dev-addr", f"127.0.0.1:{port}"],
        cwd=repo,
        stdout=log,
        stderr=subprocess.STDOUT,
        start_new_session=True,  # its own process group, ended below by its id
        env={**os.environ, "PIPELINE_TODAY": "2026-11-22"},
    )
    url = f"http://127.0.0.1:{port}/pipeline/projects/{project_id}/"
    try:
        first = _wait_for(url, "<html", limit)
        if first is None:
            return {"first_serve_seconds": None, "edit_seconds": None}
        shown: list[float | None] = []
        for number in range(edits):
            time.sleep(2)  # let the watcher settle after the last build
            title = f"Edited title {number} {int(time.time())}"
            lines = original.splitlines(keepends=True)
            edited = [f"title: {title}\n" if line.startswith("title:") else line for line in lines]
            record.write_text("".join(edited), encoding="utf-8")
            shown.append(_wait_for(url, title, limit))
        done = sorted(e for e in shown if e is not None)
        median = done[len(done) // 2] if len(done) == len(shown) else None
        return {"first_serve_seconds": first, "edit_seconds": median, "edits": shown}
    finally:
        record.write_text(original, encoding="utf-8")
        with contextlib.suppress(ProcessLookupError):
            os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=60)
        log.close()
