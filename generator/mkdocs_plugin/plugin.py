"""Feed generated pages and data files into MkDocs in memory (`File.generated`).

Nothing generated is written into the repository. Records are read again on every build, and
`mkdocs serve` watches the record and schema folders so an edit reloads the site.
"""

from __future__ import annotations

import contextlib
import hashlib
import logging
import re
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.livereload import LiveReloadServer
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from generator.checking.repository import Report
from generator.forking import start_fresh_process, stop_fresh_process
from generator.loading.files import RECORD_FOLDERS
from generator.mkdocs_plugin.config import PipelineConfig
from generator.mkdocs_plugin.data_writer import (
    DataWriteFailed,
    DataWriter,
    WrittenBeside,
    worth_writing_beside,
)
from generator.mkdocs_plugin.html_page import HtmlPage
from generator.mkdocs_plugin.navigation import nav_titles, section_of
from generator.mkdocs_plugin.record_watch import RecordWatch
from generator.mkdocs_plugin.theme_blocks import SharedBlocks, share_blocks
from generator.mkdocs_plugin.theme_share import ThemeShare, ThemeShareFailed, share_of
from generator.pages.model import Page as GeneratedPage
from generator.pages.model import SearchDocument, SiteContent, SiteSettings
from generator.pages.search_documents import content_document, search_role
from generator.search.pagefind_index import DocumentFolder, Indexing, SearchIndexFailed
from generator.site.content import WATCHED, InvalidRecords, SettingsError, build_today, site_content
from generator.site.heap import EasedCollector
from generator.site.memory import SiteMemory

