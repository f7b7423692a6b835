"""What the weekly upstream job says: which packages moved between two uv.lock files, and which
tests failed with the newer ones.

The job locks the newest versions pyproject.toml's ranges allow (`uv lock --upgrade`), runs the
tests, then runs this to write its summary. Every decision is here, so it is tested; the
workflow only copies files and calls this.

    python -m maintenance.upstream BEFORE_LOCK AFTER_LOCK [--junit RESULTS.xml]
"""

from __future__ import annotations

import argparse
import sys
import tomllib
import xml.etree.ElementTree as ElementTree
from dataclasses import dataclass
from pathlib import Path

HINT = (
    "A moved package above broke them: pin it below its new release in pyproject.toml, or fix "
    "the code, before Dependabot's pull request lands."
)


@dataclass(frozen=True, order=True)
class Change:
    """A package whose locked versions differ; `before` or `after` is "" if it is new or gone."""

    name: str
    before: str
    after: str

    @property
    def kind(self) -> str:
        if not self.before:
            return "added"
        return "removed" if not self.after else "upgraded"


def locked_versions(lock_text: str) -> dict[str, str]:
    """{package name: version} from a uv.lock; a package locked at several versions for
    different platforms lists them all ("1.0, 1.1"). The project itself is left out."""
    found: dict[str, set[str]] = {}
    for package in tomllib.loads(lock_text).get("package", []):
        source = package.get("source", {})
        if "editable" in source or "virtual" in source:
            continue
        found.setdefault(package["name"], set()).add(str(package.get("version", "")))
    return {name: ", ".join(sorted(versions)) for name, versions in found.items()}


def lock_changes(before: str, after: str) -> list[Change]:
    """Packages whose versions differ between two uv.lock texts, in name order."""
    old, new = locked_versions(before), locked_versions(after)
    return sorted(
        Change(name, old.get(name, ""), new.get(name, ""))
        for name in old.keys() | new.keys()
        if old.get(name) != new.get(name)
    )


def failed_tests(junit_xml: str) -> list[str]:
    """The tests (module::name) that failed or errored in a pytest JUnit XML report."""
    return [
        f"{case.get('classname', '')}::{case.get('name', '')}"
        for case in ElementTree.fromstring(junit_xml).iter("testcase")
        if case.find("failure") is not None or case.find("error") is not None
    ]


def summary(changes: list[Change], failures: list[str] | None) -> str:
    """Markdown for $GITHUB_STEP_SUMMARY. `failures` is None when the tests never ran."""
    lines = ["## Newest allowed dependencies", ""]
    if not changes:
        lines.append("Every locked package is already the newest its range allows.")
    else:
        lines += ["| package | locked | newest allowed | change |", "|---|---|---|---|"]
        lines += [
            f"| {c.name} | {c.before or '-'} | {c.after or '-'} | {c.kind} |" for c in changes
        ]
    lines.append("")
    if failures is None:
        lines.append("**The tests did not run**: see the job's log for why.")
    elif failures:
        lines.append(f"**{len(failures)} failed with these versions:**")
        lines += ["", *[f"- `{test}`" for test in failures]]
        lines += ["", HINT]
    else:
        lines.append("All tests pass with these versions.")
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("before", type=Path, help="uv.lock as committed")
    parser.add_argument("after", type=Path, help="uv.lock after `uv lock --upgrade`")
    parser.add_argument("--junit", type=Path, help="pytest's --junitxml report, if it ran")
    args = parser.parse_args(argv)
    changes = lock_changes(args.before.read_text(), args.after.read_text())
    junit = args.junit if args.junit and args.junit.is_file() else None
    failures = failed_tests(junit.read_text()) if junit else None
    sys.stdout.write(summary(changes, failures))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
