"""The reference article, checked end to end and scored by the project's own gold scorer."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from claimcheck import pipeline
from claimcheck.read import read_path
from claimcheck.report.models import Report

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
ARTICLE = SHARED / "examples" / "000_38fea552f3d89d61.txt"
GOLD = SHARED / "spec" / "seed-gold.yaml"
SCORER = SHARED / "tools" / "score_gold.py"

pytestmark = pytest.mark.skipif(not ARTICLE.exists(), reason="../shared is not beside the checkout")


@pytest.fixture(scope="module")
def report() -> Report:
    return Report(documents=pipeline.check_sources([read_path(str(ARTICLE))], pipeline.Options(lang="de")))


def test_scores_against_seed_gold(report: Report, tmp_path: Path) -> None:
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
        if claim.cue is not None:
            assert text[claim.cue.start : claim.cue.end] == claim.cue.text


def test_programme_and_outlet_names_are_not_quotes(report: Report) -> None:
    quotes = {c.text.strip('"„“') for c in report.documents[0].claims if c.kind == "direct_quote"}
    assert not quotes & {"Caren Miosga", "New York Times", "Washington Post"}


def test_credit_line(report: Report) -> None:
    assert [c.name for c in report.documents[0].credits] == ["dpa"]
    json.loads(report.model_dump_json())
