"""The engine exits, tested rather than promised: the example site builds with MkDocs,
ProperDocs (through the plugin) and Zensical (from `pipeline render`, it has no plugins), with
every page MkDocs builds present and every internal link working in each.

The engines come from the test extra (uv.lock); each runs as a person would, in a process of
its own, in a copy of the repository."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import TODAY
from tests.site_helpers import SITE_PATH, broken_links, site_repository, target_file

# The files besides pages that every engine must publish.
DATA_FILES = ("api/projects.json", "api/councils.json", "feed.xml", "makerdays.ics", "projects.csv")


def engine(name: str) -> str:
    found = shutil.which(name, path=str(Path(sys.executable).parent))
    assert found, f"{name} is missing: install the test extra (make install)"
    return found


def run(repo: Path, *command: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PIPELINE_TODAY": TODAY.isoformat(), "NO_MKDOCS_2_WARNING": "1"}
    done = subprocess.run(command, cwd=repo, env=env, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, f"{command} failed:\n{done.stdout}{done.stderr}"
    assert "Traceback" not in done.stdout + done.stderr
    return done


def pages(site: Path) -> set[str]:
    return {p.relative_to(site).as_posix() for p in site.rglob("*.html")}


@pytest.fixture(scope="module")
def repo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return site_repository(tmp_path_factory.mktemp("engines") / "repo")


@pytest.fixture(scope="module")
def mkdocs_site(repo: Path) -> Path:
    run(repo, engine("mkdocs"), "build", "--strict", "--quiet", "-d", str(repo / "by-mkdocs"))
    return repo / "by-mkdocs"


def assert_complete(site: Path, mkdocs_site: Path) -> None:
    missing = sorted(pages(mkdocs_site) - pages(site))
    assert not missing, f"pages MkDocs builds but this engine does not: {missing}"
    for name in DATA_FILES:
        assert (site / name).read_bytes() == (mkdocs_site / name).read_bytes(), name
    broken = broken_links(site, sorted(site.rglob("*.html")))
    assert not broken, "\n".join(broken)
    home = (site / "index.html").read_text(encoding="utf-8")
    assert "md-header" in home and "Accessibility statement" in home  # Material, our overrides


def test_mkdocs_builds_every_page_with_working_links(mkdocs_site: Path, repo: Path) -> None:
    records = {p.stem for p in (repo / "projects").glob("*.yml")}
    assert {f"projects/{r}/index.html" for r in records} <= pages(mkdocs_site)
    assert not broken_links(mkdocs_site, sorted(mkdocs_site.rglob("*.html")))


def test_properdocs_builds_the_site_through_the_plugin(repo: Path, mkdocs_site: Path) -> None:
    out = repo / "by-properdocs"
    run(repo, engine("properdocs"), "build", "--strict", "-f", "mkdocs.yml", "-d", str(out))
    assert_complete(out, mkdocs_site)
    assert pages(out) == pages(mkdocs_site)


def test_zensical_builds_the_rendered_pages(repo: Path, mkdocs_site: Path) -> None:
    run(repo, engine("pipeline"), "render", "--out", "rendered", "--today", TODAY.isoformat())
    # As README says: a configuration that inherits mkdocs.yml and reads the rendered folder.
    (repo / "zensical.yml").write_text(
        "INHERIT: mkdocs.yml\ndocs_dir: rendered\nsite_dir: by-zensical\nplugins: [search]\n"
    )
    done = run(repo, engine("zensical"), "build", "--strict", "-f", "zensical.yml")
    assert "No issues found" in done.stdout + done.stderr
    assert_complete(repo / "by-zensical", mkdocs_site)
    # Without the plugin the theme's edit button cannot know the record (README says so); the
    # page's own link to edit the record is in the body, so it is there.
    page = (repo / "by-zensical/projects/find-my-bin-day/index.html").read_text(encoding="utf-8")
    assert "/edit/main/projects/find-my-bin-day.yml" in page


def test_a_link_that_climbs_out_of_the_site_counts_as_broken(tmp_path: Path) -> None:
    """Why the walk resolves links under the site's path: a link one `../` too many still
    finds a file from the root of a folder, but not on the published host."""
    site = tmp_path / "site"
    (site / "projects" / "a").mkdir(parents=True)
    (site / "councils" / "b").mkdir(parents=True)
    (site / "councils" / "b" / "index.html").write_text("<p>b</p>")
    page = site / "projects" / "a" / "index.html"
    page.write_text('<a href="../../councils/b/">ok</a> <a href="../../../councils/b/">out</a>')
    assert broken_links(site, [page]) == ["projects/a/index.html: ../../../councils/b/"]
    assert target_file(site, page, f"{SITE_PATH}councils/b/")[0].is_file()
