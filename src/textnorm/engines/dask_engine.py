"""The Dask engine: the same pipeline and outputs, on a ``dask.distributed`` cluster.

One task per input file (a partition): the task reads the file, cleans every
record with the pipeline built from the run's :class:`~textnorm.worker.CleanSpec`
(once per worker process), writes the output file atomically (temporary name, then
rename) and returns the file's counts and error records. The client records each
finished file in the resume manifest as it completes, then writes the error file
and the totals in input order and checks the accounting.

Workers must see the input and output paths (a shared file system, or one machine)
and have textnorm (with the plugins the config uses) installed. Needs the ``dask``
extra: ``pip install 'textnorm[dask]'``.
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from typing import Any

from ..batch import END, BatchStats, RecordError, clean_item, count_result
from ..corpus_dedup import CorpusDedupOptions, CorpusTable, count_units
from ..errors import InputError, TextnormError
from ..inputs import RecordFailure, Source, iter_raw, parse_raw
from ..manifest import Manifest, replay
from ..outputs import AtomicFile, Writer, output_name
from ..progress import Progress
from ..worker import CleanSpec, pipeline_for


def _distributed() -> Any:
    try:
        import distributed
    except ImportError:
        raise InputError("--executor dask needs dask.distributed: pip install 'textnorm[dask]'") from None
    return distributed


@contextlib.contextmanager
def dask_client(scheduler: str | None, jobs: int) -> Iterator[Any]:
    """A client of the scheduler at ``scheduler``, or of a local cluster of ``jobs``
    single-threaded worker processes started (and stopped) here."""
    distributed = _distributed()
    if scheduler:
        try:
            client = distributed.Client(scheduler, timeout="30s")
        except (OSError, TimeoutError, ValueError) as exc:
            raise InputError(f"cannot reach the Dask scheduler at {scheduler}: {exc}") from None
        with client:
            yield client
        return
    with distributed.LocalCluster(n_workers=jobs, threads_per_worker=1, processes=True, dashboard_address=None,
                                  silence_logs=logging.ERROR) as cluster, distributed.Client(cluster) as client:
        yield client


def clean_partition(source: Source, target: str, spec: CleanSpec) -> dict[str, Any]:
    """A Dask task: clean one input file into ``target`` (atomically); its counts and errors."""
    pipeline = pipeline_for(spec)
    opts = spec.render
    writer = Writer(target, directory=False, fmt=opts.fmt, text_field=opts.text_field, extras=opts.extras)
    stats = BatchStats(files=1)
    errors: list[dict[str, Any]] = []
    read = written = 0
    ok = False
    try:
        for item in iter_raw(source):
            read += 1
            if isinstance(item, RecordFailure):
                work = (0, source, item.number, item)
            else:
                work = (0, source, item[0], item[1])
            r = clean_item(pipeline, opts, work)
            count_result(stats, r)
            if r.error is not None:
                if opts.fail_fast:
                    raise InputError(r.error.line())
                errors.append(r.error.to_dict())
            if r.out is not None:
                writer.write_to(source, r.out)
                written += 1
        clean_item(pipeline, opts, (0, source, END, None))
        output = writer.finish(source)
        ok = True
    finally:
        writer.close(ok)
    return {"source": source.path, "output": output, "stats": stats.to_dict(), "errors": errors,
            "read": read, "written": written}


def count_partition(source: Source, spec: CleanSpec, options: CorpusDedupOptions) -> tuple[dict[int, int], int]:
    """A Dask task: pass 1 of corpus dedup over one input file."""
    opts = spec.render
    texts = []
    for item in iter_raw(source):
        if isinstance(item, RecordFailure):
            continue
        parsed = parse_raw(source, item[0], item[1], text_field=opts.text_field, id_field=opts.id_field,
                           errors=opts.decode_errors, newlines=opts.newlines)
        if not isinstance(parsed, RecordFailure):
            texts.append(parsed.document.text)
    return dict(count_units(texts, options)), len(texts)


def dask_corpus_table(client: Any, sources: Sequence[Source], spec: CleanSpec,
                      options: CorpusDedupOptions) -> CorpusTable:
    """Pass 1 of corpus dedup, one task per input file, counts summed on the client."""
    distributed = _distributed()
    if any(s.path == "-" for s in sources):
        raise InputError("--corpus-dedup reads the inputs twice: give files or directories, not stdin")
    futures = [client.submit(count_partition, s, spec, options, pure=False) for s in sources]
    counts: Counter[int] = Counter()
    documents = 0
    for future in distributed.as_completed(futures):
        part, n = future.result()
        counts.update(part)
        documents += n
    return CorpusTable.from_counts(counts, options, documents)


def run_dask(client: Any, sources: Sequence[Source], spec: CleanSpec, *, output: str, directory: bool,
             manifest: Manifest | None, errors_file: str | None,
             report: Callable[[RecordError], None] = lambda e: None, show_progress: bool = False) -> BatchStats:
    """Clean ``sources`` on the cluster of ``client``; the checked totals."""
    import time

    distributed = _distributed()
    t0 = time.perf_counter()
    spec_future = client.scatter(spec, broadcast=True)
    results: dict[int, dict[str, Any]] = {}
    futures = {}
    seen_targets: dict[str, str] = {}
    for index, source in enumerate(sources):
        if manifest is not None and manifest.done(source) is not None:
            continue
        target = os.path.join(output, output_name(source, spec.render.fmt)) if directory else output
        if target in seen_targets:
            raise InputError(f"{seen_targets[target]} and {source.path} would both be written to {target}; "
                             "clean them into separate output directories")
        seen_targets[target] = source.path
        futures[client.submit(clean_partition, source, target, spec_future, pure=False)] = index
    progress = Progress(total_bytes=sum(s.size for s in sources), read_bytes=lambda: done_bytes,
                        enabled=show_progress)
    done_bytes = 0
    try:
        for future in distributed.as_completed(list(futures)):
            index = futures[future]
            res = future.result()
            results[index] = res
            stats = BatchStats.from_dict(res["stats"])
            file_errors = [RecordError(**e) for e in res["errors"]]
            if manifest is not None:
                manifest.record(sources[index], res["output"], stats, file_errors)
            for err in file_errors:
                progress.clear()
                report(err)
            done_bytes += sources[index].size
            progress.update(stats.records_in, 0)
    except BaseException:
        for f in futures:
            f.cancel()
        raise
    finally:
        progress.close()
    total = BatchStats()
    err_out = AtomicFile(errors_file) if errors_file else None
    try:
        for index, source in enumerate(sources):
            if index in results:
                res = results[index]
                stats = BatchStats.from_dict(res["stats"])
                if stats.records_in != res["read"] or stats.records_out != res["written"]:
                    raise TextnormError(f"record accounting mismatch in {source.path}: {res['read']} read, "
                                        f"{stats.records_in} accounted for, {stats.records_out} out, "
                                        f"{res['written']} written")
                errors = res["errors"]
            else:
                assert manifest is not None
                entry = manifest.done(source)
                assert entry is not None
                stats, replayed = replay(entry)
                errors = [e.to_dict() for e in replayed]
            total.add(stats)
            if err_out is not None:
                for e in errors:
                    err_out.write(json.dumps(e, ensure_ascii=False) + "\n")
        if err_out is not None:
            err_out.commit()
    except BaseException:
        if err_out is not None:
            err_out.abort()
        raise
    total.seconds = time.perf_counter() - t0
    total.check()
    return total
