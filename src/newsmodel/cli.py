"""The ``newsmodel`` command line: ``convert``, ``show``, ``validate`` and ``example``.

Exit status: 0 when everything worked, 1 when some file failed (each failure is
reported on stderr as ``path: reason``), 2 for a usage error (also when argparse
finds one: :func:`main` returns the status instead of raising ``SystemExit``).
See ``docs/cli.md``.

.. versionadded:: 0.1.0
"""

from __future__ import annotations

import argparse
import contextlib
import os
import sys
from concurrent.futures.process import BrokenProcessPool
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Final, Protocol

from lxml import etree
from tqdm import tqdm

from newsmodel import __version__
from newsmodel._batch import STDIO, Job, Settings, atomic_file, destination, iter_inputs, run_jobs
from newsmodel._build import build_name
from newsmodel._summary import summarize
from newsmodel._validate import SCHEMAS_ENV, SchemasUnavailableError, Validator
from newsmodel.convert import INPUT_FORMATS, OUTPUT_FORMATS, read_articles, render
from newsmodel.errors import NewsmodelError
from newsmodel.options import ParseOptions
from newsmodel.parse._xml import parse_xml
from newsmodel.parse.text import parse_text
from newsmodel.serialize.newsml import NewsMLOptions, to_newsml

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator, Sequence

__all__ = ["EXIT_FAILED", "EXIT_OK", "EXIT_USAGE", "main"]

EXIT_OK: Final = 0
"""Everything converted, shown or valid."""
EXIT_FAILED: Final = 1
"""Some file failed (the others were still done) or is invalid."""
EXIT_USAGE: Final = 2
"""The command line is wrong, or the schemas cannot be found."""

EXAMPLE: Final = "data/example/libya-russia-2016.txt"
"""The bundled example article, inside the package."""

STDIN_NAME: Final = "<stdin>"


