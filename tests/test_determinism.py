"""Determinism: the same input gives byte-identical JSON, whatever PYTHONHASHSEED is, in whatever
order the files are named, and whether a document is checked alone or in a batch."""

from __future__ import annotations

import contextlib
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from claimcheck.cli import app
from claimcheck.errors import ModelError

DOCS = {
    "a.txt": (
        "Bundeskanzler Olaf Scholz will wieder mit Wladimir Putin sprechen. "
        "„Ja, ich habe mir vorgenommen, mit dem russischen Präsidenten zu sprechen“, sagte der SPD-Politiker. "
        "Aber er mache das nicht im Alleingang.\n\n"
        "Laut Polizei gab es 12 Verletzte. Die Regierung hat den Haushalt beschlossen. "
        "Nach Angaben der Zeitung sollen Experten und Kritiker gewarnt haben."
    ),
    "b.txt": (
        "Die Grünen-Chefin sagte der Süddeutschen Zeitung, die Koalition sei am Ende. Kritiker sehen das anders.\n\n"
        "Demnach soll das Ministerium bereits im Sommer gewarnt haben. Das berichtete der Spiegel unter "
        "Berufung auf informierte Kreise. 3,5 Millionen Menschen sind betroffen. 🙂"
    ),
    "c.md": (
        "# Haushalt\n\nDer Finanzminister sagte, das Defizit werde steigen. **Die Opposition** widersprach.\n\n"
        "- Laut dpa sind 40 Prozent der Mittel gebunden.\n"
    ),
}


def _parser_available() -> bool:
    try:
        from claimcheck.nlp.models import resolve

        resolve("de")
        return True
    except (ModelError, ImportError):
        return False


pytestmark = pytest.mark.skipif(not _parser_available(), reason="no German parser models")


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("det")
    for name, text in DOCS.items():
        (root / name).write_text(text, encoding="utf-8")
    return root


def invoke(folder: Path, *names: str) -> bytes:
    with contextlib.chdir(folder):
        result = CliRunner().invoke(app, ["check", "--format", "json", "--exit-zero", *names])
    assert result.exit_code == 0, (result.stderr, result.exception)
    return result.stdout_bytes


def per_document(output: bytes) -> dict[str, str]:
    return {d["path"]: json.dumps(d, sort_keys=True) for d in json.loads(output)["documents"]}


@pytest.fixture(scope="module")
def reference(folder: Path) -> bytes:
    return invoke(folder, *DOCS)


def test_same_input_twice_is_byte_identical(folder: Path, reference: bytes) -> None:
    assert invoke(folder, *DOCS) == reference


def test_file_order_does_not_change_results(folder: Path, reference: bytes) -> None:
    reversed_run = invoke(folder, *reversed(DOCS))
    assert [d["path"] for d in json.loads(reversed_run)["documents"]] == list(reversed(DOCS))
    assert per_document(reversed_run) == per_document(reference)


def test_alone_or_in_a_batch(folder: Path, reference: bytes) -> None:
    assert per_document(invoke(folder, "b.txt"))["b.txt"] == per_document(reference)["b.txt"]


def test_independent_of_hash_seed(folder: Path, reference: bytes) -> None:
    """A fresh process with a fixed PYTHONHASHSEED prints exactly what this process (another seed) printed."""
    seed = "1" if os.environ.get("PYTHONHASHSEED") == "0" else "0"
    env = {**os.environ, "PYTHONHASHSEED": seed, "PYTHONWARNINGS": "ignore"}
    result = subprocess.run(
        [sys.executable, "-c", "from claimcheck.cli import run; run()", "check", "--format", "json", "--exit-zero",
         *DOCS],
        capture_output=True, env=env, cwd=folder, timeout=600,
    )
    assert result.returncode == 0, result.stderr.decode()[-2000:]
    assert result.stdout == reference
