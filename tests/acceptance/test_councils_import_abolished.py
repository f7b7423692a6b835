"""`pipeline councils import` writes an abolished council's end date and successors from the
register (its end-date and replaced-by columns), as council ids: Cumbria County Council was
replaced by Cumberland and Westmorland and Furness on 1 April 2023."""

from __future__ import annotations

from pathlib import Path

import yaml

HEADER = (
    "local-authority-code,official-name,nice-name,gss-code,start-date,end-date,replaced-by,"
    "nation,region,local-authority-type,local-authority-type-name,current-authority\n"
)
ROWS = (
    'CMA,Cumbria County Council,Cumbria,E10000006,,2023-04-01,"CBD,WAF",England,North West,'
    "CTY,County,False\n"
    "CBD,Cumberland Council,Cumberland,E06000063,2023-04-01,,,England,North West,UA,Unitary,True\n"
    "WAF,Westmorland and Furness Council,Westmorland and Furness,E06000064,2023-04-01,,,England,"
    "North West,UA,Unitary,True\n"
)
DAY = ("--today", "2026-11-22")


def _register(tmp_path: Path) -> str:
    path = tmp_path / "register.csv"
    path.write_text(HEADER + ROWS, encoding="utf-8")
    return str(path)


def _record(repo: Path, name: str) -> dict:
    return yaml.safe_load((repo / "councils" / f"{name}.yml").read_text(encoding="utf-8"))


def test_an_abolished_council_by_code_gets_its_end_and_successors(
    example_repo, run_pipeline, tmp_path
) -> None:
    repo, register = example_repo(), _register(tmp_path)
    done = run_pipeline(repo, "councils", "import", register, "--codes", "CMA,CBD,WAF", *DAY)
    assert done.exit_code == 0, done.output
    cumbria = _record(repo, "cumbria")
    assert str(cumbria["end_date"]) == "2023-04-01"
    assert cumbria["successors"] == ["cumberland", "westmorland-and-furness"]
    assert "end_date" not in _record(repo, "cumberland")
    assert run_pipeline(repo, "validate").exit_code == 0
    again = run_pipeline(repo, "councils", "import", register, "--codes", "CMA,CBD,WAF", *DAY)
    assert "0 created, 0 updated, 3 unchanged" in again.output


def test_an_existing_record_of_an_abolished_council_is_updated_in_place(
    example_repo, run_pipeline, tmp_path
) -> None:
    repo, register = example_repo(), _register(tmp_path)
    (repo / "councils" / "cumberland.yml").write_text(
        "name: Cumberland Council\nregister_code: CBD\ntype: unitary\nnation: england\n"
    )
    path = repo / "councils" / "cumbria.yml"
    path.write_text(
        "# Led LocalGov Drupal's beta.\nname: Cumbria County Council\nregister_code: CMA\n"
        "type: county\nnation: england\nsuccessors: [somewhere-else]\nwebsite: https://x.example\n"
    )
    # Without --codes: every current authority, and the abolished ones already on file.
    done = run_pipeline(repo, "councils", "import", register, *DAY)
    assert done.exit_code == 0, done.output
    text = path.read_text(encoding="utf-8")
    assert text.startswith("# Led LocalGov Drupal's beta.\n")
    record = yaml.safe_load(text)
    assert str(record["end_date"]) == "2023-04-01"
    assert record["successors"] == ["cumberland", "westmorland-and-furness"]
    assert record["website"] == "https://x.example"
    assert run_pipeline(repo, "validate").exit_code == 0
