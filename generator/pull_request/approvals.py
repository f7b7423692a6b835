"""Who must approve each record a pull request changes, and warnings when the author is not
among them (or is the only one, and so cannot approve their own change)."""

from __future__ import annotations

from dataclasses import dataclass

from generator.handles import same
from generator.ownership.codeowners import Rule
from generator.problems import Problem, warning
from generator.pull_request.changes import RecordChange
from generator.pull_request.findings import PullRequest


@dataclass(frozen=True)
class Approval:
    """For one changed record: the owners GitHub will require (one approval from each rule,
    read from the base branch, as GitHub does) and who looks after it once merged."""

    change: RecordChange
    required: tuple[Rule, ...]
    after: Rule | None

    @property
    def action(self) -> str:
        change = self.change
        return {
            "changed": f"this change to {change.path}",
            "deleted": f"deleting {change.path}",
            "renamed": f"renaming {change.old_path} to {change.path}",
            "added": f"this new {change.kind_word}, {change.path}",
        }[change.status]

    def requirement(self, rule: Rule) -> str:
        """'A maintainer of Hackney must approve this change to projects/x.yml: @alice.'"""
        return f"{_capital(rule.who())} must approve {self.action}: {owners_text(rule)}."

    def sentence(self) -> str:
        """Everything about who approves this change, for the summary."""
        change = self.change
        first, *others = self.required
        text = self.requirement(first)
        for rule in others:
            text += f" So must {rule.who()} ({owners_text(rule)}), for the new file name."
        if change.status == "added" and first.is_core:
            text += " (GitHub only knows a record's own maintainers once it is merged.)"
        after = self.after
        if change.status == "added" and after and after.fallback:
            text += (
                f" Nobody else is named to look after it, so the core maintainers will: add "
                f"maintainers to the {change.kind_word} or its council to change that."
            )
        elif after and after.owners != first.owners:
            text += f" Once merged, {after.who()} will look after it ({owners_text(after)})."
        return text


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def owners_text(rule: Rule) -> str:
    """'@alice, @bob or a member of @org/team'."""
    names = [*rule.users, *(f"a member of {team}" for team in rule.teams)]
    return names[0] if len(names) == 1 else f"{', '.join(names[:-1])} or {names[-1]}"


def approvals(pr: PullRequest) -> list[Approval]:
    found: list[Approval] = []
    for change in pr.changes.records:
        paths = [p for p in (change.base_path, change.head_path) if p]
        if change.status != "renamed":
            paths = paths[:1]
        rules: list[Rule] = []
        for path in paths:
            rule = pr.base_ownership.rule_for(path)
            if all(rule.owners != known.owners for known in rules):
                rules.append(rule)
        after = pr.head_ownership.rule_for(change.head_path) if change.head_path else None
        found.append(Approval(change, tuple(rules), after))
    return found


def approval_problems(pr: PullRequest) -> list[Problem]:
    """Warn when the author is not among the people who must approve a record's change, or is
    the only one (GitHub does not let authors approve their own pull requests). Team
    membership cannot be known offline, so owners that include a team never get a warning."""
    if not pr.author:
        return []
    problems: list[Problem] = []
    for approval in approvals(pr):
        for rule in approval.required:
            problems += _rule_warnings(approval, rule, pr.author)
        problems += _new_record_warnings(approval, pr.author)
    return problems


def _rule_warnings(approval: Approval, rule: Rule, author: str) -> list[Problem]:
    change = approval.change
    if rule.teams:
        return []
    if rule.includes(author):
        if not all(same(user, author) for user in rule.users):
            return []
        return [
            warning(
                change.path,
                1,
                1,
                f"You ({author}) are the only person who can approve "
                f"{approval.action}, and GitHub does not let anyone approve their "
                "own pull request.",
                "Ask a colleague to open a pull request adding themselves to the "
                f"{change.kind_word}'s maintainers, which you can approve; until "
                "then only a repository administrator can merge this one.",
                "approval-sole-owner",
            )
        ]
    if change.status == "added":  # new records always wait for a core maintainer
        return []
    return [
        warning(
            change.path,
            1,
            1,
            approval.requirement(rule),
            f"You ({author}) are not one of them, so GitHub asks them to review.",
            "approval-needed",
        )
    ]


def _new_record_warnings(approval: Approval, author: str) -> list[Problem]:
    change, after = approval.change, approval.after
    if (
        change.status != "added"
        or not after
        or after.fallback
        or after.teams
        or after.includes(author)
    ):
        return []
    return [
        warning(
            change.path,
            1,
            1,
            f"You ({author}) are adding a {change.kind_word} to be looked after by "
            f"{owners_text(after)}, and you are not one of them.",
            "Ask one of them to review it too: until it is merged, GitHub asks only the "
            "core maintainers to approve it.",
            "approval-new-record",
        )
    ]
