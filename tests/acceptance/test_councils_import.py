"""`pipeline councils import` and `pipeline new council --code`: records from the register."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from generator.register.authorities import read_register, select
from generator.register.importing import update_text
from tests.conftest import EXAMPLES, SHARED, TODAY, make_repository

SMALL = str(Path(__file__).parent.parent / "data" / "register" / "small.csv")
REAL = SHARED / "data" / "uk_local_authorities_future.csv"
DAY = ("--today", "2026-11-22")


def _snapshot(repo: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted((repo / "councils").iterdir())}


def test_imports_every_current_authority_once(example_repo, run_pipeline) -> None:
    repo = example_repo()
    result = run_pipeline(repo, "councils", "import", SMALL, *DAY)
    assert result.exit_code == 0, result.output
    assert result.output.splitlines()[-2] == (
        "8 created, 0 updated, 2 unchanged, 0 skipped (from 10 authorities in small.csv)."
    )
    names = sorted(_snapshot(repo))
    assert names == [
        "aberdeen-city.yml",
        "adur.yml",
        "armagh-city-banbridge-and-craigavon.yml",
        "cardiff.yml",
        "city-of-london.yml",
        "devon.yml",
        "greater-manchester.yml",
        "hackney.yml",  # already there: matched by code, not duplicated
        "kirklees.yml",
        "west-berkshire.yml",
    ]
    assert (repo / "councils" / "adur.yml").read_text() == (
        "# yaml-language-server: $schema=../schema/council.schema.json\n"
        "name: Adur District Council\nshort_name: Adur\ngss_code: E07000223\n"
        "register_code: ADU\ntype: district\nnation: england\nregion: South East\n"
    )
    assert run_pipeline(repo, "validate", *DAY).exit_code == 0


def test_running_twice_changes_nothing(example_repo, run_pipeline) -> None:
    repo = example_repo()
    assert run_pipeline(repo, "councils", "import", SMALL, *DAY).exit_code == 0
    before = _snapshot(repo)
    again = run_pipeline(repo, "councils", "import", SMALL, *DAY)
    assert again.exit_code == 0
    assert "0 created, 0 updated, 10 unchanged" in again.output
    assert _snapshot(repo) == before


def test_existing_records_keep_their_own_keys_comments_and_order(
    example_repo, run_pipeline
) -> None:
    repo = example_repo()
    path = repo / "councils" / "west-berkshire.yml"
    original = path.read_text()
    edited = (
        original.replace("region: South East\n", "region: Berkshire  # as we say it\n")
        .replace("gss_code: E06000037\n", "")
        .replace("type: unitary\n", "type: district\n")
        .replace("short_name: West Berkshire\n", "short_name: West Berks\n")
    )
    path.write_text(edited)
    result = run_pipeline(repo, "councils", "import", SMALL, "--codes", "WBK", *DAY)
    assert result.exit_code == 0, result.output
    assert "councils/west-berkshire.yml: updated (gss_code, type, region)" in result.output
    assert path.read_text() == (
        original.replace("region: South East\n", "region: South East  # as we say it\n")
        # A short name someone chose is kept; the register only fills in a missing one.
        .replace("short_name: West Berkshire\n", "short_name: West Berks\n")
    )


def test_line_endings_and_block_values_survive_an_update() -> None:
    text = (
        "# top\r\nname: >\r\n  Old\r\n  Name\r\nlinks:\r\n  - title: Blog\r\n"
        "    url: https://example.org\r\n"
    )
    updated, keys = update_text(text, {"name": "New Name", "nation": "england"})
    assert keys == ("name", "nation")
    # A missing key goes after the nearest register key before it, not at the end.
    assert updated == (
        "# top\r\nname: New Name\r\nnation: england\r\nlinks:\r\n  - title: Blog\r\n"
        "    url: https://example.org\r\n"
    )
    assert yaml.safe_load(updated)["links"][0]["title"] == "Blog"
    assert update_text(updated, {"name": "New Name", "nation": "england"}) == (updated, ())


def test_values_that_need_quotes_are_quoted() -> None:
    updated, _ = update_text("name: X\n", {"name": "Yes", "region": "#1: the best"})
    assert yaml.safe_load(updated) == {"name": "Yes", "region": "#1: the best"}


def test_codes_and_dry_run(example_repo, run_pipeline) -> None:
    repo = example_repo()
    before = _snapshot(repo)
    dry = run_pipeline(repo, "councils", "import", SMALL, "--codes", "adu,KIR", "--dry-run", *DAY)
    assert dry.exit_code == 0, dry.output
    assert "councils/adur.yml: would be created" in dry.output
    assert "Dry run, nothing written: 2 would be created" in dry.output
    assert _snapshot(repo) == before
    done = run_pipeline(repo, "councils", "import", SMALL, "--codes", "adu,KIR", *DAY)
    assert done.exit_code == 0
    assert sorted(_snapshot(repo)) == sorted([*before, "adur.yml", "kirklees.yml"])


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("--codes", "WBQ"), "The register has no authority with the code WBQ. Did you mean WBK?"),
        (("--codes", "XFU"), "XFU (Example Future) is not a current authority: it does not start"),
        (("--codes", ","), "--codes names no authority"),
    ],
)
def test_bad_codes_are_refused_without_writing(example_repo, run_pipeline, args, message):
    repo = example_repo()
    before = _snapshot(repo)
    result = run_pipeline(repo, "councils", "import", SMALL, *args, *DAY)
    assert result.exit_code == 1
    assert message in result.output
    assert "Traceback" not in result.output
    assert _snapshot(repo) == before


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"code,name\nWBK,West Berkshire\n", "does not look like the mySociety local authority"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\xff", "is not UTF-8 text"),
        (b"", "is empty"),
    ],
)
def test_a_file_that_is_not_the_register_is_refused(
    example_repo, run_pipeline, tmp_path, content, message
) -> None:
    repo = example_repo()
    bad = tmp_path / "register.csv"
    bad.write_bytes(content)
    result = run_pipeline(repo, "councils", "import", str(bad), *DAY)
    assert result.exit_code == 1
    assert message in result.output
    assert "Traceback" not in result.output


def test_a_missing_file_is_a_usage_error(example_repo, run_pipeline) -> None:
    result = run_pipeline(example_repo(), "councils", "import", "nowhere.csv", *DAY)
    assert result.exit_code == 2
    assert "does not exist" in result.output


def test_a_file_name_taken_by_another_council_is_skipped(example_repo, run_pipeline) -> None:
    repo = example_repo()
    squatter = repo / "councils" / "adur.yml"
    squatter.write_text(
        "# yaml-language-server: $schema=../schema/council.schema.json\n"
        "name: Adur Parish Council\ntype: other\nnation: england\ngss_code: E04999999\n"
    )
    result = run_pipeline(repo, "councils", "import", SMALL, "--codes", "ADU,KIR", *DAY)
    assert result.exit_code == 1
    assert "councils/adur.yml already exists for another council (gss_code E04999999)" in (
        result.output
    )
    assert "Adur Parish Council" in squatter.read_text()
    assert (repo / "councils" / "kirklees.yml").exists()


def test_invalid_results_are_never_written(example_repo, run_pipeline, tmp_path) -> None:
    repo = example_repo()
    register = tmp_path / "register.csv"
    long_name = "A" * 201  # the schema allows 200 characters
    register.write_text(
        "local-authority-code,official-name,nice-name,gss-code,start-date,end-date,nation,"
        f"region,local-authority-type\nLNG,{long_name},Long,E06999998,,,England,,UA\n"
        "ADU,Adur District Council,Adur,E07000223,,,England,South East,NMD\n"
    )
    before = _snapshot(repo)
    result = run_pipeline(repo, "councils", "import", str(register), *DAY)
    assert result.exit_code == 1
    assert "Nothing was written" in result.output and "councils/long.yml:2" in result.output
    assert _snapshot(repo) == before


def test_new_council_from_the_register(example_repo, run_pipeline) -> None:
    repo = example_repo()
    result = run_pipeline(repo, "new", "council", "--code", "kir", "--register", SMALL, *DAY)
    assert result.exit_code == 0, result.output
    record = yaml.safe_load((repo / "councils" / "kirklees.yml").read_text())
    assert record == {
        "name": "Kirklees Council",
        "short_name": "Kirklees",
        "gss_code": "E08000034",
        "register_code": "KIR",
        "type": "metropolitan-district",
        "nation": "england",
        "region": "Yorkshire and The Humber",
        "joined": "2026-11-22",
    }
    assert run_pipeline(repo, "validate", *DAY).exit_code == 0


def test_new_council_from_the_register_refuses_what_it_cannot_do(
    example_repo, run_pipeline
) -> None:
    repo = example_repo()
    taken = run_pipeline(repo, "new", "council", "--code", "WBK", "--register", SMALL, *DAY)
    assert taken.exit_code == 1 and "councils/west-berkshire.yml already exists" in taken.output
    unknown = run_pipeline(repo, "new", "council", "--code", "WBQ", "--register", SMALL, *DAY)
    assert unknown.exit_code == 1 and "Did you mean WBK?" in unknown.output
    alone = run_pipeline(repo, "new", "council", "--code", "WBK", *DAY)
    assert alone.exit_code == 2 and "--code needs --register FILE" in alone.output


def test_new_council_still_asks_when_not_from_the_register(example_repo, run_pipeline) -> None:
    repo = example_repo()
    result = run_pipeline(
        repo,
        "new",
        "council",
        "--id",
        "testshire",
        *DAY,
        input="Testshire Council\ncounty\nwales\n",
    )
    assert result.exit_code == 0, result.output
    assert "Official name" in result.output
    record = yaml.safe_load((repo / "councils" / "testshire.yml").read_text())
    assert (record["name"], record["type"], record["nation"]) == (
        "Testshire Council",
        "county",
        "wales",
    )


@pytest.mark.skipif(not REAL.exists(), reason="the real register is not in ../shared/data/")
def test_the_real_register_gives_a_valid_record_for_every_current_authority(
    tmp_path, run_pipeline
) -> None:
    repo = make_repository(tmp_path / "repo", EXAMPLES / "base")
    current = select(read_register(REAL), TODAY)
    result = run_pipeline(repo, "councils", "import", str(REAL), *DAY)
    assert result.exit_code == 0, result.output
    assert len(current) > 350
    assert len(_snapshot(repo)) == len(current)
    validated = run_pipeline(repo, "validate", "councils", *DAY)
    assert validated.exit_code == 0, validated.output
    assert "all valid" in validated.output
    before = _snapshot(repo)
    again = run_pipeline(repo, "councils", "import", str(REAL), *DAY)
    assert f"0 created, 0 updated, {len(current)} unchanged" in again.output
    assert _snapshot(repo) == before
