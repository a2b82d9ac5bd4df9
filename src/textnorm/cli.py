"""The ``textnorm`` command: ``clean``, ``explain``, ``plugins`` and ``config``.

A :class:`~textnorm.errors.TextnormError` is printed as one line on stderr and
exits with status 1 (argparse's usage errors exit with 2). Anything else is a bug
and keeps its traceback.
"""

from __future__ import annotations

import argparse
import json
import os
import signal
import sys
import threading
from collections.abc import Iterator, Sequence
from pathlib import Path

from . import __version__
from .batch import RecordError, input_error
from .config import PipelineConfig, default_config_text, render_config
from .errors import TextnormError
from .explain import explain_document
from .inputs import (
    DECODE_ERRORS,
    INPUT_FORMATS,
    Record,
    RecordFailure,
    Source,
    find_sources,
    read_records,
)
from .options import option_defaults, option_fields, type_name
from .outputs import EXTRAS, AtomicFile
from .pipeline import Pipeline
from .registry import Registry
from .render import FORMATS


def _plugin_args(p: argparse.ArgumentParser) -> None:
    g = p.add_argument_group("plugins")
    g.add_argument("--block", metavar="NAME", action="append", default=[],
                   help="do not load the plugin (entry point) NAME; repeatable")
    g.add_argument("--only-dist", metavar="DIST", action="append", default=None,
                   help="load plugins only from distribution DIST; repeatable")


def _config_arg(p: argparse.ArgumentParser) -> None:
    p.add_argument("-c", "--config", metavar="FILE", help="pipeline config (TOML); default: the embedded one "
                   "(see `textnorm config`)")


def _input_args(p: argparse.ArgumentParser) -> None:
    g = p.add_argument_group("input")
    g.add_argument("--input-format", choices=INPUT_FORMATS, default="auto",
                   help="how to read inputs: by file suffix (auto: .jsonl is JSON Lines, else text), "
                        "or force one; stdin is text unless jsonl is given")
    g.add_argument("--text-field", default="text", metavar="KEY", help="JSON Lines: the field holding the text")
    g.add_argument("--id-field", default="id", metavar="KEY", help="JSON Lines: the field holding the id")
    g.add_argument("--errors", choices=DECODE_ERRORS, default="strict", dest="decode_errors",
                   help="undecodable bytes: strict (the record fails, naming file and byte offset) or "
                        "replace (U+FFFD, counted in the document's metadata as replaced_bytes)")
    g.add_argument("--newlines", choices=("keep", "lf"), default="keep",
                   help="line ends: keep them as they came (default) or turn CRLF and CR into LF")


def _positive_int(value: str) -> int:
    try:
        n = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {value!r}") from None
    if n < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1: {n}")
    return n


