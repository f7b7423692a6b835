"""The repository's own records are the public record of council collaboration, with sources.

These tests read projects/, councils/ and makerdays/ at the top of the repository (not the test
fixtures): the records the published site is built from. Where they compare the records with
the facts in ../shared/data/real/, they skip that comparison when ../shared is not there.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml

from tests.conftest import PROJECT_ROOT, SHARED

# ../shared/data/real beside the checkout; PIPELINE_FACTS points elsewhere (e.g. from a worktree).
FACTS = Path(os.environ.get("PIPELINE_FACTS") or SHARED / "data" / "real")
RECORD_FOLDERS = ("projects", "councils", "makerdays")
EMAIL = re.compile(r"[\w.+-]+@[\w-]+(\.[\w-]+)+")
# A GitHub user or team mention: '@' not preceded by a word character (so not an e-mail).
HANDLE = re.compile(r"(?<![\w.])@[A-Za-z0-9](?:-?[A-Za-z0-9])*(?:/[\w.-]+)?")
CONTACT_KEYS = {"contact", "maintainers"}
# Words that do not tell two public bodies apart ("London Borough of Camden" = "Camden").
FILLER = {
    "council", "councils", "city", "borough", "district", "county", "metropolitan",
    "london", "royal", "of", "the",
}  # fmt: skip


def _records(folder: str) -> dict[str, dict[str, Any]]:
    return {
        path.stem: yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        for path in sorted((PROJECT_ROOT / folder).glob("*.yml"))
    }


def _strings(value: Any, skip: frozenset[str] = frozenset()) -> Iterator[tuple[str, str]]:
    """Every (key, string) in a record, leaving out the keys in `skip` and what is under them."""
    if isinstance(value, dict):
        for key, item in value.items():
            if key in skip:
                continue
            if isinstance(item, str):
                yield key, item
            else:
                yield from _strings(item, skip)
    elif isinstance(value, list):
        for item in value:
            if isinstance(item, str):
                yield "", item
            else:
                yield from _strings(item, skip)


def _facts() -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    if not FACTS.is_dir():
        pytest.skip(f"{FACTS} is not here: the comparison with the facts needs ../shared")
    funded = yaml.safe_load((FACTS / "funded-projects.yml").read_text(encoding="utf-8"))
    original = yaml.safe_load((FACTS / "original-pipeline.yml").read_text(encoding="utf-8"))
    return funded, original


def _normal(name: str) -> str:
    name = re.sub(r"\(.*?\)", " ", name).replace("&", " and ").casefold()
    words = re.findall(r"[a-z0-9]+", name)
    return " ".join(w for w in words if w not in FILLER)


def _body_ids(name: str, councils: dict[str, dict[str, Any]]) -> set[str]:
    """The council ids a name in the facts can mean ('Adur & Worthing Councils' is two)."""
    index: dict[str, set[str]] = {}
    for cid, council in councils.items():
        for label in (council.get("name"), council.get("short_name")):
            if label:
                index.setdefault(_normal(label), set()).add(cid)
    wanted = _normal(name)
    if wanted in index:
        return index[wanted]
    parts = [index.get(part.strip(), set()) for part in wanted.split(" and ")]
    return set().union(*parts) if all(parts) and len(parts) > 1 else set()


def _fact_urls(funded: list[dict[str, Any]], original: list[dict[str, Any]]) -> set[str]:
    urls: set[str] = set()
    for entry in funded:
        urls.update(entry.get("sources") or [])
        urls.update(entry.get("links") or [])
        urls.update(a["source"] for a in entry.get("adopters") or [])
    for entry in original:
        urls.add(entry["url"])
        urls.update(entry.get("alt_urls") or [])
    return urls


def _involved(project: dict[str, Any]) -> set[str]:
    return {project["lead_council"]} | {p["council"] for p in project.get("partners") or []}


def _adopters(project: dict[str, Any]) -> set[str]:
    adopted = (project.get("reuse") or {}).get("adopted_by") or []
    return {a if isinstance(a, str) else a["council"] for a in adopted}


def _source_urls(project: dict[str, Any]) -> set[str]:
    return {s["url"] for s in project.get("sources") or []}


def test_the_catalogue_holds_at_least_40_real_projects() -> None:
    projects = _records("projects")
    assert len(projects) >= 40, f"only {len(projects)} projects in projects/"
    unsourced = sorted(pid for pid, p in projects.items() if not p.get("sources"))
    assert not unsourced, f"projects with no sources: {unsourced}"


def test_every_project_keeps_a_source_from_the_facts() -> None:
    known = _fact_urls(*_facts())
    missing = sorted(pid for pid, p in _records("projects").items() if not _source_urls(p) & known)
    assert not missing, f"projects citing no page from ../shared/data/real: {missing}"


def test_no_record_holds_an_email_address_a_github_handle_or_a_contact() -> None:
    """Until a council signs up (`joined`) or confirms a record, nobody is named or contactable.

    `confirmed` is left out of the check: it holds the handle of whoever confirmed a record.
    """
    found = []
    for folder in RECORD_FOLDERS:
        for rid, record in _records(folder).items():
            if folder == "councils" and record.get("joined"):
                continue
            found += [f"{folder}/{rid}: {key}" for key in CONTACT_KEYS & set(record)]
            for key, text in _strings(record, frozenset({"confirmed"})):
                if EMAIL.search(text) or HANDLE.search(text):
                    found.append(f"{folder}/{rid}: {key}: {text[:80]!r}")
    assert not found, "\n".join(found)


@pytest.mark.parametrize(("title_word", "project_id"), [
    ("LocalGov Drupal", "localgov-drupal"),
    ("BoPS", "back-office-planning-system"),
])  # fmt: skip
def test_phases_funded_separately_are_one_project(title_word: str, project_id: str) -> None:
    projects = _records("projects")
    named = sorted(pid for pid, p in projects.items() if title_word in p["title"])
    assert named == [project_id]
    phases = {award.get("phase") for award in projects[project_id].get("funding") or []}
    assert {"discovery", "alpha", "beta"} <= phases


def test_localgov_drupal_names_every_council_the_sources_give() -> None:
    funded, _ = _facts()
    councils = _records("councils")
    project = _records("projects")["localgov-drupal"]
    named = _involved(project) | _adopters(project)
    missing = []
    for entry in funded:
        if not entry["title"].startswith("LocalGov Drupal"):
            continue
        names = [entry["lead_council"], *(entry.get("partners") or [])]
        names += [a["council"] for a in entry.get("adopters") or []]
        missing += [n for n in names if not _body_ids(n, councils) & named]
    assert not missing, f"LocalGov Drupal does not name: {sorted(set(missing))}"


def test_each_sources_lead_body_leads_or_partners_the_project_citing_it() -> None:
    """Every entry of the facts is in a project that cites all its pages and whose lead or
    partners include the entry's lead body (a partner where the lead changed between phases)."""
    funded, original = _facts()
    councils = _records("councils")
    projects = _records("projects")
    entries = [(e["title"], e["lead_council"], set(e["sources"])) for e in funded]
    entries += [
        (e["title"], e["organisation"], {e["url"], *(e.get("alt_urls") or [])}) for e in original
    ]
    problems = []
    for title, lead, urls in entries:
        leads = _body_ids(lead, councils)
        if not leads:
            problems.append(f"{title}: no council record for its lead {lead!r}")
            continue
        citing = [p for p in projects.values() if urls <= _source_urls(p)]
        if not any(leads & _involved(p) for p in citing):
            problems.append(f"{title}: no project cites all its pages with {lead!r} involved")
    assert not problems, "\n".join(problems)
