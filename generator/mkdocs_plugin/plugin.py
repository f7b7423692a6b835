"""Feed generated pages and data files into MkDocs in memory (`File.generated`).

Nothing generated is written into the repository. Records are read again on every build, and
`mkdocs serve` watches the record and schema folders so an edit reloads the site.
"""

from __future__ import annotations

import logging
from datetime import date
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.livereload import LiveReloadServer
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File, Files, InclusionLevel

from generator.building import WATCHED, InvalidRecords, SettingsError, build_today, site_content
from generator.mkdocs_plugin.config import PipelineConfig
from generator.pages import SiteSettings

log = logging.getLogger("mkdocs.plugins.pipeline")


class PipelinePlugin(BasePlugin[PipelineConfig]):
    # Set by `pipeline build --today`; otherwise PIPELINE_TODAY or the real date.
    today: date | None = None

    def _root(self, config: MkDocsConfig) -> Path:
        return (Path(config.config_file_path).parent / self.config.root).resolve()

    def on_files(self, files: Files, /, *, config: MkDocsConfig) -> Files:
        if not self.config.enabled:
            return files
        settings = SiteSettings.from_config(dict(config))
        try:
            content = site_content(self._root(config), settings, build_today(self.today))
        except InvalidRecords as exc:
            message = f"The records have errors, so the site was not built.\n{exc}"
            raise PluginError(message) from None
        except SettingsError as exc:
            raise PluginError(f"{exc} The site was not built.") from None
        for page in content.pages:
            self._add(
                files,
                File.generated(
                    config,
                    page.path,
                    content=page.text,
                    inclusion=InclusionLevel.INCLUDED if page.in_nav else InclusionLevel.NOT_IN_NAV,
                ),
            )
            if page.record_path:
                # MkDocs joins this to repo_url + edit_uri, so "edit" opens the YAML record.
                files.get_file_from_path(page.path).edit_uri = settings.edit_path(page.record_path)
        for data in content.files:
            self._add(files, File.generated(config, data.path, content=data.content))
        return files

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
