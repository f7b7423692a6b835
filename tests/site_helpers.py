"""Helpers for site tests: a repository that can build the site, and a walk of built HTML."""

from __future__ import annotations

import shutil
from collections.abc import Iterable
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

from tests.conftest import CATALOGUE, PROJECT_ROOT

SITE_PATH = "/pipeline/"  # the path of site_url in mkdocs.yml
SITE_FILES = ("mkdocs.yml", "docs", "site_overrides", "schema", "pipeline.yml")


def site_repository(target: Path, records_from: Path = CATALOGUE) -> Path:
    """A repository in `target` with the project's site setup and the records of another
    (the invented catalogue unless told otherwise)."""
    target.mkdir(parents=True, exist_ok=True)
    for name in SITE_FILES:
        source = PROJECT_ROOT / name
        if source.is_dir():
            shutil.copytree(source, target / name)
        elif source.exists():
            shutil.copy2(source, target / name)
    for folder in ("projects", "councils", "makerdays"):
        if (records_from / folder).is_dir():
            shutil.copytree(records_from / folder, target / folder, dirs_exist_ok=True)
    return target


def mkdocs_build(repo: Path, site: Path) -> None:
    """`mkdocs build` of `repo` into `site`, in this process (so a test can patch the plugin)."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    build(load_config(config_file=str(repo / "mkdocs.yml"), site_dir=str(site)))


def different_files(one: Path, other: Path) -> list[str]:
    """The files of two built sites that differ (or are in one only), Pagefind's aside: its
    file names carry a hash that differs from run to run."""
    import filecmp

    def files(site: Path) -> set[str]:
        found = (p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_file())
        return {name for name in found if not name.startswith("pagefind/")}

    mine, theirs = files(one), files(other)
    differ = [n for n in mine & theirs if not filecmp.cmp(one / n, other / n, shallow=False)]
    return sorted((mine ^ theirs) | set(differ))


@dataclass
class ParsedPage:
    links: list[str] = field(default_factory=list)  # href and src values
    ids: set[str] = field(default_factory=set)


class _Collector(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.page = ParsedPage()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if values.get("id"):
            self.page.ids.add(values["id"])
        if tag == "a" and values.get("name"):
            self.page.ids.add(values["name"])
        for key in ("href", "src"):
            if values.get(key) and not (tag == "link" and key == "href" and _external(values[key])):
                self.page.links.append(values[key])


def _external(url: str) -> bool:
    return urlsplit(url).scheme not in ("", "file")


def parse_html(path: Path) -> ParsedPage:
    collector = _Collector()
    collector.feed(path.read_text(encoding="utf-8"))
    return collector.page


def target_file(site: Path, page: Path, link: str) -> tuple[Path, str]:
    """The file a link from `page` points to, and its fragment. Links resolve as on the host,
    under SITE_PATH: one that climbs out of it points at nothing, as it would once published."""
    base = SITE_PATH + page.relative_to(site).as_posix()
    resolved = urlsplit(urljoin(base, link))
    if not resolved.path.startswith(SITE_PATH):
        return site.parent / "outside-the-site" / resolved.path.lstrip("/"), ""
    path = site / unquote(resolved.path).removeprefix(SITE_PATH)
    if resolved.path.endswith("/") or path.is_dir():
        path = path / "index.html"
    return path, unquote(resolved.fragment)


def broken_links(site: Path, pages: Iterable[Path]) -> list[str]:
    """Every internal link on `pages` whose file or #anchor is missing in the built `site`:
    the one link walker, for every built site the tests check."""
    broken: list[str] = []
    ids: dict[Path, set[str]] = {}
    for page in pages:
        for link in parse_html(page).links:
            if _external(link) or link.startswith(("mailto:", "#__")):
                continue
            target, fragment = target_file(site, page, link)
            if not target.is_file():
                broken.append(f"{page.relative_to(site)}: {link}")
            elif fragment and target.suffix == ".html":
                found = ids.setdefault(target, parse_html(target).ids)
                if fragment not in found:
                    broken.append(f"{page.relative_to(site)}: {link} (no #{fragment})")
    return broken


def search_records(site: Path) -> dict[str, dict]:
    """The site search's records (Pagefind fragments) by URL: title, content, filters."""
    import gzip
    import json

    records = {}
    for path in (site / "pagefind" / "fragment").iterdir():
        data = gzip.decompress(path.read_bytes()).removeprefix(b"pagefind_dcd")
        record = json.loads(data)
        records[record["url"]] = record
    return records
