"""Community settings from `pipeline.yml`: defaults here, overrides in the repository."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from generator.handles import is_handle, unique
from generator.vocabulary import PHASES

SETTINGS_FILE = "pipeline.yml"
DEFAULT_STALE_AFTER_DAYS: dict[str, int | None] = {
    "idea": 180,
    "discovery": 180,
    "alpha": 180,
    "beta": 180,
    "live": 365,
    "retired": None,
    "unknown": 180,
}
# A commit changing more records than this is a bulk change (a reformat, an import), not a sign
# of life for any of them.
DEFAULT_BULK_COMMIT_RECORDS = 10
# What a project in each budget band is taken to cost to build, lowest and highest, in whole
# pounds: the points the savings estimates multiply (`savings.band_points` in pipeline.yml).
DEFAULT_BAND_POINTS: dict[str, tuple[int, int]] = {
    "under-50k": (10_000, 50_000),
    "50k-100k": (50_000, 100_000),
    "100k-250k": (100_000, 250_000),
    "250k-500k": (250_000, 500_000),
    "500k-1m": (500_000, 1_000_000),
    "over-1m": (1_000_000, 2_000_000),
}


# mySociety's register of UK local authorities (past, current and future), as published.
DEFAULT_REGISTER_URL = (
    "https://pages.mysociety.org/uk_local_authority_names_and_codes/data/uk_la_future/latest/"
    "uk_local_authorities_future.csv"
)


class SettingsError(Exception):
    """pipeline.yml cannot be used; the message says what to change."""


@dataclass(frozen=True)
class Settings:
    stale_after_days: dict[str, int | None] = field(
        default_factory=lambda: dict(DEFAULT_STALE_AFTER_DAYS)
    )
    core_maintainers: tuple[str, ...] = ()
    bulk_commit_records: int = DEFAULT_BULK_COMMIT_RECORDS
    band_points: dict[str, tuple[int, int]] = field(
        default_factory=lambda: dict(DEFAULT_BAND_POINTS)
    )
    register_url: str = DEFAULT_REGISTER_URL


def load_settings(root: Path) -> Settings:
    """Settings from root/pipeline.yml, or the defaults when there is no such file."""
    path = root / SETTINGS_FILE
    if not path.exists():
        return Settings()
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except yaml.YAMLError as exc:
        raise SettingsError(f"{SETTINGS_FILE} is not valid YAML: {exc}") from None
    if not isinstance(raw, dict):
        raise SettingsError(f"{SETTINGS_FILE} must be a set of 'key: value' lines.")
    stale = raw.get("stale") or {}
    return Settings(
        stale_after_days=_stale_after_days(stale),
        core_maintainers=tuple(_handles(raw.get("core_maintainers") or [])),
        bulk_commit_records=_bulk_commit_records(stale),
        band_points=_band_points(raw.get("savings") or {}),
        register_url=_register_url(raw.get("register") or {}),
    )


def _bulk_commit_records(section: Any) -> int:
    value = section.get("bulk_commit_records") if isinstance(section, dict) else None
    if value is None:
        return DEFAULT_BULK_COMMIT_RECORDS
    if not isinstance(value, int) or isinstance(value, bool) or value < 1:
        raise SettingsError(
            f"{SETTINGS_FILE}: stale.bulk_commit_records must be a whole number of records, "
            "1 or more."
        )
    return value


def _register_url(section: Any) -> str:
    url = section.get("url", DEFAULT_REGISTER_URL) if isinstance(section, dict) else None
    if not isinstance(url, str) or not url.startswith("https://"):
        raise SettingsError(f"{SETTINGS_FILE}: register.url must be an https:// address.")
    return url


def _stale_after_days(section: Any) -> dict[str, int | None]:
    days = dict(DEFAULT_STALE_AFTER_DAYS)
    given = section.get("after_days", {}) if isinstance(section, dict) else None
    if not isinstance(given, dict):
        raise SettingsError(f"{SETTINGS_FILE}: stale.after_days must map phases to days.")
    for phase, value in given.items():
        if phase not in PHASES:
            raise SettingsError(
                f"{SETTINGS_FILE}: stale.after_days has '{phase}', which is not a phase "
                f"({', '.join(PHASES)})."
            )
        if value is not None and (
            not isinstance(value, int) or isinstance(value, bool) or value < 1
        ):
            raise SettingsError(
                f"{SETTINGS_FILE}: stale.after_days.{phase} must be a number of days, or null "
                "for never."
            )
        days[phase] = value
    return days


def _band_points(section: Any) -> dict[str, tuple[int, int]]:
    points = dict(DEFAULT_BAND_POINTS)
    given = section.get("band_points", {}) if isinstance(section, dict) else None
    if not isinstance(given, dict):
        raise SettingsError(
            f"{SETTINGS_FILE}: savings.band_points must map budget bands to points."
        )
    for band, value in given.items():
        if band not in DEFAULT_BAND_POINTS:
            raise SettingsError(
                f"{SETTINGS_FILE}: savings.band_points has '{band}', which is not a budget band "
                f"({', '.join(DEFAULT_BAND_POINTS)})."
            )
        if not (
            isinstance(value, list)
            and len(value) == 2
            and all(isinstance(v, int) and not isinstance(v, bool) and v >= 0 for v in value)
            and value[0] <= value[1]
        ):
            raise SettingsError(
                f"{SETTINGS_FILE}: savings.band_points.{band} must be two whole numbers of "
                "pounds, lowest first, for example [50000, 100000]."
            )
        points[band] = (value[0], value[1])
    return points


def _handles(values: Any) -> list[str]:
    if not isinstance(values, list) or not all(isinstance(v, str) and v for v in values):
        raise SettingsError(f"{SETTINGS_FILE}: core_maintainers must be a list of GitHub handles.")
    bad = [v for v in values if not is_handle(v)]
    if bad:
        raise SettingsError(
            f"{SETTINGS_FILE}: core_maintainers has '{bad[0]}', which is not a GitHub user "
            "(alice or @alice) or team (@organisation/team)."
        )
    return list(unique(values))


def repository_url(root: Path, environ: Mapping[str, str]) -> str | None:
    """The repository's web address: GitHub's own inside Actions, else mkdocs.yml's repo_url,
    else None.

    mkdocs.yml is read line by line because Material's configurations may use tags that a safe
    YAML loader refuses.
    """
    server, repository = environ.get("GITHUB_SERVER_URL"), environ.get("GITHUB_REPOSITORY")
    if server and repository:
        return f"{server.rstrip('/')}/{repository}"
    config = root / "mkdocs.yml"
    text = config.read_text(encoding="utf-8") if config.is_file() else ""
    found = re.search(r"^repo_url:\s*['\"]?(https?://[^\s'\"]+)", text, re.MULTILINE)
    return found.group(1).rstrip("/") if found else None
