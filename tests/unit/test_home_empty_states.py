"""The home page's figures at zero: a sentence that says what is missing and how to start it,
never a bare 0 (the real catalogue opens with no challenges and few reusable services)."""

from __future__ import annotations

from pathlib import Path

from generator.pages.model import SiteSettings
from generator.site.compose import generate_site
from generator.site.content import load, read_schemas
from tests.conftest import TODAY


def _home(root: Path) -> str:
    content = generate_site(
        load(root, TODAY).catalogue, SiteSettings(), today=TODAY, schemas=read_schemas(root)
    )
    home = next(p for p in content.pages if p.path == "index.md").body
    return home.split('<ul class="pl-stats">', 1)[1].split("</ul>", 1)[0]


def test_figures_at_zero_invite_rather_than_show_0(example_repo) -> None:
    root = example_repo()
    project = root / "projects" / "report-a-missed-bin.yml"
    with_challenge = _home(root)
    assert "<strong>1</strong> open challenge</a>" in with_challenge
    assert "No reusable service</strong> listed yet" in with_challenge
    assert "<strong>0</strong>" not in with_challenge

    text = project.read_text(encoding="utf-8")
    project.write_text(text.split("challenge:\n", 1)[0], encoding="utf-8")
    without = _home(root)
    assert 'href="challenges/"><strong>No open challenge</strong> yet: propose one</a>' in without
    assert "<strong>0</strong>" not in without