log = logging.getLogger("mkdocs.plugins.pipeline")
# The generator's own templates: an edit to one while serving renders every page again.
TEMPLATE_FOLDERS = [Path(__file__).parent.parent / f / "templates" for f in ("pages", "dashboard")]
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

    # `mkdocs serve --dirty` (make serve): MkDocs keeps this plugin across rebuilds (it has
    # on_startup), so each rebuild parses and renders only what changed (site/memory.py),
    # writes only the pages whose content changed since the last one (the record's page, the
    # lists and pages that show it) and reindexes search, beside, only when what it indexes
    # changed. A change to mkdocs.yml, the theme, the schemas or the templates rebuilds
    # everything.
    _incremental = False
    _memory: SiteMemory | None = None
    _theme_env: Environment | None = None
    _previous: dict[str, object]  # page or data file path -> what was written there
    _page_documents: dict[str, SearchDocument]  # search documents of built pages, by URL
    _indexed = b""  # digest of the search documents last indexed
    _inputs_stamp: tuple[float, int] = (0.0, 0)
    _indexing: Indexing | None = None  # Pagefind, running beside the writing of pages
    _share: ThemeShare | None = None  # a helper process writing half the record pages
    _writer: DataWriter | None = None  # a helper process writing the data files
    _nav: Navigation | None = None
    _current_section: Page | None = None  # shown as current while a record page renders
    _search_folder: DocumentFolder | None = None  # what Pagefind reads, kept in serve
    _collector = EasedCollector()  # Python's cycle collector, eased while a build runs
    _record_watch: RecordWatch | None = None  # the record folders, watched in `mkdocs serve`

    def on_startup(self, *, command: str, dirty: bool) -> None:
        self._incremental = command == "serve" and dirty
        self._previous, self._page_documents, self._indexed = {}, {}, b""
        if self._incremental:
            self._search_folder = DocumentFolder()

    def on_shutdown(self) -> None:
        self._stop_watching()
        self._stop_indexing()
        stop_fresh_process()
        if self._search_folder is not None:
            self._search_folder.remove()
            self._search_folder = None
        self._incremental = False
        self._previous, self._page_documents, self._indexed = {}, {}, b""

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        self._collector.start()  # until on_post_build or on_build_error
        self._meta, self._html = {}, {}
        self._generated: dict[str, GeneratedPage] = {}
        self._search: list[SearchDocument] = []
        if not self._incremental:
            self._previous, self._page_documents, self._indexed = {}, {}, b""
            self._memory, self._theme_env = None, None
        else:
            if self._indexing is not None and not self._indexing.done:
                # An edit came while search was still indexing the last one: stop it, so it
                # does not take the cores this rebuild needs, and index afresh after it.
                self._stop_indexing()
                self._indexed = b""
            if self._inputs_changed(config) or self._memory is None:
                self._previous = {}  # every page is worked out and written again
                self._memory, self._theme_env = SiteMemory(), None
        self._pages, self._read, self._written = 0, 0, 0
        self._nav, self._share, self._writer = None, None, None
        return config

    @property
    def pages_built(self) -> int:
        """The pages of the last build (Markdown and generated, not data files)."""
        return self._pages

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
            root, today = self._root(config), build_today(self.today)
            content = site_content(root, settings, today, report, self._memory)
            self._tell("Generating pages", 1, 1)
        except InvalidRecords as exc:
            message = f"The records have errors, so the site was not built.\n{exc}"
            raise PluginError(message) from None
        except SettingsError as exc:
            raise PluginError(f"{exc} The site was not built.") from None
        self._meta = {page.path: page.meta for page in content.pages}
        self._generated = {page.path: page for page in content.pages}
        self._search = list(content.search)
        self._html = {page.path: page.body for page in content.pages if page.raw_html}
        same = self._unchanged(content) if self._incremental else set()
        titles = nav_titles(config.nav or [])
        for page in content.pages:
            file = File.generated(
                config,
                page.path,
                content=page.body,
                inclusion=InclusionLevel.INCLUDED if page.in_nav else InclusionLevel.NOT_IN_NAV,
            )
            if page.record_path:
                # MkDocs joins this to repo_url + edit_uri, so "edit" opens the YAML record.
                file.edit_uri = settings.edit_path(page.record_path)
            self._add(files, file, page.path in same)
            if page.raw_html:
                HtmlPage(titles.get(page.path), file, config)
        beside = not self._incremental and worth_writing_beside(len(content.files))
        kind = WrittenBeside if beside else File
        data_files = [kind.generated(config, d.path, content=d.content) for d in content.files]
        for data, file in zip(content.files, data_files, strict=True):
            self._add(files, file, data.path in same)
        if beside:
            self._writer = DataWriter(data_files)
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

    def on_nav(self, nav: Navigation, /, *, config: MkDocsConfig, files: Files) -> Navigation:
        self._nav = nav
        return nav

    def on_page_context(
        self, context: dict[str, Any], /, *, page: Page, config: MkDocsConfig, nav: Navigation
    ) -> dict[str, Any]:
        # A record page is outside the navigation; its section's tab and entry show as the
        # current ones, as on the section's own page, so a reader sees where they are.
        section = section_of(page, nav)
        if section is not None:
            section.active = True
            self._current_section = section
        return context

    def on_env(self, env: Environment, /, *, config: MkDocsConfig, files: Files) -> Environment:
        """Every page's content is known now, before the theme writes the pages: a helper
        process renders half the record pages and Pagefind indexes, beside MkDocs."""
        if self._incremental:
            # The theme is as it was (else _inputs_changed started afresh): its templates,
            # compiled last time, serve again instead of being compiled on every rebuild.
            env = self._theme_env = self._theme_env or env
        if not self.config.enabled:
            return env
        if self._nav is not None:
            shared = SharedBlocks(self._nav)
            share_blocks(env, shared)
            if not self._incremental:
                self._share_theme(env, config, files)
                share_blocks(env, shared)  # (the share gave the theme a new loader)
        for file in files.documentation_pages():
            page = file.page
            role = search_role(self._generated.get(file.src_uri))
            if page is None or page.content is None or role is None:
                continue  # (a page a dirty rebuild leaves as it was keeps its document)
            title = str(page.meta.get("title") or page.title or "")
            document = content_document(page.url, title, page.content, role)
            self._page_documents[document.url] = document
        documents = [*self._search, *self._page_documents.values()]
        self._search = []
        digest = _digest(*(f"{d.url}\n{d.html}" for d in documents))
        if self._incremental and digest == self._indexed:
            return env  # nothing searchable changed: the index written last time stands
        self._stop_indexing()
        self._tell("Indexing for search", 0, 1)
        try:
            folder = self._search_folder if self._incremental else None
            self._indexing = Indexing(documents, Path(config.site_dir), folder)
        except SearchIndexFailed as exc:
            raise PluginError(f"{exc} The site was not built.") from None
        self._indexed = digest
        return env

    def on_post_page(self, output: str, /, *, page: Page, config: MkDocsConfig) -> str:
        if self._current_section is not None:
            self._current_section.active = False
            self._current_section = None
        self._written += 1
        self._tell("Writing pages", self._written, self._pages)
        return output

    def _share_theme(self, env: Environment, config: MkDocsConfig, files: Files) -> None:
        """Before any thread starts (forking is safe only then)."""
        assert self._nav is not None
        doc_files = files.documentation_pages(inclusion=InclusionLevel.is_included)
        pages = [f.page for f in doc_files if isinstance(f.page, HtmlPage)]
        share = share_of([p for p in pages if p.file.inclusion.is_not_in_nav()])
        if share:
            progress, self.progress = self.progress, None  # one progress bar: this process's
            try:
                self._share = ThemeShare(share, config, doc_files, self._nav, env)
            finally:
                self.progress = progress

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        self._collector.stop()
        writer, self._writer = self._writer, None
        if writer is not None:
            try:
                writer.finish()
            except DataWriteFailed as exc:
                raise PluginError(f"{exc} The site was not built.") from None
        share, self._share = self._share, None
        if share is not None:
            try:
                warnings = share.finish()
            except ThemeShareFailed as exc:
                raise PluginError(f"{exc} The site was not built.") from None
            for message in warnings:
                log.warning(message)
        indexing, self._indexing = self._indexing, None
        if indexing is None:
            return
        if self._incremental and not indexing.done:
            # `mkdocs serve` shows the edited pages now; search catches up a moment later.
            self._indexing = indexing
            return
        try:
            indexing.finish()
        except SearchIndexFailed as exc:
            self._indexed = b""
            raise PluginError(f"{exc} The site was not built.") from None
        self._tell("Indexing for search", 1, 1)

    def on_build_error(self, *, error: Exception) -> None:
        self._collector.stop()
        writer, self._writer = self._writer, None
        if writer is not None:
            with contextlib.suppress(DataWriteFailed):
                writer.finish()  # (waits for the helper; the build has failed anyway)
        share, self._share = self._share, None
        if share is not None:
            with contextlib.suppress(ThemeShareFailed):
                share.finish()  # (waits for the helper; the build has failed anyway)
        self._stop_indexing()
        self._indexed = b""

    def wait_for_search(self) -> None:
        """Wait until the search index a rebuild of `mkdocs serve` started is written."""
        indexing, self._indexing = self._indexing, None
        if indexing is not None:
            indexing.finish()

    def _stop_indexing(self) -> None:
        """A newer index replaces one still being written (a quick second edit in serve)."""
        if self._indexing is not None:
            self._indexing.cancel()
            self._indexing = None

    @staticmethod
    def _add(files: Files, file: File, unchanged: bool = False) -> None:
        if files.get_file_from_path(file.src_uri) is not None:
            raise PluginError(
                f"docs/{file.src_uri} clashes with a page Pipeline generates. "
                "Rename or remove the file in docs/."
            )
        if unchanged:  # a dirty build leaves the file written last time as it is
            file.is_modified = _not_modified  # type: ignore[method-assign]
        files.append(file)

    def _unchanged(self, content: SiteContent) -> set[str]:
        """Paths whose content is the same as in the previous build (none on the first).

        What was written is kept, not a digest of it: a page the render memory reused is the
        very same text, which compares equal at once, where hashing 20,000 pages and files
        took a second at 10,000 projects."""
        current: dict[str, object] = {p.path: (repr(p.meta), p.body) for p in content.pages}
        current.update({data.path: data.content for data in content.files})
        same = {path for path, what in current.items() if self._previous.get(path) == what}
        self._previous = current
        return same

    def _inputs_changed(self, config: MkDocsConfig) -> bool:
        """Whether mkdocs.yml, a file of the theme's custom_dir, a schema or a template of the
        generator changed since the last check."""
        paths = [Path(config.config_file_path)]
        folders = [self._root(config) / "schema", *TEMPLATE_FOLDERS]
        if config.theme.custom_dir:
            folders.append(Path(config.theme.custom_dir))
        paths += [p for folder in folders if folder.is_dir() for p in folder.rglob("*")]
        stamp = (max(p.stat().st_mtime for p in paths), len(paths))
        changed, self._inputs_stamp = stamp != self._inputs_stamp, stamp
        return changed

    def on_serve(
        self, server: LiveReloadServer, /, *, config: MkDocsConfig, builder: object
    ) -> LiveReloadServer:
        # Rebuilds work similar projects out in a helper interpreter: start it while nobody waits.
        start_fresh_process("generator.similarity.engine")
        root = self._root(config)
        # The record folders by the system's file events (a walk of every record twice a
        # second otherwise); the schemas and pipeline.yml, which are few, by MkDocs' polling.
        self._stop_watching()
        self._record_watch = RecordWatch(server, [root / name for name in RECORD_FOLDERS])
        for name in WATCHED:
            if name not in RECORD_FOLDERS and (root / name).exists():
                server.watch(str(root / name))
        return server

    def _stop_watching(self) -> None:
        if self._record_watch is not None:
            self._record_watch.stop()
            self._record_watch = None


def _not_modified() -> bool:
    return False


def _digest(*parts: str | bytes) -> bytes:
    digest = hashlib.blake2b(digest_size=16)
    for part in parts:
        digest.update(part.encode("utf-8") if isinstance(part, str) else part)
        digest.update(b"\0")
    return digest.digest()
