"""Property-based: random Unicode text (news-like pieces, unbalanced quotes, emoji, combining
marks, control characters) through the claim/attribution/judge stages on hand-built parses of
any shape. The stages never raise; every span indexes the text exactly; ids and references are
consistent; every output format renders and parses.

A second property runs the real parser on a few generated texts (skipped without models).
"""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from claimcheck import pipeline
from claimcheck.errors import ModelError
from claimcheck.read import read_text
from claimcheck.report import render
from claimcheck.report.models import DocumentReport, Report
from claimcheck.rules import load_rules
from tests._robust import build_parsed, span_problems

WORDS = [
    # German and English news words, cue verbs, markers, sources, outlets, pronouns
    "Der", "Die", "Das", "Sprecher", "Regierung", "Polizei", "Olaf", "Scholz", "Merz", "Putin", "sagte", "sagt",
    "berichtete", "erklärte", "schrieb", "hieß", "es", "sei", "seien", "habe", "werde", "könne", "dass", "laut",
    "zufolge", "nach", "Angaben", "unter", "Berufung", "auf", "Kreise", "Experten", "Kritiker", "Demnach",
    "Weiter", "angeblich", "offenbar", "er", "sie", "wir", "dpa", "Reuters", "AFP", "Spiegel", "ARD",
    "Süddeutsche", "Zeitung", "The", "New", "York", "Times", "said", "told", "according", "to", "officials",
    "sources", "he", "she", "the", "government", "reported", "Mit", "Informationen", "von", "Berichten",
    "2024", "12", "3,5", "Prozent", "Millionen", "Euro", "Tote", "Verletzte", "nicht", "kein", "Minister",
]
MARKS = ["„", "“", "”", '"', "»", "«", "‚", "‘", "’", "'", "(", ")", ",", ".", ":", ";", "!", "?", "—", "…", "-"]
ODD = [
    "🙂", "👩\u200d👩\u200d👧", "🇩🇪", "👍🏽", "1️⃣", "e\u0301", "u\u0308", "\u200b", "\u00ad", "\ufeff", "\u202e",
    "\x0b", "\x0c", "\x1b[31m", "\u2028", "𝔘", "Сергей", "習近平", "الجزيرة", "\t", "\xa0", "\u3000",
]
SEPARATORS = [" ", " ", " ", "", "\n", "\n\n", "\r\n", "\r\n\r\n", "\r", "  "]

PIECE = st.one_of(
    st.sampled_from(WORDS), st.sampled_from(WORDS), st.sampled_from(MARKS), st.sampled_from(ODD),
    st.text(max_size=6),
)
TEXT = st.lists(st.tuples(PIECE, st.sampled_from(SEPARATORS)), max_size=60).map(
    lambda parts: "".join(p + s for p, s in parts)
)


def check_report(doc: DocumentReport, text: str) -> None:
    assert span_problems(doc, text) == []
    ids = [c.id for c in doc.claims]
    assert len(ids) == len(set(ids))
    assert all(c.inherited_from in ids for c in doc.claims if c.inherited_from is not None)
    assert all(f.claim in ids for f in doc.findings if f.claim is not None)
    assert doc.summary.claims == len(doc.claims)
    assert doc.summary.findings == len(doc.findings)
    assert all(c.paragraph >= 0 for c in doc.claims)
    report = Report(documents=[doc])
    for fmt in render.FORMATS:
        out = render.render(report, fmt, texts={doc.path: text})
        assert isinstance(out, str)
        if fmt in ("json", "sarif", "gitlab"):
            json.loads(out)
        elif fmt == "rdjsonl":
            for line in out.splitlines():
                json.loads(line)
        elif fmt == "junit":
            ET.fromstring(out.encode("utf-8"))


@given(text=TEXT, lang=st.sampled_from(["de", "en"]), data=st.data())
@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
def test_rule_stages_on_random_text(text: str, lang: str, data: st.DataObject) -> None:
    def choose(options):
        return data.draw(st.sampled_from(list(options)))

    parsed = build_parsed(text, lang, choose)
    doc = pipeline.analyse_parsed(read_text(text, "t.txt"), parsed, load_rules(), pipeline.Options())
    check_report(doc, text)


@given(text=st.text(max_size=300), lang=st.sampled_from(["de", "en"]))
@settings(max_examples=100, deadline=None)
def test_rule_stages_on_any_unicode(text: str, lang: str) -> None:
    doc = pipeline.analyse_parsed(read_text(text, "t.txt"), build_parsed(text, lang), load_rules(), pipeline.Options())
    check_report(doc, text)


def _parser_available() -> bool:
    try:
        from claimcheck.nlp.models import resolve

        resolve("de")
        return True
    except (ModelError, ImportError):
        return False


@pytest.mark.skipif(not _parser_available(), reason="no German parser models")
@given(text=TEXT.filter(lambda t: t.strip() != ""))
@settings(max_examples=4, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_real_parser_on_random_text(text: str) -> None:
    from claimcheck.nlp import parser

    (parsed,) = parser.parse([text], "de")
    assert parsed.text == text
    for sent in parsed.sentences:
        assert 0 <= sent.start <= sent.end <= len(text)
        for tok in sent.tokens:
            assert sent.start <= tok.start <= tok.end <= sent.end
    doc = pipeline.analyse_parsed(read_text(text, "t.txt"), parsed, load_rules(), pipeline.Options())
    check_report(doc, text)
