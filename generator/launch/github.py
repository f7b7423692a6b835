"""Reading a repository's settings from GitHub's REST API through `gh api`, GET calls only.

`gh` does the signing in (its own login, or GH_TOKEN), so Pipeline holds no token and needs no
HTTP library; tests put a stand-in `gh` on the PATH that answers from recorded responses.
`--include` makes gh print the status line and headers before the body, so a 404 (a setting
that is off, or a page only admins may read) is an answer, not a failure.
"""

from __future__ import annotations

import json
import re
import subprocess
from dataclasses import dataclass, field
from typing import Any

API_VERSION = "2022-11-28"
TIMEOUT_SECONDS = 30
# gh's exit code when it has no credentials (not signed in and no GH_TOKEN).
GH_AUTH_REQUIRED = 4
MAX_PAGES = 20  # 2,000 labels: far more than a repository has, and a bound on a loop
_STATUS = re.compile(r"^HTTP/[\d.]+ (\d{3})")
_NEXT = re.compile(r'<https://[^/>]+/([^>]+)>;\s*rel="next"')


class GhError(Exception):
    """gh could not answer at all; the message says why and what to do."""


@dataclass(frozen=True)
class Response:
    status: int
    body: Any = None  # the JSON body, or None when there is none (204) or it is not JSON
    headers: dict[str, str] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return 200 <= self.status < 300

    @property
    def message(self) -> str:
        """GitHub's own words for an error ("Branch not protected", "Not Found")."""
        return str(self.body.get("message", "")) if isinstance(self.body, dict) else ""


class GitHub:
    """GET requests to one API through one `gh` program."""

    def __init__(self, gh: str = "gh") -> None:
        self.gh = gh
        self.calls: list[str] = []

    def get(self, path: str) -> Response:
        """The response to GET `path` (relative to the API's root), whatever its status."""
        self.calls.append(path)
        command = [
            self.gh, "api", "--method", "GET", "--include",
            "-H", "Accept: application/vnd.github+json",
            "-H", f"X-GitHub-Api-Version: {API_VERSION}",
            path,
        ]  # fmt: skip
        try:
            done = subprocess.run(
                command, capture_output=True, text=True, timeout=TIMEOUT_SECONDS, check=False
            )
        except FileNotFoundError:
            raise GhError(
                "GitHub's command line tool, gh, is not installed (or not on the PATH). "
                "Install it from https://cli.github.com/ and sign in with `gh auth login`."
            ) from None
        except (OSError, subprocess.TimeoutExpired) as exc:
            raise GhError(f"`gh api {path}` could not run: {exc}") from None
        if done.returncode == GH_AUTH_REQUIRED:
            raise GhError(
                "gh is not signed in to GitHub. Run `gh auth login` (or set GH_TOKEN) and try "
                "again."
            )
        response = parse(done.stdout)
        if response is None:
            detail = done.stderr.strip().splitlines()
            raise GhError(
                f"`gh api {path}` gave no answer from GitHub: "
                f"{detail[-1] if detail else 'no reason given'}."
            )
        if response.status == 401:
            raise GhError(
                "GitHub refused gh's credentials (Bad credentials). Run `gh auth login` again, "
                "or check GH_TOKEN."
            )
        return response

    def get_all(self, path: str) -> Response:
        """GET a list across every page (GitHub's Link headers), as one response."""
        joiner = "&" if "?" in path else "?"
        response = self.get(f"{path}{joiner}per_page=100")
        if not response.ok or not isinstance(response.body, list):
            return response
        items = list(response.body)
        for _ in range(MAX_PAGES):
            following = _NEXT.search(response.headers.get("link", ""))
            if not following:
                break
            response = self.get(following.group(1))
            if not response.ok or not isinstance(response.body, list):
                return response
            items.extend(response.body)
        return Response(200, items)


def parse(output: str) -> Response | None:
    """gh's `--include` output: the status line, headers, a blank line, then the body."""
    head, _, body = output.replace("\r\n", "\n").partition("\n\n")
    lines = head.split("\n")
    status = _STATUS.match(lines[0]) if lines else None
    if status is None:
        return None
    headers = {}
    for line in lines[1:]:
        name, _, value = line.partition(":")
        headers[name.strip().lower()] = value.strip()
    try:
        parsed = json.loads(body) if body.strip() else None
    except ValueError:
        parsed = None
    return Response(int(status.group(1)), parsed, headers)
