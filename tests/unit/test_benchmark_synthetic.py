"""The benchmark's synthetic catalogue is valid, so the benchmark measures the normal path."""

from __future__ import annotations

from pathlib import Path

from benchmarks.baseline import write_baseline
from benchmarks.measure import page_transfer, site_size
from benchmarks.synthetic import write_catalogue
from generator.checking.repository import check_repository
from tests.conftest import TODAY


def test_synthetic_catalogue_validates(tmp_path: Path) -> None:
    catalogue = write_catalogue(tmp_path / "repo", 20, councils=30)
    report = check_repository(catalogue.root, today=TODAY)
    # The settings files are the repository's own, with its placeholders until launch.
    settings = {"mkdocs.yml", "pipeline.yml"}
    assert [p for p in report.problems if p.path not in settings] == []
    assert {p.rule for p in report.problems} <= {"placeholder"}
    kinds = [record.kind for record in report.records]
    assert kinds.count("project") == 20
    assert kinds.count("council") == 30
    assert kinds.count("makerday") == catalogue.makerdays == 3
    # Enough text per project to stand for real records (the examples are 1.5 to 5 KB).
    projects = list((catalogue.root / "projects").glob("*.yml"))
    assert sum(p.stat().st_size for p in projects) / len(projects) > 1500


def test_same_seed_same_catalogue(tmp_path: Path) -> None:
    first = write_catalogue(tmp_path / "a", 5, councils=10)
    second = write_catalogue(tmp_path / "b", 5, councils=10)
    names = sorted(p.name for p in (first.root / "projects").iterdir())
    assert names == sorted(p.name for p in (second.root / "projects").iterdir())
    for name in names:
        assert (first.root / "projects" / name).read_text() == (
            second.root / "projects" / name
        ).read_text()


def test_baseline_has_a_page_per_record(tmp_path: Path) -> None:
    catalogue = write_catalogue(tmp_path / "repo", 4, councils=6)
    pages = write_baseline(catalogue.root, tmp_path / "bare")
    # Home, one list per folder, one page per record.
    assert pages == 1 + 3 + 4 + 6 + catalogue.makerdays
    text = next((tmp_path / "bare" / "docs" / "projects").glob("*-00001.md")).read_text()
    assert text.startswith("# ") and "## Facts" in text


def test_site_measures(tmp_path: Path) -> None:
    site = tmp_path / "site"
    (site / "projects").mkdir(parents=True)
    (site / "projects" / "data.json").write_text('{"a": 1}' * 100)
    (site / "projects" / "index.html").write_text('<div data-src="data.json">x</div>' * 10)
    size = site_size(site)
    assert size.html_pages == 1 and size.largest_page == "projects/index.html"
    transfer = page_transfer(site, "projects/index.html")
    assert transfer["data_gzip"] > 0
    assert transfer["total_gzip"] == transfer["html_gzip"] + transfer["data_gzip"]
