"""The English reference article (harbor bridge), checked end to end with the English parser models
and scored by the project's own gold scorer, like tests/test_reference_article.py for German."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from claimcheck import pipeline
from claimcheck.errors import ModelError
from claimcheck.nlp.models import resolve
from claimcheck.read import read_path
from claimcheck.report.models import Report

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
ARTICLE = SHARED / "examples" / "harbor-bridge-en.md"
GOLD = SHARED / "spec" / "harbor-bridge-en-gold.yaml"
SCORER = SHARED / "tools" / "score_gold.py"


def _english_models() -> bool:
    try:
        resolve("en")
    except ModelError:
        return False
    return True


pytestmark = [
    pytest.mark.skipif(not ARTICLE.exists(), reason="../shared is not beside the checkout"),
    pytest.mark.skipif(not _english_models(), reason="no English parser models"),
]


@pytest.fixture(scope="module")
def report() -> Report:
    return Report(documents=pipeline.check_sources([read_path(str(ARTICLE))], pipeline.Options(lang="auto")))


def test_detected_as_english(report: Report) -> None:
    assert report.documents[0].language == "en"


def test_scores_against_harbor_gold(report: Report, tmp_path: Path) -> None:
    out = tmp_path / "report.json"
    out.write_text(report.model_dump_json(), encoding="utf-8")
    run = subprocess.run([sys.executable, str(SCORER), str(GOLD), str(out), "--min-attribution", "0.9",
                          "--min-kind", "0.8"], capture_output=True, text=True)
    assert run.returncode == 0, run.stdout


def test_spans_index_the_text(report: Report) -> None:
    text = ARTICLE.read_text(encoding="utf-8")
    doc = report.documents[0]
    for claim in doc.claims:
        assert text[claim.start : claim.end] == claim.text
        for who in (claim.speaker, claim.outlet):
            if who is not None and who.start is not None:
                assert text[who.start : who.end] == who.mention


def test_unknown_outlet_and_findings(report: Report) -> None:
    doc = report.documents[0]
    outlets = {c.outlet.name for c in doc.claims if c.outlet is not None}
    assert {"Reuters", "Harbor Gazette", "Associated Press"} <= outlets
    codes = sorted(f.code for f in doc.findings)
    assert codes.count("CC101") >= 2  # the bridge's traffic figure and the construction time
    assert "CC104" in codes  # "Critics say"
    assert "CC105" not in codes  # "reportedly" is answered by the Gazette
