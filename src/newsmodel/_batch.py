"""Batch conversion for ``newsmodel convert``: plan the jobs, run them, write atomically.

Memory stays flat however large the batch: input folders are walked lazily,
jobs go to the worker processes in small chunks with a bounded number in flight,
and each outcome is handed back (in input order) as soon as it is ready.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import os
import uuid
from collections import deque
from concurrent.futures import Future, ProcessPoolExecutor
from pathlib import Path, PurePath
from typing import TYPE_CHECKING, BinaryIO, Final, Literal

import attrs

from newsmodel.convert import SUFFIXES, InputFormat, OutputFormat, convert_bytes
from newsmodel.errors import NewsmodelError, ParseError
from newsmodel.options import ParseOptions

if TYPE_CHECKING:
    from collections.abc import Iterable, Iterator

__all__ = [
    "STDIO",
    "Job",
    "Outcome",
    "Settings",
    "atomic_file",
    "convert_chunk",
    "convert_job",
    "destination",
    "iter_inputs",
    "run_jobs",
]

STDIO: Final = "-"
"""The file name that means standard input or standard output."""

CHUNK_SIZE: Final = 16
"""Jobs sent to a worker at a time: large enough to amortise the transfer, small enough to balance."""

CHUNKS_IN_FLIGHT_PER_WORKER: Final = 3
"""How many chunks per worker may be queued or running: bounds memory, keeps workers busy."""


@attrs.frozen(kw_only=True)
class Settings:
    """What every job of one ``convert`` run shares."""

    source: InputFormat | Literal["auto"] = "auto"
    target: OutputFormat = "json"
    url: str | None = None
    analyze: bool = True
    encoding: str = "utf-8"
    force: bool = False
    max_input_bytes: int = ParseOptions().max_input_chars


@attrs.frozen(kw_only=True)
class Job:
    """One input to convert. ``dest`` None hands the output back instead of writing a file."""

    source: str
    dest: str | None
    settings: Settings
    data: bytes | None = None


@attrs.frozen(kw_only=True)
class Outcome:
    """What became of one job: an error message, or the output (when ``dest`` is None)."""

    source: str
    dest: str | None
    error: str | None = None
    output: bytes = b""
    notes: tuple[str, ...] = ()


def iter_inputs(
    inputs: Iterable[str], *, recursive: bool, exclude: Path | None = None
) -> Iterator[tuple[str, PurePath]]:
    """Each input file with its path relative to the root of the input tree.

    The root is the folder itself when a single folder is given; with several
    inputs it is the deepest folder that holds them all, so ``a/ b/`` gives
    ``a/001.txt`` and ``b/001.txt``, and ``bbc/*/001.txt`` gives ``business/001.txt``,
    ``tech/001.txt``...: outputs never collide because two inputs share a name.
    A folder stands for its files in name order (and, with *recursive*, its
    sub-folders' files). Hidden entries and the *exclude* folder (the output
    folder) are skipped. A path that does not exist or cannot be read is still
    yielded, so that reading it fails and is reported like any other bad file.
    """
    skip = exclude.resolve() if exclude is not None else None
    names = list(inputs)
    root = _common_root(names)
    for name in names:
        path = Path(name)
        if name != STDIO and path.is_dir():
            rel = _relative(path, root) if root is not None else PurePath()
            yield from _walk(path, rel, recursive=recursive, skip=skip)
        else:
            yield name, _relative(path, root) if root is not None else PurePath(path.name or name)


def _common_root(names: list[str]) -> Path | None:
    """The deepest folder holding every one of several inputs (None for a single input)."""
    if len(names) < 2:
        return None
    try:
        return Path(os.path.commonpath([_absolute(Path(n)).parent for n in names]))
    except ValueError:  # paths on different drives
        return Path(os.sep)


def _absolute(path: Path) -> Path:
    """*path* made absolute: a folder fully resolved, a file's own link kept (it may dangle)."""
    return path.resolve() if path.is_dir() else path.parent.resolve() / path.name


def _relative(path: Path, root: Path) -> PurePath:
    absolute = _absolute(path)
    try:
        return PurePath(absolute.relative_to(root))
    except ValueError:
        return PurePath(absolute.name)


def _walk(
    folder: Path, rel: PurePath, *, recursive: bool, skip: Path | None
) -> Iterator[tuple[str, PurePath]]:
    if skip is not None and folder.resolve() == skip:
        return
    try:
        entries = sorted(os.scandir(folder), key=lambda e: e.name)
    except OSError as err:
        yield str(folder), rel / f"<{err.strerror}>"
        return
    for entry in entries:
        if entry.name.startswith("."):
            continue
        if entry.is_dir():
            if recursive:
                yield from _walk(Path(entry.path), rel / entry.name, recursive=True, skip=skip)
            continue
        yield entry.path, rel / entry.name


def destination(folder: Path, rel: PurePath, target: OutputFormat) -> Path:
    """Where the output for the input at *rel* goes under *folder*: same place, new ending."""
    name = rel.name.removesuffix(".gz")
    stem = name.rsplit(".", 1)[0] if "." in name.lstrip(".") else name
    return folder / rel.parent / (stem + SUFFIXES[target])


def convert_job(job: Job) -> Outcome:
    """Convert one input; every failure becomes the outcome's error, nothing is raised."""
    settings = job.settings
    dest = Path(job.dest) if job.dest is not None else None

    def failed(reason: str) -> Outcome:
        return Outcome(source=job.source, dest=job.dest, error=reason)

    if dest is not None and not settings.force and os.path.lexists(dest):
        return failed(f"{dest} exists (use --force to overwrite)")
    try:
        data = job.data if job.data is not None else _read(job.source, settings.max_input_bytes)
    except OSError as err:
        return failed(f"cannot read: {err.strerror or err}")
    except NewsmodelError as err:
        return failed(str(err))
    except ValueError as err:  # a path the OS cannot name: a NUL, a lone surrogate
        return failed(f"cannot read: {err}")
    try:
        documents = convert_bytes(
            data,
            source=settings.source,
            target=settings.target,
            url=settings.url,
            options=ParseOptions(
                analyze=settings.analyze, max_input_chars=settings.max_input_bytes
            ),
            encoding=settings.encoding,
        )
    except NewsmodelError as err:
        return failed(str(err))
    except Exception as err:  # noqa: BLE001 - a bug met on one file must not stop the batch
        return failed(f"internal error: {type(err).__name__}: {err}")
    notes: tuple[str, ...] = ()
    if settings.target == "jsonl" and dest is None:
        output = b"".join(documents)
    else:
        output = documents[0]
        if len(documents) > 1:
            notes = (f"holds {len(documents)} articles; wrote the first (--to jsonl writes all)",)
    if dest is None:
        return Outcome(source=job.source, dest=None, output=output, notes=notes)
    try:
        with atomic_file(dest, force=settings.force) as out:
            out.write(output)
    except FileExistsError:
        return failed(f"{dest} exists (use --force to overwrite)")
    except OSError as err:
        return failed(f"cannot write {dest}: {err.strerror or err}")
    return Outcome(source=job.source, dest=job.dest, notes=notes)


def convert_chunk(jobs: list[Job]) -> list[Outcome]:
    """Convert several inputs in one worker call (what the process pool runs)."""
    return [convert_job(job) for job in jobs]


def _read(path: str, limit: int) -> bytes:
    with Path(path).open("rb") as stream:
        size = os.fstat(stream.fileno()).st_size
        if size > limit:
            msg = f"the file is {size:,} bytes, over the limit of {limit:,}"
            raise ParseError(msg)
        return stream.read()


@contextlib.contextmanager
def atomic_file(dest: Path, *, force: bool) -> Iterator[BinaryIO]:
    """A binary stream whose content appears at *dest* all at once, when the block ends.

    It is written to a temporary file in the same folder, then moved into place
    (``os.replace``), so a reader never sees half a file. Without *force* an
    existing *dest* is kept and :class:`FileExistsError` is raised; the check
    and the move are one step (a hard link), so two writers cannot both win.
    If the block raises, nothing appears and the temporary file is removed.
    """
    dest.parent.mkdir(parents=True, exist_ok=True)
    tmp = dest.with_name(f".{dest.name}.{uuid.uuid4().hex[:12]}.part")
    try:
        with tmp.open("xb") as stream:
            yield stream
        if force:
            tmp.replace(dest)
        else:
            _link_no_clobber(tmp, dest)
    finally:
        with contextlib.suppress(FileNotFoundError):
            tmp.unlink()


def _link_no_clobber(tmp: Path, dest: Path) -> None:
    try:
        os.link(tmp, dest)
    except FileExistsError:
        raise
    except OSError:  # a file system without hard links: check, then move
        if os.path.lexists(dest):
            raise FileExistsError(dest) from None
        tmp.replace(dest)


def run_jobs(
    jobs: Iterable[Job], *, workers: int, chunk_size: int = CHUNK_SIZE
) -> Iterator[Outcome]:
    """Run *jobs*, in *workers* processes when more than one, yielding outcomes in input order."""
    if workers <= 1:
        yield from map(convert_job, jobs)
        return
    # "spawn" starts clean interpreters: no forking of a process that runs threads.
    context = multiprocessing.get_context("spawn")
    limit = workers * CHUNKS_IN_FLIGHT_PER_WORKER
    with ProcessPoolExecutor(max_workers=workers, mp_context=context) as pool:
        pending: deque[Future[list[Outcome]]] = deque()
        for chunk in _chunks(jobs, chunk_size):
            pending.append(pool.submit(convert_chunk, chunk))
            if len(pending) >= limit:
                yield from pending.popleft().result()
        while pending:
            yield from pending.popleft().result()


def _chunks(jobs: Iterable[Job], size: int) -> Iterator[list[Job]]:
    chunk: list[Job] = []
    for job in jobs:
        chunk.append(job)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk
