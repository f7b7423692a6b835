"""The generated data files written by a forked helper while MkDocs reads and renders pages.

A build writes thousands of small files besides its pages: a feed per record, the old
addresses of renamed records and moved weeks, the API and its spreadsheets (2,000 at 1,000
projects). On a disk where making a file costs up to a millisecond, MkDocs' own copying of
them took 1 to 2.6 s, in its one loop, before any page was written. Here a helper forked when
they are known writes them while MkDocs goes on; a failure in it stops the build. Only a full
build does this, where forking is safe (no other thread) and there are enough files; in
`mkdocs serve`, MkDocs copies them, and only those that changed.
"""

from __future__ import annotations

from collections.abc import Sequence

from mkdocs.structure.files import File

from generator.forking import Forked, ForkedTaskFailed, helper_pays

WORTH_IT_FROM = 200  # files; below this, starting a helper costs more than it saves


class DataWriteFailed(Exception):
    """The helper could not write the data files; the message says why."""


class WrittenBeside(File):
    """A generated file the helper writes: MkDocs' own copying passes it over."""

    def copy_file(self, dirty: bool = False) -> None:
        return None


def worth_writing_beside(count: int) -> bool:
    return helper_pays(count, WORTH_IT_FROM)


class DataWriter:
    """The helper writing `files` (each to its place in the site); `finish()` waits for it."""

    def __init__(self, files: Sequence[File]) -> None:
        written = list(files)

        def write() -> int:
            for file in written:
                File.copy_file(file)  # (the copy WrittenBeside passes over in MkDocs' loop)
            return len(written)

        self._helper = Forked(write)

    def finish(self) -> int:
        """Wait until every file is written; return how many."""
        try:
            return self._helper.result()
        except ForkedTaskFailed as exc:
            message = f"Writing the data files on a second core failed: {exc}"
            raise DataWriteFailed(message) from None
