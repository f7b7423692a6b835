"""Half of the generated pages put through the theme by a forked helper, beside MkDocs.

Material's templates are most of the time MkDocs spends on a page, and the pages are
independent, so on two cores a helper renders every second record page while MkDocs renders
the rest. MkDocs still visits those pages in its own loop, but through a template of one line,
and writes that line to the null device; the helper writes the real pages in place. A failure
in the helper stops the build (`pipeline build` builds into a fresh folder, swapped in only
when the build succeeds). Only a full build does this, where forking is safe (no other thread)
and there are enough pages.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Sequence

from jinja2 import ChoiceLoader, DictLoader, Environment
from mkdocs.commands.build import _build_page  # (private; mkdocs<2 is pinned, tests cover it)
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from generator.forking import Forked, ForkedTaskFailed, helper_pays

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
        shared = list(pages)

        def render() -> list[str]:
            warnings = _WarningsKept()
            logging.getLogger("mkdocs").addHandler(warnings)
            for page in shared:
                _build_page(page, config, doc_files, nav, env)
            return warnings.messages

        self._helper = Forked(render)
        # Here, MkDocs' loop still visits them: a line each, thrown away.
        env.loader = ChoiceLoader([DictLoader({PLACEHOLDER_TEMPLATE: _PLACEHOLDER}), env.loader])
        for page in shared:
            page.meta["template"] = PLACEHOLDER_TEMPLATE
            page.file.abs_dest_path = os.devnull

    def finish(self) -> list[str]:
        """Wait for the helper's pages; return the warnings it logged."""
        try:
            return self._helper.result()
        except ForkedTaskFailed as exc:
            raise ThemeShareFailed(f"Rendering pages on a second core failed: {exc}") from None


def share_of(pages: Sequence[Page]) -> list[Page]:
    """Every second page, when a helper would pay off here; otherwise none."""
    if not helper_pays(len(pages), WORTH_IT_FROM):
        return []
    return list(pages[1::2])


_PLACEHOLDER = "<!-- rendered by a second process; replaced when the build ends -->\n"


class _WarningsKept(logging.Handler):
    def __init__(self) -> None:
        super().__init__(level=logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())
