"""What the reporting commands start from: pipeline.yml and the catalogue of checked records."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import click

from generator.catalogue.construction import build_catalogue
from generator.catalogue.model import Catalogue
from generator.checking.repository import check_repository
from generator.pages.model import SiteSettings
from generator.settings import Settings, SettingsError, load_settings
from generator.site.render import settings_from


def checked_catalogue(root: Path, today: date, refusal: str) -> tuple[Settings, Catalogue]:
    """The community settings and the records' catalogue, or a plain error: `refusal` says
    what cannot be done while the records have errors ("The records have errors, so ...")."""
    try:
        settings = load_settings(root)
    except SettingsError as exc:
        raise click.ClickException(str(exc)) from None
    report = check_repository(root, today=today)
    if not report.ok:
        raise click.ClickException(
            f"{refusal} Run `pipeline validate` to see them and fix them first."
        )
    return settings, build_catalogue(report.records, root)


def site_settings(root: Path) -> SiteSettings:
    """The site's settings from mkdocs.yml, or the defaults where there is none."""
    config = root / "mkdocs.yml"
    return settings_from(config) if config.is_file() else SiteSettings()
