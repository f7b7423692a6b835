"""Build the site with MkDocs' Python API into a fresh folder, then swap it into place.

A failed build leaves the existing site untouched: nothing is written to `out` until MkDocs
has finished without errors (and, in strict mode, without warnings).
"""

from __future__ import annotations

import logging
import shutil
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.exceptions import MkDocsException

from generator.checking.repository import Report
from generator.mkdocs_plugin.plugin import PipelinePlugin


class BuildFailed(Exception):
    """MkDocs stopped; the message says why and the old site is still in place."""


@dataclass(frozen=True)
class Built:
    out: Path
    pages: int
    seconds: float


def build_site(
    config_file: Path,
    out: Path,
    *,
    today: date,
    strict: bool = True,
    report: Report | None = None,
    progress: Callable[[str, int, int], None] | None = None,
) -> Built:
    """Build into a fresh folder and swap it in; `report` is the records' check, if done, and
    `progress` is told (phase, done, total) as pages are made."""
    started = time.monotonic()
    out = out.resolve()
    out.parent.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix=f".{out.name}-building-", dir=out.parent))
    errors = _ErrorCollector()
    logging.getLogger("mkdocs").addHandler(errors)
    try:
        config = load_config(config_file=str(config_file), site_dir=str(work), strict=strict)
        ours = [p for p in config.plugins.values() if isinstance(p, PipelinePlugin)]
        for plugin in ours:
            plugin.today = today
            plugin.report = report
            plugin.progress = progress
        try:
            build(config)
        finally:
            config.plugins.on_shutdown()
    except (MkDocsException, SystemExit) as exc:
        shutil.rmtree(work, ignore_errors=True)
        raise BuildFailed("\n".join([*errors.messages, str(exc) or "MkDocs stopped."])) from None
    except BaseException:
        shutil.rmtree(work, ignore_errors=True)
        raise
    finally:
        logging.getLogger("mkdocs").removeHandler(errors)
    _swap(work, out)
    # The pages MkDocs built (the small redirect files at old addresses are not pages).
    pages = ours[0].pages_built if ours else sum(1 for _ in out.rglob("index.html"))
    return Built(out, pages, time.monotonic() - started)


def _swap(new: Path, out: Path) -> None:
    """Move `new` to `out`; the old site is renamed aside first and removed only after."""
    old = None
    if out.exists():
        old = out.with_name(f".{out.name}-old-{new.name.rsplit('-', 1)[-1]}")
        out.rename(old)
    new.rename(out)
    new_mode = 0o755
    out.chmod(new_mode)  # mkdtemp makes the folder private; a published site is readable
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)


class _ErrorCollector(logging.Handler):
    """Keeps MkDocs' error messages, so a failed build can say why."""

    def __init__(self) -> None:
        super().__init__(level=logging.ERROR)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


class _Warnings(logging.StreamHandler):
    """Prints MkDocs' warnings as plain lines; errors come back in BuildFailed instead."""

    def __init__(self) -> None:
        super().__init__()
        self.setLevel(logging.WARNING)
        self.addFilter(lambda record: record.levelno < logging.ERROR)
        self.setFormatter(logging.Formatter("%(levelname)s: %(message)s"))

    @property
    def stream(self):  # the current stderr, so test runners and click can capture it
        return sys.stderr

    @stream.setter
    def stream(self, _value: object) -> None:
        pass


def show_mkdocs_messages() -> None:
    """Print MkDocs' warnings (the CLI has no logging set up of its own)."""
    logger = logging.getLogger("mkdocs")
    if not any(isinstance(h, _Warnings) for h in logger.handlers):
        logger.addHandler(_Warnings())
