"""Huge documents: paragraph-aligned chunks (claimcheck.chunking), analysed one at a time and merged
with exact offsets, lines, columns and paragraphs in the whole text."""

from __future__ import annotations

import itertools
import time
import unicodedata

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from claimcheck import chunking, pipeline
from claimcheck.nlp.doc import ParsedDoc
from claimcheck.read import Source, read_text
from claimcheck.report.models import DocumentReport
from claimcheck.rules import load_rules
from tests._robust import build_parsed, span_problems

PIECES = st.sampled_from(
    ["Der Sprecher sagte, es sei gut.", " ", "\n", "\n\n", "\r\n", "\r\n\r\n", "\r", "\r\r", " \n \n", "...",
     "e\u0301", "👩\u200d👩\u200d👧", "🇩🇪", "👍🏽", "„", "“", "x" * 40, "\t", "!", "?"]
)
TEXTS = st.one_of(st.lists(PIECES, max_size=80).map("".join), st.text(max_size=400))


def check_spans(text: str, spans: list[tuple[int, int]], max_chars: int) -> None:
    assert "".join(text[s:e] for s, e in spans) == text
    assert spans[0][0] == 0 and spans[-1][1] == len(text)
    for (_, e1), (s2, _) in itertools.pairwise(spans):
        assert e1 == s2
    for s, e in spans:
        assert 0 < e - s <= max_chars or (text == "" and s == e == 0)
        if 0 < s < len(text):
            assert text[s - 1 : s + 1] != "\r\n", "a CRLF split"


@given(TEXTS, st.integers(min_value=2, max_value=120))
@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_chunks_cover_the_text(text: str, max_chars: int) -> None:
    check_spans(text, chunking.chunk_spans(text, max_chars), max_chars)


def test_paragraph_aligned() -> None:
    para = "Der Sprecher sagte, die Lage sei ernst. Die Regierung hat reagiert.\n\n"
    text = para * 2000
    spans = chunking.chunk_spans(text, 5000)
    assert all(text[s - 2 : s] == "\n\n" for s, _ in spans[1:])
    assert all(5000 - len(para) < e - s <= 5000 for s, e in spans[:-1])


def test_one_long_line_splits_at_sentences_then_spaces_then_hard() -> None:
    line = "Der Sprecher sagte, im Jahr 2020 seien 12 Menschen gekommen. " * 4000  # 244,000 chars, no newline
    spans = chunking.chunk_spans(line, 50_000)
    assert all(line[e - 2 : e] == ". " for _, e in spans[:-1])
    words = "wort " * 50_000
    assert all(words[e - 1] == " " for _, e in chunking.chunk_spans(words, 50_000)[:-1])
    blob = "x" * 200_000
    assert [e - s for s, e in chunking.chunk_spans(blob, 50_000)] == [50_000] * 4


def test_no_split_inside_a_character() -> None:
    text = ("e\u0301" * 10 + "👩\u200d👩\u200d👧" + "🇩🇪") * 500
    for max_chars in (7, 50, 333):
        for s, _ in chunking.chunk_spans(text, max_chars)[1:]:
            assert not unicodedata.combining(text[s]) and text[s] != "\u200d" and text[s - 1] != "\u200d"


def test_pathological_inputs_are_fast() -> None:
    for text in ("." * 200_000, " " * 200_000, "\n \n" * 70_000, "!?" * 100_000, "\u0301" * 200_000):
        started = time.perf_counter()
        check_spans(text, chunking.chunk_spans(text, 50_000), 50_000)
        assert time.perf_counter() - started < 2, repr(text[:10])


ARTICLE = "\n\n".join(
    f"Der Sprecher der Stadt {i} sagte, die Brücke sei marode. Laut Polizei gab es {i} Verletzte. "
    f"„Wir prüfen das“, sagte Scholz.\r\nDie Regierung hat den Haushalt beschlossen. 🙂 Ko\u0308ln {i}."
    for i in range(60)
)


def _analyse(src: Source, parsed: ParsedDoc) -> DocumentReport:
    return pipeline.analyse_parsed(src, parsed, load_rules(), pipeline.Options())


def test_chunked_analysis_matches_whole_analysis() -> None:
    source = read_text(ARTICLE, "a.txt")
    whole = _analyse(source, build_parsed(ARTICLE))
    chunked = chunking.analyse_in_chunks(source, build_parsed, _analyse, max_chars=900)
    assert len(chunking.chunk_spans(ARTICLE, 900)) > 10
    assert span_problems(chunked, ARTICLE) == []
    key = [(c.start, c.end, c.text, c.line, c.column, c.paragraph, c.kind) for c in whole.claims]
    assert [(c.start, c.end, c.text, c.line, c.column, c.paragraph, c.kind) for c in chunked.claims] == key
    assert [c.id for c in chunked.claims] == [f"c{n}" for n in range(1, len(chunked.claims) + 1)]
    ids = {c.id for c in chunked.claims}
    assert all(f.claim in ids for f in chunked.findings)
    assert all(c.inherited_from in ids for c in chunked.claims if c.inherited_from)
    assert [(f.start, f.code, f.line, f.end_line) for f in chunked.findings] == [
        (f.start, f.code, f.line, f.end_line) for f in whole.findings
    ]
    assert chunked.summary == whole.summary


def test_single_chunk_is_passed_through() -> None:
    source = read_text(ARTICLE, "a.txt")
    calls = []

    def parse(text: str) -> ParsedDoc:
        calls.append(len(text))
        return build_parsed(text)

    chunking.analyse_in_chunks(source, parse, _analyse)
    assert calls == [len(ARTICLE)]
