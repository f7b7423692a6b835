"""What page generation produces and what it needs besides the catalogue."""

from __future__ import annotations

import html
import posixpath
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property, lru_cache
from typing import Protocol
from urllib.parse import quote, urlencode, urljoin

import yaml

from generator.catalogue.model import Catalogue, Project
from generator.catalogue.written_form import repr_once
from generator.digest.model import Digest
from generator.digest.week import every_week
from generator.events import Event, catalogue_events
from generator.pages.render_memory import remembered
from generator.savings.estimate import Savings, estimate
from generator.settings import DEFAULT_BAND_POINTS, Settings
from generator.staleness.assessment import Activity, DueProject, last_activity

# The site's policy, as site_overrides/partials/content-security-policy.html declares it for
# every other page (tests/browser checks every page declares the same one). Our own constant,
# so it goes in unescaped, character for character.
CONTENT_SECURITY_POLICY = (
    "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; "
    "img-src 'self' data:; "
    "font-src 'self'; connect-src 'self'; worker-src 'self'; object-src 'none'; "
    "base-uri 'self'; form-action 'self'"
)


@dataclass(frozen=True)
class Page:
    """One Markdown page of the site.

    `path` is the source path MkDocs sees (`projects/report-a-missed-bin.md`); `title` and
    `description` are plain text; `body` is Markdown whose record-derived parts are escaped
    HTML; `record_path` is the YAML file the page shows (for "edit this page"). A `raw_html`
    body is one HTML element from a template, which Markdown would pass through unchanged:
    the plugin hands it to MkDocs as it is and spares Markdown's slow HTML parsing.
    """

    path: str
    title: str
    description: str
    body: str
    record_path: str | None = None
    in_nav: bool = True
    hide: tuple[str, ...] = ()
    raw_html: bool = False
    searchable: bool = True
    feed: str | None = None  # site path of the Atom feed that follows this page

    @property
    def meta(self) -> dict[str, object]:
        """The page's front matter.

        MkDocs and Material put `title` and `description` into HTML without escaping (and
        treat titles as HTML), so they are escaped here, once, for every engine that reads them.
        A page that is not `searchable` (a list of records that each have their own page) stays
        out of the search index, so a search finds the record, not every list it is in.
        """
        meta: dict[str, object] = {
            "title": html.escape(self.title),
            "description": html.escape(self.description),
        }
        if self.hide:
            meta["hide"] = list(self.hide)
        if not self.searchable:
            meta["search"] = {"exclude": True}
        if self.feed:
            # Read by site_overrides/main.html for <link rel="alternate"> in the page's head.
            meta["feed"] = self.feed
        return meta

    @property
    def text(self) -> str:
        """The page as a Markdown file with YAML front matter."""
        front = yaml.safe_dump(self.meta, sort_keys=False, allow_unicode=True, width=10_000)
        return f"---\n{front}---\n\n{self.body}\n"


@dataclass(frozen=True)
class DataFile:
    """A file published as it is: JSON, feeds, calendars, spreadsheets, schemas."""

    path: str
    content: bytes


@dataclass(frozen=True)
class SearchDocument:
    """What the site search indexes for one result: its site path ("projects/x/") and a small
    HTML document (generator/pages/search_documents.py)."""

    url: str
    html: str


@dataclass
class SiteContent:
    pages: list[Page] = field(default_factory=list)
    files: list[DataFile] = field(default_factory=list)
    # The records' search documents; other pages are indexed from their built HTML.
    search: list[SearchDocument] = field(default_factory=list)


class StaleInfo(Protocol):
    """What pages need from `generator.staleness.assessment.StaleProject`."""

    id: str

    @property
    def reason(self) -> str: ...

    last_activity: Activity | None
    days_overdue: int
    maintainers: tuple[str, ...]


