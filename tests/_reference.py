"""Shared checks for the reference articles in ../shared: gold scoring, exact spans, model presence."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from claimcheck.report.models import Claim, DocumentReport, Report

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
SCORER = SHARED / "tools" / "score_gold.py"


def has_models(lang: str) -> bool:
    from claimcheck.errors import ModelError
    from claimcheck.nlp.models import resolve

    try:
        resolve(lang)
    except ModelError:
        return False
    return True


def check_text(text: str, lang: str) -> DocumentReport:
    """One text through the real pipeline (bundled models)."""
    from claimcheck import pipeline
    from claimcheck.read import read_text

    return pipeline.check_sources([read_text(text)], pipeline.Options(lang=lang))[0]


def claim_with(report: DocumentReport, words: str) -> Claim:
    """The first claim whose text contains `words`; fails with the claims found."""
    found = [c for c in report.claims if words in c.text]
    assert found, f"no claim contains {words!r}: {[c.text for c in report.claims]}"
    return found[0]


def score_gold(report: Report, gold: Path, tmp_path: Path) -> subprocess.CompletedProcess[str]:
    """Run the project's gold scorer at the CI thresholds on the report."""
    out = tmp_path / "report.json"
    out.write_text(report.model_dump_json(), encoding="utf-8")
    return subprocess.run([sys.executable, str(SCORER), str(gold), str(out), "--min-attribution", "0.9",
                           "--min-kind", "0.8"], capture_output=True, text=True)


def assert_spans_index_text(report: Report, text: str) -> None:
    """Every claim, speaker/outlet mention and cue span gives its own text back."""
    for claim in report.documents[0].claims:
        assert text[claim.start : claim.end] == claim.text
        for who in (claim.speaker, claim.outlet):
            if who is not None and who.start is not None:
                assert text[who.start : who.end] == who.mention
        if claim.cue is not None:
            assert text[claim.cue.start : claim.cue.end] == claim.cue.text
