"""Python's cycle collector kept off the records while the site is made.

Making the pages allocates millions of short-lived objects, and every so often that starts a
full collection, which walks every object the process holds: the whole catalogue, the
similarity index, the loaded schemas. `gc.freeze` sets what exists already aside for the
duration (it is still freed as usual when nothing refers to it), so those collections look at
the new objects only. At 1,000 projects that saves about a fifth of a second of each build.
"""

from __future__ import annotations

import functools
import gc
from collections.abc import Callable
from typing import ParamSpec, TypeVar

P = ParamSpec("P")
R = TypeVar("R")


def long_lived_set_aside(function: Callable[P, R]) -> Callable[P, R]:
    """Run `function` with everything allocated before it out of the collector's sight."""

    @functools.wraps(function)
    def run(*args: P.args, **kwargs: P.kwargs) -> R:
        if gc.get_freeze_count():  # set aside by a caller already: theirs to undo
            return function(*args, **kwargs)
        gc.freeze()
        try:
            return function(*args, **kwargs)
        finally:
            gc.unfreeze()

    return run
