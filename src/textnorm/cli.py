"""The ``textnorm`` command: ``clean``, ``explain``, ``plugins`` and ``config``.

A :class:`~textnorm.errors.TextnormError` is printed as one line on stderr and
exits with status 1 (argparse's usage errors exit with 2). Anything else is a bug
and keeps its traceback.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from . import __version__
from .config import PipelineConfig, default_config_text, render_config
from .errors import TextnormError
from .explain import explain_document
from .inputs import INPUT_FORMATS, find_sources, read_records
from .options import option_defaults, option_fields, type_name
from .outputs import Writer, render_record
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


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="textnorm",
        description="Clean noisy plain text and say exactly what was removed and why.",
    )
    parser.add_argument("--version", action="version", version=f"textnorm {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)

    p = sub.add_parser("clean", help="clean documents", description="Clean documents and write the results.")
    p.add_argument("inputs", nargs="*", metavar="INPUT",
                   help="files (.txt, .jsonl), directories, or - for stdin (the default)")
    p.add_argument("-f", "--format", choices=FORMATS, default="text",
                   help="text (the cleaned text), markdown (with structure), json (text, metadata, sections "
                        "and edits; one object per line)")
    p.add_argument("-o", "--output", metavar="PATH",
                   help="a file, or a directory (existing, ending in /, or needed for several inputs) that "
                        "mirrors the inputs; default: stdout")
    _config_arg(p)
    _input_args(p)
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


def _records(args: argparse.Namespace):
    for source in find_sources(args.inputs, input_format=args.input_format):
        yield from read_records(source, text_field=args.text_field, id_field=args.id_field)


def cmd_clean(args: argparse.Namespace) -> int:
    registry = _registry(args)
    pipeline = _pipeline(args, registry)
    sources = find_sources(args.inputs, input_format=args.input_format)
    directory = bool(args.output) and (
        args.output.endswith(("/", os.sep)) or Path(args.output).is_dir() or len(sources) > 1)
    writer = Writer(args.output, directory=directory, fmt=args.format)
    ok = False
    try:
        for source in sources:
            for record in read_records(source, text_field=args.text_field, id_field=args.id_field):
                doc = pipeline(record.document)
                writer.write(record, render_record(record, doc, args.format, args.text_field))
        ok = True
    finally:
        writer.close(ok)
    return 0


def cmd_explain(args: argparse.Namespace) -> int:
    registry = _registry(args)
    pipeline = _pipeline(args, registry)
    color = args.color == "always" or (
        args.color == "auto" and sys.stdout.isatty() and not os.environ.get("NO_COLOR"))
    out = sys.stdout
    for record in _records(args):
        doc = pipeline(record.document)
        out.write(explain_document(doc, color=color, width=args.width))
    return 0


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
