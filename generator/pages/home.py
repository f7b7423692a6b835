"""The home page: what Pipeline is, how much is on it, what is new, and how to add a project."""

from __future__ import annotations

from generator.digest import formats
from generator.pages import facts, paths
from generator.pages.model import Page, SiteInputs
from generator.pages.templating import render
from generator.vocabulary import PHASE_KEY, days_in_words, listed_phases

LATEST = 8


def page(inputs: SiteInputs) -> Page:
    catalogue = inputs.catalogue
    projects = catalogue.projects.values()
    used = [p.phase for p in projects]
    by_phase = [(phase, used.count(phase)) for phase in listed_phases(used) if phase != "retired"]
    upcoming = facts.upcoming_makerdays(catalogue, inputs.today)
    open_challenges = len(facts.open_project_challenges(catalogue, inputs.stale)) + len(
        facts.standalone_challenges(catalogue, inputs.today)
    )
    body = render(
        "home.html.j2",
        "index.md",
        project_count=sum(1 for p in projects if p.phase != "retired"),
        by_phase=by_phase,
        council_count=sum(1 for c in catalogue.councils.values() if c.signed_up),
        reusable_count=sum(1 for p in projects if facts.offered_for_reuse(p)),
        retired_count=sum(1 for p in projects if p.phase == "retired"),
        open_challenges=open_challenges,
        next_makerday=upcoming[0] if upcoming else None,
        latest=facts.latest_updates(catalogue, LATEST),
        week=_latest_week(inputs),
        key=PHASE_KEY,
        settings=inputs.settings,
        saved=inputs.savings.totals,
    )
    return Page(
        path="index.md",
        title="Pipeline: councils building digital services together",
        description="Councils share the digital projects they are working on so that others "
        "can join in, pledge help and reuse what is built, instead of building or buying the "
        "same thing again.",
        body=body,
        hide=("navigation", "toc"),
        raw_html=True,
        feed=paths.NEWS_FEED,
    )


def _latest_week(inputs: SiteInputs) -> dict[str, object] | None:
    """This week, always, even when nothing has happened in it: how long it has been quiet,
    and the latest week with news to read instead."""
    if not inputs.weeks:
        return None
    digest = inputs.weeks[0]
    latest = next((w for w in inputs.weeks if w.active), None)
    last_event = max((e.day for e in inputs.events if e.day <= inputs.today), default=None)
    return {
        "digest": digest,
        "dates": formats.dates(digest),
        "figures": [f for f in digest.figures if f.count],
        "path": paths.news_week(digest.key),
        "current": digest.since <= inputs.today <= digest.until,
        "feed": paths.NEWS_FEED,
        "latest": latest and {"dates": formats.dates(latest), "path": paths.news_week(latest.key)},
        "quiet_since": last_event,
        "quiet_for": days_in_words((inputs.today - last_event).days) if last_event else "",
    }
