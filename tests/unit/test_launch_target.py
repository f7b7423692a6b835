"""Which repository the launch commands are about, and reading gh's `--include` output."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from generator.launch.github import parse
from generator.launch.target import TargetError, repository_name


def clone(tmp_path: Path, remote: str | None) -> Path:
    subprocess.run(["git", "init", "--quiet", str(tmp_path)], check=True)
    if remote:
        subprocess.run(["git", "-C", str(tmp_path), "remote", "add", "origin", remote], check=True)
    return tmp_path


@pytest.mark.parametrize(
    "remote",
    [
        "https://github.com/example-org/pipeline.git",
        "https://github.com/example-org/pipeline",
        "git@github.com:example-org/pipeline.git",
        "ssh://git@github.com/example-org/pipeline.git",
    ],
)
def test_the_origin_remote_names_the_repository(tmp_path: Path, remote: str) -> None:
    assert repository_name(None, {}, clone(tmp_path, remote)) == "example-org/pipeline"


def test_the_option_comes_first_then_gh_repo(tmp_path: Path) -> None:
    root = clone(tmp_path, "git@github.com:example-org/pipeline.git")
    environ = {"GH_REPO": "other-org/fork"}
    assert repository_name("given/one", environ, root) == "given/one"
    assert repository_name(None, environ, root) == "other-org/fork"
    assert repository_name(None, {"GH_REPO": "github.com/a/b"}, root) == "a/b"


def test_no_repository_says_how_to_name_one(tmp_path: Path) -> None:
    with pytest.raises(TargetError, match="--repo OWNER/NAME"):
        repository_name(None, {}, clone(tmp_path, "https://gitlab.com/a/b.git"))
    with pytest.raises(TargetError, match="not OWNER/NAME"):
        repository_name("just-a-name", {}, tmp_path)


def test_gh_include_output_is_read_whatever_the_status() -> None:
    found = parse(
        'HTTP/2.0 404 Not Found\r\nContent-Type: application/json\r\nLink: <x>; rel="next"\r\n'
        '\r\n{"message": "Branch not protected", "status": "404"}'
    )
    assert found is not None and found.status == 404 and not found.ok
    assert found.message == "Branch not protected"
    assert found.headers["link"] == '<x>; rel="next"'
    empty = parse("HTTP/2.0 204 No Content\r\n\r\n")
    assert empty is not None and empty.ok and empty.body is None
    assert parse("gh: something went wrong") is None
