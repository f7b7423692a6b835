"""The Jinja environment for page bodies: templates shipped in the package, autoescape on.

Record text only ever reaches templates as data; it is never a template itself.
"""

from __future__ import annotations

import posixpath
from datetime import date, datetime
from functools import cache
from typing import Any
from urllib.parse import urlsplit

from jinja2 import Environment

from generator import vocabulary
from generator.jinja_environment import template_environment
from generator.pages import paths, render_memory
from generator.portfolio.wording import confirmed_text, due_text
from generator.savings import wording as savings_wording
from generator.vocabulary import in_uk_time


def page_dir(page_path: str) -> str:
    """The folder a page is served from: `projects/x.md` -> `projects/x/`, `index.md` -> ``."""
    stem = page_path.removesuffix(".md")
    if stem == "index":
        return ""
    if stem.endswith("/index"):
        return stem.removesuffix("index")
    return stem + "/"


def site_relpath(target: str, start: str) -> str:
    """posixpath.relpath for site paths, without its normalising and its look at the current
    folder: a catalogue makes hundreds of thousands of links. Paths with '..' go the long way."""
    if ".." in target or ".." in start:
        return posixpath.relpath(target, start)
    to = [part for part in target.split("/") if part and part != "."]
    here = [part for part in start.split("/") if part and part != "."]
    common = 0
    while common < len(to) and common < len(here) and to[common] == here[common]:
        common += 1
    return "/".join([".."] * (len(here) - common) + to[common:]) or "."


def relative_url(page_path: str, target: str) -> str:
    """A link from the page at `page_path` to the site path `target` (`councils/leeds/`)."""
    here = page_dir(page_path) or "."
    fragment = ""
    if "#" in target:
        target, fragment = target.split("#", 1)
        fragment = "#" + fragment
    if not target and fragment:
        return fragment
    rel = site_relpath(target or ".", here)
    if (not target or target.endswith("/")) and not rel.endswith("/"):
        rel += "/"
    return rel + fragment


def short_date(value: date | datetime | None) -> str:
    if value is None:
        return ""
    return f"{value.day} {value:%b %Y}"


def time_of_day(value: date | datetime) -> str:
    """`9:30am`, or `` for a whole day."""
    if not isinstance(value, datetime):
        return ""
    value = in_uk_time(value)
    hour = value.hour % 12 or 12
    minutes = f":{value.minute:02d}" if value.minute else ""
    return f"{hour}{minutes}{'am' if value.hour < 12 else 'pm'}"


def iso_date(value: date | datetime) -> str:
    """For `<time datetime>`. A filter, not `value.isoformat()`: templates call no Python
    methods, so they stay portable to MiniJinja (Zensical)."""
    return value.isoformat()


def thousands(value: int) -> str:
    """12,345: a filter for the same reason as iso_date (no `"{:,}".format()` in templates)."""
    return f"{value:,}"


def money(value: float | None) -> str:
    return "" if value is None else f"£{value:,.0f}"


def days(value: float | None) -> str:
    if value is None:
        return ""
    text = f"{value:,.1f}".removesuffix(".0")
    return f"{text} day" if value == 1 else f"{text} days"


def host(url: str) -> str:
    """`github.com` for a link's address: says where a named link goes before it is followed."""
    return (urlsplit(url).hostname or "").removeprefix("www.") if url else ""


def github_url(handle: str) -> str:
    """`@org/team` -> the team page, `@user` or `user` -> the profile."""
    name = handle.removeprefix("@")
    if "/" in name:
        org, team = name.split("/", 1)
        return f"https://github.com/orgs/{org}/teams/{team}"
    return f"https://github.com/{name}"


@cache
def environment() -> Environment:
    env = template_environment("generator.pages")
    env.filters.update(
        long_date=vocabulary.long_date,
        short_date=short_date,
        time_of_day=time_of_day,
        iso_date=iso_date,
        thousands=thousands,
        money=money,
        days=days,
        role_label=vocabulary.role_label,
        phase_label=vocabulary.phase_label,
        days_in_words=vocabulary.days_in_words,
        host=host,
        slug=vocabulary.slug,
        github_url=github_url,
        money_range=savings_wording.money_range,
        pounds=savings_wording.pounds,
        adoption=savings_wording.adoption_sentence,
        due_text=due_text,
        confirmed_text=confirmed_text,
    )
    env.globals.update(vocabulary=vocabulary)
    return env


def render(template: str, page_path: str, **context: Any) -> str:
    """Render a template for the page at `page_path`; `url()` inside makes relative links."""

    def url(target: str) -> str:
        return relative_url(page_path, target)

    # Record pages' addresses come from generator.pages.paths, the one definition of site paths.
    links = {
        "project_url": lambda project_id: url(paths.project(project_id)),
        "council_url": lambda council_id: url(paths.council(council_id)),
        "makerday_url": lambda makerday_id: url(paths.makerday(makerday_id)),
    }
    # Each template renders one HTML element, which Python-Markdown keeps as a raw HTML block
    # up to its closing tag: record text inside is never read as Markdown.
    template_of = environment().get_template
    return render_memory.remembered(
        template,
        page_path,
        context,
        lambda: template_of(template).render(url=url, **links, **context),
    )
