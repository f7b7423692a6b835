"""The words intake writes: the reply on the issue and the pull request's title and body.

Record and issue text in replies goes through github_inline (no HTML, no formatting, no
@mentions). The only live mention is the person the reply thanks, in the issue they wrote; the
pull request's own text mentions nobody (`pipeline pr-report` names who must approve), and the
maintainers of a project that looks like a new one are named, not notified.
"""

from __future__ import annotations

from generator.intake.change import Change
from generator.intake.proposal import Checked, Lookalike
from generator.markdown_safe import github_inline
from generator.ownership.codeowners import Rule

MARKER = "<!-- pipeline-intake -->"


def _mention(login: str) -> str:
    return f"@{login}" if login else "there"


def refused(login: str, problems: list[tuple[str, str]], *, form: bool) -> str:
    return f"{MARKER}\n{refused_lines(login, problems, form=form)}"


def too_many(login: str) -> str:
    return (
        f"{MARKER}\nThank you, {_mention(login)}. You already have {OPEN_LIMIT_WORDS} requests "
        "waiting for review, which is as many as one person can have open at once. Please wait "
        "until one of them is merged or closed, then edit this issue (or add a comment) and it "
        "will be picked up. Nothing has been changed yet.\n"
    )


OPEN_LIMIT_WORDS = "five"


MAX_PROBLEMS = 10  # listed in a reply; a 65 KB answer can make hundreds


def refused_lines(login: str, problems: list[tuple[str, str]], *, form: bool) -> str:
    unique = list(dict.fromkeys(problems))
    shown, more = unique[:MAX_PROBLEMS], len(unique) > MAX_PROBLEMS
    how = (
        "please edit the issue (the **···** menu at its top, then **Edit**) and correct:"
        if form
        else "please write a new comment with this corrected:"
    )
    lines = [
        f"Thank you, {_mention(login)}. Before this can become a change to Pipeline, {how}",
        "",
        *(f"- **{label}**: {_sentence(github_inline(message))}" for label, message in shown),
        *([f"- And {len(unique) - MAX_PROBLEMS:,} more like these."] if more else []),
        "",
        "Nothing has been changed yet. "
        + ("The check runs again when you save the issue." if form else ""),
    ]
    return "\n".join(lines).rstrip() + "\n"


def _sentence(message: str) -> str:
    return message[:1].upper() + message[1:] if message else message


def proposed(
    login: str, change: Change, checked: Checked, rule: Rule, others: list[str] | None = None
) -> str:
    """The reply for an accepted request; `others` are replies to requests in the same issue
    that could not be done (the last few, so a flood of them cannot grow the reply)."""
    lines = [MARKER, f"Thank you, {_mention(login)}."]
    later = [line for text in (others or [])[-3:] for line in ("", text.rstrip("\n"))]
    if not change.files:
        lines += ["", *change.done, "", "Nothing needed changing, so there is no pull request."]
        return "\n".join([*lines, *later]) + "\n"
    lines += [
        "",
        "This is now a pull request, linked below, that closes this issue when it is merged. It:",
        "",
        *(f"- {sentence}" for sentence in change.done),
        "",
        f"Nothing is published until {rule.who()} approves it "
        f"({', '.join(f'`{h}`' for h in rule.owners)}). To change anything, edit this issue "
        "and the pull request is updated to match.",
    ]
    if checked.warnings:
        lines += ["", "The checks found things worth a look (they do not stop the change):", ""]
        lines += [f"- {github_inline(w)}" for w in checked.warnings]
    if checked.lookalikes:
        lines += ["", *similar(checked.lookalikes)]
    return "\n".join([*lines, *later]) + "\n"


def similar(lookalikes: list[Lookalike]) -> list[str]:
    lines = [
        "**This looks like a project already on Pipeline.** Councils get further together: "
        "could you join it instead?",
        "",
    ]
    for item in lookalikes:
        # Named in code, so they are not notified each time someone proposes a lookalike.
        who = ", ".join(f"`{h}`" for h in item.maintainers)
        lines.append(
            f"- [{item.title}]({item.page_url}), led by {item.lead}, in {item.phase}: "
            f"[Join this project]({item.join_url})." + (f" Looked after by {who}." if who else "")
        )
    lines += [
        "",
        "If it is a different service, say how it differs in the summary. This is only a "
        "suggestion: nothing stops this change.",
    ]
    return lines


def pull_request_body(issue: int, login: str, change: Change, checked: Checked) -> str:
    lines = [
        f"Closes #{issue}",
        "",
        f"Made by the intake workflow from #{issue}"
        + (f", opened by `@{login}`." if login else "."),
        "",
        *(f"- {sentence}" for sentence in change.done),
        "",
        "`pipeline validate` passed on the changed records before this was proposed.",
    ]
    if checked.warnings:
        lines += ["", "Warnings:", "", *(f"- {github_inline(w)}" for w in checked.warnings)]
    if checked.lookalikes:
        lines += ["", *similar(checked.lookalikes)]
    for note in change.notes:
        quoted = [f"> {github_inline(line)}" for line in note.split("\n")]
        lines += ["", "From the issue:", "", *quoted]
    return "\n".join(lines) + "\n"
