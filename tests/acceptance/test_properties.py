"""The invariant, tested by generation: whatever `pipeline validate` accepts, the site builds.

Valid records are bent in many ways (tests/property_inputs.py). For each result, `validate`
answers 0 or 1 (never 2), prints no traceback and answers within a bound; when it accepts the
records, the site is generated and every data file is checked with a strict reader: JSON
without NaN or Infinity, Atom as XML, iCalendar with the icalendar library, CSV with csv.

`make test` runs a short profile; CI runs a long one weekly (HYPOTHESIS_PROFILE=long).
"""

from __future__ import annotations

import contextlib
import csv
import io
import json
import tempfile
import time
import xml.etree.ElementTree as ET
from pathlib import Path

import icalendar
from click.testing import CliRunner
from hypothesis import event, given

from generator.cli import cli
from generator.outputs.spreadsheet import COLUMNS
from generator.pages.model import SiteSettings
from generator.similarity.engine import all_similar
from generator.site.compose import generate_site
from generator.site.content import load, read_schemas
from generator.staleness.assessment import find_stale
from tests.conftest import EXAMPLES, TODAY, make_repository
from tests.property_inputs import SEEDS, dump, repositories

ANSWER_WITHIN = 5.0  # seconds; generous, since CI machines are shared
ATOM = "{http://www.w3.org/2005/Atom}"


def _strict_json(data: bytes) -> object:
    def refuse(constant: str) -> object:
        raise ValueError(f"{constant} is not JSON")

    return json.loads(data.decode("utf-8"), parse_constant=refuse)


def check_outputs(root: Path) -> None:
    """Build the site from `root` and read every data file back strictly."""
    catalogue = load(root, TODAY).catalogue
    content = generate_site(
        catalogue,
        SiteSettings(),
        today=TODAY,
        stale={s.id: s for s in find_stale(catalogue, TODAY)},
        similar=all_similar(catalogue),
        schemas=read_schemas(root),
    )
    assert content.pages
    files = {f.path: f.content for f in content.files}
    for path, data in files.items():
        if path.endswith(".json"):
            _strict_json(data)
    feed = ET.fromstring(files["feed.xml"])
    assert feed.tag == f"{ATOM}feed"
    assert all(e.find(f"{ATOM}title") is not None for e in feed.iter(f"{ATOM}entry"))
    calendar = icalendar.Calendar.from_ical(files["makerdays.ics"])
    for happening in calendar.walk("VEVENT"):
        assert happening.decoded("dtstart") <= happening.decoded("dtend")
    rows = list(csv.reader(io.StringIO(files["projects.csv"].decode("utf-8-sig"))))
    assert rows[0] == list(COLUMNS)
    assert all(len(row) == len(COLUMNS) for row in rows)


def validate(root: Path) -> tuple[int, str, float]:
    started = time.perf_counter()
    with contextlib.chdir(root):
        result = CliRunner().invoke(
            cli, ["validate", "--today", TODAY.isoformat()], env={"GITHUB_ACTIONS": ""}
        )
    return result.exit_code, result.output, time.perf_counter() - started


def repository(files: dict[str, str], folder: Path) -> Path:
    root = make_repository(folder / "repo", EXAMPLES / "base")
    for path, text in files.items():
        target = root / path
        target.parent.mkdir(exist_ok=True)
        target.write_bytes(text.encode("utf-8", "surrogatepass"))
    return root


def test_the_seeds_are_valid_and_build(tmp_path: Path) -> None:
    """The starting point: unbent, the seeds pass and build (else the test below tests little)."""
    files = {path: dump(kind, data) for path, (kind, data) in SEEDS.items()}
    root = repository(files, tmp_path)
    code, output, _ = validate(root)
    assert code == 0, output
    check_outputs(root)


@given(repositories())
def test_validate_answers_and_what_it_accepts_builds(files: dict[str, str]) -> None:
    with tempfile.TemporaryDirectory() as folder:
        root = repository(files, Path(folder))
        code, output, elapsed = validate(root)
        assert code in (0, 1), output
        assert "Traceback" not in output and "internal error" not in output, output
        assert elapsed < ANSWER_WITHIN, f"{elapsed:.1f} s"
        event("accepted" if code == 0 else "refused")
        if code == 0:
            check_outputs(root)


def test_a_maker_day_title_with_a_line_break_builds(tmp_path: Path) -> None:
    """Found by the long run: a quoted "a\\nb" title is valid, and its calendar must build."""
    files = {path: dump(kind, data) for path, (kind, data) in SEEDS.items()}
    kind, data = SEEDS["makerdays/winter-day.yml"]
    files["makerdays/winter-day.yml"] = dump(kind, {**data, "title": "Winter\nmaker day"})
    root = repository(files, tmp_path)
    code, output, _ = validate(root)
    assert code == 0, output
    check_outputs(root)
