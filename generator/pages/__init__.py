"""Page generation: the catalogue in, Markdown pages and data files out. Imports no MkDocs."""

from generator.pages.model import DataFile, Page, SiteContent, SiteInputs, SiteSettings, StaleInfo
from generator.pages.site import generate_site

__all__ = [
    "DataFile",
    "Page",
    "SiteContent",
    "SiteInputs",
    "SiteSettings",
    "StaleInfo",
    "generate_site",
]
