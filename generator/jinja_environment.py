"""The one Jinja environment factory, for the pages, the dashboard and the redirect pages.

Record text only ever reaches templates as values, never as template source, and every value
is escaped unless it is markup a template of ours rendered (passed as `Markup`).
"""

from __future__ import annotations

from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape


def template_environment(
    package: str | None = None, *, keep_trailing_newline: bool = False
) -> Environment:
    """The one way the generator makes a Jinja environment: autoescape always on, undefined
    names an error, block tags leaving no blank lines. `package` ships the templates
    (in its templates/ folder); without one, templates come from strings of our own code."""
    return Environment(
        loader=PackageLoader(package, "templates") if package else None,
        autoescape=select_autoescape(default=True, default_for_string=True),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=keep_trailing_newline,
    )
