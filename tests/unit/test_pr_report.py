"""`pipeline pr-report` on real Git repositories: a base branch, a pull request's branch, and
what the report says about the difference."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from generator.pull_request.formats import md
from tests.gitrepos import CORE, GitRepo, council, makerday, project

TODAY = "2026-11-22"


@pytest.fixture
def repo(tmp_path: Path, run_pipeline) -> GitRepo:
    """main: Hackney (two named people), West Berkshire (a team), Norwich (nobody); projects
    led by each; CODEOWNERS generated and committed, as the check would insist."""
    repo = GitRepo(tmp_path / "repo")
    repo.write("councils/hackney.yml", council("Hackney", ["hackney-alice", "hackney-bob"]))
    repo.write("councils/west-berkshire.yml", council("West Berkshire", ["@westberks/digital"]))
    repo.write("councils/norwich.yml", council("Norwich"))
    repo.write("projects/report-a-missed-bin.yml", project("Report a missed bin", "hackney"))
    repo.write(
        "projects/report-speeding-traffic.yml",
        project("Report speeding traffic", "west-berkshire", ["wb-carol"]),
    )
    repo.write("projects/orphan-service.yml", project("Orphan service", "norwich"))
    repo.write("makerdays/hack-day.yml", makerday("Hack day", "2026-03-01", ["hackney", "norwich"]))
    repo.commit("Records", when="2026-01-05T12:00:00+00:00")
    assert run_pipeline(repo.path, "codeowners").exit_code == 0
    repo.commit("CODEOWNERS", when="2026-01-06T12:00:00+00:00")
    repo.branch("change")
    return repo


def report(run_pipeline, repo: GitRepo, *args: str):
    return run_pipeline(
        repo.path, "pr-report", "--base", "main", "--head", "change", "--today", TODAY, *args
    )


def as_data(run_pipeline, repo: GitRepo, *args: str) -> dict:
    result = report(run_pipeline, repo, "--format", "json", *args)
    assert result.exit_code in (0, 1), result.output
    return json.loads(result.output)


def test_a_change_by_someone_else_names_the_councils_maintainers(repo, run_pipeline) -> None:
    repo.write(
        "projects/report-a-missed-bin.yml",
        project("Report a missed bin", "hackney", summary="Now with photos of the bin."),
    )
    repo.commit("Edit")
    result = report(run_pipeline, repo, "--author", "outsider")
    assert result.exit_code == 0, result.output
    expected = (
        "A maintainer of Hackney must approve this change to projects/report-a-missed-bin.yml: "
        "@hackney-alice or @hackney-bob."
    )
    assert expected in result.output.replace("\\", "")
    assert "| Changed project | Report a missed bin |" in result.output
    data = as_data(run_pipeline, repo, "--author", "outsider")
    [record] = data["records"]
    assert record["status"] == "changed"
    assert record["must_approve"] == [
        {"who": "a maintainer of Hackney", "owners": ["@hackney-alice", "@hackney-bob"]}
    ]
    [problem] = data["problems"]
    assert problem["rule"] == "approval-needed" and problem["level"] == "warning"
    assert problem["message"] == expected
    assert "You (@outsider) are not one of them" in problem["hint"]


def test_no_warning_when_the_author_is_one_of_several_owners(repo, run_pipeline) -> None:
    repo.write(
        "projects/report-a-missed-bin.yml",
        project("Report a missed bin", "hackney", summary="Reworded."),
    )
    repo.commit("Edit")
    data = as_data(run_pipeline, repo, "--author", "Hackney-Alice")
    assert [p["rule"] for p in data["problems"]] == []


def test_the_only_owner_is_warned_they_cannot_approve_their_own_change(repo, run_pipeline) -> None:
    repo.write("councils/norwich.yml", council("Norwich", ["norwich-dan"]))
    repo.commit("Norwich names a maintainer")
    repo.checkout("main")
    repo.git("merge", "-q", "change")
    assert run_pipeline(repo.path, "codeowners").exit_code == 0
    repo.commit("CODEOWNERS")
    repo.git("branch", "-q", "-D", "change")
    repo.branch("change")
    repo.write("councils/norwich.yml", council("Norwich City", ["norwich-dan"]))
    repo.commit("Rename the council")
    data = as_data(run_pipeline, repo, "--author", "norwich-dan")
    [problem] = data["problems"]
    assert problem["rule"] == "approval-sole-owner"
    assert "GitHub does not let anyone approve their own pull request" in problem["message"]


def test_team_owners_are_named_without_a_definite_warning(repo, run_pipeline) -> None:
    repo.write(
        "projects/report-speeding-traffic.yml",
        project("Report speeding traffic", "west-berkshire", ["wb-carol"], summary="Edited."),
    )
    repo.commit("Edit")
    data = as_data(run_pipeline, repo, "--author", "outsider")
    assert data["problems"] == []
    [record] = data["records"]
    assert record["summary"] == (
        "A maintainer of this project or West Berkshire must approve this change to "
        "projects/report-speeding-traffic.yml: @wb-carol or a member of @westberks/digital."
    )


def test_records_without_maintainers_need_a_core_maintainer(repo, run_pipeline) -> None:
    repo.write("projects/orphan-service.yml", project("Orphan service", "norwich", summary="E."))
    repo.commit("Edit")
    [record] = as_data(run_pipeline, repo)["records"]
    assert record["must_approve"] == [{"who": "a core maintainer", "owners": [CORE]}]


def test_a_maker_day_is_approved_by_its_hosts_maintainers(repo, run_pipeline) -> None:
    repo.write("makerdays/hack-day.yml", makerday("Hack day 2", "2026-03-01", ["hackney"]))
    repo.commit("Edit")
    [record] = as_data(run_pipeline, repo)["records"]
    assert record["must_approve"][0]["owners"] == ["@hackney-alice", "@hackney-bob"]


def test_deleting_a_project_warns_that_projects_are_retired(repo, run_pipeline) -> None:
    repo.delete("projects/report-a-missed-bin.yml")
    repo.commit("Delete")
    result = report(run_pipeline, repo, "--format", "github")
    assert result.exit_code == 0, result.output
    [annotation] = [line for line in result.output.splitlines() if "deletes" in line]
    assert annotation.startswith("::warning file=projects/report-a-missed-bin.yml,line=1,col=1")
    assert "set 'phase%3A retired'" not in annotation  # the message body is not escaped like that
    assert "set 'phase: retired'" in annotation
    assert "can never be used again for a different project" in annotation
    data = as_data(run_pipeline, repo)
    [record] = data["records"]
    assert record["status"] == "deleted" and record["title"] == "Report a missed bin"
    assert record["must_approve"][0]["who"] == "a maintainer of Hackney"


def test_reusing_a_deleted_id_for_a_different_project_fails(repo, run_pipeline) -> None:
    repo.checkout("main")
    repo.delete("projects/orphan-service.yml")
    deletion = repo.commit("Delete the orphan", when="2026-02-10T09:00:00+00:00")
    repo.git("branch", "-q", "-D", "change")
    repo.branch("change")
    repo.write(
        "projects/orphan-service.yml",
        project("Book a tip slot", "hackney", summary="Something else entirely, with a slot."),
    )
    repo.commit("A new project under the old name")
    result = report(run_pipeline, repo, "--format", "github")
    assert result.exit_code == 1, result.output
    [annotation] = [line for line in result.output.splitlines() if line.startswith("::error")]
    assert "file=projects/orphan-service.yml" in annotation
    assert (
        "belonged to a different project, 'Orphan service', which was deleted on 2026-02-10"
        in annotation
    )
    assert f"(commit {deletion[:7]})" in annotation
    assert "projects/book-a-tip-slot.yml" in annotation  # a suggested name of its own


def test_restoring_a_deleted_project_is_allowed(repo, run_pipeline) -> None:
    original = repo.read("projects/orphan-service.yml")
    repo.checkout("main")
    repo.delete("projects/orphan-service.yml")
    repo.commit("Delete by mistake", when="2026-02-10T09:00:00+00:00")
    repo.git("branch", "-q", "-D", "change")
    repo.branch("change")
    repo.write("projects/orphan-service.yml", original)
    repo.commit("Restore")
    result = report(run_pipeline, repo)
    assert result.exit_code == 0, result.output
    data = as_data(run_pipeline, repo)
    assert data["failed"] is False
    assert (
        "projects/orphan-service.yml was deleted on 2026-02-10; this brings the same project back."
        in data["notes"]
    )


def test_replacing_a_project_in_place_is_id_reuse(repo, run_pipeline) -> None:
    repo.write(
        "projects/report-a-missed-bin.yml",
        project("Pay for parking", "west-berkshire", summary="Another service with other words."),
    )
    repo.commit("Replace")
    data = as_data(run_pipeline, repo)
    assert data["failed"] is True
    [problem] = [p for p in data["problems"] if p["rule"] == "id-reused"]
    assert problem["message"] == (
        "This change replaces the project 'Report a missed bin' with a different one, "
        "'Pay for parking', under the same id 'report-a-missed-bin'."
    )


def test_renaming_keeps_a_redirect_and_history(repo, run_pipeline) -> None:
    repo.move("projects/report-a-missed-bin.yml", "projects/missed-bin-collections.yml")
    repo.commit("Rename")
    data = as_data(run_pipeline, repo, "--author", "outsider")
    [record] = data["records"]
    assert record["status"] == "renamed"
    assert record["old_path"] == "projects/report-a-missed-bin.yml"
    assert [r["who"] for r in record["must_approve"]] == [
        "a maintainer of Hackney",
        "a core maintainer",
    ]
    assert any(
        "The old page, projects/report-a-missed-bin/, will redirect to "
        "projects/missed-bin-collections/" in note
        for note in data["notes"]
    )


def test_a_new_record_needs_the_core_maintainers_and_its_council_should_see_it(
    repo, run_pipeline
) -> None:
    repo.write("projects/book-a-tip-slot.yml", project("Book a tip slot", "hackney"))
    repo.commit("Add")
    data = as_data(run_pipeline, repo, "--author", "outsider")
    [record] = data["records"]
    assert record["status"] == "added"
    assert record["must_approve"] == [{"who": "a core maintainer", "owners": [CORE]}]
    assert record["maintained_after"] == ["@hackney-alice", "@hackney-bob"]
    [problem] = data["problems"]
    assert problem["rule"] == "approval-new-record"
    assert "@hackney-alice or @hackney-bob" in problem["message"]


def test_validation_warnings_are_summarised_but_not_annotated_twice(repo, run_pipeline) -> None:
    text = project("Report a missed bin", "hackney", summary="Edited.")
    repo.write("projects/report-a-missed-bin.yml", text.split("\n", 1)[1])  # no schema line
    repo.commit("Edit without the schema line")
    markdown = report(run_pipeline, repo).output
    assert "The first line should name the schema" in markdown
    github = report(run_pipeline, repo, "--format", "github").output
    assert "The first line should name the schema" not in github


def test_titles_cannot_inject_markdown(repo, run_pipeline) -> None:
    repo.write(
        "projects/report-a-missed-bin.yml",
        project('"[Click me](https://evil.example) <img src=x>"', "hackney"),
    )
    repo.commit("Edit")
    output = report(run_pipeline, repo).output
    assert "[Click me](https" not in output
    assert "<img" not in output
    assert "\\[Click me\\]\\(https://evil.example\\) &lt;img src\\=x&gt;" in output


def test_files_link_to_the_repository_when_it_is_known(repo, run_pipeline) -> None:
    repo.write("projects/book-a-tip-slot.yml", project("Book a tip slot", "hackney"))
    head = repo.commit("Add")
    output = report(run_pipeline, repo, "--repo-url", "https://github.com/org/pipeline").output
    assert (
        f"[`projects/book-a-tip-slot.yml`](https://github.com/org/pipeline/blob/{head}/"
        "projects/book-a-tip-slot.yml)" in output
    )


def test_summary_file_gets_the_markdown_while_stdout_gets_annotations(
    repo, run_pipeline, tmp_path
) -> None:
    repo.delete("projects/report-a-missed-bin.yml")
    repo.commit("Delete")
    summary = tmp_path / "summary.md"
    summary.write_text("earlier step\n")
    result = report(run_pipeline, repo, "--format", "github", "--summary-file", str(summary))
    assert result.output.startswith("::warning file=projects/report-a-missed-bin.yml")
    written = summary.read_text()
    assert written.startswith("earlier step\n## Pipeline: what this pull request changes")


def test_an_unknown_base_is_a_clear_setup_error(repo, run_pipeline) -> None:
    result = run_pipeline(repo.path, "pr-report", "--base", "no-such-branch", "--today", TODAY)
    assert result.exit_code == 2
    assert "There is no commit 'no-such-branch'" in result.output
    assert "fetch-depth: 0" in result.output
    assert "Traceback" not in result.output


def test_the_base_branch_without_codeowners_is_noted(tmp_path, run_pipeline) -> None:
    repo = GitRepo(tmp_path / "fresh")
    repo.write("councils/hackney.yml", council("Hackney", ["hackney-alice"]))
    repo.commit("Records")
    repo.branch("change")
    repo.write("councils/hackney.yml", council("Hackney", ["hackney-alice", "hackney-bob"]))
    repo.commit("Add Bob")
    data = as_data(run_pipeline, repo)
    assert any("has no .github/CODEOWNERS yet" in note for note in data["notes"])
    assert any(
        "This changes who looks after councils/hackney.yml, from @hackney-alice to "
        "@hackney-alice or @hackney-bob" in note
        for note in data["notes"]
    )


def test_a_shallow_clone_is_told_to_fetch_the_history(repo, run_pipeline, tmp_path) -> None:
    repo.write("projects/book-a-tip-slot.yml", project("Book a tip slot", "hackney"))
    repo.commit("Add", when="2026-02-01T12:00:00+00:00")
    shallow = tmp_path / "shallow"
    repo.git(
        "clone", "-q", "--depth", "1", "--no-single-branch", f"file://{repo.path}", str(shallow)
    )
    result = run_pipeline(
        shallow, "pr-report", "--base", "origin/main", "--head", "origin/change", "--today", TODAY
    )
    assert result.exit_code == 2
    assert "have no common history in this clone" in result.output
    assert "fetch-depth: 0" in result.output


def test_a_broken_record_is_not_mistaken_for_id_reuse(repo, run_pipeline) -> None:
    repo.write("councils/hackney.yml", "name: 12\nmaintainers: nope\n")
    repo.write("projects/report-a-missed-bin.yml", "title: [unclosed\n")
    repo.commit("Break two records")
    data = as_data(run_pipeline, repo)
    assert data["failed"] is False
    assert not [p for p in data["problems"] if p["rule"] == "id-reused"]
    assert "The changed records have" in data["notes"][-1]
    titles = {r["path"]: r["title"] for r in data["records"]}
    assert titles["projects/report-a-missed-bin.yml"] == "report-a-missed-bin"


def test_a_project_like_an_existing_one_is_asked_to_join_it(repo, run_pipeline) -> None:
    repo.write(
        "projects/rubbish-not-collected.yml",
        project(
            "Rubbish not collected",
            "norwich",
            summary="Residents tell us online when their refuse was not picked up on bin day.",
        ),
    )
    repo.commit("Add")
    github = report(run_pipeline, repo, "--format", "github", "--author", "outsider")
    assert github.exit_code == 0, github.output
    expected = "This looks like 'Report a missed bin' (Hackney, beta). Could you join it instead?"
    annotations = [line for line in github.output.splitlines() if expected in line]
    assert annotations and annotations[0].startswith(
        "::warning file=projects/rubbish-not-collected.yml,line=2,"
    )
    assert md(expected) in report(run_pipeline, repo, "--author", "outsider").output


def test_text_from_records_notifies_nobody_but_the_owners_asked_to_approve(
    repo, run_pipeline
) -> None:
    """A title 'for @octocat and @github/security' must not ping them from the bot's pull
    request; the owners who must approve stay mentions."""
    repo.write(
        "projects/report-a-missed-bin.yml",
        project("Pothole map for @octocat and @github/security and @hackney-alice-x", "hackney"),
    )
    repo.commit("Edit")
    output = report(run_pipeline, repo, "--author", "outsider").output
    outside_code = re.sub(r"`[^`]*`", "", output)
    live = set(re.findall(r"(?<![\w&#])@([A-Za-z0-9-]+(?:/[A-Za-z0-9_.-]+)?)", outside_code))
    assert live == {"hackney-alice", "hackney-bob"}
