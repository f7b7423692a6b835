"""`pipeline build` shows progress on a terminal and nothing anywhere else."""

from __future__ import annotations

import io

from generator.cli.progress import BuildProgress


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_bars_on_a_terminal() -> None:
    screen = Terminal()
    progress = BuildProgress(screen)
    progress("Generating pages", 0, 1)
    progress("Generating pages", 1, 1)
    for done in range(1, 1001):
        progress("Reading pages", done, 1000)
    progress.close()
    shown = screen.getvalue()
    assert "Generating pages" in shown and "1/1" in shown
    assert "Reading pages" in shown and "1000/1000" in shown
    assert shown.count("Reading pages") < 300  # redrawn now and then, not for every page


def test_nothing_when_not_a_terminal() -> None:
    log = io.StringIO()
    progress = BuildProgress(log)
    progress("Reading pages", 5, 10)
    progress.close()
    assert log.getvalue() == ""
