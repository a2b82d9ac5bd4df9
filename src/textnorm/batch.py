"""Batch runs: every input record yields one output record or one error record.

Every executor (in-process, the process pool, Dask) cleans records through
:func:`clean_item` and counts them with :func:`count_result`. A record that cannot
be read or decoded, a document over the size limit, and a normalizer that fails
on one document each become a :class:`RecordError` (printed as one line, written
to the error file) and the run goes on; ``fail_fast`` stops at the first. A
document whose step failed is written out unchanged, so nothing is lost. The
counts are checked at the end: records in = records out + records failed.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

import attrs

from .errors import TextnormError
from .inputs import Record, RecordFailure, Source, parse_raw
from .model import Document
from .outputs import render_fields, render_record
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
    files: int = 0
    """Input files (sources) finished, resumed ones included."""
    files_resumed: int = 0
    """Input files skipped by ``--resume`` because their output was already complete
    (their counts, from the manifest, are included in the others)."""

    def add(self, other: BatchStats) -> None:
        """Add the counts of ``other`` (a finished file's) to these."""
        for field in ("records_in", "records_out", "records_failed", "documents_changed", "step_failures",
                      "chars_in", "chars_out", "files", "files_resumed"):
            setattr(self, field, getattr(self, field) + getattr(other, field))
        self.chars_removed_by_step.update(other.chars_removed_by_step)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> BatchStats:
        known = {f.name for f in attrs.fields(cls)}
        kwargs = {k: v for k, v in data.items() if k in known}
        kwargs["chars_removed_by_step"] = Counter(data.get("chars_removed_by_step", {}))
        return cls(**kwargs)

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
        resumed = f"; {self.files_resumed} files already complete (--resume)" if self.files_resumed else ""
        return (f"{self.records_in} records in, {self.records_out} out, {self.records_failed} failed, "
                f"{self.documents_changed} changed, {self.step_failures} step failures; characters removed "
                f"by step: {removed}{resumed}; {self.seconds:.1f}s")


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
    if record.source.kind == "jsonl":
        return f"{where}: line {record.number}"
    return f"{where}: row {record.number}" if record.source.kind == "parquet" else where


def _step_error(record: Record, failure: StepFailure) -> RecordError:
    return RecordError(record.source.path, record.number, record.document.id, "step",
                       f"{failure.error}; the document was written out unchanged", failure.step,
                       location=_location(record))


def input_error(failure: RecordFailure) -> RecordError:
    """The error record of an input that could not be read."""
    return RecordError(failure.source, failure.number, failure.id, "input", failure.message,
                       location=failure.location)


# -- raw records to results (what a worker process does) -----------------------------------

END = -1
"""The record number of the marker item that closes a source."""


@attrs.frozen(slots=True)
class RenderOptions:
    """How records are read and written: everything a worker needs besides the pipeline."""

    fmt: str = "text"
    text_field: str = "text"
    id_field: str = "id"
    decode_errors: str = "strict"
    newlines: str = "keep"
    max_chars: int | None = None
    fail_fast: bool = False
    extras: tuple[str, ...] = ()


@attrs.frozen(slots=True)
class Result:
    """What became of one raw record (or, with ``number == END``, the end of a source).

    ``out`` is the rendered output (text, or a row dict for Parquet input) or None when
    the record failed; ``error`` is the error, if any (a step failure has both).
    """

    source: int
    number: int
    out: str | dict[str, Any] | None = None
    error: RecordError | None = None
    nbytes: int = 0
    chars_in: int = 0
    chars_out: int = 0
    removed: tuple[tuple[str, int], ...] = ()


WorkItem = tuple[int, Source, int, Any]
"""(source index, source, record number or END, payload: bytes, a row dict or a RecordFailure)."""


def clean_item(pipeline: Pipeline, opts: RenderOptions, item: WorkItem) -> Result:
    """Read, clean and render one raw record: the unit of work of every executor."""
    index, source, number, payload = item
    if number < 0:  # a marker: END, or a source skipped by --resume
        return Result(index, number)
    if isinstance(payload, RecordFailure):
        return Result(index, number, error=input_error(payload))
    nbytes = len(payload) if isinstance(payload, (bytes, str)) else len(str(payload.get(opts.text_field, "")))
    parsed = parse_raw(source, number, payload, text_field=opts.text_field, id_field=opts.id_field,
                       errors=opts.decode_errors, newlines=opts.newlines)
    if isinstance(parsed, RecordFailure):
        return Result(index, number, error=input_error(parsed), nbytes=nbytes)
    outcome = process_record(pipeline, parsed, max_chars=opts.max_chars, fail_fast=opts.fail_fast)
    doc = outcome.document
    if doc is None:
        return Result(index, number, error=outcome.error, nbytes=nbytes)
    out: str | dict[str, Any]
    if source.kind == "parquet":
        out = render_fields(parsed, doc, opts.fmt, opts.text_field, opts.extras)
    else:
        out = render_record(parsed, doc, opts.fmt, opts.text_field, opts.extras)
    removed: Counter[str] = Counter()
    for e in doc.edits:
        removed[e.step] += len(e.removed) - len(e.inserted)
    return Result(index, number, out, outcome.error, nbytes, len(doc.original), len(doc.text),
                  tuple(removed.items()) if doc.edits else ())


def count_result(stats: BatchStats, result: Result) -> None:
    """Add one record's result to ``stats``."""
    stats.records_in += 1
    if result.out is None:
        stats.records_failed += 1
        return
    if result.error is not None:
        stats.step_failures += 1
    stats.records_out += 1
    stats.chars_in += result.chars_in
    stats.chars_out += result.chars_out
    if result.removed:
        stats.documents_changed += 1
        for step, n in result.removed:
            stats.chars_removed_by_step[step] += n
