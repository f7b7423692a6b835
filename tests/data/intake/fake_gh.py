"""A stand-in for `gh` in tests: records every call and keeps just enough of GitHub's state
(issues and their comments, pull requests with their reviews, who can write) to answer what
intake-apply.sh asks, in the shapes GitHub's REST API and `gh --json` use. `--jq` is applied
with the real jq, as gh does."""

import json
import os
import re
import subprocess
import sys
from pathlib import Path

state_dir = Path(os.environ["GH_STATE"])
state_file = state_dir / "state.json"
state = json.loads(state_file.read_text()) if state_file.exists() else {}
state.setdefault("issues", {})
state.setdefault("prs", {})
state.setdefault("writers", {})
args = sys.argv[1:]
BOT = {"login": "github-actions[bot]", "type": "Bot"}


def option(name):
    return args[args.index(name) + 1] if name in args else None


def read_body():
    source = option("--body-file")
    if source is None:
        field = next((a for a in args if a.startswith("body=@")), None)
        source = field[len("body=@") :] if field else None
    if source is None:
        return option("--body") or option("--comment")
    return Path(source).read_text()


def out(data):
    """Print `data` as gh would: through --jq when given (strings raw), else as JSON."""
    text = json.dumps(data)
    expression = option("--jq")
    if expression is None:
        print(text)
        return
    done = subprocess.run(
        ["jq", "-r", expression], input=text, capture_output=True, text=True, check=True
    )
    sys.stdout.write(done.stdout)


def comments(number):
    return state["issues"][str(number)].setdefault("comments", [])


def new_comment(number, body):
    state["next_comment"] = state.get("next_comment", 500) + 1
    comments(number).append(
        {
            "id": state["next_comment"],
            "body": body,
            "user": BOT,
            "author_association": "NONE",
            "created_at": "2026-12-01T00:00:00Z",
        }
    )


with (state_dir / "calls.jsonl").open("a") as log:
    log.write(json.dumps({"args": args, "body": read_body()}) + "\n")

open_prs = [p for p in state["prs"].values() if p["state"] == "OPEN"]
if args[:2] == ["auth", "setup-git"]:
    pass
elif args[:2] == ["pr", "list"]:
    head = option("--head")
    out([p for p in open_prs if head is None or p["headRefName"] == head])
elif args[:2] == ["pr", "create"]:
    number = state.get("next_pr", 100)
    state["next_pr"] = number + 1
    state["prs"][str(number)] = {
        "number": number,
        "headRefName": option("--head"),
        "isCrossRepository": False,
        "state": "OPEN",
        "title": option("--title"),
        "body": read_body(),
        "reviews": [],
    }
    print(f"https://github.com/example/pipeline/pull/{number}")
elif args[:2] == ["pr", "edit"]:
    state["prs"][args[2]].update(title=option("--title"), body=read_body())
elif args[:2] == ["pr", "close"]:
    state["prs"][args[2]]["state"] = "CLOSED"
elif args[:2] == ["pr", "comment"]:
    state["prs"][args[2]].setdefault("comments", []).append(read_body())
elif args[:2] == ["issue", "comment"]:
    new_comment(args[2], read_body())
elif args[:2] == ["issue", "list"]:
    author = option("--author")
    out(
        [
            {"number": int(n)}
            for n, i in state["issues"].items()
            if i["user"]["login"] == author and i.get("state", "open") == "open"
        ]
    )
elif args[:1] == ["api"]:
    path = next(a for a in args[1:] if a.startswith("repos/"))
    method = option("--method") or "GET"
    if found := re.fullmatch(r"repos/[^/]+/[^/]+/issues/(\d+)", path):
        issue = dict(state["issues"][found.group(1)])
        issue.pop("comments", None)
        out(issue)
    elif found := re.fullmatch(r"repos/[^/]+/[^/]+/issues/(\d+)/comments", path):
        out(comments(found.group(1)))
    elif found := re.fullmatch(r"repos/[^/]+/[^/]+/issues/comments/(\d+)", path):
        everything = [c for i in state["issues"].values() for c in i.get("comments", [])]
        (comment,) = [c for c in everything if c["id"] == int(found.group(1))]
        if method == "PATCH":
            comment["body"] = read_body()
        else:
            out(comment)
    elif found := re.fullmatch(r"repos/[^/]+/[^/]+/collaborators/([^/]+)/permission", path):
        out({"permission": state["writers"].get(found.group(1), "read")})
    elif found := re.fullmatch(r"repos/[^/]+/[^/]+/pulls/(\d+)/reviews", path):
        out(state["prs"][found.group(1)]["reviews"])
    elif found := re.fullmatch(r"repos/[^/]+/[^/]+/pulls/(\d+)/reviews/(\d+)/dismissals", path):
        for review in state["prs"][found.group(1)]["reviews"]:
            if review["id"] == int(found.group(2)):
                review["state"] = "DISMISSED"
    else:
        sys.exit(f"fake gh: no answer for {path}")
else:
    sys.exit(f"fake gh: no answer for {args}")
state_file.write_text(json.dumps(state))
