"""claimcheck never writes to its input files: content hashes, sizes, modes and mtimes are the
same after a run, no file appears next to them, and --output / --write-baseline refuse to
overwrite an input."""

from __future__ import annotations

import contextlib
import hashlib
import os
from pathlib import Path

import pytest
from typer.testing import CliRunner

from claimcheck.cli import app
from claimcheck.errors import ModelError

INPUTS = {
    "article.txt": b"Der Sprecher sagte, die Lage sei ernst.\r\nLaut Polizei gab es 12 Verletzte.\n",
    "article.md": b"# Titel\n\nDie Ministerin sagte, das Gesetz komme. **Kritiker** warnten.\n",
    "legacy.txt": "Der Bürgermeister sagte, die Brücke über den Fluss sei marode.".encode("cp1252"),
    "bom.txt": "\ufeffDie Regierung hat den Haushalt beschlossen.".encode(),
    "empty.txt": b"",
    "image.png": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR",
}


def _parser_available() -> bool:
    try:
        from claimcheck.nlp.models import resolve

        resolve("de")
        return True
    except (ModelError, ImportError):
        return False


def snapshot(folder: Path) -> dict[str, tuple]:
    out = {}
    for path in sorted(folder.rglob("*")):
        st = path.stat()
        digest = hashlib.sha256(path.read_bytes()).hexdigest() if path.is_file() else "dir"
        out[str(path.relative_to(folder))] = (digest, st.st_size, st.st_mode, st.st_mtime_ns, st.st_ino)
    return out


@pytest.fixture
def inputs(tmp_path: Path) -> Path:
    folder = tmp_path / "in"
    folder.mkdir()
    for name, data in INPUTS.items():
        (folder / name).write_bytes(data)
        os.utime(folder / name, ns=(1_600_000_000_000_000_000, 1_600_000_000_000_000_000))  # a fixed, old mtime
    return folder


def run(folder: Path, *args: str):
    with contextlib.chdir(folder):
        return CliRunner().invoke(app, ["check", *args])


@pytest.mark.skipif(not _parser_available(), reason="no German parser models")
def test_inputs_unchanged(inputs: Path) -> None:
    before = snapshot(inputs)
    result = run(inputs, "--format", "json", "--lang", "de", ".", *INPUTS)  # the folder, expanded, and each file
    assert result.exit_code == 2, (result.stderr, result.exception)  # empty.txt and image.png are errors
    assert 'article.md"' in result.stdout and 'legacy.txt"' in result.stdout
    assert snapshot(inputs) == before


@pytest.mark.parametrize("flag", ["--output", "--write-baseline"])
def test_report_cannot_overwrite_an_input(inputs: Path, flag: str) -> None:
    before = snapshot(inputs)
    result = run(inputs, flag, "./image.png", "image.png")
    assert result.exit_code == 2
    assert result.stderr.count("\n") == 1 and "would overwrite the input file" in result.stderr
    assert snapshot(inputs) == before
