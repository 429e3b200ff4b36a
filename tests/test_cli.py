"""The ``newsmodel`` command line, driven through ``main([...])`` and once as a real process."""

from __future__ import annotations

import contextlib
import datetime as dt
import gzip
import io
import json
import os
import pickle
import re
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from lxml import etree

from newsmodel import Article, Person, Quote, Span, Statement, from_json, to_json
from newsmodel._batch import Job, Settings, atomic_file, convert_chunk, convert_job, destination
from newsmodel.cli import main
from newsmodel.convert import (
    INPUT_FORMATS,
    detect_format,
    file_to_jsonl,
    gunzip,
    read_articles,
    render,
)
from newsmodel.errors import ParseError

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "tests" / "data" / "cli"
ARTICLES = DATA / "articles"
NAR = "{http://iptc.org/std/nar/2006-10-01/}"


def _shared() -> Path | None:
    """$NEWSMODEL_SHARED, else ../shared beside the checkout (or beside its worktrees folder)."""
    candidates = [ROOT.parent / "shared", ROOT.parent.parent / "shared"]
    if "NEWSMODEL_SHARED" in os.environ:
        candidates.insert(0, Path(os.environ["NEWSMODEL_SHARED"]))
    return next((c for c in candidates if (c / "standards").is_dir()), None)


SHARED = _shared()
needs_standards = pytest.mark.skipif(SHARED is None, reason="../shared/standards is absent")


def ruiz_article() -> Article:
    """The hand-made article of tests/data/cli/ruiz.json: people, quotations, statements."""
    paragraphs = (
        "The harbour council on Tuesday approved a ferry route linking the old port with the island of Vela.",
        '"This route will cut the crossing to twenty minutes," said Marta Ruiz, the council\'s transport chief.',
        "Ruiz added that tickets would go on sale in May.",
    )
    text = "\n\n".join(paragraphs)

    def span(part: str) -> Span:
        start = text.index(part)
        return Span(start=start, end=start + len(part))

    ruiz = Person(
        id="p1",
        name="Marta Ruiz",
        aliases=("Ruiz",),
        titles=("the council's transport chief",),
        mentions=(span("Marta Ruiz"), span("Ruiz added")),
    )
    said = "This route will cut the crossing to twenty minutes,"
    quote = Quote(id="q1", text=said, spans=(span(said),), speaker=ruiz)
    return Article(
        id="nm-ruiz",
        headline="Harbour council approves new ferry route",
        authors=(Person(id="a1", name="Jon Tamsen"),),
        published=dt.datetime(2024, 3, 5, 10, 30, tzinfo=dt.timezone(dt.timedelta(hours=1))),
        published_raw="5 March 2024, 10:30 CET",
        paragraphs=paragraphs,
        persons=(ruiz,),
        quotes=(quote,),
        statements=(
            Statement(
                id="s1",
                content=said,
                kind="direct",
                content_spans=(span(said),),
                speaker=ruiz,
                source="Marta Ruiz",
                source_span=span("Marta Ruiz"),
                cue="said",
                cue_span=span("said"),
                quotes=(quote,),
            ),
            Statement(
                id="s2",
                content="tickets would go on sale in May",
                kind="indirect",
                content_spans=(span("tickets would go on sale in May"),),
                speaker=ruiz,
                source="Ruiz",
                cue="added",
            ),
        ),
    )


