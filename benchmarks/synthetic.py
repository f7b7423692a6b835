"""A synthetic Pipeline repository: N projects, M councils and some maker days, all valid.

The repository is a copy of this one (schemas, docs, site configuration) with the record
folders replaced, so `pipeline validate` and `pipeline build` run on it exactly as on the real
thing. Councils come from the UK local authority register in shared/data when it is there
(real names and codes), otherwise from made-up names.
"""

from __future__ import annotations

import csv
import os
import re
import shutil
import subprocess
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import yaml

from benchmarks.prose import UPDATES, Prose

PROJECT_ROOT = Path(__file__).resolve().parent.parent
REGISTER = PROJECT_ROOT.parent / "shared" / "data" / "uk_local_authorities_future.csv"
RECORD_FOLDERS = ("projects", "councils", "makerdays")
# Everything else that a build may read is copied; these never are.
SKIPPED = {".git", ".venv", "site", "benchmarks", "tests", "build", "generator", *RECORD_FOLDERS}
TODAY = date(2026, 11, 22)

PHASES = ["idea", "discovery", "alpha", "beta", "live", "retired"]
PHASE_WEIGHTS = [20, 25, 20, 15, 15, 5]
COUNCIL_TYPES = {
    "NMD": "district",
    "UA": "unitary",
    "MD": "metropolitan-district",
    "SCO": "scottish-council",
    "LBO": "london-borough",
    "WPA": "welsh-principal-area",
    "CTY": "county",
    "COMB": "combined-authority",
    "NID": "ni-district",
}
SERVICE_AREAS = [
    "adult-social-care", "births-deaths-and-marriages", "business-and-economy",
    "childrens-services", "climate-and-environment", "community-safety",
    "council-tax-and-benefits", "customer-services-and-digital", "democracy-and-elections",
    "education-and-schools", "environmental-health", "housing", "leisure-and-parks",
    "libraries-and-culture", "licensing", "parking", "planning-and-building-control",
    "public-health", "roads-and-transport", "waste-and-recycling",
]  # fmt: skip


@dataclass(frozen=True)
class Catalogue:
    """What was written, for the benchmark's table."""

    root: Path
    projects: int
    councils: int
    makerdays: int
    record_bytes: int


class _Dumper(yaml.SafeDumper):
    """Writes multi-line text as a `|` block, the way people write descriptions."""


