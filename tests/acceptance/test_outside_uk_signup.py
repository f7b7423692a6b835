"""Bodies outside the UK sign up with their country, not a nation: through `pipeline new
council --country` and through the sign-up issue form, with no UK codes made up; a body in the
UK still needs its nation."""

from __future__ import annotations

from pathlib import Path

import yaml

from tests.acceptance.test_intake_plan import (  # noqa: F401  (repo is a fixture)
    FORMS,
    REGISTER,
    Run,
    apply_twice,
    form_event,
    intake,
    repo,
)


def _permission() -> list[str]:
    (permission,) = FORMS["sign-up-council"].field("permission").options
    return [permission.text]


def test_the_form_signs_up_a_council_outside_the_uk(run_pipeline: Run, repo: Path) -> None:  # noqa: F811
    values = {
        "name": "Carlow County Council",
        "type": "outside-uk",
        "country": "Ireland",
        "website": "https://www.carlow.ie",
        "permission": _permission(),
    }
    plan = apply_twice(
        run_pipeline, repo, form_event("sign-up-council", values), "--register", str(REGISTER)
    )
    (written,) = [f["path"] for f in plan["files"] if f["path"].startswith("councils/")]
    record = yaml.safe_load((repo / written).read_text(encoding="utf-8"))
    assert record["country"] == "Ireland" and record["type"] == "outside-uk"
    assert not {"nation", "gss_code", "register_code"} & set(record)


def test_the_form_asks_the_right_question_for_each_place(run_pipeline: Run, repo: Path) -> None:  # noqa: F811
    uk = {"name": "Somewhere Council", "type": "district", "permission": _permission()}
    plan = intake(run_pipeline, repo, form_event("sign-up-council", uk))
    assert plan["ok"] is False
    assert "- **Nation**: Choose the nation of a body in the UK." in plan["comment"]
    abroad = {**uk, "type": "outside-uk"}
    plan = intake(run_pipeline, repo, form_event("sign-up-council", abroad))
    assert "- **Country**: Give the country of a body outside the UK." in plan["comment"]
    mixed = {**uk, "country": "Ireland", "nation": "england"}
    plan = intake(run_pipeline, repo, form_event("sign-up-council", mixed))
    assert "- **Nation**: Leave this empty for a body outside the UK." in plan["comment"]
    assert "- **Type of council**: Choose “outside-uk”" in plan["comment"]


def test_new_council_with_a_country(run_pipeline: Run, repo: Path) -> None:  # noqa: F811
    result = run_pipeline(
        repo, "new", "council", "--name", "Laois County Council", "--country", "Ireland"
    )
    assert result.exit_code == 0, result.output
    record = yaml.safe_load((repo / "councils" / "laois-county.yml").read_text(encoding="utf-8"))
    assert (record["type"], record["country"]) == ("outside-uk", "Ireland")
    assert "nation" not in record
    assert run_pipeline(repo, "validate", "councils/laois-county.yml").exit_code == 0
    both = run_pipeline(
        repo, "new", "council", "--name", "X Council", "--country", "Ireland", "--nation", "england"
    )
    assert both.exit_code == 2 and "--country is for a body outside the UK" in both.output
