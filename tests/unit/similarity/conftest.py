"""Reports how well "Similar projects" finds the labelled near-duplicates, after every run."""

from __future__ import annotations

import pytest

from tests.unit.similarity.labelled import PRECISION_KEY


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter, config: pytest.Config):
    lines = config.stash.get(PRECISION_KEY, None)
    if lines:
        terminalreporter.write_sep("-", "similar projects: labelled near-duplicates")
        for line in lines:
            terminalreporter.write_line(line)
