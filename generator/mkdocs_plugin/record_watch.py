"""The record folders watched for `mkdocs serve` through the system's file events.

MkDocs watches by polling: twice a second it lists and reads the details of every file in each
watched folder. At 10,000 projects that is a walk of 10,000 files every half second, on threads
that share the interpreter with the rebuild (measured: two seconds of a ten-second rebuild).
The record folders are watched here by watchdog's native observer (inotify on Linux), which
asks the server for a rebuild as its own watches do. Where there is no native observer, or the
server does not work as expected, MkDocs' own watch is used.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from mkdocs.livereload import LiveReloadServer
from watchdog.events import (
    FileClosedEvent,
    FileCreatedEvent,
    FileDeletedEvent,
    FileModifiedEvent,
    FileMovedEvent,
    FileSystemEvent,
    FileSystemEventHandler,
)
from watchdog.observers import Observer
from watchdog.observers.api import BaseObserver
from watchdog.observers.polling import PollingObserver

# Changes only, filtered where the events are read: a rebuild opens and reads every record, and
# were opening a file a change, each rebuild would ask for the next.
CHANGES: list[type[FileSystemEvent]] = [
    FileCreatedEvent, FileDeletedEvent, FileModifiedEvent, FileMovedEvent, FileClosedEvent,
]  # fmt: skip


class _AskForRebuild(FileSystemEventHandler):
    """What MkDocs' own watch does on a change: wake its build loop."""

    def __init__(self, server: LiveReloadServer) -> None:
        self._server = server

    def on_any_event(self, event: FileSystemEvent) -> None:
        if event.is_directory:
            return
        server = self._server
        with server._rebuild_cond:
            server._want_rebuild = True
            server._rebuild_cond.notify_all()


class RecordWatch:
    """Folders watched natively until `stop`; or, where that cannot be done, given to MkDocs."""

    def __init__(self, server: LiveReloadServer, folders: Iterable[Path]) -> None:
        self._observer: BaseObserver | None = None
        folders = [f for f in folders if f.is_dir()]
        observer = Observer()
        if isinstance(observer, PollingObserver) or not hasattr(server, "_rebuild_cond"):
            for folder in folders:
                server.watch(str(folder))
            return
        handler = _AskForRebuild(server)
        for folder in folders:
            observer.schedule(handler, str(folder), recursive=True, event_filter=CHANGES)
        observer.daemon = True
        observer.start()
        self._observer = observer

    def stop(self) -> None:
        if self._observer is not None:
            self._observer.stop()
            self._observer.join(timeout=5)
            self._observer = None
