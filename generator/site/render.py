"""`pipeline render`: write the generated pages and data files to a folder.

The folder is a complete docs_dir (a copy of docs/ plus everything generated), so any engine
that reads mkdocs.yml can build it without the pipeline plugin.
"""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from generator.pages.model import SiteContent, SiteSettings
from generator.pages.templating import page_dir


class _TolerantLoader(yaml.SafeLoader):
    """mkdocs.yml may hold tags such as !ENV or !!python/name; their values are not needed."""


_TolerantLoader.add_multi_constructor("", lambda loader, suffix, node: None)


def read_mkdocs_config(config_file: Path) -> dict[str, Any]:
    return yaml.load(config_file.read_text(encoding="utf-8"), Loader=_TolerantLoader) or {}


def settings_from(config_file: Path) -> SiteSettings:
    return SiteSettings.from_config(read_mkdocs_config(config_file))


def docs_dir_of(config_file: Path) -> Path:
    config = read_mkdocs_config(config_file)
    return (config_file.parent / str(config.get("docs_dir") or "docs")).resolve()


@dataclass(frozen=True)
class Rendered:
    pages: int
    files: int


def write_content(content: SiteContent, docs_dir: Path, out: Path) -> Rendered:
    """Copy docs/ into `out`, then write every generated page and data file over it."""
    out.mkdir(parents=True, exist_ok=True)
    if docs_dir.is_dir():
        shutil.copytree(docs_dir, out, dirs_exist_ok=True)
    for page in content.pages:
        _write(out, served_from(page.path), page.text.encode("utf-8"))
    for data in content.files:
        _write(out, data.path, data.content)
    return Rendered(len(content.pages), len(content.files))


def served_from(page_path: str) -> str:
    """Each page as the index of the folder it is served from: `projects/x.md` ->
    `projects/x/index.md`. The pages' links are relative to where they are served; engines
    that resolve links against the Markdown file (Zensical) then find the same targets."""
    return page_dir(page_path) + "index.md"


def _write(out: Path, relative: str, data: bytes) -> None:
    target = (out / relative).resolve()
    if not target.is_relative_to(out.resolve()):
        raise ValueError(f"refusing to write outside {out}: {relative}")
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(data)
