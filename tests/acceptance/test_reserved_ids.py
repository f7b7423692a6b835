"""No record can take an address the site uses for its own pages and data files.

The reserved ids are made from the site's path definitions (generator.site_paths); these tests
build the site and show that the list covers everything generated inside a record folder, so
any id a record may have gets a page of its own.
"""

from __future__ import annotations

import pytest

from generator.loading.files import KIND_FOLDERS, WINDOWS_DEVICES
from generator.pages import projects as projects_module
from generator.pages import sections as sections_module
from generator.pages.model import SiteSettings
from generator.site.compose import generate_site
from generator.site.content import load, read_schemas
from generator.site_paths import RECORD_SECTIONS, RESERVED
from tests.conftest import PROJECT_ROOT, TODAY, catalogue_root

HEADERS = {
    "project": "title: A\nsummary: B\nphase: idea\nlead_council: west-berkshire\n",
    "council": "name: A council\n",
    "makerday": "title: A day\nstart: 2027-01-20\n",
}


def _outputs(content) -> list[str]:
    """Every page source (`projects/index.md`, `projects/page/2.md`) and data file path."""
    return [p.path for p in content.pages] + [f.path for f in content.files]


def _clashes(outputs: list[str], section: str, record_id: str) -> list[str]:
    """What a record's page (`projects/<id>.md`, published at `/projects/<id>/`) would clash
    with: the same source, a page inside its address, or a file of the same name."""
    return [
        p
        for p in outputs
        if p == f"{section}{record_id}.md"
        or p.startswith((f"{section}{record_id}/", f"{section}{record_id}."))
    ]


@pytest.fixture(scope="module")
def every_list_paged():
    """The real records' site with one item per list page, so every numbered page exists."""
    catalogue = load(catalogue_root(), TODAY).catalogue
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(projects_module, "CATALOGUE_PAGE_SIZE", 1)
        for name in ("SERVICES_PAGE_SIZE", "CHALLENGES_PAGE_SIZE", "REVIEW_PAGE_SIZE"):
            patch.setattr(sections_module, name, 1)
        content = generate_site(
            catalogue, SiteSettings(), today=TODAY, schemas=read_schemas(PROJECT_ROOT)
        )
    return catalogue, content


def test_reserved_ids_cover_everything_generated_inside_record_folders(every_list_paged):
    catalogue, content = every_list_paged
    ids = {"project": catalogue.projects, "council": catalogue.councils,
           "makerday": catalogue.makerdays}  # fmt: skip
    outputs = _outputs(content)
    assert any("/page/" in p for p in outputs)  # the paged lists really are paged
    for kind, section in RECORD_SECTIONS.items():
        taken = {p[len(section) :].split("/")[0].split(".")[0] for p in outputs
                 if p.startswith(section)}  # fmt: skip
        site_own = {name for name in taken - set(ids[kind]) if _clashes(outputs, section, name)}
        assert site_own <= RESERVED[kind], (kind, site_own - RESERVED[kind])


@pytest.mark.parametrize("kind", sorted(RESERVED))
def test_a_record_with_a_reserved_id_would_replace_a_site_page(kind, every_list_paged):
    """Why the ids are refused: built anyway, such a record's page lands on the site's own."""
    _catalogue, content = every_list_paged
    outputs = _outputs(content)
    for reserved in RESERVED[kind]:
        assert _clashes(outputs, RECORD_SECTIONS[kind], reserved), (kind, reserved)


@pytest.mark.parametrize(
    ("kind", "record_id"),
    [(k, r) for k in sorted(RESERVED) for r in sorted(RESERVED[k])]
    + [("project", d) for d in sorted(WINDOWS_DEVICES)],
)
def test_validate_refuses_every_reserved_id(kind, record_id, example_repo, run_pipeline):
    repo = example_repo()
    path = repo / KIND_FOLDERS[kind] / f"{record_id}.yml"
    path.parent.mkdir(exist_ok=True)
    path.write_text(HEADERS[kind], encoding="utf-8")
    result = run_pipeline(repo, "validate", "--today", "2026-11-22")
    assert result.exit_code == 1, result.output
    assert f"{KIND_FOLDERS[kind]}/{record_id}.yml:1:1: error: The id '{record_id}'" in (
        result.output
    )


def test_reserved_ids_are_not_in_the_real_records():
    catalogue = load(catalogue_root(), TODAY).catalogue
    for kind, records in (("project", catalogue.projects), ("council", catalogue.councils)):
        assert not set(records) & RESERVED[kind]
