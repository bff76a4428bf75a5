"""The English reference article (harbor bridge), checked end to end with the English parser models
and scored by the project's own gold scorer, like tests/test_reference_article.py for German."""

from __future__ import annotations

from pathlib import Path

import pytest

from claimcheck import pipeline
from claimcheck.read import read_path
from claimcheck.report.models import Report
from tests._reference import SHARED, assert_spans_index_text, has_models, score_gold

ARTICLE = SHARED / "examples" / "harbor-bridge-en.md"
GOLD = SHARED / "spec" / "harbor-bridge-en-gold.yaml"


pytestmark = [
    pytest.mark.skipif(not ARTICLE.exists(), reason="../shared is not beside the checkout"),
    pytest.mark.skipif(not has_models("en"), reason="no English parser models"),
]


@pytest.fixture(scope="module")
def report() -> Report:
    return Report(documents=pipeline.check_sources([read_path(str(ARTICLE))], pipeline.Options(lang="auto")))


def test_detected_as_english(report: Report) -> None:
    assert report.documents[0].language == "en"


def test_scores_against_harbor_gold(report: Report, tmp_path: Path) -> None:
    run = score_gold(report, GOLD, tmp_path)
    assert run.returncode == 0, run.stdout


def test_spans_index_the_text(report: Report) -> None:
    assert_spans_index_text(report, ARTICLE.read_text(encoding="utf-8"))


def test_unknown_outlet_and_findings(report: Report) -> None:
    doc = report.documents[0]
    outlets = {c.outlet.name for c in doc.claims if c.outlet is not None}
    assert {"Reuters", "Harbor Gazette", "Associated Press"} <= outlets
    codes = sorted(f.code for f in doc.findings)
    assert codes.count("CC101") >= 2  # the bridge's traffic figure and the construction time
    assert "CC104" in codes  # "Critics say"
    assert "CC105" not in codes  # "reportedly" is answered by the Gazette
