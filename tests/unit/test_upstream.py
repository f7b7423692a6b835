"""The weekly upstream job's summary: which locked packages moved, and which tests failed."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from maintenance.upstream import Change, failed_tests, lock_changes, locked_versions, main
from tests.conftest import PROJECT_ROOT

LOCK = (PROJECT_ROOT / "uv.lock").read_text(encoding="utf-8")


def bumped(lock: str, name: str, new_version: str) -> str:
    """The lock with one package's version changed, as `uv lock --upgrade` would write it."""
    old_version = locked_versions(lock)[name]
    entry = f'name = "{name}"\nversion = "{old_version}"'
    assert entry in lock
    return lock.replace(entry, f'name = "{name}"\nversion = "{new_version}"')


def test_the_committed_lock_pins_every_dependency_but_not_the_project() -> None:
    versions = locked_versions(LOCK)
    assert {"mkdocs", "mkdocs-material", "pyyaml", "pytest", "playwright"} <= versions.keys()
    assert "pipeline-catalogue" not in versions
    assert versions["mkdocs"].startswith("1.")  # pyproject.toml keeps mkdocs<2


def test_nothing_moved_when_the_lock_is_unchanged() -> None:
    assert lock_changes(LOCK, LOCK) == []


def test_an_upgraded_an_added_and_a_removed_package_are_named() -> None:
    after = bumped(LOCK, "pyyaml", "6.99.0")
    after += '\n[[package]]\nname = "newcomer"\nversion = "1.0.0"\nsource = { registry = "x" }\n'
    before = LOCK + '\n[[package]]\nname = "leaver"\nversion = "2.0"\nsource = { registry = "x" }\n'
    changes = lock_changes(before, after)
    old_yaml = locked_versions(LOCK)["pyyaml"]
    assert changes == [
        Change("leaver", "2.0", ""),
        Change("newcomer", "", "1.0.0"),
        Change("pyyaml", old_yaml, "6.99.0"),
    ]
    assert [c.kind for c in changes] == ["removed", "added", "upgraded"]


def test_failed_tests_come_from_a_real_pytest_report(tmp_path: Path) -> None:
    (tmp_path / "test_sample.py").write_text(
        "import pytest\n"
        "def test_fine(): pass\n"
        "def test_broken(): assert 1 == 2\n"
        "@pytest.fixture\ndef bad(): raise RuntimeError\n"
        "def test_errored(bad): pass\n"
        "@pytest.mark.skip\ndef test_skipped(): assert False\n"
    )
    report = tmp_path / "junit.xml"
    subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", f"--junitxml={report}"],
        cwd=tmp_path,
        capture_output=True,
        timeout=120,
    )
    assert failed_tests(report.read_text()) == [
        "test_sample::test_broken",
        "test_sample::test_errored",
    ]


def test_the_summary_names_what_moved_and_what_broke(tmp_path: Path, capsys) -> None:
    before, after = tmp_path / "before.lock", tmp_path / "after.lock"
    before.write_text(LOCK)
    after.write_text(bumped(LOCK, "jsonschema", "4.999.0"))
    junit = tmp_path / "junit.xml"
    junit.write_text(
        '<testsuites><testsuite><testcase classname="tests.test_schemas" name="test_a">'
        '<failure message="boom"/></testcase><testcase classname="tests.test_cli" name="test_b"/>'
        "</testsuite></testsuites>"
    )
    assert main([str(before), str(after), "--junit", str(junit)]) == 0
    text = capsys.readouterr().out
    assert "| jsonschema | " in text and "| 4.999.0 | upgraded |" in text
    assert "**1 failed with these versions:**" in text and "`tests.test_schemas::test_a`" in text
    assert "test_b" not in text


def test_the_summary_says_when_all_pass_or_the_tests_never_ran(tmp_path: Path, capsys) -> None:
    lock = tmp_path / "uv.lock"
    lock.write_text(LOCK)
    main([str(lock), str(lock), "--junit", str(tmp_path / "missing.xml")])
    text = capsys.readouterr().out
    assert "already the newest" in text and "The tests did not run" in text
    junit = tmp_path / "junit.xml"
    junit.write_text('<testsuite><testcase classname="tests.x" name="test_ok"/></testsuite>')
    main([str(lock), str(lock), "--junit", str(junit)])
    assert "All tests pass with these versions." in capsys.readouterr().out