def _text(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    style = "|" if "\n" in value else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_Dumper.add_representer(str, _text)


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")[:50].strip("-")


def write_record(path: Path, kind: str, data: dict[str, Any]) -> int:
    text = f"# yaml-language-server: $schema=../schema/{kind}.schema.json\n" + yaml.dump(
        data, Dumper=_Dumper, sort_keys=False, allow_unicode=True, width=88
    )
    path.write_text(text, encoding="utf-8")
    return len(text.encode("utf-8"))


def copy_repository(target: Path, source: Path = PROJECT_ROOT) -> None:
    """The repository's own files, less records, tests and local clutter."""
    target.mkdir(parents=True, exist_ok=True)
    for entry in source.iterdir():
        if entry.name in SKIPPED or entry.name.endswith(".egg-info"):
            continue
        if entry.is_dir():
            shutil.copytree(entry, target / entry.name, dirs_exist_ok=True)
        else:
            shutil.copy2(entry, target / entry.name)
    for folder in RECORD_FOLDERS:
        (target / folder).mkdir(exist_ok=True)


def council_records(count: int, register: Path = REGISTER) -> dict[str, dict[str, Any]]:
    """`count` councils keyed by id: real ones from the register first, then made-up ones."""
    councils: dict[str, dict[str, Any]] = {}
    if register.is_file():
        with register.open(encoding="utf-8") as handle:
            rows = [r for r in csv.DictReader(handle) if r["current-authority"] == "True"]
        for row in rows:
            if len(councils) >= count:
                break
            record_id = slug(row["nice-name"])
            if record_id in councils or len(record_id) < 2:
                continue
            councils[record_id] = {
                "name": row["official-name"],
                "short_name": row["nice-name"],
                "gss_code": row["gss-code"],
                "type": COUNCIL_TYPES.get(row["local-authority-type"], "other"),
                "nation": row["nation"].lower().replace(" ", "-"),
                "region": row["region"],
                "website": f"https://www.{row['gov-uk-slug'] or record_id}.gov.uk",
                "joined": _day(len(councils) * 7 % 3000, start=date(2014, 10, 1)),
                "maintainers": [f"{record_id[:30].strip('-')}-digital"],
            }
            # Combined authorities have four-letter codes, which the schema rightly refuses.
            if re.fullmatch("[A-Z]{3}", row["local-authority-code"]):
                councils[record_id]["register_code"] = row["local-authority-code"]
    number = 0
    while len(councils) < count:
        number += 1
        councils[f"example-borough-{number:03d}"] = {
            "name": f"Example Borough Council {number:03d}",
            "type": "district",
            "nation": "england",
            "joined": _day(number % 3000, start=date(2014, 10, 1)),
        }
    return councils


def _day(offset: int, start: date = date(2020, 1, 6)) -> date:
    """A past day; written as a plain YAML date, as people write them."""
    return min(start + timedelta(days=offset), TODAY)


def project_record(prose: Prose, number: int, councils: list[str]) -> tuple[str, dict[str, Any]]:
    r = prose.random
    title = prose.title()
    record_id = f"{slug(title)}-{number:05d}"
    lead = r.choice(councils)
    others = r.sample(councils, r.randint(0, 6))
    partners = [c for c in others if c != lead]
    started = r.randint(0, 2300)
    data: dict[str, Any] = {
        "title": title,
        "summary": prose.summary(title),
        "description": prose.description(partners[0] if partners else "a neighbouring council"),
        "phase": r.choices(PHASES, PHASE_WEIGHTS)[0],
        "lead_council": lead,
    }
    if partners:
        data["partners"] = [
            {
                "council": c,
                "role": r.choice(["partner", "contributor", "observer"]),
                "since": _day(started + r.randint(0, 200)),
            }
            for c in partners
        ]
    data["collaboration"] = r.choice(
        ["share-ideas", "open-to-conversation", "share-funding", "co-develop"]
    )
    if r.random() < 0.5:
        data["looking_for"] = [
            {
                "role": role,
                "commitment": f"{r.randint(1, 3)} days a week for {r.randint(2, 12)} weeks.",
            }
            for role in r.sample(
                ["user-researcher", "developer", "content-designer", "data-analyst"],
                r.randint(1, 2),
            )
        ]
    if partners and r.random() < 0.6:
        data["pledges"] = [
            {"council": c, "kind": "time", "amount": r.randint(2, 40), "date": _day(started + 30)}
            for c in partners[: r.randint(1, len(partners))]
        ]
        data["target"] = {"time": r.randint(20, 120)}
    data["budget"] = r.choice(["unknown", "under-50k", "50k-100k", "100k-250k"])
    data["service_areas"] = r.sample(SERVICE_AREAS, r.randint(1, 2))
    data["tags"] = prose.tags()
    if r.random() < 0.3:
        data["reusable"] = True
        data["reuse"] = {
            "licence": r.choice(["MIT", "OGL-UK-3.0", "Apache-2.0"]),
            "repository": f"https://github.com/{lead}/{record_id}",
            "adopted_by": [c for c in r.sample(councils, r.randint(0, 4)) if c != lead],
        }
    data["links"] = [{"title": "Weeknotes", "url": f"https://blog.example.gov.uk/{record_id}"}]
    data["contact"] = {"name": "Digital team", "email": f"digital@{lead}.gov.uk"}
    data["maintainers"] = [f"{lead[:30].strip('-')}-digital"]
    data["started"] = _day(started)
    data["updates"] = [
        {"date": _day(started + step * 60), "text": prose.sentence(UPDATES)}
        for step in range(r.randint(1, 5))
    ]
    data["last_reviewed"] = _day(started + r.randint(0, 900))
    if r.random() < 0.2:
        data["challenge"] = {"problem": prose.sentence(["How might we cut {thing} by {share}?"])}
    return record_id, data


def makerday_record(prose: Prose, number: int, councils: list[str], challenges: list[str]) -> dict:
    r = prose.random
    start = _day(number * 45 % 2500, start=date(2019, 3, 1))
    theme = r.choice(["Waste", "Democracy", "Housing", "Roads", "Care"])
    data: dict[str, Any] = {
        "title": f"{theme} maker day {number}",
        "description": prose.description("a partner council"),
        "start": start,
        "end": start,
        "venue": {"name": "Town Hall", "town": "Newbury", "postcode": "RG14 5LD"},
        "hosts": r.sample(councils, 2),
    }
    picked = r.sample(challenges, min(len(challenges), r.randint(1, 6)))
    data["challenges"] = [{"project": p} for p in picked] or [
        {"title": "Open challenge", "problem": prose.sentence(["How might we cut {thing}?"])}
    ]
    return data


def commit_all(root: Path) -> None:
    """Make `root` a Git repository with one commit, as a real checkout is.

    The commit is dated long ago, so the dates in the records, not the commit, decide which
    projects need review (as in a repository with years of history).
    """
    old = "2020-01-01T12:00:00+00:00"
    env = {**os.environ, "GIT_AUTHOR_DATE": old, "GIT_COMMITTER_DATE": old}
    identity = ["-c", "user.name=Benchmark", "-c", "user.email=bench@example.org"]
    for command in (["init", "-q"], ["add", "-A"], [*identity, "commit", "-qm", "Synthetic"]):
        subprocess.run(["git", *command], cwd=root, env=env, check=True)


def write_catalogue(
    target: Path, projects: int, councils: int = 380, makerdays: int | None = None, seed: int = 7
) -> Catalogue:
    """Write a complete, valid repository with synthetic records into `target`."""
    copy_repository(target)
    prose = Prose(seed)
    written = 0
    council_data = council_records(councils)
    for record_id, data in council_data.items():
        written += write_record(target / "councils" / f"{record_id}.yml", "council", data)
    council_ids = list(council_data)
    challenges: list[str] = []
    for number in range(1, projects + 1):
        record_id, data = project_record(prose, number, council_ids)
        if "challenge" in data:
            challenges.append(record_id)
        written += write_record(target / "projects" / f"{record_id}.yml", "project", data)
    days = max(3, projects // 100) if makerdays is None else makerdays
    for number in range(1, days + 1):
        data = makerday_record(prose, number, council_ids, challenges)
        path = target / "makerdays" / f"maker-day-{number:04d}.yml"
        written += write_record(path, "makerday", data)
    return Catalogue(target, projects, len(council_data), days, written)
