"""Ending the `pipeline` process at once after a big build.

A build of thousands of pages leaves millions of objects that Python would free one by one
as it shuts down (0.2 s at 1,000 projects, 0.6 s at 10,000), only for the operating system
to take the memory back anyway. A command that has finished all it writes asks for the quick
way out; only the console command (`main`) takes it, so tests and callers in the same process
are never ended.
"""

from __future__ import annotations

import logging
import os
import sys

_asked = False


def when_done() -> None:
    """This command has written and closed everything it makes: nothing is left to clean up."""
    global _asked
    _asked = True


def end_now_if_asked(code: object) -> None:
    """After a successful command that asked for it, end the process without tidying up."""
    if _asked and code in (0, None):
        logging.shutdown()  # (flushes every log handler)
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(0)