def write(path: Path, data: bytes | str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(data, str):
        data = data.encode("utf-8")
    path.write_bytes(data)
    return path


def story(n: int) -> str:
    return f"Story number {n}\n\nThis is the body of story {n}.\n"


class FakeStdin:
    """A stand-in for sys.stdin with a binary buffer."""

    def __init__(self, data: bytes) -> None:
        self.buffer = io.BytesIO(data)


class TestFixtures:
    def test_ruiz_fixture_matches_its_builder(self):
        """The committed ruiz.json is exactly what ruiz_article() builds."""
        assert from_json((DATA / "ruiz.json").read_bytes()) == ruiz_article()


class TestMain:
    def test_no_command_is_a_usage_error(self, capsys):
        """No sub-command: status 2 and argparse's usage on stderr, no SystemExit."""
        assert main([]) == 2
        assert "usage: newsmodel" in capsys.readouterr().err

    def test_unknown_option_is_a_usage_error(self, capsys):
        """An unknown option returns 2 and names the option."""
        assert main(["convert", "--bogus", "x.txt"]) == 2
        assert "--bogus" in capsys.readouterr().err

    def test_help_returns_zero(self, capsys):
        """--help prints every sub-command and returns 0."""
        assert main(["--help"]) == 0
        out = capsys.readouterr().out
        for command in ("convert", "show", "validate", "example"):
            assert command in out

    def test_jobs_must_be_positive(self, capsys):
        """--jobs 0 is refused with a clear message."""
        assert main(["convert", "--jobs", "0", "x.txt"]) == 2
        assert "1 or more" in capsys.readouterr().err


class TestDetectFormat:
    @pytest.mark.parametrize(
        ("data", "expected"),
        [
            (b"Headline\n\nBody.", "text"),
            (b"\xef\xbb\xbf  <!DOCTYPE html><html><p>x</p></html>", "html"),
            (b"Some text with <p>a tag</p>", "html"),
            (b'<?xml version="1.0"?>\n<!-- c --><newsItem xmlns="x"/>', "newsml"),
            (b"<g2:newsMessage xmlns:g2='x'/>", "newsml"),
            (b"<NewsML/>", "newsml"),
            (b"<rss><channel/></rss>", "html"),
            (b'{"schema_version": "newsmodel-article/1"}', "json"),
            (b'  {"uri": "urn:x"}', "ninjs"),
        ],
    )
    def test_detects(self, data, expected):
        """Each kind of content is recognised from its first bytes."""
        assert detect_format(data) == expected

    def test_broken_json_is_a_parse_error(self):
        """Broken JSON is reported, not read as text."""
        with pytest.raises(ParseError, match="not valid JSON"):
            detect_format(b'{"schema_version": ')

    def test_json_of_unknown_kind_is_a_parse_error(self):
        """JSON that is neither newsmodel JSON nor ninjs says so."""
        with pytest.raises(ParseError, match="neither newsmodel JSON"):
            detect_format(b'{"title": "x"}')


class TestConvertProperties:
    @given(st.binary(max_size=300) | st.text(max_size=300).map(str.encode))
    def test_detect_format_raises_only_parse_error(self, data):
        """On any bytes, detection names a known format or raises ParseError."""
        with contextlib.suppress(ParseError):
            assert detect_format(data) in INPUT_FORMATS

    @given(st.binary(max_size=300) | st.text(max_size=300).map(str.encode))
    def test_convert_job_never_raises(self, data):
        """On any bytes a job ends in an outcome: a JSON line or a reason."""
        outcome = convert_job(
            Job(source="-", dest=None, settings=Settings(target="jsonl"), data=data)
        )
        assert (outcome.error is None) == outcome.output.endswith(b"\n")


class TestConvertOne:
    def test_text_file_to_stdout_as_json(self, capsys):
        """One file with no -o writes its JSON to stdout."""
        assert main(["convert", str(ARTICLES / "ferry.txt")]) == 0
        article = from_json(capsys.readouterr().out)
        assert article.headline == "Harbour council approves new ferry route"

    def test_to_text(self, capsys):
        """--to text writes the headline and the paragraphs."""
        assert main(["convert", str(ARTICLES / "ferry.txt"), "--to", "text", "--no-analysis"]) == 0
        out = capsys.readouterr().out
        assert out.startswith("Harbour council approves new ferry route\n\n")
        assert out.rstrip().endswith("tickets would go on sale in May.")

    def test_stdin_to_stdout(self, capsys, monkeypatch):
        """- reads stdin; the output goes to stdout."""
        monkeypatch.setattr(sys, "stdin", FakeStdin(story(7).encode()))
        assert main(["convert", "-", "--to", "jsonl"]) == 0
        out = capsys.readouterr().out
        assert out.count("\n") == 1
        assert from_json(out).headline == "Story number 7"

    def test_url_is_kept(self, capsys):
        """--url becomes the article's url."""
        url = "https://example.com/ferry"
        assert main(["convert", str(ARTICLES / "ferry.txt"), "--url", url]) == 0
        assert from_json(capsys.readouterr().out).url == url

    def test_from_overrides_detection(self, capsys):
        """--from text reads an HTML page as text, tags and all."""
        assert main(["convert", str(ARTICLES / "library.html"), "--from", "text"]) == 0
        assert from_json(capsys.readouterr().out).headline.startswith("<!DOCTYPE html>")

    def test_json_round_trip(self, tmp_path, capsys):
        """newsmodel JSON in, JSON out: the same article."""
        source = write(tmp_path / "ruiz.json", to_json(ruiz_article()))
        assert main(["convert", str(source), "--to", "jsonl"]) == 0
        assert from_json(capsys.readouterr().out) == ruiz_article()

    def test_encoding(self, tmp_path, capsys):
        """A Latin-1 file is read as windows-1252 with a warning; --encoding names the codec."""
        source = write(tmp_path / "pound.txt", "Price\n\nIt costs £5.".encode("latin-1"))
        assert main(["convert", str(source)]) == 0
        fallback = from_json(capsys.readouterr().out)
        assert fallback.paragraphs == ("It costs £5.",)
        assert fallback.warnings[0].code == "charset-fallback"
        assert "0xa3" in fallback.warnings[0].message
        assert main(["convert", str(source), "--encoding", "latin-1"]) == 0
        strict = from_json(capsys.readouterr().out)
        assert (strict.paragraphs, strict.warnings) == (("It costs £5.",), ())
        assert main(["convert", str(source), "--encoding", "ascii"]) == 1
        assert "not ascii text (byte 0xa3" in capsys.readouterr().err

    def test_gzip_input(self, tmp_path):
        """A gzip-compressed file is read as what it holds; the output is named as if it were not compressed."""
        write(
            tmp_path / "in" / "page.html.gz",
            gzip.compress((ARTICLES / "library.html").read_bytes()),
        )
        write(tmp_path / "in" / "story.txt.gz", gzip.compress(story(4).encode()))
        out = tmp_path / "out"
        assert main(["convert", str(tmp_path / "in"), "-o", str(out), "-q"]) == 0
        assert sorted(p.name for p in out.iterdir()) == ["page.json", "story.json"]
        assert from_json((out / "story.json").read_bytes()).headline == "Story number 4"

    def test_gzip_bombs_and_breaks_are_refused(self):
        """gzip that inflates past the limit, or is cut short, is a ParseError."""
        with pytest.raises(ParseError, match="inflates past the limit of 1,000 bytes"):
            gunzip(gzip.compress(b"x" * 10_000), limit=1_000)
        with pytest.raises(ParseError, match="truncated gzip data"):
            gunzip(gzip.compress(b"x" * 100)[:15], limit=1_000)
        assert gunzip(b"plain", limit=1) == b"plain"

    def test_output_file_and_force(self, tmp_path, capsys):
        """-o FILE is not overwritten without --force, and is with it."""
        out = tmp_path / "out.json"
        assert main(["convert", str(ARTICLES / "ferry.txt"), "-o", str(out)]) == 0
        assert from_json(out.read_bytes()).headline.startswith("Harbour")
        source = write(tmp_path / "other.txt", story(1))
        assert main(["convert", str(source), "-o", str(out)]) == 1
        assert f"{source}: {out} exists (use --force to overwrite)" in capsys.readouterr().err
        assert from_json(out.read_bytes()).headline.startswith("Harbour")
        assert main(["convert", str(source), "-o", str(out), "--force"]) == 0
        assert from_json(out.read_bytes()).headline == "Story number 1"
        assert sorted(p.name for p in tmp_path.iterdir()) == ["other.txt", "out.json"]

    def test_to_newsml(self, capsys):
        """--to newsml writes a NewsML-G2 newsItem."""
        assert main(["convert", str(ARTICLES / "ferry.txt"), "--to", "newsml"]) == 0
        root = etree.fromstring(capsys.readouterr().out.encode("utf-8"))
        assert root.tag == f"{NAR}newsItem"

    @pytest.mark.parametrize(
        ("argv", "message"),
        [
            (["a.txt", "b.txt"], "several inputs need -o DIR"),
            (["-", "a.txt", "-o", "out"], "must be the only INPUT"),
            (["a.txt", "b.txt", "--url", "https://x", "-o", "out"], "--url needs a single INPUT"),
        ],
    )
    def test_usage_errors(self, argv, message, capsys):
        """Command lines that make no sense return 2 with a reason."""
        assert main(["convert", *argv]) == 2
        assert message in capsys.readouterr().err

    def test_stdin_to_a_folder_is_a_usage_error(self, tmp_path, capsys, monkeypatch):
        """Standard input has no name to mirror into a folder."""
        monkeypatch.setattr(sys, "stdin", FakeStdin(b"x"))
        assert main(["convert", "-", "-o", str(tmp_path)]) == 2
        assert "standard input needs -o FILE" in capsys.readouterr().err


class TestConvertBatch:
    def test_folder_mirrors_the_tree(self, tmp_path, capsys):
        """A folder converts to a folder of the same shape, one .json per input."""
        out = tmp_path / "out"
        assert main(["convert", str(ARTICLES), "-o", str(out), "--recursive"]) == 0
        found = sorted(str(p.relative_to(out)) for p in out.rglob("*") if p.is_file())
        assert found == ["ferry.json", "library.json", "more/orchard.json"]
        assert from_json((out / "more" / "orchard.json").read_bytes()).headline.startswith(
            "Orchard"
        )
        assert "converted 3 of 3 files" in capsys.readouterr().err

    def test_without_recursive_sub_folders_are_skipped(self, tmp_path):
        """Without --recursive only the folder's own files are converted."""
        out = tmp_path / "out"
        assert main(["convert", str(ARTICLES), "-o", str(out), "-q"]) == 0
        assert sorted(p.name for p in out.iterdir()) == ["ferry.json", "library.json"]

    def test_several_folders_keep_their_names(self, tmp_path):
        """Two folders holding the same file names do not collide."""
        for name in ("a", "b"):
            write(tmp_path / name / "001.txt", story(1))
        out = tmp_path / "out"
        assert (
            main(["convert", str(tmp_path / "a"), str(tmp_path / "b"), "-o", str(out), "-q"]) == 0
        )
        assert (out / "a" / "001.json").is_file()
        assert (out / "b" / "001.json").is_file()

    def test_many_files_keep_their_folders(self, tmp_path):
        """Files listed one by one (as a shell glob does) mirror the folders they come from."""
        inputs = [write(tmp_path / "in" / d / "001.txt", story(n)) for n, d in enumerate("ab")]
        out = tmp_path / "out"
        assert main(["convert", *map(str, inputs), "-o", str(out), "-q"]) == 0
        found = sorted(str(p.relative_to(out)) for p in out.rglob("*.json"))
        assert found == ["a/001.json", "b/001.json"]

    def test_output_folder_inside_the_input_is_not_read(self, tmp_path, capsys):
        """Converting a folder into a sub-folder of itself does not convert the outputs."""
        write(tmp_path / "one.txt", story(1))
        assert main(["convert", str(tmp_path), "-o", str(tmp_path / "out"), "-r", "-v"]) == 0
        assert "converted 1 of 1 files" not in capsys.readouterr().err  # one input: no summary
        assert [p.name for p in (tmp_path / "out").iterdir()] == ["one.json"]

    def test_bad_files_do_not_stop_the_batch(self, tmp_path, capsys):
        """Corrupt, empty, unreadable and undecodable files are reported; the rest converts."""
        src = tmp_path / "in"
        for n in range(3):
            write(src / f"good{n}.txt", story(n))
        write(src / "corrupt.json", '{"schema_version": "newsmodel-article/1", "id": ')
        write(src / "empty.txt", b"")
        write(src / "binary.txt", b"\x00\x01\x02\x00")
        (src / "gone.txt").symlink_to(tmp_path / "does-not-exist.txt")
        out = tmp_path / "out"
        assert main(["convert", str(src), "-o", str(out)]) == 1
        err = capsys.readouterr().err
        assert sorted(p.name for p in out.iterdir()) == ["good0.json", "good1.json", "good2.json"]
        assert f"{src / 'corrupt.json'}: not valid JSON" in err
        assert f"{src / 'empty.txt'}: the text is empty" in err
        assert f"{src / 'gone.txt'}: cannot read: No such file or directory" in err
        assert f"{src / 'binary.txt'}: " in err
        assert "converted 3 of 7 files; 4 failed" in err

    def test_failures_leave_no_partial_files(self, tmp_path):
        """Neither temporary nor half-written files are left behind."""
        write(tmp_path / "in" / "empty.txt", b"")
        write(tmp_path / "in" / "good.txt", story(1))
        out = tmp_path / "out"
        assert main(["convert", str(tmp_path / "in"), "-o", str(out), "-q"]) == 1
        assert sorted(p.name for p in out.iterdir()) == ["good.json"]

    def test_existing_outputs_fail_without_force(self, tmp_path, capsys):
        """A second run refuses to overwrite every file, then --force rewrites them."""
        out = tmp_path / "out"
        assert main(["convert", str(ARTICLES), "-o", str(out), "-q"]) == 0
        (out / "ferry.json").write_text("old", encoding="utf-8")
        assert main(["convert", str(ARTICLES), "-o", str(out)]) == 1
        assert "converted 0 of 2 files; 2 failed" in capsys.readouterr().err
        assert (out / "ferry.json").read_text(encoding="utf-8") == "old"
        assert main(["convert", str(ARTICLES), "-o", str(out), "--force", "-q"]) == 0
        assert from_json((out / "ferry.json").read_bytes()).headline.startswith("Harbour")

    def test_jsonl_order_is_stable_with_two_jobs(self, tmp_path):
        """--jobs 2 writes the JSON Lines in input order, the same bytes as --jobs 1."""
        src = tmp_path / "in"
        for n in range(40):
            write(src / f"{n:03d}.txt", story(n))
        one, two = tmp_path / "one.jsonl", tmp_path / "two.jsonl"
        assert main(["convert", str(src), "--to", "jsonl", "-o", str(one), "-q"]) == 0
        assert (
            main(["convert", str(src), "--to", "jsonl", "-o", str(two), "-q", "--jobs", "2"]) == 0
        )
        lines = two.read_text(encoding="utf-8").splitlines()
        assert [from_json(line).headline for line in lines] == [
            f"Story number {n}" for n in range(40)
        ]
        assert one.read_bytes() == two.read_bytes()

    def test_two_jobs_report_failures_too(self, tmp_path, capsys):
        """Failures met in worker processes are reported and counted."""
        src = tmp_path / "in"
        write(src / "a.txt", story(1))
        write(src / "b.txt", b"")
        out = tmp_path / "out"
        assert main(["convert", str(src), "-o", str(out), "--jobs", "2"]) == 1
        assert f"{src / 'b.txt'}: the text is empty" in capsys.readouterr().err
        assert [p.name for p in out.iterdir()] == ["a.json"]

    def test_one_file_into_an_existing_folder(self, tmp_path):
        """-o naming an existing folder puts the output inside it, named after the input."""
        assert (
            main(["convert", str(ARTICLES / "ferry.txt"), "-o", str(tmp_path), "--to", "ninjs"])
            == 0
        )
        assert json.loads((tmp_path / "ferry.ninjs.json").read_text(encoding="utf-8"))["uri"]

    def test_documents_with_several_articles(self, tmp_path, monkeypatch, capsys):
        """A newsMessage of several items: all go to JSON Lines, the first to a file, with a note."""

        def two_articles(data, **kwargs):
            del data
            return (b'{"n": 1}\n', b'{"n": 2}\n') if kwargs["target"] == "jsonl" else (b"1", b"2")

        monkeypatch.setattr("newsmodel._batch.convert_bytes", two_articles)
        source = write(tmp_path / "message.xml", "<newsMessage/>")
        assert main(["convert", str(source), "--to", "jsonl"]) == 0
        assert capsys.readouterr().out == '{"n": 1}\n{"n": 2}\n'
        assert (
            main(["convert", str(source), "-o", str(tmp_path / "one.xml"), "--to", "newsml"]) == 0
        )
        assert (tmp_path / "one.xml").read_bytes() == b"1"
        assert "holds 2 articles; wrote the first" in capsys.readouterr().err

    def test_a_dead_worker_is_reported(self, tmp_path, monkeypatch, capsys):
        """A worker killed mid-batch ends the run with status 1 and a message, not a traceback."""
        from concurrent.futures.process import BrokenProcessPool

        def dies(jobs, *, workers):
            del jobs, workers
            raise BrokenProcessPool("killed")
            yield  # a generator, like run_jobs

        monkeypatch.setattr("newsmodel.cli.run_jobs", dies)
        assert main(["convert", str(ARTICLES), "-o", str(tmp_path), "-j", "2"]) == 1
        assert "a worker process died (killed)" in capsys.readouterr().err

    def test_jsonl_to_stdout(self, capsys):
        """A folder as JSON Lines on stdout: one line per file."""
        assert main(["convert", str(ARTICLES), "-r", "--to", "jsonl", "-q"]) == 0
        lines = capsys.readouterr().out.splitlines()
        assert [from_json(line).headline.split()[0] for line in lines] == [
            "Harbour",
            "Town",
            "Orchard",
        ]

    def test_jsonl_file_is_not_overwritten(self, tmp_path, capsys):
        """An existing JSON Lines file needs --force."""
        out = write(tmp_path / "all.jsonl", "keep\n")
        assert main(["convert", str(ARTICLES), "--to", "jsonl", "-o", str(out)]) == 1
        assert "exists (use --force to overwrite)" in capsys.readouterr().err
        assert out.read_text(encoding="utf-8") == "keep\n"
        assert main(["convert", str(ARTICLES), "--to", "jsonl", "-o", str(out), "-f", "-q"]) == 0
        assert len(out.read_text(encoding="utf-8").splitlines()) == 2

    def test_empty_folder(self, tmp_path, capsys):
        """A folder with no files converts nothing and says so."""
        (tmp_path / "in").mkdir()
        assert main(["convert", str(tmp_path / "in"), "-o", str(tmp_path / "out")]) == 1
        assert "no input files found" in capsys.readouterr().err

    def test_quiet_and_verbose(self, tmp_path, capsys):
        """--verbose names every file; --quiet prints nothing when all went well."""
        assert main(["convert", str(ARTICLES), "-o", str(tmp_path / "v"), "-v"]) == 0
        err = capsys.readouterr().err
        assert f"{ARTICLES / 'ferry.txt'} -> {tmp_path / 'v' / 'ferry.json'}" in err
        assert main(["convert", str(ARTICLES), "-o", str(tmp_path / "q"), "-q"]) == 0
        assert capsys.readouterr().err == ""

    def test_progress_bar_only_on_a_terminal(self, tmp_path, monkeypatch, capsys):
        """A terminal gets a tqdm bar with the file count; a pipe gets none."""
        tty = io.StringIO()
        monkeypatch.setattr(tty, "isatty", lambda: True, raising=False)
        monkeypatch.setattr(sys, "stderr", tty)
        assert main(["convert", str(ARTICLES), "-o", str(tmp_path / "a")]) == 0
        assert re.search(r"2/2 \[.*file/s\]", tty.getvalue())
        monkeypatch.undo()
        assert main(["convert", str(ARTICLES), "-o", str(tmp_path / "b")]) == 0
        assert "file/s" not in capsys.readouterr().err

    def test_newsml_folder(self, tmp_path):
        """--to newsml writes one NewsML-G2 .xml per input."""
        out = tmp_path / "out"
        assert main(["convert", str(ARTICLES), "--to", "newsml", "-o", str(out), "-q"]) == 0
        files = sorted(out.iterdir())
        assert [p.name for p in files] == ["ferry.xml", "library.xml"]
        assert all(etree.parse(str(p)).getroot().tag == f"{NAR}newsItem" for p in files)


class TestBatchParts:
    def test_destination_replaces_the_ending(self, tmp_path):
        """The output keeps the input's place and name, with the format's ending."""
        assert destination(tmp_path, Path("a/b.txt"), "newsml") == tmp_path / "a" / "b.xml"
        assert destination(tmp_path, Path("README"), "ninjs") == tmp_path / "README.ninjs.json"

    def test_atomic_file_never_clobbers(self, tmp_path):
        """Without force an existing file is kept and FileExistsError raised."""
        dest = write(tmp_path / "x.json", "old")
        with pytest.raises(FileExistsError), atomic_file(dest, force=False) as out:
            out.write(b"new")
        assert dest.read_text(encoding="utf-8") == "old"
        assert [p.name for p in tmp_path.iterdir()] == ["x.json"]

    def test_atomic_file_leaves_nothing_on_error(self, tmp_path):
        """An error inside the block leaves neither the file nor its temporary."""
        dest = tmp_path / "sub" / "x.json"

        def half_written() -> None:
            with atomic_file(dest, force=True) as out:
                out.write(b"half")
                raise RuntimeError

        with pytest.raises(RuntimeError):
            half_written()
        assert list((tmp_path / "sub").iterdir()) == []

    def test_workers_functions_pickle(self):
        """What the process pool ships (functions and jobs) pickles by reference."""
        job = Job(source="x.txt", dest=None, settings=Settings(target="jsonl"))
        assert pickle.loads(pickle.dumps(job)) == job
        assert pickle.loads(pickle.dumps(convert_chunk)) is convert_chunk
        assert pickle.loads(pickle.dumps(file_to_jsonl)) is file_to_jsonl

    def test_convert_job_never_raises_on_bugs(self, monkeypatch):
        """An unexpected exception in a parser becomes the file's error."""

        def broken(*_args, **_kwargs):
            raise KeyError("boom")

        monkeypatch.setattr("newsmodel._batch.convert_bytes", broken)
        job = Job(source="-", dest=None, settings=Settings(), data=b"x")
        assert convert_job(job).error == "internal error: KeyError: 'boom'"

    def test_render_text_round_trips_through_parse_text(self):
        """--to text output reads back as the same headline and paragraphs."""
        article = ruiz_article()
        (again,) = read_articles(render(article, "text"), source="text")
        assert (again.headline, again.paragraphs) == (article.headline, article.paragraphs)


class TestShow:
    def test_summary_of_a_full_article(self, capsys):
        """show prints headline, date, authors, people and who said what."""
        assert main(["show", str(DATA / "ruiz.json")]) == 0
        out = capsys.readouterr().out
        assert "Headline:  Harbour council approves new ferry route" in out
        assert "Published: 2024-03-05T10:30:00+01:00 (5 March 2024, 10:30 CET)" in out
        assert "Authors:   Jon Tamsen" in out
        assert "aliases: Ruiz" in out
        assert "titles:  the council's transport chief" in out
        rows = [
            line.split() for line in out.splitlines() if "Marta Ruiz" in line and "said" in line
        ]
        assert rows
        assert rows[0][-1] == "direct"
        expected = r"Marta Ruiz\s+added\s+tickets would go on sale in May\s+indirect\n\s+\(Ruiz\)\n"
        assert re.search(expected, out)

    def test_table_wraps_to_the_width(self, capsys):
        """No line of the table is wider than --width."""
        assert main(["show", str(DATA / "ruiz.json"), "--width", "60"]) == 0
        table = capsys.readouterr().out.split("Who said what")[1]
        assert max(map(len, table.splitlines())) <= 60

    def test_text_input(self, capsys):
        """show reads any format; an article with no statements says so."""
        assert main(["show", str(ARTICLES / "more" / "orchard.txt"), "--no-analysis"]) == 0
        out = capsys.readouterr().out
        assert "Headline:  Orchard harvest best in a decade" in out
        assert "(no statements found)" in out

    def test_missing_file(self, tmp_path, capsys):
        """A file that cannot be read: status 1 and path: reason."""
        missing = tmp_path / "missing.json"
        assert main(["show", str(missing)]) == 1
        assert f"{missing}: cannot read: No such file or directory" in capsys.readouterr().err

    def test_unreadable_content(self, tmp_path, capsys):
        """A document that is no article: status 1 and the reader's reason."""
        bad = write(tmp_path / "bad.json", '{"schema_version": "newsmodel-article/1"}')
        assert main(["show", str(bad)]) == 1
        assert f"{bad}: invalid article" in capsys.readouterr().err


@needs_standards
class TestValidate:
    @pytest.fixture
    def schemas(self) -> Path:
        assert SHARED is not None
        return SHARED / "standards"

    def test_valid_newsml(self, schemas, capsys):
        """IPTC's NITF skeleton is valid NewsML-G2: status 0."""
        item = schemas / "newsml-g2" / "skeletons" / "article-newsItem-nitf.xml"
        assert main(["validate", "--schemas", str(schemas), str(item)]) == 0
        assert capsys.readouterr().out == f"{item}: valid NewsML-G2\n"

    def test_invalid_newsml_names_the_line(self, schemas, capsys):
        """An incomplete item is invalid; the problem is given with its line."""
        item = schemas / "newsml-g2" / "unit_tests" / "should_fail" / "2.29_001_incomplete_file.xml"
        assert main(["validate", "--schemas", str(schemas), str(item)]) == 1
        out = capsys.readouterr().out
        assert f"{item}: invalid NewsML-G2 (1 problem)" in out
        assert "line 9: Element 'nar:newsItem': Missing child element(s)" in out

    def test_nitf_body_is_checked(self, schemas, tmp_path, capsys):
        """A bogus element inside the NITF body is caught (the driver schema is used)."""
        skeleton = schemas / "newsml-g2" / "skeletons" / "article-newsItem-nitf.xml"
        text = skeleton.read_text(encoding="utf-8")
        assert "<body.content>" in text
        bad = write(
            tmp_path / "bad.xml", text.replace("<body.content>", "<body.content><bogus/>", 1)
        )
        assert main(["validate", "--schemas", str(schemas), str(bad)]) == 1
        assert "bogus" in capsys.readouterr().out

    def test_not_well_formed(self, schemas, tmp_path, capsys):
        """Broken XML is reported with its line."""
        bad = write(tmp_path / "bad.xml", "<newsItem>\n<itemMeta>\n</newsItem>\n")
        assert main(["validate", "--schemas", str(schemas), str(bad)]) == 1
        assert re.search(r"line 3: .*mismatch", capsys.readouterr().out)

    def test_entities_are_not_expanded(self, schemas, tmp_path, capsys):
        """An external entity is never read (hardened parser)."""
        secret = write(tmp_path / "secret.txt", "TOP-SECRET")
        doc = (
            f'<!DOCTYPE x [<!ENTITY e SYSTEM "file://{secret}">]>'
            '<newsItem xmlns="http://iptc.org/std/nar/2006-10-01/">&e;</newsItem>'
        )
        bad = write(tmp_path / "xxe.xml", doc)
        assert main(["validate", "--schemas", str(schemas), str(bad)]) == 1
        assert "TOP-SECRET" not in capsys.readouterr().out

    def test_newsml_1_is_named(self, schemas, tmp_path, capsys):
        """A NewsML 1.x file is invalid and said to be NewsML 1.x."""
        old = write(tmp_path / "old.xml", "<NewsML Version='1.2'/>")
        assert main(["validate", "--schemas", str(schemas), str(old)]) == 1
        assert "NewsML 1.x, not NewsML-G2" in capsys.readouterr().out

    def test_ninjs(self, schemas, tmp_path, capsys):
        """IPTC's ninjs example is valid; an unknown key makes it invalid at its path."""
        pytest.importorskip("jsonschema")
        good = schemas / "ninjs" / "examples" / "004_simple_text_article.json"
        assert main(["validate", "--schemas", str(schemas), str(good)]) == 0
        assert "valid ninjs 3.1" in capsys.readouterr().out
        document = json.loads(good.read_text(encoding="utf-8"))
        document["keywordz"] = ["x"]
        bad = write(tmp_path / "bad.json", json.dumps(document))
        assert main(["validate", "--schemas", str(schemas), str(bad)]) == 1
        out = capsys.readouterr().out
        assert f"{bad}: invalid ninjs 3.1" in out
        assert "keywordz" in out

    def test_newsmodel_json(self, schemas, tmp_path, capsys):
        """newsmodel JSON is checked by reading it back; problems name their path."""
        data = json.loads(to_json(ruiz_article()))
        good = write(tmp_path / "good.json", json.dumps(data))
        data["statements"][0]["kind"] = "shouted"
        bad = write(tmp_path / "bad.json", json.dumps(data))
        assert main(["validate", "--schemas", str(schemas), str(good), str(bad)]) == 1
        out = capsys.readouterr().out
        assert f"{good}: valid newsmodel JSON" in out
        assert f"{bad}: invalid newsmodel JSON" in out
        assert "at $.statements[0].kind" in out

    def test_schemas_from_the_environment(self, schemas, monkeypatch, capsys):
        """NEWSMODEL_SCHEMAS is used when --schemas is not given."""
        monkeypatch.setenv("NEWSMODEL_SCHEMAS", str(schemas))
        item = schemas / "newsml-g2" / "skeletons" / "minimal-newsItem.xml"
        assert main(["validate", str(item)]) == 0
        assert "valid NewsML-G2" in capsys.readouterr().out

    def test_no_schemas_is_a_usage_error(self, monkeypatch, capsys):
        """Without --schemas or NEWSMODEL_SCHEMAS: status 2 and how to fix it."""
        monkeypatch.delenv("NEWSMODEL_SCHEMAS", raising=False)
        assert main(["validate", "x.xml"]) == 2
        assert "give --schemas DIR or set NEWSMODEL_SCHEMAS" in capsys.readouterr().err

    def test_missing_schema_file_is_a_usage_error(self, tmp_path, capsys):
        """A schemas folder without the G2 schema: status 2, naming the file."""
        item = write(
            tmp_path / "item.xml", '<newsItem xmlns="http://iptc.org/std/nar/2006-10-01/"/>'
        )
        assert main(["validate", "--schemas", str(tmp_path), str(item)]) == 2
        assert "G2-plus-NITF-2.35.xsd not found" in capsys.readouterr().err

    def test_missing_jsonschema_is_said_clearly(self, schemas, tmp_path, monkeypatch, capsys):
        """Without jsonschema, checking ninjs says what to install (status 2)."""
        monkeypatch.setitem(sys.modules, "jsonschema", None)
        doc = write(tmp_path / "n.json", '{"uri": "urn:x"}')
        assert main(["validate", "--schemas", str(schemas), str(doc)]) == 2
        assert "needs the jsonschema package" in capsys.readouterr().err

    def test_our_newsml_is_valid(self, schemas, tmp_path, capsys):
        """What convert --to newsml writes passes the G2 + NITF schema."""
        out = tmp_path / "out"
        assert main(["convert", str(ARTICLES), "--to", "newsml", "-o", str(out), "-q"]) == 0
        files = [str(p) for p in sorted(out.iterdir())]
        assert main(["validate", "--schemas", str(schemas), *files]) == 0, capsys.readouterr().out


class TestExample:
    def test_table_and_json(self, capsys):
        """example --to json prints the who-said-what table, then the article as JSON."""
        assert main(["example", "--to", "json"]) == 0
        out = capsys.readouterr().out
        table, _, document = out.partition("\n\n{")
        assert "Who said what" in table
        article = from_json("{" + document)
        assert any("Molotkov" in p for p in article.paragraphs)

    def test_newsml_by_default(self, capsys):
        """example prints the NewsML-G2 of the example article by default."""
        assert main(["example"]) == 0
        out = capsys.readouterr().out
        assert "Who said what" in out
        assert "<newsItem" in out
        assert "Molotkov" in out


class TestProcess:
    @staticmethod
    def run(*args: str, stdin: bytes = b"") -> subprocess.CompletedProcess[bytes]:
        env = dict(os.environ)
        env["PYTHONPATH"] = os.pathsep.join(
            filter(None, [str(ROOT / "src"), env.get("PYTHONPATH")])
        )
        return subprocess.run(
            [sys.executable, "-m", "newsmodel", *args],
            input=stdin,
            capture_output=True,
            env=env,
            cwd=ROOT,
            timeout=120,
            check=False,
        )

    def test_end_to_end(self, tmp_path):
        """python -m newsmodel converts a folder with two workers and a bad file: status 1."""
        write(tmp_path / "in" / "empty.txt", b"")
        for n in range(5):
            write(tmp_path / "in" / f"{n}.txt", story(n))
        out = tmp_path / "all.jsonl"
        done = self.run("convert", str(tmp_path / "in"), "--to", "jsonl", "-o", str(out), "-j", "2")
        assert done.returncode == 1, done.stderr
        assert b"empty.txt: the text is empty" in done.stderr
        assert b"converted 5 of 6 files; 1 failed" in done.stderr
        assert b"file/s" not in done.stderr  # stderr is a pipe: no progress bar
        headlines = [
            from_json(line).headline for line in out.read_text(encoding="utf-8").splitlines()
        ]
        assert headlines == [f"Story number {n}" for n in range(5)]

    def test_stdin_stdout_and_usage(self):
        """stdin to stdout through a real pipe; a usage error exits 2."""
        done = self.run("convert", "-", "--to", "text", stdin=story(3).encode())
        assert done.returncode == 0, done.stderr
        assert done.stdout.decode().startswith("Story number 3\n\n")
        assert self.run("convert").returncode == 2


class TestScaleRecipe:
    def test_dask_recipe_from_the_docs_runs(self, tmp_path, monkeypatch):
        """The Dask recipe in docs/scale.md converts a small corpus to JSON Lines."""
        pytest.importorskip("dask.bag")
        import dask

        page = (ROOT / "docs" / "scale.md").read_text(encoding="utf-8")
        recipe = re.search(r"<!-- tested: dask -->\s*```python\n(.*?)```", page, re.DOTALL)
        assert recipe, "docs/scale.md lost its tested Dask recipe"
        for n in range(5):
            write(tmp_path / "corpus" / "news" / f"{n:02d}.txt", story(n))
        write(tmp_path / "corpus" / "news" / "bad.txt", b"")
        monkeypatch.chdir(tmp_path)
        with dask.config.set(scheduler="synchronous"):
            exec(compile(recipe.group(1), "docs/scale.md", "exec"), {})
        lines = [
            line
            for part in sorted((tmp_path / "jsonl").glob("part-*.jsonl"))
            for line in part.read_text(encoding="utf-8").splitlines()
        ]
        assert sorted(from_json(line).headline for line in lines) == [
            f"Story number {n}" for n in range(5)
        ]
        failures = (tmp_path / "failures.txt").read_text(encoding="utf-8")
        assert "bad.txt" in failures


if __name__ == "__main__":  # regenerate tests/data/cli/ruiz.json
    (DATA / "ruiz.json").write_text(to_json(ruiz_article(), indent=2) + "\n", encoding="utf-8")
