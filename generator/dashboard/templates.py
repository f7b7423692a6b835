"""The dashboard's Jinja environment: templates shipped in this package, autoescape always on.

Record text only ever reaches templates as values, never as template source, and every value is
escaped unless it is markup a template of ours rendered (passed as `Markup`).
"""

from __future__ import annotations

from functools import cache
from typing import Any

from jinja2 import Environment

from generator.jinja_environment import template_environment


@cache
def environment() -> Environment:
    return template_environment("generator.dashboard")


def render(name: str, **context: Any) -> str:
    """Render a template with no blank lines in the result.

    Why: the output goes into a Markdown page as a raw HTML block, and a blank line would end
    the block and hand the rest to the Markdown processor. Whitespace between tags and inside
    text means the same to HTML whether it is one line break or several.
    """
    html = environment().get_template(name).render(**context)
    return "\n".join(line for line in html.splitlines() if line.strip())
