"""Every finding rule's own examples, run through the real pipeline (like sqlfluff's YAML test cases).

rules/findings/CCxxx.yaml carries `examples: {lang: {flag: [...], pass: [...]}}`: each `flag`
text must raise the code, each `pass` text must not. A newsroom's rule folder is tested the same way.
"""

from __future__ import annotations

import functools

import pytest

from claimcheck import pipeline
from claimcheck.read import read_text
from claimcheck.rules import load_rules
from tests._reference import has_models

RULES = load_rules().all_findings()
CASES = [
    (code, lang, verdict, text)
    for code, rule in RULES.items()
    for lang, examples in rule.examples.items()
    for verdict, texts in (("flag", examples.flag), ("pass", examples.pass_))
    for text in texts
]


@functools.cache
def _codes(lang: str) -> dict[str, set[str]]:
    """Check all example texts of one language in one batch (one parser load)."""
    texts = sorted({text for _, lg, _, text in CASES if lg == lang})
    reports = pipeline.check_sources([read_text(t, f"example-{i}") for i, t in enumerate(texts)],
                                     pipeline.Options(lang=lang))
    return {t: {f.code for f in r.findings} for t, r in zip(texts, reports, strict=True)}


def test_every_rule_has_examples() -> None:
    for code, rule in RULES.items():
        assert rule.examples, f"{code} has no examples"
        for lang, ex in rule.examples.items():
            assert ex.flag and ex.pass_, f"{code}/{lang} needs both flag and pass examples"


IDS = [f"{c}-{lg}-{v}-{i}" for i, (c, lg, v, _) in enumerate(CASES)]


@pytest.mark.parametrize(("code", "lang", "verdict", "text"), CASES, ids=IDS)
def test_rule_example(code: str, lang: str, verdict: str, text: str) -> None:
    if not has_models(lang):
        pytest.skip(f"no {lang} parser models in this checkout")
    found = _codes(lang)[text]
    if verdict == "flag":
        assert code in found, f"{code} should flag: {text!r} (found {sorted(found)})"
    else:
        assert code not in found, f"{code} should pass: {text!r}"
