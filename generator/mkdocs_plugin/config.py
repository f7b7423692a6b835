"""Options of the `pipeline` plugin in mkdocs.yml."""

from __future__ import annotations

from mkdocs.config import base
from mkdocs.config import config_options as c


class PipelineConfig(base.Config):
    enabled = c.Type(bool, default=True)
    # The repository's top folder (holding projects/, councils/, makerdays/, schema/),
    # relative to mkdocs.yml.
    root = c.Type(str, default=".")
