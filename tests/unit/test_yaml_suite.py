"""Every case of the YAML test suite (../shared/data, MIT) read as if it were a record file:
refused with a place inside the text, or read; never an unexpected exception.

The suite holds YAML that libyaml, PyYAML and YAML 1.2 tools disagree on, which is where a
record reader meets its awkward input. Skipped when the data is not beside the project.
"""

from __future__ import annotations

import tarfile

import pytest

from generator.loading.text_checks import refuse_hidden_characters, refuse_tabs, yaml_lines
from generator.loading.yaml_positions import YamlProblem, load_document
from generator.problems import RecordError
from tests.conftest import SHARED

SUITE = SHARED / "data" / "yaml-test-suite-data.tar.gz"


def _cases() -> dict[str, str]:
    found = {}
    with tarfile.open(SUITE) as archive:
        for member in archive.getmembers():
            if member.name.endswith("/in.yaml") and member.isfile():
                data = archive.extractfile(member)
                if data is not None:
                    found[member.name.removesuffix("/in.yaml")] = data.read().decode("utf-8")
    return found


@pytest.mark.skipif(not SUITE.exists(), reason="the YAML test suite is not in ../shared/data")
def test_every_suite_case_is_read_or_refused_at_a_place_in_it() -> None:
    cases = _cases()
    assert len(cases) > 300
    unexpected, misplaced, refused = [], [], 0
    for name, text in cases.items():
        try:
            refuse_hidden_characters("x.yml", text)
            refuse_tabs("x.yml", text)
            load_document(text)
        except RecordError as exc:
            refused += 1
            line, column = exc.problem.line, exc.problem.column
        except YamlProblem as exc:
            refused += 1
            line, column = exc.line, exc.column
        except Exception as exc:  # the point of the test: nothing else may escape
            unexpected.append(f"{name}: {type(exc).__name__}: {exc}")
            continue
        else:
            continue
        lines = yaml_lines(text)
        if not (1 <= line <= len(lines) and 1 <= column <= len(lines[line - 1]) + 1):
            misplaced.append(f"{name}: {line}:{column}")
    assert not unexpected, unexpected
    assert not misplaced, misplaced
    assert 0 < refused < len(cases)
