"""A stand-in for `gh` in tests: answers `gh api` GET calls from recorded REST responses and
`gh label create` by remembering the label, and logs every call.

Environment:
  GH_RESPONSES  folders of recorded responses, separated by os.pathsep; the first that has a
                response wins (so `classic:good` lays classic protection over a good setup)
  GH_STATE      a folder for the call log (calls.jsonl) and the labels created
  GH_SIGNED_OUT when set, answers as gh does with no credentials (exit 4)

A response for GET repos/OWNER/NAME/<tail> is <tail>.json (the repository's own is
repository.json); `?page=N` reads <tail>.page-N.json. Each holds {"status", "headers"?, "body"}.
A repository other than the recorded one's full_name is Not Found, as on GitHub.
"""

import json
import os
import sys
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

REASONS = {200: "OK", 204: "No Content", 401: "Unauthorized", 403: "Forbidden", 404: "Not Found"}
args = sys.argv[1:]
state = Path(os.environ["GH_STATE"])
folders = [Path(p) for p in os.environ.get("GH_RESPONSES", "").split(os.pathsep) if p]
with (state / "calls.jsonl").open("a") as log:
    log.write(json.dumps(args) + "\n")

if os.environ.get("GH_SIGNED_OUT"):
    sys.stderr.write(
        "To get started with GitHub CLI, please run:  gh auth login\n"
        "Alternatively, populate the GH_TOKEN environment variable with a GitHub API "
        "authentication token.\n"
    )
    sys.exit(4)


def recorded(tail):
    for folder in folders:
        path = folder / f"{tail}.json"
        if path.is_file():
            return json.loads(path.read_text())
    return None


def recorded_labels():
    found, page = [], 1
    while response := recorded("labels" if page == 1 else f"labels.page-{page}"):
        found, page = found + response["body"], page + 1
    return found


def created_labels():
    path = state / "labels-created.json"
    return json.loads(path.read_text()) if path.exists() else []


def answer(path):
    parts = urlsplit(path)
    segments = parts.path.strip("/").split("/")
    query = parse_qs(parts.query)
    if segments[:1] != ["repos"] or len(segments) < 3:
        return None
    repository = recorded("repository")
    if repository is None or "/".join(segments[1:3]) != repository["body"]["full_name"]:
        return {"status": 404, "body": {"message": "Not Found", "status": "404"}}
    tail = "/".join(segments[3:]) or "repository"
    page = query.get("page", ["1"])[0]
    response = recorded(tail if page == "1" else f"{tail}.page-{page}")
    if response is None:
        sys.stderr.write(f"stand-in gh: no recorded response for GET {path}\n")
        sys.exit(99)
    if tail == "labels" and 'rel="next"' not in response.get("headers", {}).get("Link", ""):
        response = {**response, "body": response["body"] + created_labels()}
    return response


if args[:1] == ["api"]:
    method = args[args.index("--method") + 1] if "--method" in args else "GET"
    path = args[-1]
    if method != "GET" or any(a in args for a in ("-f", "-F", "--field", "--raw-field", "--input")):
        sys.stderr.write(f"stand-in gh: only GET calls are recorded, not {args}\n")
        sys.exit(98)
    response = answer(path)
    status = response["status"]
    if "--include" in args:
        print(f"HTTP/2.0 {status} {REASONS.get(status, '')}", end="\r\n")
        print("Content-Type: application/json; charset=utf-8", end="\r\n")
        for name, value in response.get("headers", {}).items():
            print(f"{name}: {value}", end="\r\n")
        print("", end="\r\n")
    if response.get("body") is not None:
        print(json.dumps(response["body"]))
    if not 200 <= status < 300:
        sys.stderr.write(f"gh: {response['body'].get('message')} (HTTP {status})\n")
        sys.exit(1)
elif args[:2] == ["label", "create"]:
    name = args[2]
    option = dict(zip(args[3::2], args[4::2], strict=True))
    labels = created_labels()
    if any(label["name"].casefold() == name.casefold() for label in recorded_labels() + labels):
        sys.stderr.write(
            f'label with name "{name}" already exists; use `--force` to update its color and '
            "description\n"
        )
        sys.exit(1)
    labels.append(
        {
            "name": name,
            "color": option["--color"],
            "description": option["--description"],
            "default": False,
        }
    )
    (state / "labels-created.json").write_text(json.dumps(labels))
else:
    sys.stderr.write(f"stand-in gh: unexpected call {args}\n")
    sys.exit(97)