@repr_once
@dataclass(frozen=True)
class SiteSettings:
    """Where the site and its source live: `site_url`, `repo_url`, `edit_uri` of mkdocs.yml."""

    site_url: str = "https://localgovdigital.github.io/pipeline/"
    repo_url: str = "https://github.com/localgovdigital/pipeline"
    edit_uri: str = "edit/main/docs/"
    docs_dir: str = "docs"
    site_name: str = "Pipeline"
    contact_email: str = ""  # `extra.contact_email`: for people without a GitHub account

    @classmethod
    def from_config(cls, config: dict[str, object]) -> SiteSettings:
        """From a loaded mkdocs.yml (a plain mapping); missing keys keep the defaults."""
        defaults = cls()

        def text(key: str, default: str) -> str:
            value = config.get(key)
            return str(value) if value else default

        site_url = text("site_url", defaults.site_url)
        edit_uri = text("edit_uri", defaults.edit_uri)
        docs_dir = posixpath.basename(str(config.get("docs_dir") or defaults.docs_dir).rstrip("/"))
        extra = config.get("extra")
        email = extra.get("contact_email") if isinstance(extra, Mapping) else None
        return cls(
            site_url=site_url if site_url.endswith("/") else site_url + "/",
            repo_url=text("repo_url", defaults.repo_url).rstrip("/"),
            edit_uri=edit_uri if edit_uri.endswith("/") else edit_uri + "/",
            docs_dir=docs_dir,
            site_name=text("site_name", defaults.site_name),
            contact_email=str(email or ""),
        )

    @property
    def branch(self) -> str:
        """The branch named in `edit_uri` (`edit/main/docs/` -> `main`)."""
        parts = [p for p in self.edit_uri.split("/") if p]
        return parts[1] if len(parts) > 1 and parts[0] in {"edit", "blob", "tree"} else "main"

    def page_url(self, site_path: str) -> str:
        """Absolute URL of a site path such as `projects/x/`."""
        return _joined(self.site_url, site_path)

    def edit_path(self, record_path: str) -> str:
        """The record's path relative to docs_dir, which is what MkDocs joins to `edit_uri`."""
        return _relative(record_path, self.docs_dir)

    def edit_url(self, record_path: str) -> str:
        return _joined(f"{self.repo_url}/", self.edit_uri + self.edit_path(record_path))

    def history_url(self, record_path: str) -> str:
        return f"{self.repo_url}/commits/{self.branch}/{quote(record_path)}"

    def form_url(self, template: str, **fields: str) -> str:
        """A GitHub issue form (.github/ISSUE_TEMPLATE/<template>), its fields prefilled by
        their input ids (and `title`) through the address, as GitHub documents."""
        query = urlencode({"template": template, **fields})
        return f"{self.repo_url}/issues/new?{query}"

    def propose_project_url(self) -> str:
        return self.form_url("propose-project.yml")

    def sign_up_url(self) -> str:
        return self.form_url("sign-up-council.yml")

    def propose_challenge_url(self) -> str:
        return self.form_url("propose-challenge.yml")

    def join_url(self, project_id: str, title: str) -> str:
        """The join-project form, to join or pledge, for this project."""
        return self.form_url("join-project.yml", title=f"Join: {title}", project=project_id)

    def update_url(self, project_id: str, title: str) -> str:
        """The update-project form, to post progress or confirm the record, for this project."""
        return self.form_url("update-project.yml", title=f"Update: {title}", project=project_id)


# Every feed entry and page asks for absolute addresses of the same few thousand pages.
_joined = lru_cache(maxsize=50_000)(urljoin)
_relative = lru_cache(maxsize=100_000)(posixpath.relpath)  # every record, on every build


Similar = Mapping[str, list[tuple[str, float]]]


@dataclass(frozen=True)
class SiteInputs:
    """Everything a page may depend on. `today` is an input so builds are reproducible."""

    catalogue: Catalogue
    settings: SiteSettings
    today: date
    stale: Mapping[str, StaleInfo] = field(default_factory=dict)
    similar: Similar = field(default_factory=dict)
    schemas: Mapping[str, str] = field(default_factory=dict)  # schema file name -> its text
    # record path -> the paths it had before renames, oldest history last
    earlier_paths: Mapping[str, Sequence[str]] = field(default_factory=dict)
    # project id -> its last activity; None to work it out from the records' own dates
    activity: Mapping[str, Activity] | None = None
    # projects whose review or service assessment falls due soon, soonest first
    due: Sequence[DueProject] = ()
    community: Settings = field(default_factory=Settings)  # pipeline.yml
    # budget band -> (low, high) pounds, from pipeline.yml: the savings estimates' inputs
    band_points: Mapping[str, tuple[int, int]] = field(
        default_factory=lambda: dict(DEFAULT_BAND_POINTS)
    )

    def activity_of(self, project: Project) -> Activity | None:
        """The one date every page shows for the project's last sign of life, and its source."""
        if self.activity is None:
            return last_activity(project)
        return self.activity.get(project.id)

    @cached_property
    def events(self) -> list[Event]:
        """Every dated event of the records, newest first: worked out once per site."""
        return catalogue_events(self.catalogue)

    @cached_property
    def weeks(self) -> list[Digest]:
        """The digest of every week with news, newest first, for /news/ and the home page."""
        return every_week(
            self.catalogue, self.today, settings=self.community, events=self.events,
            similar=self.similar, remember=remembered,
        )  # fmt: skip

    @cached_property
    def savings(self) -> Savings:
        """What reuse and shared work saved: worked out once, shown on many pages."""
        return estimate(self.catalogue, self.band_points)
