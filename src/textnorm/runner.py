"""A corpus run on this machine: stream records, clean them in worker processes, write
mirrored outputs atomically, account for every record.

The main process reads raw records (streaming), groups them into chunks and hands
them to a process pool (:mod:`textnorm.parallel`, order kept, a bounded window in
flight); workers parse, clean and render; the main process writes each result
where it belongs, reports errors, keeps the counts and draws the progress bar.
Every source ends with a marker, at which its output file is renamed into place
and, for ``--resume``, noted in the manifest (:mod:`textnorm.manifest`).
"""

from __future__ import annotations

import json
import time
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from typing import IO, Any, BinaryIO

from .batch import (
    END,
    BatchStats,
    RecordError,
    Result,
    WorkItem,
    clean_item,
    count_result,
)
from .corpus_dedup import CorpusDedupOptions, CorpusTable, count_units
from .errors import InputError, TextnormError
from .inputs import STDIN, ReadPosition, RecordFailure, Source, iter_raw, parse_raw
from .manifest import Manifest, replay
from .outputs import Writer
from .parallel import chunked, ordered_map
from .pipeline import Pipeline
from .progress import Progress
from .worker import CleanSpec, init_worker, process_chunk, with_corpus_step

RESUMED = -2
"""The record number of the marker item standing for a source skipped by ``--resume``."""
CHUNK_RECORDS = 64
CHUNK_BYTES = 1 << 20
"""A chunk sent to a worker holds at most this many records or about this many bytes."""


def _weight(item: WorkItem) -> int:
    payload = item[3]
    return len(payload) if isinstance(payload, (bytes, str)) else 256


class Run:
    """One ``clean`` run over ``sources`` (see the module docstring).

    Args:
        sources: the inputs, in order.
        spec: the pipeline and reading/rendering options (built into each worker).
        writer: where outputs go.
        jobs: worker processes (1: clean in this process).
        report: called with each error record as it happens (the CLI prints a line).
        errors_file: receives one JSON line per error record.
        manifest: for ``--resume`` (None: no manifest, as for stdout).
        progress: the progress bar (None: none).
        pipeline: the pipeline for in-process cleaning (built from ``spec`` when None).
    """

    def __init__(self, sources: Sequence[Source], spec: CleanSpec, writer: Writer, *, jobs: int = 1,
                 report: Callable[[RecordError], None] = lambda e: None, errors_file: IO[str] | Any = None,
                 manifest: Manifest | None = None, progress: Progress | None = None,
                 pipeline: Pipeline | None = None, stdin: BinaryIO | None = None) -> None:
        self.sources = list(sources)
        self.spec = spec
        self.writer = writer
        self.jobs = jobs
        self.report = report
        self.errors_file = errors_file
        self.manifest = manifest
        self.progress = progress
        self.pipeline = with_corpus_step(pipeline, spec.corpus) if pipeline is not None else spec.build_pipeline()
        self.stdin = stdin
        self.position = ReadPosition()
        self.records_read = 0
        self.records_written = 0
        self.resumed_in = self.resumed_out = 0

    # -- reading ---------------------------------------------------------------------------
    def _items(self) -> Iterator[WorkItem]:
        for index, source in enumerate(self.sources):
            if self.manifest is not None and self.manifest.done(source) is not None:
                self.position.done += source.size
                yield (index, source, RESUMED, None)
                continue
            for item in iter_raw(source, stdin=self.stdin, position=self.position):
                self.records_read += 1
                if isinstance(item, RecordFailure):
                    yield (index, source, item.number, item)
                else:
                    yield (index, source, item[0], item[1])
            yield (index, source, END, None)

    def _local(self, chunk: list[WorkItem]) -> list[Result]:
        return [self._clean(item) for item in chunk]

    def _clean(self, item: WorkItem) -> Result:
        if item[2] == RESUMED:
            return Result(item[0], RESUMED)
        return clean_item(self.pipeline, self.spec.render, item)

    # -- running ---------------------------------------------------------------------------
    def run(self) -> BatchStats:
        """Clean everything; returns the counts (checked). Raises on ``fail_fast``."""
        t0 = time.perf_counter()
        total = BatchStats()
        current = BatchStats()
        current_errors: list[RecordError] = []
        fail_fast = self.spec.render.fail_fast
        chunks = chunked(self._items(), size=CHUNK_RECORDS, max_bytes=CHUNK_BYTES, weight=_weight)
        results = ordered_map(process_chunk, chunks, jobs=self.jobs, initializer=init_worker,
                              initargs=(self.spec,), local=self._local)
        for chunk in results:
            for r in chunk:
                source = self.sources[r.source]
                if r.number == RESUMED:
                    assert self.manifest is not None
                    entry = self.manifest.done(source)
                    assert entry is not None
                    stats, errors = replay(entry)
                    self.resumed_in += stats.records_in
                    self.resumed_out += stats.records_out
                    for err in errors:
                        self._write_error(err)
                    total.add(stats)
                    continue
                if r.number == END:
                    output = self.writer.finish(source)
                    current.files = 1
                    if self.manifest is not None:
                        self.manifest.record(source, output, current, current_errors)
                    total.add(current)
                    current, current_errors = BatchStats(), []
                    continue
                count_result(current, r)
                if r.error is not None:
                    if fail_fast:
                        raise InputError(r.error.line())
                    self.report(r.error)
                    self._write_error(r.error)
                    current_errors.append(r.error)
                if r.out is not None:
                    self.writer.write_to(source, r.out)
                    self.records_written += 1
                if self.progress is not None:
                    self.progress.update(1, r.nbytes)
        total.seconds = time.perf_counter() - t0
        self.check(total)
        return total

    def _write_error(self, err: RecordError) -> None:
        if self.errors_file is not None:
            self.errors_file.write(json.dumps(err.to_dict(), ensure_ascii=False) + "\n")

    def check(self, stats: BatchStats) -> None:
        """Every record read came back as one result, and every output record was written
        (records of resumed inputs were checked by the run that wrote them)."""
        stats.check()
        if stats.records_in - self.resumed_in != self.records_read:
            raise TextnormError(f"record accounting mismatch: {self.records_read} records read, "
                                f"{stats.records_in - self.resumed_in} accounted for")
        if stats.records_out - self.resumed_out != self.records_written:
            raise TextnormError(f"record accounting mismatch: {stats.records_out - self.resumed_out} records "
                                f"out, {self.records_written} written")


