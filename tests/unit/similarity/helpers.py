"""Small records for similarity tests, written into example repositories."""

from __future__ import annotations

from pathlib import Path

from generator.catalogue.construction import build_catalogue
from generator.catalogue.model import Catalogue
from generator.checking.repository import check_repository
from tests.conftest import TODAY

PROJECT_HEADER = "# yaml-language-server: $schema=../schema/project.schema.json\n"
COUNCIL_HEADER = "# yaml-language-server: $schema=../schema/council.schema.json\n"

LEEDS = COUNCIL_HEADER + (
    "name: Leeds City Council\nshort_name: Leeds\ngss_code: E08000035\nregister_code: LDS\n"
    "type: metropolitan-district\nnation: england\nregion: Yorkshire and The Humber\n"
)


def rubbish_not_collected(lead: str = "leeds") -> str:
    return PROJECT_HEADER + (
        "title: Rubbish not collected\n"
        "summary: Households tell us when their refuse wasn't picked up on collection day, "
        "so the crew can come back.\n"
        f"phase: idea\nlead_council: {lead}\n"
        "service_areas:\n  - waste-and-recycling\n"
    )


POTHOLE = PROJECT_HEADER + (
    "title: Report a pothole\nsummary: Tell us about holes in the road.\nphase: idea\n"
    "lead_council: leeds\nservice_areas:\n  - roads-and-transport\n"
)


def write(root: Path, relative: str, text: str) -> Path:
    path = root / relative
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def catalogue_of(root: Path) -> Catalogue:
    report = check_repository(root, today=TODAY)
    assert report.ok, report.errors
    return build_catalogue(report.records, root.resolve())
