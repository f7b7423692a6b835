"""`mkdocs serve` parses and schema-checks only the record files whose bytes changed, and its
report is the same as a check from nothing."""

from __future__ import annotations

from pathlib import Path

from generator.checking.memory import RecordMemory
from generator.checking.repository import check_repository
from tests.conftest import TODAY
from tests.site_helpers import site_repository


def _summary(root: Path, memory: RecordMemory | None) -> list[tuple[str, int, str]]:
    report = check_repository(root, today=TODAY, memory=memory)
    return [(p.path, p.line, p.message) for p in report.problems]


def test_only_changed_files_are_read_again_and_the_report_is_the_same(tmp_path: Path) -> None:
    root = site_repository(tmp_path / "repo")
    memory = RecordMemory()
    first = _summary(root, memory)
    files = sum(len(list(root.glob(f"{f}/*.yml"))) for f in ("projects", "councils", "makerdays"))
    assert memory.parsed >= files
    assert _summary(root, memory) == first and memory.parsed == 0

    record = root / "projects/report-a-missed-bin.yml"
    text = record.read_text(encoding="utf-8")
    record.write_text(text.replace("phase: live", "phase: sideways"), encoding="utf-8")
    broken = _summary(root, memory)
    assert memory.parsed == 1
    assert broken == _summary(root, None)  # the same problems as a check from nothing
    assert any(path == "projects/report-a-missed-bin.yml" for path, _, _ in broken)

    record.write_text(text, encoding="utf-8")
    assert _summary(root, memory) == first and memory.parsed == 1


def test_a_removed_file_is_forgotten(tmp_path: Path) -> None:
    root = site_repository(tmp_path / "repo")
    memory = RecordMemory()
    before = check_repository(root, today=TODAY, memory=memory)
    (root / "projects/find-a-public-toilet.yml").unlink()
    after = check_repository(root, today=TODAY, memory=memory)
    assert len(after.records) == len(before.records) - 1
    assert memory.parsed == 0
