"""Batch runs: every input record yields one output record or one error record.

The command line's ``clean`` runs through :func:`run_batch`. A record that cannot
be read or decoded, a document over the size limit, and a normalizer that fails
on one document each become a :class:`RecordError` (printed as one line, written
to the error file) and the run goes on; ``fail_fast`` stops at the first. A
document whose step failed is written out unchanged, so nothing is lost. The
counts are checked at the end: records in = records out + records failed.
"""

from __future__ import annotations

import json
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from typing import IO, Any

import attrs

from .errors import InputError, TextnormError
from .inputs import Record, RecordFailure
from .model import Document
from .pipeline import Pipeline, StepFailure


@attrs.frozen
class RecordError:
    """Why one input record produced no clean output.

    ``kind`` is ``"input"`` (unreadable, undecodable, malformed or binary),
    ``"too-large"`` (over the size limit) or ``"step"`` (a normalizer failed; the
    document was written out unchanged).
    """

    source: str
    record: int
    id: str | None
    kind: str
    message: str
    step: str | None = None
    location: str = ""
    """Where, for people: ``path``, ``path: line N`` or ``path: record N``."""

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict, one line of the error file."""
        return attrs.asdict(self)

    def line(self) -> str:
        """The one line printed on stderr."""
        where = self.location or f"{self.source}: record {self.record}"
        if self.id is not None and self.id not in where:
            where += f" (id {self.id})"
        step = f" in step {self.step!r}" if self.step else ""
        return f"{where}{step}: {self.message}"


@attrs.define
class BatchStats:
    """What a batch run did; ``--stats FILE`` writes :meth:`to_dict` as JSON."""

    records_in: int = 0
    records_out: int = 0
    records_failed: int = 0
    documents_changed: int = 0
    step_failures: int = 0
    chars_in: int = 0
    chars_out: int = 0
    chars_removed_by_step: Counter[str] = attrs.field(factory=Counter)
    seconds: float = 0.0

    def check(self) -> None:
        """Raise when a record went missing: in must equal out + failed (step failures are
        written out unchanged, so they count as out)."""
        if self.records_in != self.records_out + self.records_failed:
            raise TextnormError(f"record accounting mismatch: {self.records_in} read, {self.records_out} "
                                f"written, {self.records_failed} failed")

    def to_dict(self) -> dict[str, Any]:
        d = attrs.asdict(self)
        d["chars_removed_by_step"] = dict(self.chars_removed_by_step)
        return d

    def summary(self) -> str:
        """One line for the end of a run."""
        removed = ", ".join(f"{k} {v}" for k, v in self.chars_removed_by_step.items()) or "none"
        return (f"{self.records_in} records in, {self.records_out} out, {self.records_failed} failed, "
                f"{self.documents_changed} changed, {self.step_failures} step failures; characters removed "
                f"by step: {removed}; {self.seconds:.1f}s")


@attrs.frozen
class Outcome:
    """The result of one record: the finished document (None when it failed before the
    pipeline could run) and the error, if any."""

    record: Record | None
    document: Document | None
    error: RecordError | None


def process_record(pipeline: Pipeline, record: Record, *, max_chars: int | None,
                   fail_fast: bool) -> Outcome:
    """Run the pipeline on one record, turning every per-document failure into an error."""
    doc = record.document
    if max_chars is not None and len(doc.text) > max_chars:
        return Outcome(record, None, RecordError(
            record.source.path, record.number, doc.id, "too-large",
            f"document of {len(doc.text)} characters exceeds the limit of {max_chars} (--max-chars); "
            "it was not cleaned and is not in the output", location=_location(record)))
    if fail_fast:
        return Outcome(record, pipeline(doc), None)
    finished, failure = pipeline.try_run(doc)
    if failure is None:
        return Outcome(record, finished, None)
    return Outcome(record, finished, _step_error(record, failure))


def _location(record: Record) -> str:
    where = record.document.metadata.source or record.source.path
    return f"{where}: line {record.number}" if record.source.kind == "jsonl" else where


def _step_error(record: Record, failure: StepFailure) -> RecordError:
    return RecordError(record.source.path, record.number, record.document.id, "step",
                       f"{failure.error}; the document was written out unchanged", failure.step,
                       location=_location(record))


def input_error(failure: RecordFailure) -> RecordError:
    """The error record of an input that could not be read."""
    return RecordError(failure.source, failure.number, failure.id, "input", failure.message,
                       location=failure.location)


def run_batch(items: Iterable[Record | RecordFailure], pipeline: Pipeline, *,
              emit: Callable[[Record, Document], None], report: Callable[[RecordError], None],
              max_chars: int | None = None, fail_fast: bool = False,
              errors_file: IO[str] | None = None) -> BatchStats:
    """Clean every record of ``items`` in order.

    Each finished document goes to ``emit``; each error goes to ``report`` (and, as
    a JSON line, to ``errors_file``). With ``fail_fast`` the first error is raised
    instead (an input problem as :class:`InputError`, a failing step with its own
    exception and traceback).
    """
    stats = BatchStats()
    t0 = time.perf_counter()
    for outcome in _outcomes(items, pipeline, max_chars=max_chars, fail_fast=fail_fast):
        stats.records_in += 1
        err = outcome.error
        if err is not None:
            if fail_fast:
                raise InputError(err.line())
            report(err)
            if errors_file is not None:
                errors_file.write(json.dumps(err.to_dict(), ensure_ascii=False) + "\n")
        doc = outcome.document
        if doc is None:
            stats.records_failed += 1
            continue
        if err is not None:
            stats.step_failures += 1
        assert outcome.record is not None  # a document always comes from a record
        emit(outcome.record, doc)
        _count(stats, doc)
    stats.seconds = time.perf_counter() - t0
    stats.check()
    return stats


def _outcomes(items: Iterable[Record | RecordFailure], pipeline: Pipeline, *, max_chars: int | None,
              fail_fast: bool) -> Iterator[Outcome]:
    for item in items:
        if isinstance(item, RecordFailure):
            yield Outcome(None, None, input_error(item))
        else:
            yield process_record(pipeline, item, max_chars=max_chars, fail_fast=fail_fast)


def _count(stats: BatchStats, doc: Document) -> None:
    stats.records_out += 1
    stats.chars_in += len(doc.original)
    stats.chars_out += len(doc.text)
    if doc.edits:
        stats.documents_changed += 1
        for e in doc.edits:
            stats.chars_removed_by_step[e.step] += len(e.removed) - len(e.inserted)
