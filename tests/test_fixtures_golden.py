"""Golden reports for the fixture articles (pytest-regressions): a change in output is a reviewed diff.

Regenerate after an intended change with `pytest tests/test_fixtures_golden.py --force-regen`
and review the diff of tests/test_fixtures_golden/ like code.
"""

from __future__ import annotations

import functools
import json
from pathlib import Path

import pytest

from claimcheck import pipeline
from claimcheck.read import read_path

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = sorted((ROOT / "fixtures").glob("[a-z][a-z]/*.txt"))


@functools.cache
def _reports() -> dict[str, dict]:
    """All fixtures in one batch per language: one parser load for the whole module."""
    out: dict[str, dict] = {}
    for lang in sorted({p.parent.name for p in FIXTURES}):
        paths = [p for p in FIXTURES if p.parent.name == lang]
        sources = [read_path(str(p.relative_to(ROOT))) for p in paths]
        for path, doc in zip(paths, pipeline.check_sources(sources, pipeline.Options(lang=lang)), strict=True):
            out[str(path.relative_to(ROOT))] = json.loads(doc.model_dump_json())
    return out


@pytest.mark.parametrize("path", FIXTURES, ids=[f"{p.parent.name}-{p.stem}" for p in FIXTURES])
def test_fixture_report(path: Path, data_regression, monkeypatch) -> None:
    monkeypatch.chdir(ROOT)
    report = _reports()[str(path.relative_to(ROOT))]
    text = path.read_text(encoding="utf-8")
    for claim in report["claims"]:
        assert text[claim["start"] : claim["end"]] == claim["text"]
    data_regression.check(report)
