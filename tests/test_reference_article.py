"""The reference article, checked end to end and scored by the project's own gold scorer."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from claimcheck import pipeline
from claimcheck.read import read_path
from claimcheck.report.models import Report
from tests._reference import SHARED, assert_spans_index_text, score_gold

ARTICLE = SHARED / "examples" / "000_38fea552f3d89d61.txt"
GOLD = SHARED / "spec" / "seed-gold.yaml"

pytestmark = pytest.mark.skipif(not ARTICLE.exists(), reason="../shared is not beside the checkout")


@pytest.fixture(scope="module")
def report() -> Report:
    return Report(documents=pipeline.check_sources([read_path(str(ARTICLE))], pipeline.Options(lang="de")))


def test_scores_against_seed_gold(report: Report, tmp_path: Path) -> None:
    run = score_gold(report, GOLD, tmp_path)
    assert run.returncode == 0, run.stdout


def test_spans_index_the_text(report: Report) -> None:
    assert_spans_index_text(report, ARTICLE.read_text(encoding="utf-8"))


def test_programme_and_outlet_names_are_not_quotes(report: Report) -> None:
    quotes = {c.text.strip('"„“') for c in report.documents[0].claims if c.kind == "direct_quote"}
    assert not quotes & {"Caren Miosga", "New York Times", "Washington Post"}


def test_credit_line(report: Report) -> None:
    assert [c.name for c in report.documents[0].credits] == ["dpa"]
    json.loads(report.model_dump_json())
