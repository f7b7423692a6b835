"""Half of the generated pages put through the theme by a forked helper, beside MkDocs.

Material's templates are most of the time MkDocs spends on a page, and the pages are
independent, so on two cores a helper renders every second record page while MkDocs renders
the rest. MkDocs still builds those pages in its own loop, but through an empty template that
writes a placeholder; the helper writes the real pages to a staging folder, and they replace the
placeholders when both are done (so a failure leaves no half-written site: the build stops).
Only a full build does this, where forking is safe (no other thread) and there are enough pages.
"""

from __future__ import annotations

import logging
import os
import shutil
import tempfile
from collections.abc import Sequence
from pathlib import Path

from jinja2 import ChoiceLoader, DictLoader, Environment
from mkdocs.commands.build import _build_page  # (private; mkdocs<2 is pinned, tests cover it)
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from generator.forking import Forked, ForkedTaskFailed, can_fork, usable_cpus

PLACEHOLDER_TEMPLATE = "pipeline-rendered-beside.html"
WORTH_IT_FROM = 200  # pages; below this, starting a helper costs more than it saves


class ThemeShareFailed(Exception):
    """The helper could not render its pages; the message says why."""


class ThemeShare:
    """Pages the helper renders; `finish()` puts them in place."""

    def __init__(
        self,
        pages: Sequence[Page],
        config: MkDocsConfig,
        doc_files: Sequence[File],
        nav: Navigation,
        env: Environment,
    ) -> None:
        self._pages = list(pages)
        Path(config.site_dir).mkdir(parents=True, exist_ok=True)  # (same disk: pages move in)
        self._staging = Path(tempfile.mkdtemp(prefix=".pipeline-pages-", dir=config.site_dir))
        staging = self._staging

        def render() -> list[str]:
            warnings = _WarningsKept()
            logging.getLogger("mkdocs").addHandler(warnings)
            for page in self._pages:
                page.file.abs_dest_path = str(staging / page.file.dest_uri)
                _build_page(page, config, doc_files, nav, env)
            return warnings.messages

        self._helper = Forked(render)
        # Here, MkDocs writes a placeholder for each of them (its loop still visits them).
        env.loader = ChoiceLoader([DictLoader({PLACEHOLDER_TEMPLATE: _PLACEHOLDER}), env.loader])
        for page in self._pages:
            page.meta["template"] = PLACEHOLDER_TEMPLATE

    def finish(self) -> list[str]:
        """Wait for the helper and move its pages in; return the warnings it logged."""
        try:
            warnings = self._helper.result()
            for page in self._pages:
                os.replace(self._staging / page.file.dest_uri, page.file.abs_dest_path)
        except (ForkedTaskFailed, OSError) as exc:
            raise ThemeShareFailed(f"Rendering pages on a second core failed: {exc}") from None
        finally:
            shutil.rmtree(self._staging, ignore_errors=True)
        return warnings


def share_of(pages: Sequence[Page]) -> list[Page]:
    """Every second page, when a helper would pay off here; otherwise none."""
    if len(pages) < WORTH_IT_FROM or usable_cpus() < 2 or not can_fork():
        return []
    return list(pages[1::2])


_PLACEHOLDER = "<!-- rendered by a second process; replaced when the build ends -->\n"


class _WarningsKept(logging.Handler):
    def __init__(self) -> None:
        super().__init__(level=logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())
