"""A stand-in for `gh` in tests: records every call and keeps just enough state (open pull
requests by branch, the reply comment) to answer the queries intake-apply.sh makes."""

import json
import os
import sys
from pathlib import Path

state_dir = Path(os.environ["GH_STATE"])
state_file = state_dir / "state.json"
state = json.loads(state_file.read_text()) if state_file.exists() else {"prs": {}, "replies": {}}
args = sys.argv[1:]


def option(name):
    return args[args.index(name) + 1] if name in args else None


def read_body():
    source = option("--body-file")
    if source is None:
        field = next((a for a in args if a.startswith("body=@")), None)
        source = field[len("body=@") :] if field else None
    return Path(source).read_text() if source else None


with (state_dir / "calls.jsonl").open("a") as log:
    log.write(json.dumps({"args": args, "body": read_body()}) + "\n")

if args[:2] == ["pr", "list"]:
    number = state["prs"].get(option("--head"))
    print(number or "")
elif args[:2] == ["pr", "create"]:
    number = 100 + len(state["prs"])
    state["prs"][option("--head")] = number
    print(f"https://github.com/example/pipeline/pull/{number}")
elif args[:2] == ["pr", "close"]:
    state["prs"] = {k: v for k, v in state["prs"].items() if str(v) != args[2]}
elif args[:2] == ["issue", "comment"]:
    state["replies"][args[2]] = 500 + int(args[2])
elif args[:1] == ["api"] and "--method" not in args:
    issue = args[1].split("/")[-2]
    reply = state["replies"].get(issue)
    print(reply or "")
state_file.write_text(json.dumps(state))