def _extras(value: str) -> tuple[str, ...]:
    names = tuple(n.strip() for n in value.split(",") if n.strip())
    for n in names:
        if n not in EXTRAS:
            raise argparse.ArgumentTypeError(f"unknown extra {n!r} (valid: {', '.join(EXTRAS)})")
    return names


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="textnorm",
        description="Clean noisy plain text and say exactly what was removed and why.",
    )
    parser.add_argument("--version", action="version", version=f"textnorm {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)

    p = sub.add_parser("clean", help="clean documents", description="Clean documents and write the results.")
    p.add_argument("inputs", nargs="*", metavar="INPUT",
                   help="files (.txt, .jsonl, .parquet; .gz/.zst compressed), directories, or - for stdin "
                        "(the default)")
    p.add_argument("-f", "--format", choices=FORMATS, default="text",
                   help="text (the cleaned text), markdown (with structure), json (text, metadata, sections "
                        "and edits; one object per line)")
    p.add_argument("-o", "--output", metavar="PATH",
                   help="a file, or a directory (existing, ending in /, or needed for several inputs) that "
                        "mirrors the inputs; default: stdout")
    _config_arg(p)
    _input_args(p)
    g = p.add_argument_group("batch")
    g.add_argument("--fail-fast", action="store_true",
                   help="stop at the first failing record (default: report it and go on)")
    g.add_argument("--max-chars", type=_positive_int, default=None, metavar="N",
                   help="refuse documents longer than N characters (reported as errors, never cut)")
    g.add_argument("--errors-file", metavar="FILE",
                   help="write one JSON line per failed record (source, record, id, kind, message, step)")
    g.add_argument("--stats", metavar="FILE", help="write the run's counts as JSON")
    g.add_argument("-q", "--quiet", action="store_true", help="no summary line on stderr")
    g.add_argument("--extras", type=_extras, default=(), metavar="LIST",
                   help=f"JSON Lines and Parquet records: add these fields, comma-separated, each as "
                        f"textnorm_NAME ({', '.join(EXTRAS)})")
    g.add_argument("--resume", action="store_true",
                   help="skip inputs whose output is already complete (needs -o; see docs/scale.md)")
    g.add_argument("--progress", choices=("auto", "always", "never"), default="auto",
                   help="progress bar on stderr (auto: when stderr is a terminal)")
    g = p.add_argument_group("scale")
    g.add_argument("-j", "--jobs", type=_positive_int, default=None, metavar="N",
                   help="worker processes (default: all cores); 1 cleans in the main process")
    g.add_argument("--executor", choices=("local", "dask"), default="local",
                   help="local (a process pool on this machine) or dask (dask.distributed: one task per "
                        "input file; needs -o and the dask extra)")
    g.add_argument("--scheduler", metavar="ADDRESS",
                   help="with --executor dask: the scheduler to use (default: start a local cluster)")
    g.add_argument("--corpus-dedup", action="store_true",
                   help="remove paragraphs repeated across many documents of the inputs (a first pass "
                        "counts them; inputs must be files)")
    g.add_argument("--corpus-min-documents", type=_positive_int, default=None, metavar="N",
                   help="corpus-dedup: a paragraph in at least N documents is removed (default 5)")
    g.add_argument("--corpus-min-words", type=_positive_int, default=None, metavar="N",
                   help="corpus-dedup: paragraphs shorter than N words are kept (default 8)")
    g.add_argument("--corpus-unit", choices=("paragraph", "line"), default=None,
                   help="corpus-dedup: compare paragraphs (default) or lines")
    _plugin_args(p)

    p = sub.add_parser("explain", help="show every removal and repair with its step and reason",
                       description="Show every removal and repair, with its step, place and reason.")
    p.add_argument("inputs", nargs="*", metavar="INPUT", help="files, directories or - (stdin, the default)")
    p.add_argument("--color", choices=("auto", "always", "never"), default="auto",
                   help="colour the output (auto: when writing to a terminal and NO_COLOR is unset)")
    p.add_argument("--width", type=int, default=100, metavar="N", help="cut shown text to N characters")
    _config_arg(p)
    _input_args(p)
    _plugin_args(p)

    p = sub.add_parser("plugins", help="list the discovered normalizers with their origin and options",
                       description="List every discovered normalizer, its distribution, version and options.")
    _plugin_args(p)

    p = sub.add_parser("config", help="print the default config, ready to copy and edit",
                       description="Print the embedded default config with every option and its default.")
    _plugin_args(p)
    return parser


def _registry(args: argparse.Namespace) -> Registry:
    return Registry(only=args.only_dist, block=args.block)


def _pipeline(args: argparse.Namespace, registry: Registry) -> Pipeline:
    if args.config:
        return Pipeline.from_config(PipelineConfig.from_toml(args.config, registry), registry)
    return Pipeline.default(registry=registry)


def _items(args: argparse.Namespace, sources: list[Source]) -> Iterator[Record | RecordFailure]:
    for source in sources:
        yield from read_records(source, text_field=args.text_field, id_field=args.id_field,
                                errors=args.decode_errors, newlines=args.newlines)


def _error_line(error: RecordError) -> None:
    print(f"textnorm: error: {error.line()}", file=sys.stderr)


def _interrupt(signum: int, frame: object) -> None:
    raise KeyboardInterrupt


def cmd_clean(args: argparse.Namespace) -> int:
    from .batch import RenderOptions
    from .scale import CleanJob

    registry = _registry(args)
    pipeline = _pipeline(args, registry)  # validates config and plugins before any document
    sources = find_sources(args.inputs, input_format=args.input_format)
    directory = bool(args.output) and (
        args.output.endswith(("/", os.sep)) or Path(args.output).is_dir() or len(sources) > 1)
    job = CleanJob(
        sources=sources, output=args.output, directory=directory,
        config_path=args.config, only=args.only_dist, block=args.block,
        render=RenderOptions(fmt=args.format, text_field=args.text_field, id_field=args.id_field,
                             decode_errors=args.decode_errors, newlines=args.newlines, max_chars=args.max_chars,
                             fail_fast=args.fail_fast, extras=tuple(args.extras)),
        jobs=args.jobs, executor=args.executor, scheduler=args.scheduler, resume=args.resume,
        errors_file=args.errors_file, progress=args.progress, quiet=args.quiet,
        corpus_dedup=args.corpus_dedup, corpus_min_documents=args.corpus_min_documents,
        corpus_min_words=args.corpus_min_words, corpus_unit=args.corpus_unit)
    # SIGTERM (a job scheduler stopping the run) cleans up like Ctrl-C: unfinished
    # outputs are removed, finished ones and the resume manifest stay.
    previous = signal.signal(signal.SIGTERM, _interrupt) if threading.current_thread() is threading.main_thread() \
        else None
    try:
        stats = job.run(pipeline=pipeline, report=_error_line)
    finally:
        if previous is not None:
            signal.signal(signal.SIGTERM, previous)
    if args.stats:
        stats_file = AtomicFile(args.stats)
        stats_file.write(json.dumps(stats.to_dict(), indent=2) + "\n")
        stats_file.commit()
    failed = stats.records_failed + stats.step_failures
    if not args.quiet and (stats.records_in > 1 or failed and stats.records_in != failed):
        print(f"textnorm: {stats.summary()}", file=sys.stderr)
    return 1 if failed else 0


def cmd_explain(args: argparse.Namespace) -> int:
    registry = _registry(args)
    pipeline = _pipeline(args, registry)
    color = args.color == "always" or (
        args.color == "auto" and sys.stdout.isatty() and not os.environ.get("NO_COLOR"))
    status = 0
    for item in _items(args, find_sources(args.inputs, input_format=args.input_format)):
        if isinstance(item, RecordFailure):
            _error_line(input_error(item))
            status = 1
            continue
        doc = pipeline(item.document)
        sys.stdout.write(explain_document(doc, color=color, width=args.width))
    return status


def cmd_plugins(args: argparse.Namespace) -> int:
    registry = _registry(args)
    infos = registry.normalizers()
    if not infos:
        print("no normalizers found (check --only-dist / --block)")
        return 0
    for info in infos.values():
        print(f"{info.name}  [{info.origin}; plugin {info.plugin}]")
        summary = info.cls.summary() if hasattr(info.cls, "summary") else ""
        if summary:
            print(f"    {summary}")
        fields = option_fields(info.cls.Options)
        defaults = option_defaults(info.cls.Options)
        if not fields:
            print("    (no options)")
        for key, field in fields.items():
            print(f"    {key} = {defaults[key]!r}  ({type_name(field.type)})")
        print()
    return 0


def cmd_config(args: argparse.Namespace) -> int:
    registry = _registry(args)
    config = PipelineConfig.default(registry)
    header = []
    for line in default_config_text().splitlines():  # the embedded file's opening comment block
        if not line.startswith("#"):
            break
        header.append(line)
    header.append("# Options shown as comments hold their defaults; uncomment one to change it.")
    sys.stdout.write(render_config(config, registry, header="\n".join(header) + "\n"))
    return 0


COMMANDS = {"clean": cmd_clean, "explain": cmd_explain, "plugins": cmd_plugins, "config": cmd_config}


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``textnorm`` command; returns the exit status."""
    args = build_parser().parse_args(argv)
    try:
        return COMMANDS[args.command](args)
    except TextnormError as exc:
        print(f"textnorm: error: {exc}", file=sys.stderr)
        return 1
    except BrokenPipeError:
        # The reader went away (`| head`): not an error of ours.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 0
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
