"""Feed generated pages and data files into MkDocs in memory (`File.generated`).

Nothing generated is written into the repository. Records are read again on every build, and
`mkdocs serve` watches the record and schema folders so an edit reloads the site.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable
from datetime import date
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.livereload import LiveReloadServer
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.pages import Page

from generator.checking.repository import Report
from generator.mkdocs_plugin.config import PipelineConfig
from generator.pages.model import SiteSettings
from generator.site.content import WATCHED, InvalidRecords, SettingsError, build_today, site_content

log = logging.getLogger("mkdocs.plugins.pipeline")
_ANCHOR = re.compile(r'\sid="([^"]+)"')


class PipelinePlugin(BasePlugin[PipelineConfig]):
    # Set by `pipeline build --today`; otherwise PIPELINE_TODAY or the real date.
    today: date | None = None
    # Set by `pipeline build`, which has checked the records already; used for one build.
    report: Report | None = None
    # Set by `pipeline build` on a terminal: told (phase, done, total) as pages are made.
    progress: Callable[[str, int, int], None] | None = None
    # Source path -> front matter of each generated page, and the HTML of those whose body
    # is HTML already. Given to MkDocs directly: writing and re-reading YAML front matter for
    # thousands of pages takes seconds.
    _meta: dict[str, dict[str, object]]
    _html: dict[str, str]

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        self._meta, self._html = {}, {}
        self._pages, self._read, self._written = 0, 0, 0
        return config

    def _tell(self, phase: str, done: int, total: int) -> None:
        if self.progress is not None:
            self.progress(phase, done, total)

    def _root(self, config: MkDocsConfig) -> Path:
        return (Path(config.config_file_path).parent / self.config.root).resolve()

    def on_files(self, files: Files, /, *, config: MkDocsConfig) -> Files:
        if not self.config.enabled:
            return files
        settings = SiteSettings.from_config(dict(config))
        try:
            report, self.report = self.report, None
            self._tell("Generating pages", 0, 1)
            content = site_content(self._root(config), settings, build_today(self.today), report)
            self._tell("Generating pages", 1, 1)
        except InvalidRecords as exc:
            message = f"The records have errors, so the site was not built.\n{exc}"
            raise PluginError(message) from None
        except SettingsError as exc:
            raise PluginError(f"{exc} The site was not built.") from None
        self._meta = {page.path: page.meta for page in content.pages}
        self._html = {page.path: page.body for page in content.pages if page.raw_html}
        for page in content.pages:
            self._add(
                files,
                File.generated(
                    config,
                    page.path,
                    content=page.body,
                    inclusion=InclusionLevel.INCLUDED if page.in_nav else InclusionLevel.NOT_IN_NAV,
                ),
            )
            if page.record_path:
                # MkDocs joins this to repo_url + edit_uri, so "edit" opens the YAML record.
                files.get_file_from_path(page.path).edit_uri = settings.edit_path(page.record_path)
        for data in content.files:
            self._add(files, File.generated(config, data.path, content=data.content))
        self._pages = len(files.documentation_pages())
        return files

    def on_page_markdown(
        self, markdown: str, /, *, page: Page, config: MkDocsConfig, files: Files
    ) -> str:
        self._read += 1
        self._tell("Reading pages", self._read, self._pages)
        meta = self._meta.get(page.file.src_uri)
        if meta is not None:
            page.meta = dict(meta)
        # Nothing for Markdown to do: the body goes in whole, after rendering.
        return "" if page.file.src_uri in self._html else markdown

    def on_page_content(
        self, html: str, /, *, page: Page, config: MkDocsConfig, files: Files
    ) -> str:
        body = self._html.get(page.file.src_uri)
        if body is None:
            return html
        page.present_anchor_ids = set(_ANCHOR.findall(body))  # for MkDocs' anchor checks
        return body

    def on_post_page(self, output: str, /, *, page: Page, config: MkDocsConfig) -> str:
        self._written += 1
        self._tell("Writing pages", self._written, self._pages)
        return output

    @staticmethod
    def _add(files: Files, file: File) -> None:
        if files.get_file_from_path(file.src_uri) is not None:
            raise PluginError(
                f"docs/{file.src_uri} clashes with a page Pipeline generates. "
                "Rename or remove the file in docs/."
            )
        files.append(file)

    def on_serve(
        self, server: LiveReloadServer, /, *, config: MkDocsConfig, builder: object
    ) -> LiveReloadServer:
        root = self._root(config)
        for name in WATCHED:
            if (root / name).exists():
                server.watch(str(root / name))
        return server
