"""The small page left at a renamed record's old address, so links to it keep working.

A meta refresh for browsers, a visible link for everyone else (and for screen-reader users,
who are told where they are going), a canonical link for search engines, and noindex so the
old address drops out of search results.
"""

from __future__ import annotations

from generator.jinja_environment import template_environment
from generator.pages.model import CONTENT_SECURITY_POLICY, DataFile
from generator.pages.templating import relative_url

_TEMPLATE = """\
<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="{{ policy | safe }}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{ title }} has moved</title>
<meta name="robots" content="noindex">
<link rel="canonical" href="{{ canonical }}">
<meta http-equiv="refresh" content="0; url={{ relative }}">
</head>
<body>
<main>
<h1>{{ title }} has moved</h1>
<p>This page is now at <a href="{{ relative }}">{{ shown }}</a>.
Please update any links or bookmarks.</p>
</main>
</body>
</html>
"""

# Compiled once: a site with years of news leaves hundreds of these pages.
_PAGE = template_environment(keep_trailing_newline=True).from_string(_TEMPLATE)


def redirect_page(from_page: str, to_page: str, site_url: str = "", title: str = "") -> str:
    """The HTML for `from_page` (e.g. 'projects/old-id/') sending visitors to `to_page`.

    `site_url` (mkdocs.yml's site_url) makes the canonical link absolute; `title` is the
    record's title, escaped like everything else.
    """
    relative = relative_url(from_page, to_page)
    # The page itself is canonical, not a #section of it (a week of news on its month's page);
    # the link people see names the section too.
    page, hash_, section = to_page.partition("#")
    canonical = (
        f"{site_url.rstrip('/')}/{page.lstrip('/')}" if site_url else relative_url(from_page, page)
    )
    shown = canonical + hash_ + section if site_url else relative
    return _PAGE.render(
        title=title or "This page",
        canonical=canonical,
        shown=shown,
        relative=relative,
        policy=CONTENT_SECURITY_POLICY,
    )


def redirect_files(
    redirects: dict[str, str], site_url: str = "", titles: dict[str, str] | None = None
) -> dict[str, str]:
    """Output file path ('projects/old-id/index.html') -> page HTML, for every redirect.

    `titles` maps a new page path to the record's title for the page's wording.
    """
    titles = titles or {}
    return {
        f"{old.rstrip('/')}/index.html": redirect_page(old, new, site_url, titles.get(new, ""))
        for old, new in sorted(redirects.items())
    }


def redirect_data_files(
    redirects: dict[str, str], site_url: str = "", titles: dict[str, str] | None = None
) -> list[DataFile]:
    """`redirect_files` as files to publish as they are: no MkDocs page, no theme."""
    pages = redirect_files(redirects, site_url, titles)
    return [DataFile(path, html.encode("utf-8")) for path, html in pages.items()]
