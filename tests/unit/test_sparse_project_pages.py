"""Pages built from sparse records say only what the records say: no empty "Since" column, no
claim that a team wants no roles, every project reachable through the collaboration filter,
and no promise of a licence the records do not give."""

from __future__ import annotations

from pathlib import Path

from generator.pages.model import SiteSettings
from generator.site.compose import generate_site
from generator.site.content import load, read_schemas
from tests.conftest import TODAY

RECORD = "projects/report-a-missed-bin.yml"


def _pages(root: Path) -> dict[str, str]:
    content = generate_site(
        load(root, TODAY).catalogue, SiteSettings(), today=TODAY, schemas=read_schemas(root)
    )
    return {p.path: p.body for p in content.pages}


def _project(pages: dict[str, str]) -> str:
    return next(body for path, body in pages.items() if "report-a-missed-bin" in path)


def _edit(root: Path, old: str, new: str) -> None:
    path = root / RECORD
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")


def test_since_column_only_when_a_partner_has_a_date(example_repo) -> None:
    root = example_repo()
    assert '<th scope="col">Since</th>' in _project(_pages(root))
    _edit(root, "    since: 2025-04-01\n", "")
    page = _project(_pages(root))
    assert '<th scope="col">Since</th>' not in page
    assert "<td></td>" not in page


def test_no_roles_listed_says_so_without_claiming_the_team_wants_none(example_repo) -> None:
    page = _project(_pages(example_repo()))
    assert "not asking for particular roles" not in page
    assert "No roles listed yet" in page and "looking_for" in page


def test_projects_without_collaboration_can_be_filtered_as_not_recorded(example_repo) -> None:
    listing = _pages(example_repo())["projects/index.md"]
    assert '<option value="not-recorded">Not recorded</option>' in listing
    assert 'data-collaboration="not-recorded"' in listing


def test_collaboration_filter_offers_not_recorded_only_when_a_record_lacks_it(
    example_repo,
) -> None:
    root = example_repo()
    _edit(root, "\nphase: beta\n", "\nphase: beta\ncollaboration: co-develop\n")
    listing = _pages(root)["projects/index.md"]
    assert "not-recorded" not in listing
    assert 'data-collaboration="co-develop"' in listing


def test_reusable_services_promise_no_licence_the_records_do_not_give(example_repo) -> None:
    root = example_repo()
    _edit(root, "\nphase: beta\n", "\nphase: beta\nreusable: true\n")
    services = _pages(root)["services/index.md"]
    assert "a licence that allows reuse" not in services
    assert "Not stated: ask the lead council" in services


def test_an_abolished_lead_is_not_offered_as_the_place_to_write(tmp_path) -> None:
    from tests.conftest import EXAMPLES, make_repository

    root = make_repository(tmp_path / "repo", EXAMPLES / "base", EXAMPLES / "valid/real-facts")
    page = _pages(root)["projects/shared-website-platform.md"]
    note = page.split('<p class="pl-form-note">', 1)[1].split("</p>", 1)[0]
    assert "write to the lead council" not in note
    assert "Cumberland" in note and "which took over from the lead council" in note


def test_an_abolished_councils_page_invites_nothing_it_cannot_do(tmp_path) -> None:
    from tests.conftest import EXAMPLES, make_repository

    root = make_repository(tmp_path / "repo", EXAMPLES / "base", EXAMPLES / "valid/real-facts")
    pages = _pages(root)
    cumbria = pages["councils/cumbria.md"]
    for invitation in ("Find a project to join", "Find a service to reuse", "pledge time"):
        assert invitation not in cumbria
    assert "Councils like yours" not in cumbria
    assert "Find a project to join" in pages["councils/cumberland.md"]
