"""Bad and odd inputs through the CLI: one line on stderr naming the file, exit 2, no traceback;
the other files of the run still checked and reported; odd-but-valid text analysed with exact offsets.

Every row of docs/robustness.md links to a test here. Input errors run in-process (typer's
CliRunner; no parser needed); `/bin/ls`, `empty.txt`, unreadable files, the mixed run and the
odd-text batch run the real console script in a subprocess with the real parser.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import shutil
import subprocess
import sys
import time
import traceback
import tracemalloc
from pathlib import Path

import pytest
from typer.testing import CliRunner

from claimcheck import chunking, pipeline
from claimcheck.cli import app
from claimcheck.errors import InputError, ModelError
from claimcheck.nlp.doc import ParsedDoc
from claimcheck.read import Source, _default_fallback, decode_bytes, read_path, read_text
from claimcheck.report.models import DocumentReport
from claimcheck.rules import load_rules
from tests._robust import build_parsed, span_problems

REPO = Path(__file__).resolve().parents[1]
GERMAN = (
    "Bundeskanzler Olaf Scholz will wieder mit Wladimir Putin sprechen. "
    '"Ja, ich habe mir vorgenommen, mit dem russischen Präsidenten zu sprechen", sagte der SPD-Politiker. '
    "Aber er mache das nicht im Alleingang. Die Regierung hat den Haushalt beschlossen."
)
RUSSIAN = "Путин сказал, что Россия готова к переговорам с Украиной, сообщает агентство ТАСС со ссылкой на Кремль."


def _models_available() -> bool:
    try:
        from claimcheck.nlp.models import resolve

        return resolve("de").source in ("bundled", "stanza", "env", "explicit")
    except (ModelError, ImportError):
        return False


needs_parser = pytest.mark.skipif(not _models_available(), reason="no German parser models")


def cli(*args: str, stdin: bytes | None = None, cwd: Path | None = None, prefix: tuple[str, ...] = ()):
    """The real console entry point (`claimcheck.cli:run`) in a subprocess."""
    env = {**os.environ, "PYTHONWARNINGS": "ignore"}
    return subprocess.run(
        [*prefix, sys.executable, "-c", "from claimcheck.cli import run; run()", *args],
        input=stdin if stdin is not None else b"",
        capture_output=True,
        env=env,
        cwd=cwd,
        timeout=600,
    )


def invoke(*args: str, cwd: Path | None = None, stdin: bytes | None = None) -> subprocess.CompletedProcess:
    """The CLI in-process (parser models stay loaded between tests); same result shape as `cli`."""
    with contextlib.chdir(cwd or Path.cwd()):
        r = CliRunner().invoke(app, list(args), input=stdin)
    stderr = r.stderr_bytes or b""
    if r.exception is not None and not isinstance(r.exception, SystemExit):
        stderr += ("Traceback (in-process)\n" + "".join(traceback.format_exception(r.exception))).encode()
    return subprocess.CompletedProcess(list(args), r.exit_code, r.stdout_bytes, stderr)


def assert_one_line_error(stderr: str, path: str, phrase: str) -> None:
    assert "Traceback" not in stderr, stderr
    lines = stderr.strip("\n").split("\n")
    assert len(lines) == 1, stderr
    assert lines[0].startswith(f"claimcheck: error: {path}: "), lines[0]
    assert re.search(phrase, lines[0]), lines[0]


# ---- input errors, one file per run (in-process) ----------------------------------------------

PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00\x1f\x15\xc4\x89"
PDF = b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n"

# file contents → what the one-line message must say (a regex: the wording may vary, the meaning not)
EMPTY = r"empty|nothing to check"
BAD_FILES: dict[str, tuple[bytes, str]] = {
    "empty": (b"", EMPTY),
    "whitespace": (" \n\t\r\n\r \u3000\u00a0\n".encode(), EMPTY),
    "bom-only": (b"\xef\xbb\xbf", EMPTY),
    "bom-whitespace": (b"\xef\xbb\xbf \r\n\r\n", EMPTY),
    "pdf": (PDF, r"binary file \(PDF"),
    "png": (PNG, r"binary file \(PNG"),
    "nul-bytes": (("Der Kanzler sagte etwas.\x00" * 20).encode(), r"binary file \(.*NUL"),
    "zip-not-docx": (b"PK\x03\x04\x14\x00\x06\x00\x08\x00\x00\x00!\x00" + b"data.csv", r"binary file|ZIP|docx"),
    "control-chars": (bytes(range(1, 9)) * 50 + b"abc\n", r"binary file"),
    "utf16-broken": (b"\xff\xfeH\x00a\x00\x00\xd8", r"(?i)not valid UTF-16|invalid utf-16"),
}


@pytest.mark.parametrize("name", sorted(BAD_FILES))
def test_bad_file(tmp_path: Path, name: str) -> None:
    data, phrase = BAD_FILES[name]
    path = tmp_path / f"{name}.txt"
    path.write_bytes(data)
    result = CliRunner().invoke(app, ["check", str(path)])
    assert result.exit_code == 2, result.output
    assert_one_line_error(result.stderr, str(path), phrase)


def test_missing_file(tmp_path: Path) -> None:
    path = tmp_path / "nope.txt"
    result = CliRunner().invoke(app, ["check", str(path)])
    assert result.exit_code == 2
    assert_one_line_error(result.stderr, str(path), "no such file")


def test_path_through_a_file(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(GERMAN)
    path = tmp_path / "a.txt" / "b.txt"
    result = CliRunner().invoke(app, ["check", str(path)])
    assert result.exit_code == 2
    assert_one_line_error(result.stderr, str(path), "no such file")


def test_directory(tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["check", str(tmp_path)])
    assert result.exit_code == 2
    assert_one_line_error(result.stderr, str(tmp_path), "is a directory")


def test_name_too_long(tmp_path: Path) -> None:
    path = str(tmp_path / ("x" * 300))
    result = CliRunner().invoke(app, ["check", path])
    assert result.exit_code == 2
    assert_one_line_error(result.stderr, path, r"cannot read|name too long")


@pytest.mark.skipif(not Path("/proc/self/mem").exists(), reason="needs Linux /proc")
def test_io_error() -> None:
    result = CliRunner().invoke(app, ["check", "/proc/self/mem"])
    assert result.exit_code == 2
    assert_one_line_error(result.stderr, "/proc/self/mem", "cannot read")


def test_over_max_bytes(tmp_path: Path) -> None:
    path = tmp_path / "big.txt"
    path.write_text(GERMAN)
    result = CliRunner().invoke(app, ["check", "--max-bytes", "100", str(path)])
    assert result.exit_code == 2
    assert_one_line_error(result.stderr, str(path), r"over the limit of 100 \(--max-bytes\)")


def test_over_default_limit_is_not_read(tmp_path: Path) -> None:
    """A sparse 50 MB + 1 byte file: refused from its size, before reading a byte."""
    path = tmp_path / "huge.txt"
    with open(path, "wb") as fh:
        fh.truncate(50 * 1024 * 1024 + 1)
    result = CliRunner().invoke(app, ["check", str(path)])
    assert result.exit_code == 2
    assert_one_line_error(result.stderr, str(path), "over the limit of 52428800")


@needs_parser
def test_invalid_utf8(tmp_path: Path) -> None:
    """Legacy 8-bit text: decoded by the legacy-encoding detector (with a note), else a clear refusal."""
    data = "Die Stadt hat 3 Millionen Einwohner, sagte der Bürgermeister.\nGrüße aus Köln".encode("cp1252")
    path = tmp_path / "latin1.txt"
    path.write_bytes(data)
    result = invoke("check", "--format", "json", "--exit-zero", "latin1.txt", cwd=tmp_path)
    stderr = result.stderr.decode()
    assert "Traceback" not in stderr
    if result.returncode == 2:
        assert_one_line_error(stderr, "latin1.txt", r"not valid UTF-8 \(byte")
    else:
        assert result.returncode == 0, stderr
        (doc,) = json.loads(result.stdout)["documents"]
        assert any("decoded as" in note for note in doc["notes"]), doc["notes"]


def test_invalid_utf8_message() -> None:
    """Without a legacy decoder the message names the first bad byte and where it is."""
    data = "Die Stadt hat 3 Millionen Einwohner.\nGrüße aus Köln".encode("cp1252")
    with pytest.raises(InputError, match=r"x.txt: not valid UTF-8 \(byte 0xFC at line 2, column 3\)"):
        decode_bytes(data, "x.txt", fallback=lambda _data, _path: None)
    if _default_fallback() is not None:
        text, note = decode_bytes(data, "x.txt")
        assert text == data.decode("cp1252") and "decoded" in note


def test_legacy_hook_is_used() -> None:
    data = "Grüße".encode("cp1252")
    text, note = decode_bytes(data, "x.txt", fallback=lambda d, _p: (d.decode("cp1252"), "decoded as windows-1252"))
    assert text == "Grüße" and note == "decoded as windows-1252"


def test_stdin_errors() -> None:
    runner = CliRunner()
    empty = runner.invoke(app, ["check", "-"], input=b"")
    assert empty.exit_code == 2
    assert_one_line_error(empty.stderr, "-", "empty")
    binary = runner.invoke(app, ["check", "-"], input=PNG)
    assert binary.exit_code == 2
    assert_one_line_error(binary.stderr, "-", r"binary file \(PNG")
    big = runner.invoke(app, ["check", "--max-bytes", "10", "-"], input=GERMAN.encode())
    assert big.exit_code == 2
    assert_one_line_error(big.stderr, "-", r"limit.*\(--max-bytes\)")


def test_unsupported_lang_option(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text(GERMAN)
    result = CliRunner().invoke(app, ["check", "--lang", "fr", str(path)])
    assert result.exit_code == 2
    assert "Traceback" not in result.stderr
    assert result.stderr.count("\n") == 1 and "unsupported language 'fr'" in result.stderr


def test_unsupported_language_names_file(tmp_path: Path) -> None:
    path = tmp_path / "ru.txt"
    path.write_text(RUSSIAN)
    result = CliRunner().invoke(app, ["check", str(path)])
    assert result.exit_code == 2
    assert_one_line_error(result.stderr, str(path), r"language not recognised as German or English \(Cyrillic script")


# ---- the real console script: one-line message, no traceback ---------------------------------


def test_bin_ls() -> None:
    result = cli("check", "/bin/ls")
    assert result.returncode == 2
    assert_one_line_error(result.stderr.decode(), "/bin/ls", r"binary file \(executable")


def test_empty_txt(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_bytes(b"")
    result = cli("check", "empty.txt", cwd=tmp_path)
    assert result.returncode == 2
    assert_one_line_error(result.stderr.decode(), "empty.txt", EMPTY)


def test_unreadable_file(tmp_path: Path) -> None:
    """chmod 000. Root reads everything, so as root the check runs without CAP_DAC_OVERRIDE."""
    prefix: tuple[str, ...] = ()
    if os.geteuid() == 0:
        setpriv = shutil.which("setpriv")
        if setpriv is None:
            pytest.skip("running as root without setpriv: cannot make a file unreadable")
        prefix = (setpriv, "--bounding-set=-dac_override,-dac_read_search")
    path = tmp_path / "secret.txt"
    path.write_text(GERMAN)
    path.chmod(0)
    try:
        result = cli("check", str(path), prefix=prefix)
    finally:
        path.chmod(0o644)
    assert result.returncode == 2, result.stderr
    assert_one_line_error(result.stderr.decode(), str(path), "permission denied")


# ---- a mixed run: bad files reported, good files still checked -------------------------------


@needs_parser
def test_other_files_still_checked(tmp_path: Path) -> None:
    (tmp_path / "good.txt").write_text(GERMAN)
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "image.png").write_bytes(PNG)
    (tmp_path / "ru.txt").write_text(RUSSIAN)
    (tmp_path / "good2.txt").write_text(GERMAN.replace("Scholz", "Merz"))
    names = ["empty.txt", "good.txt", "missing.txt", "image.png", "ru.txt", "good2.txt"]
    result = invoke("check", "--format", "json", *names, cwd=tmp_path)
    stderr = result.stderr.decode()
    assert result.returncode == 2, stderr
    assert "Traceback" not in stderr
    lines = stderr.strip().split("\n")
    assert [line.split(": ")[2] for line in lines] == ["empty.txt", "missing.txt", "image.png", "ru.txt"], stderr
    report = json.loads(result.stdout)
    assert [d["path"] for d in report["documents"]] == ["good.txt", "good2.txt"]
    assert [e["path"] for e in report["errors"]] == ["empty.txt", "missing.txt", "image.png", "ru.txt"]
    assert all(d["claims"] for d in report["documents"])


# ---- odd but valid text: analysed, every span exact ----------------------------------------

LONG_LINE = " ".join(
    f"Der Sprecher sagte, im Jahr {2000 + i % 25} seien {i} Menschen gekommen." for i in range(4000)
)[:200_000]

ODD_TEXTS: dict[str, bytes] = {
    "bom.txt": b"\xef\xbb\xbf" + GERMAN.encode(),
    "utf16.txt": GERMAN.encode("utf-16"),
    "crlf.txt": GERMAN.replace(". ", ".\r\n").encode() + b"\r\n\r\n" + GERMAN.encode() + b"\r\n",
    "lone-cr.txt": GERMAN.replace(". ", ".\r").encode() + b"\r\r" + GERMAN.encode(),
    "unbalanced-quotes.txt": (
        "„Wir werden das nicht zulassen, sagte Scholz. Die Regierung prüfe alle Optionen.\n\n"
        "Sie sagte: „Er meinte ‚das geht so nicht‘ und ging.“ Dann „ging er“ „ „ “ “.\n\n"
        '»Niemand wusste es«, sagte sie. "Halb offen“ und ” falsch herum „ sagte er.\n\n'
        "Der Minister sagte: „Das ist das Ende"
    ).encode(),
    "mixed-scripts.txt": (
        "Der russische Außenminister Sergej Lawrow (Сергей Лавров) sagte, die Gespräche seien gescheitert. "
        "Die Zeitung Καθημερινή berichtete, Athen sei besorgt. Laut الجزيرة gab es 12 Tote. "
        "Der Sprecher von 习近平 sagte, China werde reagieren. שלום sagte niemand."
    ).encode(),
    "emoji.txt": (
        "🇩🇪👩‍👩‍👧 Bundeskanzler 👍🏽 Olaf Scholz 😀 sagte, er 🎉 wolle wieder mit Putin sprechen. "
        "„Das ist 💯 richtig 🙂“, sagte er. 1️⃣ Die Regierung 🏛️ hat den Haushalt beschlossen. 𝔘𝔫𝔦𝔠𝔬𝔡𝔢!"
    ).encode(),
    "combining.txt": (
        "Der Bu\u0308rgermeister von Ko\u0308ln sagte, die Bru\u0308cke sei marode. "
        "Laut Polizei gab es Zeugen. Z\u0335a\u0336l\u0337g\u0338o\u0334 sagte nichts. "
        "e\u0301\u0302\u0303\u0304\u0305\u0306 sagte, alles sei gut."
    ).encode(),
    "controls-and-invisibles.txt": (
        "Der Kanzler\u00ad sagte,\u200b er\u2060 wolle\ufeff reden.\x0b\x0cDie Regierung\u2028hat\u2029beschlossen. "
        "\x1b[31mRot\x1b[0m sagte, das sei gut. Tab\tgetrennt sagte er.\u202eEGAP\u202c Ende."
    ).encode(),
}


@pytest.fixture(scope="module")
def odd_run(tmp_path_factory: pytest.TempPathFactory):
    folder = tmp_path_factory.mktemp("odd")
    for name, data in ODD_TEXTS.items():
        (folder / name).write_bytes(data)
    result = invoke("check", "--format", "json", "--exit-zero", *ODD_TEXTS, cwd=folder)
    return folder, result


@needs_parser
@pytest.mark.parametrize("name", list(ODD_TEXTS))
def test_odd_text(odd_run, name: str) -> None:
    folder, result = odd_run
    stderr = result.stderr.decode()
    assert result.returncode == 0, stderr
    assert "Traceback" not in stderr
    docs = {d["path"]: d for d in json.loads(result.stdout)["documents"]}
    doc = docs[name]
    text = read_path(str(folder / name)).text
    assert doc["claims"], f"{name}: no claims found"
    assert span_problems(doc, text) == []


def test_long_line_bounded() -> None:
    """A single 200,000-character line: split at sentence ends into chunks, analysed chunk by chunk
    (hand-built parses; the real parser on this line is in bench/fuzz_cli.py --long-line)."""
    assert len(LONG_LINE) == 200_000 and "\n" not in LONG_LINE
    source = read_text(LONG_LINE, "long-line.txt")
    spans = chunking.chunk_spans(LONG_LINE)
    assert len(spans) in (4, 5) and all(LONG_LINE[e - 2 : e] == ". " for _, e in spans[:-1])

    def analyse(src: Source, parsed: ParsedDoc) -> DocumentReport:
        return pipeline.analyse_parsed(src, parsed, load_rules(), pipeline.Options())

    started = time.perf_counter()
    report = chunking.analyse_in_chunks(source, build_parsed, analyse)
    assert time.perf_counter() - started < 60
    assert len(report.claims) > 3000
    assert span_problems(report, LONG_LINE) == []


def test_bom_dropped_crlf_kept() -> None:
    text, _ = decode_bytes(ODD_TEXTS["bom.txt"], "bom.txt")
    assert text == GERMAN
    crlf, _ = decode_bytes(ODD_TEXTS["crlf.txt"], "crlf.txt")
    assert "\r\n" in crlf and crlf == ODD_TEXTS["crlf.txt"].decode()
    src = read_text("a\r\nb\rc\nd")
    assert [src.position(i) for i in (0, 3, 5, 7)] == [(1, 1), (2, 1), (3, 1), (4, 1)]


@needs_parser
def test_text_output_has_no_terminal_escapes(tmp_path: Path) -> None:
    """Control characters from the input must not reach the terminal (ANSI injection)."""
    (tmp_path / "esc.txt").write_bytes(ODD_TEXTS["controls-and-invisibles.txt"])
    result = invoke("check", "--lang", "de", "--exit-zero", "esc.txt", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert b"\x1b" not in result.stdout


# ---- 50 MB: bounded memory ------------------------------------------------------------------


def test_50mb_read_in_bounded_memory(tmp_path: Path) -> None:
    """Reading a 50 MB file costs about its size twice (bytes + str), not more."""
    paragraph = ("Der Sprecher sagte, die Lage sei ernst. Die Regierung hat reagiert. " * 10).strip() + "\n\n"
    size = 50 * 1024 * 1024
    path = tmp_path / "fifty.txt"
    with open(path, "w", encoding="utf-8") as fh:
        for _ in range(size // len(paragraph)):
            fh.write(paragraph)
    tracemalloc.start()
    try:
        src = read_path(str(path))
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert len(src.text) > 0.99 * size
    assert peak < 2.6 * size, f"peak {peak / 2**20:.0f} MiB for a {size / 2**20:.0f} MiB file"
    spans = chunking.chunk_spans(src.text)
    assert spans[0][0] == 0 and spans[-1][1] == len(src.text)
    assert all(e - s <= chunking.DEFAULT_MAX_CHARS for s, e in spans)
    assert all(src.text[s - 2 : s] == "\n\n" for s, _ in spans[1:])  # paragraph-aligned
