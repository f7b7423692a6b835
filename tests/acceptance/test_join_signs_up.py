"""Joining a project signs the council up in the same change (issue 29): from the register
when Pipeline has no record of it, by its joining date when it is only named in projects; a
council found in neither is pointed to the sign-up form."""

from __future__ import annotations

from pathlib import Path

import yaml

from tests.acceptance.test_intake_plan import (
    REGISTER,
    TODAY,
    Run,
    apply_twice,
    form_event,
    intake,
    only_added,
    repo,  # noqa: F401  (the fixture)
)

JOIN = {"project": "Report a pothole", "role": "observer"}


def test_a_council_in_the_register_is_signed_up_with_its_join(
    run_pipeline: Run,
    repo: Path,  # noqa: F811  (the fixture imported above)
) -> None:
    assert not (repo / "councils" / "adur.yml").exists()
    event = form_event("join-project", {**JOIN, "council": "Adur District Council"})
    plan = apply_twice(run_pipeline, repo, event, "--register", str(REGISTER))
    record = yaml.safe_load((repo / "councils" / "adur.yml").read_text(encoding="utf-8"))
    assert record["name"] == "Adur District Council"
    assert (record["gss_code"], record["register_code"]) == ("E07000223", "ADU")
    assert str(record["joined"]) == TODAY
    project = yaml.safe_load((repo / "projects" / "report-a-pothole.yml").read_text("utf-8"))
    assert {"council": "adur", "role": "observer"}.items() <= project["partners"][-1].items()
    # One change: the new council (and the code owners made from the records) and the join.
    assert {"councils/adur.yml", "projects/report-a-pothole.yml"} <= {
        f["path"] for f in plan["files"]
    }
    assert "Signs up **Adur District Council** to Pipeline" in plan["pull_request"]["body"]


def test_a_council_named_in_projects_signs_up_when_it_joins(run_pipeline: Run, repo: Path) -> None:  # noqa: F811
    path = repo / "councils" / "wokingham.yml"
    unsigned = "".join(
        line for line in path.read_text("utf-8").splitlines(True) if not line.startswith("joined")
    )
    path.write_text(unsigned, encoding="utf-8")
    apply_twice(run_pipeline, repo, form_event("join-project", {**JOIN, "council": "Wokingham"}))
    assert only_added(unsigned, path.read_text("utf-8")) == [f"joined: {TODAY}"]


def test_a_council_nowhere_is_sent_to_the_sign_up_form(run_pipeline: Run, repo: Path) -> None:  # noqa: F811
    event = form_event("join-project", {**JOIN, "council": "Council of Nowhere"})
    plan = intake(run_pipeline, repo, event, "--register", str(REGISTER))
    assert plan["ok"] is False and plan["files"] == []
    assert "Sign up your council form" in plan["comment"]
    assert "your request to join is checked again" in plan["comment"]
