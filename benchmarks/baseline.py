"""The bare-MkDocs baseline: the same records as plain Markdown pages, built by `mkdocs build`.

This is the limit for an MkDocs site of that many pages: no plugin, no data files, no
templates of ours, only Markdown through MkDocs and Material with the built-in search. It has
one page per record with the text a reader sees (title, summary, description, facts,
updates) and a plain list of links per folder. Like the real site, its navigation names the
section pages, not every record: a nav of 10,000 entries would repeat on every page and make
the site quadratic, which no real catalogue would do.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from benchmarks.synthetic import RECORD_FOLDERS

_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

CONFIG = {
    "site_name": "Bare MkDocs baseline",
    "site_url": "https://example.org/",
    "docs_dir": "docs",
    "theme": {"name": "material", "language": "en"},
    "nav": [
        {"Home": "index.md"},
        {"Projects": "projects/index.md"},
        {"Councils": "councils/index.md"},
        {"Maker days": "makerdays/index.md"},
    ],
}
_TEXT_KEYS = ("summary", "description")
_SKIPPED = {"title", "name", *_TEXT_KEYS, "updates"}


def record_page(data: dict[str, Any]) -> str:
    """One record as Markdown: heading, text, facts as a list, updates as a list."""
    title = data.get("title") or data.get("name") or "Untitled"
    lines = [f"# {title}", ""]
    for key in _TEXT_KEYS:
        if isinstance(data.get(key), str):
            lines += [data[key].strip(), ""]
    lines += ["## Facts", ""]
    for key, value in data.items():
        if key not in _SKIPPED:
            lines.append(f"- **{key.replace('_', ' ')}**: {_plain(value)}")
    if data.get("updates"):
        lines += ["", "## Updates", ""]
        lines += [f"- {u.get('date')}: {u.get('text')}" for u in data["updates"]]
    return "\n".join(lines) + "\n"


def _plain(value: Any) -> str:
    if isinstance(value, list):
        return "; ".join(_plain(v) for v in value)
    if isinstance(value, dict):
        return ", ".join(f"{k} {_plain(v)}" for k, v in value.items())
    return str(value)


def write_baseline(records_root: Path, target: Path) -> int:
    """Write the baseline site's sources for the records in `records_root`; return pages."""
    docs = target / "docs"
    pages = 1
    (docs).mkdir(parents=True, exist_ok=True)
    (docs / "index.md").write_text("# Bare MkDocs baseline\n\nThe same records, as plain pages.\n")
    for folder in RECORD_FOLDERS:
        (docs / folder).mkdir(exist_ok=True)
        links = [f"# {folder.capitalize()}", ""]
        for path in sorted((records_root / folder).glob("*.yml")):
            data = yaml.load(path.read_text(encoding="utf-8"), Loader=_LOADER)
            (docs / folder / f"{path.stem}.md").write_text(record_page(data), encoding="utf-8")
            links.append(f"- [{data.get('title') or data.get('name')}]({path.stem}.md)")
            pages += 1
        (docs / folder / "index.md").write_text("\n".join(links) + "\n", encoding="utf-8")
        pages += 1
    (target / "mkdocs.yml").write_text(yaml.safe_dump(CONFIG, sort_keys=False), encoding="utf-8")
    return pages
