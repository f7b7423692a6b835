"""Run one pure function over many items on every core: the parallel parts of a build.

Helpers are forked, so they start with everything the build has in memory (the catalogue,
the similarity index) and only the items' numbers go to them and their results come back.
Forking is used on Linux only (GitHub's runners and most servers); elsewhere, with one core,
for few items, or while other threads run, the work runs here in one process, with the same
results.
"""

from __future__ import annotations

import atexit
import multiprocessing
import os
import sys
import threading
from collections.abc import Callable, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from typing import Any, Generic, TypeVar

T = TypeVar("T")

PARALLEL_FROM = 1_000

_task: Callable[[Any], Any] | None = None  # inherited by the forked helpers


def _run_share(items: Sequence[Any]) -> list[Any]:
    assert _task is not None
    return [_task(item) for item in items]


def usable_cpus() -> int:
    if hasattr(os, "sched_getaffinity"):  # Linux: the cores this process may use
        return len(os.sched_getaffinity(0))
    return os.cpu_count() or 1


def can_fork() -> bool:
    """Forking is safe only where it is well supported and no other thread (such as
    `mkdocs serve`'s server) could hold a lock at that moment."""
    return (
        sys.platform == "linux"
        and "fork" in multiprocessing.get_all_start_methods()
        and threading.active_count() == 1
    )


def helper_pays(count: int, worth_it_from: int) -> bool:
    """Whether forking a helper for `count` items pays off here: at least `worth_it_from` of
    them (below, starting it costs more than it saves), a second core, and forking safe."""
    return count >= worth_it_from and usable_cpus() >= 2 and can_fork()


def map_forked(
    task: Callable[[Any], T], items: Sequence[Any], *, parallel_from: int | None = None
) -> list[T]:
    """[task(item) for item in items], in order, shared between processes when worth it.

    `task` may be any callable (a closure too: it is inherited, never pickled); `items` and
    the results are pickled, so keep items small, such as numbers.
    """
    global _task
    if not helper_pays(len(items), parallel_from or PARALLEL_FROM):
        return [task(item) for item in items]
    helpers = usable_cpus() - 1
    size = -(-len(items) // (helpers + 1))
    shares = [items[start : start + size] for start in range(0, len(items), size)]
    _task = task
    try:
        context = multiprocessing.get_context("fork")
        with ProcessPoolExecutor(max_workers=len(shares) - 1, mp_context=context) as pool:
            futures = [pool.submit(_run_share, share) for share in shares[1:]]
            results = [task(item) for item in shares[0]]
            for future in futures:
                results += future.result()
            return results
    finally:
        _task = None


class ForkedTaskFailed(Exception):
    """The task in the helper process raised; the message says what it raised."""


class Forked(Generic[T]):
    """task() running in a forked helper process while this one goes on; `result()` waits.

    Start it only where `can_fork()`. The task is inherited, never pickled; its result is."""

    def __init__(self, task: Callable[[], T]) -> None:
        context = multiprocessing.get_context("fork")
        self._receive, send = context.Pipe(duplex=False)
        self._process = context.Process(target=_run_and_send, args=(task, send), daemon=True)
        self._process.start()
        send.close()

    def result(self) -> T:
        try:
            succeeded, value = self._receive.recv()
        except EOFError:
            succeeded, value = False, "the helper process stopped before it finished"
        finally:
            self._receive.close()
            self._process.join()
        if not succeeded:
            raise ForkedTaskFailed(value)
        return value


def _run_and_send(task: Callable[[], Any], send: Any) -> None:
    try:
        send.send((True, task()))
    except BaseException as exc:  # whatever it was, the parent must hear of it
        send.send((False, f"{type(exc).__name__}: {exc}"))
    finally:
        send.close()


# A helper process for `mkdocs serve`, where other threads run and this process must not fork:
# a fresh interpreter started once (forkserver), given its work and its data by pickling.
_server_pool: ProcessPoolExecutor | None = None


def in_fresh_process(task: Callable[..., T], *args: Any) -> Future[T] | None:
    """task(*args) in a helper that is not a fork of this process (`task` is a module's own
    function; it and `args` are pickled); None where there is no such helper to be had."""
    pool = _fresh_pool(task.__module__)
    return pool.submit(task, *args) if pool else None


def start_fresh_process(preload: str) -> None:
    """Start the helper of `in_fresh_process` now, with module `preload` imported, so the
    first task given to it does not wait for an interpreter to start."""
    pool = _fresh_pool(preload)
    if pool is not None:
        pool.submit(_nothing)


def stop_fresh_process() -> None:
    """End the helper of `in_fresh_process` (its pool keeps a thread, which rules out forking)."""
    global _server_pool
    if _server_pool is not None:
        _server_pool.shutdown(wait=True, cancel_futures=True)
        _server_pool = None


def _fresh_pool(preload: str) -> ProcessPoolExecutor | None:
    global _server_pool
    if sys.platform != "linux" or "forkserver" not in multiprocessing.get_all_start_methods():
        return None
    if _server_pool is None:
        context = multiprocessing.get_context("forkserver")
        context.set_forkserver_preload([preload])
        _server_pool = ProcessPoolExecutor(max_workers=1, mp_context=context)
        atexit.register(_server_pool.shutdown, wait=False, cancel_futures=True)
    return _server_pool


def _nothing() -> None:
    return None