class UsageError(Exception):
    """A command line that argparse accepts but that makes no sense (exit status 2)."""


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line with *argv* (default: ``sys.argv[1:]``); return the exit status."""
    parser = _build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exit_:  # argparse: 2 after a usage error, 0 after --help or --version
        return exit_.code if isinstance(exit_.code, int) else EXIT_USAGE
    command: Callable[[argparse.Namespace], int] = args.run
    try:
        return command(args)
    except UsageError as err:
        _err(f"newsmodel {args.command}: error: {err}")
        return EXIT_USAGE
    except KeyboardInterrupt:
        _err("newsmodel: interrupted")
        return 130
    except BrokenPipeError:  # `newsmodel ... | head`: stop quietly
        with contextlib.suppress(OSError, ValueError):
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_FAILED


def _out(line: str) -> None:
    try:
        sys.stdout.write(line + "\n")
    except UnicodeEncodeError:  # a file name with undecodable bytes (lone surrogates)
        sys.stdout.write(_printable(line) + "\n")


def _err(line: str) -> None:
    sys.stderr.write(_printable(line) + "\n")


def _printable(line: str) -> str:
    """*line* with lone surrogates (from undecodable file names) as backslash escapes."""
    return line.encode("utf-8", "backslashreplace").decode("utf-8")


def _positive_int(value: str) -> int:
    try:
        number = int(value)
    except ValueError:
        number = 0
    if number < 1:
        msg = f"expected a whole number of 1 or more, got {value!r}"
        raise argparse.ArgumentTypeError(msg)
    return number


def _add_reading(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--from",
        dest="source",
        choices=("auto", *INPUT_FORMATS),
        default="auto",
        help="input format (default: detected from the content)",
    )
    parser.add_argument("--url", help="the address the page or text came from (one input only)")
    parser.add_argument(
        "--no-analysis",
        dest="analyze",
        action="store_false",
        help="skip people and who-said-what (metadata and body only; much faster)",
    )
    parser.add_argument(
        "--encoding",
        default="utf-8",
        help="how plain-text input is decoded (default: utf-8, falling back to windows-1252 with a warning)",
    )


def _build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="newsmodel",
        description="Turn news articles into data: convert, summarise and validate them.",
        epilog="Exit status: 0 all done, 1 some file failed, 2 usage error.",
    )
    parser.add_argument(
        "--version", action="version", version=f"%(prog)s {__version__} ({build_name()})"
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    convert = commands.add_parser(
        "convert",
        help="convert articles between formats",
        description="Convert articles (files, folders or - for stdin) between formats. "
        "Several inputs or a folder go to a folder mirroring the input tree (-o DIR) "
        "or to one JSON Lines stream (--to jsonl).",
    )
    convert.add_argument("inputs", nargs="+", metavar="INPUT", help="file, folder, or - (stdin)")
    _add_reading(convert)
    convert.add_argument(
        "--to",
        dest="target",
        choices=OUTPUT_FORMATS,
        default="json",
        help="output format (default: json)",
    )
    convert.add_argument(
        "-o", "--output", metavar="FILE|DIR|-", help="where to write (default: stdout, -)"
    )
    convert.add_argument(
        "-j",
        "--jobs",
        type=_positive_int,
        default=1,
        metavar="N",
        help="worker processes (default: 1)",
    )
    convert.add_argument("-r", "--recursive", action="store_true", help="descend into sub-folders")
    convert.add_argument("-f", "--force", action="store_true", help="overwrite existing outputs")
    noise = convert.add_mutually_exclusive_group()
    noise.add_argument(
        "-q", "--quiet", action="store_true", help="no progress bar; only failures are reported"
    )
    noise.add_argument("-v", "--verbose", action="store_true", help="report every file")
    convert.set_defaults(run=_convert)

    show = commands.add_parser(
        "show",
        help="print a readable summary of an article",
        description="Print headline, date, authors, people and who said what.",
    )
    show.add_argument("file", metavar="FILE", help="an article in any format, or - (stdin)")
    _add_reading(show)
    show.add_argument("--width", type=_positive_int, default=100, help="table width (default: 100)")
    show.set_defaults(run=_show)

    validate = commands.add_parser(
        "validate",
        help="check NewsML-G2 and ninjs files against their schemas",
        description="Check NewsML-G2 (with its NITF body) and ninjs 3.1 files against IPTC's "
        f"schemas, found in --schemas DIR or ${SCHEMAS_ENV}. newsmodel JSON is checked by reading it.",
    )
    validate.add_argument("files", nargs="+", metavar="FILE")
    validate.add_argument(
        "--schemas", metavar="DIR", help=f"schemas folder (default: ${SCHEMAS_ENV})"
    )
    validate.add_argument(
        "--max-errors", type=_positive_int, default=10, metavar="N", help="problems shown per file"
    )
    validate.set_defaults(run=_validate)

    example = commands.add_parser(
        "example",
        help="run the whole job on the bundled example article",
        description="Parse the bundled example article; print who said what and its NewsML-G2.",
    )
    example.add_argument(
        "--to", dest="target", choices=OUTPUT_FORMATS, default="newsml", help="default: newsml"
    )
    example.add_argument("--no-analysis", dest="analyze", action="store_false")
    example.add_argument("--width", type=_positive_int, default=100)
    example.set_defaults(run=_example)
    return parser


# -- convert ---------------------------------------------------------------------------------


def _say(message: str) -> None:
    tqdm.write(_printable(message), file=sys.stderr)


def _read_stdin() -> bytes:
    buffer = getattr(sys.stdin, "buffer", None)
    return buffer.read() if buffer is not None else sys.stdin.read().encode("utf-8")


class _Sink(Protocol):
    """Where converted bytes go: a file, or standard output."""

    def write(self, data: bytes, /) -> int: ...

    def flush(self) -> None: ...


@contextlib.contextmanager
def _stdout_sink() -> Iterator[_Sink]:
    sys.stdout.flush()
    buffer: _Sink = getattr(sys.stdout, "buffer", None) or _TextSink()
    yield buffer
    buffer.flush()


class _TextSink:
    """Bytes written to the current ``sys.stdout`` as UTF-8 text (a stream with no buffer)."""

    def write(self, data: bytes, /) -> int:
        return sys.stdout.write(data.decode("utf-8"))

    def flush(self) -> None:
        sys.stdout.flush()


def _plan(args: argparse.Namespace, settings: Settings) -> tuple[Iterator[Job], int]:
    """The jobs, and how many there are (counted by a first, lazy walk)."""
    inputs: list[str] = args.inputs
    output: str | None = args.output
    if STDIO in inputs and len(inputs) > 1:
        raise UsageError("- (standard input) must be the only INPUT")
    single = len(inputs) == 1 and (inputs[0] == STDIO or not Path(inputs[0]).is_dir())
    if args.url and not single:
        raise UsageError("--url needs a single INPUT file")
    stream = settings.target == "jsonl" or (single and output in {None, STDIO})
    if stream or (single and output is not None and not Path(output).is_dir()):
        dest = None if stream else output
        if inputs == [STDIO]:
            return iter(
                [Job(source=STDIN_NAME, dest=dest, settings=settings, data=_read_stdin())]
            ), 1
        if single:
            return iter([Job(source=inputs[0], dest=dest, settings=settings)]), 1
        found = iter_inputs(inputs, recursive=args.recursive)
        jobs = (Job(source=path, dest=None, settings=settings) for path, _ in found)
        return jobs, _count(inputs, args.recursive, None)
    if output in {None, STDIO}:
        raise UsageError("several inputs need -o DIR (one file each) or --to jsonl (one stream)")
    if inputs == [STDIO]:
        raise UsageError("standard input needs -o FILE or -o -, not a folder")
    folder = Path(output or ".")
    found = iter_inputs(inputs, recursive=args.recursive, exclude=folder)
    jobs = (
        Job(source=path, dest=str(destination(folder, rel, settings.target)), settings=settings)
        for path, rel in found
    )
    return jobs, _count(inputs, args.recursive, folder)


def _count(inputs: list[str], recursive: bool, exclude: Path | None) -> int:
    return sum(1 for _ in iter_inputs(inputs, recursive=recursive, exclude=exclude))


def _convert(args: argparse.Namespace) -> int:
    settings = Settings(
        source=args.source,
        target=args.target,
        url=args.url,
        analyze=args.analyze,
        encoding=args.encoding,
        force=args.force,
    )
    jobs, total = _plan(args, settings)
    streaming = settings.target == "jsonl" or args.output in {None, STDIO}
    stream_file = Path(args.output) if streaming and args.output not in {None, STDIO} else None
    if stream_file is not None and not args.force and os.path.lexists(stream_file):
        _say(f"{stream_file}: exists (use --force to overwrite)")
        return EXIT_FAILED
    if total == 0:
        _say("nothing to convert: no input files found")
        return EXIT_FAILED
    done = failed = 0
    show_bar = not args.quiet and sys.stderr.isatty()
    try:
        with contextlib.ExitStack() as stack:
            sink: _Sink | None = None
            if streaming:
                sink = stack.enter_context(
                    atomic_file(stream_file, force=args.force) if stream_file else _stdout_sink()
                )
            bar = stack.enter_context(
                tqdm(
                    total=total,
                    unit="file",
                    file=sys.stderr,
                    disable=not show_bar,
                    dynamic_ncols=True,
                )
            )
            for outcome in run_jobs(jobs, workers=args.jobs):
                bar.update()
                if outcome.error is not None:
                    failed += 1
                    _say(f"{outcome.source}: {outcome.error}")
                    continue
                done += 1
                if sink is not None:
                    sink.write(outcome.output)
                if args.verbose:
                    _say(f"{outcome.source} -> {outcome.dest or stream_file or 'stdout'}")
                for note in outcome.notes:
                    _say(f"{outcome.source}: {note}")
    except FileExistsError:
        _say(f"{stream_file}: exists (use --force to overwrite)")
        return EXIT_FAILED
    except BrokenProcessPool as err:  # a worker was killed (out of memory, a crash in C code)
        _say(f"newsmodel convert: a worker process died ({err}); {done} files were converted")
        return EXIT_FAILED
    except OSError as err:
        _say(f"{err.filename or stream_file or 'stdout'}: cannot write: {err.strerror or err}")
        return EXIT_FAILED
    if failed or (total > 1 and not args.quiet):
        summary = f"converted {done} of {done + failed} files"
        _say(summary + (f"; {failed} failed" if failed else ""))
    return EXIT_FAILED if failed else EXIT_OK


# -- show, validate, example -----------------------------------------------------------------


def _show(args: argparse.Namespace) -> int:
    name = STDIN_NAME if args.file == STDIO else args.file
    try:
        data = _read_stdin() if args.file == STDIO else Path(args.file).read_bytes()
    except OSError as err:
        _err(f"{name}: cannot read: {err.strerror or err}")
        return EXIT_FAILED
    except ValueError as err:  # a path the OS cannot name: a NUL, a lone surrogate
        _err(f"{name}: cannot read: {err}")
        return EXIT_FAILED
    try:
        articles = read_articles(
            data,
            source=args.source,
            url=args.url,
            options=ParseOptions(analyze=args.analyze),
            encoding=args.encoding,
        )
    except NewsmodelError as err:
        _err(f"{name}: {err}")
        return EXIT_FAILED
    _out("\n\n".join(summarize(article, width=args.width) for article in articles))
    return EXIT_OK


def _validate(args: argparse.Namespace) -> int:
    folder = args.schemas or os.environ.get(SCHEMAS_ENV)
    if not folder:
        msg = f"no schemas folder: give --schemas DIR or set {SCHEMAS_ENV}"
        raise UsageError(msg)
    if not Path(folder).is_dir():
        msg = f"schemas folder {folder} not found"
        raise UsageError(msg)
    validator = Validator(Path(folder))
    invalid = 0
    for name in args.files:
        try:
            data = _read_stdin() if name == STDIO else Path(name).read_bytes()
            report = validator.check(data)
        except OSError as err:
            _out(f"{name}: cannot read: {err.strerror or err}")
            invalid += 1
            continue
        except SchemasUnavailableError as err:
            raise UsageError(str(err)) from err
        except ValueError as err:  # a path the OS cannot name (a NUL); checks raise only ours
            _out(f"{name!r}: cannot read: {err}")
            invalid += 1
            continue
        if not report.problems:
            _out(f"{name}: valid {report.kind}")
            continue
        invalid += 1
        count = len(report.problems)
        _out(f"{name}: invalid {report.kind} ({count} problem{'s' if count > 1 else ''})")
        for problem in report.problems[: args.max_errors]:
            _out(f"  {name}: {problem}")
        if count > args.max_errors:
            _out(f"  ... and {count - args.max_errors} more")
    return EXIT_FAILED if invalid else EXIT_OK


def _example(args: argparse.Namespace) -> int:
    text = resources.files("newsmodel").joinpath(EXAMPLE).read_text("utf-8")
    article = parse_text(text, options=ParseOptions(analyze=args.analyze))
    _out(summarize(article, width=args.width))
    _out("")
    try:
        if args.target == "newsml":
            # For reading, not for exchange: indented, and without the second
            # rendition that carries the exact model (see docs/newsml.md).
            item = to_newsml(article, options=NewsMLOptions(embed_model=False))
            document = etree.tostring(
                parse_xml(item), pretty_print=True, xml_declaration=True, encoding="UTF-8"
            )
        else:
            document = render(article, args.target)
    except NewsmodelError as err:
        _err(f"example: cannot write {args.target}: {err}")
        return EXIT_FAILED
    with _stdout_sink() as out:
        out.write(document)
    return EXIT_OK


if __name__ == "__main__":
    sys.exit(main())
