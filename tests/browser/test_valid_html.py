"""The built pages are valid HTML by the W3C Nu HTML Checker (npm package vnu-jar), run once over
the whole example site. Errors that come from Material's own base.html, which we cannot change
without copying the whole theme, are listed by name with a reason; anything else fails."""

from __future__ import annotations

import json
import re
import subprocess
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.browser import tools

pytestmark = pytest.mark.browser


@dataclass(frozen=True)
class ThemeError:
    name: str
    message: re.Pattern[str]  # matches the checker's message
    extract: re.Pattern[str]  # matches the markup it quotes, so that ours is never excused
    reason: str


KNOWN_THEME_ERRORS = (
    ThemeError(
        name="autocomplete on Material's drawer and search toggles",
        message=re.compile(r"^Attribute “autocomplete” is only allowed when the input type is"),
        extract=re.compile(
            r'<input class="md-toggle" data-md-toggle="(drawer|search)" type="checkbox"'
        ),
        reason=(
            "Material's base.html (outside any block) gives its two hidden checkboxes "
            'autocomplete="off" so that Firefox does not restore them checked after a reload; '
            "removing it means copying the whole of base.html, which would stop theme updates."
        ),
    ),
    ThemeError(
        name="tabindex left empty on Material's section labels",
        message=re.compile(r"^Bad value “” for attribute “tabindex” on element “label”"),
        extract=re.compile(r'<label class="md-nav__link[^"]*" for="__nav_[0-9_]+" id="__nav_'),
        reason=(
            'Material\'s partials/nav-item.html writes tabindex="{{ tabindex }}" and sets it '
            "only for sections without an index page (navigation.indexes), so a section with one "
            '(Contribute) gets tabindex="". Browsers ignore the empty value; the fix belongs '
            "in Material, not in a copy of its 200-line partial."
        ),
    ),
    ThemeError(
        name="table of contents title labels a checkbox that is not there",
        message=re.compile(r"^The value of the “for” attribute of the “label” element must be"),
        extract=re.compile(r'<label class="md-nav__title" for="__toc">'),
        reason=(
            "Material's partials/toc.html always labels its title for the __toc checkbox, which "
            "partials/nav-item.html draws only for a page listed in the navigation that is not a "
            "section's index (so not for the accessibility statement or Contribute). The label "
            "does nothing there; the fix belongs in Material."
        ),
    ),
)


@dataclass(frozen=True)
class Message:
    page: str
    line: int
    message: str
    extract: str

    def __str__(self) -> str:
        return f"{self.page}:{self.line}: {self.message}\n    {self.extract.strip()}"


@dataclass(frozen=True)
class NuReport:
    checked: tuple[str, ...]  # the pages the checker says it read, relative to the site
    errors: tuple[Message, ...]


@pytest.fixture(scope="session")
def nu_report(example_site: Path) -> NuReport:
    """What the checker read and every error it reports on the site; one JVM for all pages."""
    if not tools.java_available():
        tools.missing(tools.NO_JAVA)
    if not tools.VNU.is_file():
        tools.missing(tools.NO_VNU)
    # --verbose: the name of each file checked, one a line on stdout; the report on stderr.
    command = ["java", "-jar", str(tools.VNU), "--format", "json", "--skip-non-html", "--verbose"]
    result = subprocess.run(
        [*command, str(example_site)], capture_output=True, text=True, timeout=300
    )
    report = json.loads(result.stderr)
    errors = []
    for item in report["messages"]:
        if item["type"] == "info":
            continue  # warnings, e.g. the CSP blocking file: URLs, which do not apply on a server
        page = item.get("url", "").removeprefix("file:").removeprefix(str(example_site) + "/")
        errors.append(
            Message(page, item.get("lastLine", 0), item["message"], item.get("extract", ""))
        )
    checked = [Path(line).relative_to(example_site).as_posix() for line in result.stdout.split()]
    return NuReport(tuple(sorted(checked)), tuple(errors))


def theme_error(error: Message) -> ThemeError | None:
    for known in KNOWN_THEME_ERRORS:
        if known.message.search(error.message) and known.extract.search(error.extract):
            return known
    return None


def test_the_checker_read_every_page(nu_report: NuReport, example_site: Path) -> None:
    # A checker that read nothing reports no errors: the other tests would pass on an empty run.
    pages = sorted(p.relative_to(example_site).as_posix() for p in example_site.rglob("*.html"))
    assert len(pages) > 100
    assert list(nu_report.checked) == pages


def test_no_errors_from_our_templates(nu_report: NuReport) -> None:
    ours = [error for error in nu_report.errors if theme_error(error) is None]
    assert not ours, f"{len(ours)} HTML errors:\n" + "\n".join(map(str, ours))


def test_every_known_theme_error_still_happens(nu_report: NuReport) -> None:
    # An exception that no longer matches anything is removed, so the list stays honest.
    seen = {known.name for error in nu_report.errors if (known := theme_error(error))}
    stale = [known.name for known in KNOWN_THEME_ERRORS if known.name not in seen]
    assert not stale, f"the theme no longer does these, remove them: {stale}"