# -- corpus dedup, pass 1 ---------------------------------------------------------------------

def _hash_local(spec: CleanSpec, chunk: list[WorkItem]) -> tuple[Counter[int], int]:
    assert spec.corpus_options is not None
    texts = []
    for _index, source, number, payload in chunk:
        if number < 0 or isinstance(payload, RecordFailure):
            continue
        parsed = parse_raw(source, number, payload, text_field=spec.render.text_field,
                           id_field=spec.render.id_field, errors=spec.render.decode_errors,
                           newlines=spec.render.newlines)
        if not isinstance(parsed, RecordFailure):
            texts.append(parsed.document.text)
    counts: Counter[int] = count_units(texts, spec.corpus_options) if texts else Counter()
    return counts, len(texts)



def hash_chunk(chunk: list[WorkItem]) -> tuple[Counter[int], int]:
    """Pass 1 in a pool worker: unit-hash counts of a chunk, and its number of documents."""
    from . import worker

    assert worker._SPEC is not None
    return _hash_local(worker._SPEC, chunk)


def build_corpus_table(sources: Sequence[Source], spec: CleanSpec, options: CorpusDedupOptions, *,
                       jobs: int = 1, progress: Progress | None = None) -> CorpusTable:
    """Pass 1 of cross-document dedup over ``sources`` (files: they are read again after)."""
    if any(s.path == STDIN for s in sources):
        raise InputError("--corpus-dedup reads the inputs twice: give files or directories, not stdin")
    spec = spec.evolve(corpus=None, corpus_options=options)

    def items() -> Iterator[WorkItem]:
        for index, source in enumerate(sources):
            for item in iter_raw(source):
                if not isinstance(item, RecordFailure):
                    yield (index, source, item[0], item[1])

    counts: Counter[int] = Counter()
    documents = 0
    chunks = chunked(items(), size=CHUNK_RECORDS, max_bytes=CHUNK_BYTES, weight=_weight)
    for part, n in ordered_map(hash_chunk, chunks, jobs=jobs, initializer=init_worker, initargs=(spec,),
                               local=lambda c: _hash_local(spec, c)):
        counts.update(part)
        documents += n
        if progress is not None:
            progress.update(n, 0)
    return CorpusTable.from_counts(counts, options, documents)
