"""An ordered, bounded map over a process pool.

``multiprocessing.Pool.imap`` reads its whole input ahead in a feeder thread, so
memory would grow with the corpus; here at most ``window`` chunks are in flight
(submitted and not yet consumed), and results come back in input order. Workers
are started with the ``spawn`` method: each rebuilds the pipeline from a picklable
spec in its initializer, which works the same on every platform and never copies
a parent's threads or locks (``fork``'s hazards).
"""

from __future__ import annotations

import multiprocessing
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from typing import Any, TypeVar

T = TypeVar("T")
R = TypeVar("R")

START_METHOD = "spawn"


def ordered_map(fn: Callable[[T], R], chunks: Iterable[T], *, jobs: int, window: int | None = None,
                initializer: Callable[..., Any] | None = None, initargs: tuple[Any, ...] = (),
                local: Callable[[T], R] | None = None) -> Iterator[R]:
    """``fn`` over ``chunks`` in ``jobs`` worker processes, results in order.

    ``fn`` must be importable by name (it is pickled by reference). At most
    ``window`` (default ``4 * jobs``) chunks are in flight. With ``jobs == 1``, or when
    ``chunks`` holds a single chunk (starting workers would cost more than it saves),
    ``local`` (default ``fn``) runs in this process instead.
    """
    local = local or fn
    it = iter(chunks)
    if jobs <= 1:
        for chunk in it:
            yield local(chunk)
        return
    first = next(it, _NONE)
    if first is _NONE:
        return
    second = next(it, _NONE)
    if second is _NONE:
        yield local(first)  # type: ignore[arg-type]
        return
    window = window or 4 * jobs
    ctx = multiprocessing.get_context(START_METHOD)
    with ProcessPoolExecutor(max_workers=jobs, mp_context=ctx, initializer=initializer,
                             initargs=initargs) as pool:
        pending: deque[Future[R]] = deque()
        try:
            pending.append(pool.submit(fn, first))  # type: ignore[arg-type]
            pending.append(pool.submit(fn, second))  # type: ignore[arg-type]
            for chunk in it:
                while len(pending) >= window:
                    yield pending.popleft().result()
                pending.append(pool.submit(fn, chunk))
            while pending:
                yield pending.popleft().result()
        finally:
            for f in pending:
                f.cancel()


_NONE: Any = object()


def chunked(items: Iterable[T], *, size: int, max_bytes: int, weight: Callable[[T], int]) -> Iterator[list[T]]:
    """Group ``items`` into lists of at most ``size`` items or about ``max_bytes`` (by ``weight``)."""
    chunk: list[T] = []
    total = 0
    for item in items:
        chunk.append(item)
        total += weight(item)
        if len(chunk) >= size or total >= max_bytes:
            yield chunk
            chunk, total = [], 0
    if chunk:
        yield chunk
