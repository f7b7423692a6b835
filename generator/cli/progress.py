"""Progress of a long build on a terminal: one bar per phase, on stderr, and nothing when the
output is not a terminal (CI logs, pipes, tests)."""

from __future__ import annotations

import sys
from typing import IO, Any

import click


class BuildProgress:
    """Called as progress(phase, done, total) by the build; draws click progress bars."""

    def __init__(self, stream: IO[str] | None = None) -> None:
        self.stream = stream or sys.stderr
        self.enabled = self.stream.isatty()
        self._phase = ""
        self._done = 0
        self._bar: Any = None

    def __call__(self, phase: str, done: int, total: int) -> None:
        if not self.enabled:
            return
        if phase != self._phase:
            self.close()
            self._phase, self._done = phase, 0
            self._bar = click.progressbar(
                length=max(total, 1), label=f"{phase:<17}", file=self.stream, show_pos=True
            )
            self._bar.__enter__()
        # Redraw about 200 times a phase at most: a terminal is slower than the build.
        if done > self._done and (done - self._done >= total // 200 or done >= total):
            self._bar.update(done - self._done)
            self._done = done

    def close(self) -> None:
        if self._bar is not None:
            self._bar.__exit__(None, None, None)
            self._bar = None
