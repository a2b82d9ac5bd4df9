"""A small progress bar on stderr: documents per second, MB/s, ETA.

Shown only on a terminal (or when asked): a run whose stderr is piped or written
to a file prints no progress at all, only its closing summary.
"""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Callable
from typing import TextIO


def _human_time(seconds: float) -> str:
    seconds = max(0, int(seconds + 0.5))
    h, rest = divmod(seconds, 3600)
    m, s = divmod(rest, 60)
    return f"{h}:{m:02d}:{s:02d}" if h else f"{m:02d}:{s:02d}"


def render_progress(docs: int, nbytes: int, elapsed: float, fraction: float | None, width: int = 80) -> str:
    """One line of progress: ``[####----]  42% 1,234 docs 310 docs/s 2.1 MB/s ETA 00:37``.

    ``fraction`` is the share of the input read (None when unknown, as for stdin:
    then no bar and no ETA). The line never exceeds ``width`` characters.
    """
    rate = docs / elapsed if elapsed > 0 else 0.0
    mbs = nbytes / 1e6 / elapsed if elapsed > 0 else 0.0
    info = f"{docs:,} docs {rate:,.0f} docs/s {mbs:,.1f} MB/s"
    if fraction is None:
        return f"{info} {_human_time(elapsed)}"[:width]
    fraction = min(1.0, max(0.0, fraction))
    eta = elapsed * (1 - fraction) / fraction if fraction > 0 else None
    info += f" ETA {_human_time(eta)}" if eta is not None else " ETA --:--"
    pct = f"{fraction * 100:3.0f}%"
    bar_width = max(0, width - len(info) - len(pct) - 4)
    if bar_width < 5:
        return f"{pct} {info}"[:width]
    filled = int(bar_width * fraction)
    return f"[{'#' * filled}{'-' * (bar_width - filled)}] {pct} {info}"


class Progress:
    """Redraws :func:`render_progress` on one line of ``stream``, at most every ``interval`` seconds.

    ``total_bytes`` is the input's size on disk (0: unknown); ``read_bytes`` tells
    how much of it has been read so far.
    """

    def __init__(self, *, total_bytes: int, read_bytes: Callable[[], int], stream: TextIO | None = None,
                 enabled: bool | None = None, interval: float = 0.2) -> None:
        self.stream = stream or sys.stderr
        self.enabled = self.stream.isatty() if enabled is None else enabled
        self.total_bytes = total_bytes
        self.read_bytes = read_bytes
        self.interval = interval
        self.docs = 0
        self.nbytes = 0
        self._t0 = time.perf_counter()
        self._last = 0.0
        self._drawn = False

    def update(self, docs: int, nbytes: int) -> None:
        """Count ``docs`` more documents of ``nbytes`` bytes; redraw if it is time."""
        self.docs += docs
        self.nbytes += nbytes
        if not self.enabled:
            return
        now = time.perf_counter()
        if now - self._last >= self.interval:
            self._last = now
            self._draw(now)

    def _draw(self, now: float) -> None:
        fraction = self.read_bytes() / self.total_bytes if self.total_bytes else None
        try:
            width = os.get_terminal_size(self.stream.fileno()).columns - 1
        except (OSError, ValueError, AttributeError):
            width = 79
        line = render_progress(self.docs, self.nbytes, now - self._t0, fraction, width)
        self.stream.write("\r" + line.ljust(width))
        self.stream.flush()
        self._drawn = True

    def clear(self) -> None:
        """Clear the bar's line (before another message); the next update redraws it."""
        self.close()
        self._last = 0.0

    def close(self) -> None:
        """Clear the bar's line, so the summary that follows starts clean."""
        if self.enabled and self._drawn:
            self._drawn = False
            try:
                width = os.get_terminal_size(self.stream.fileno()).columns - 1
            except (OSError, ValueError, AttributeError):
                width = 79
            self.stream.write("\r" + " " * width + "\r")
            self.stream.flush()
