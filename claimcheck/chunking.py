"""Huge documents in bounded memory: split a text into paragraph-aligned chunks, parse and
analyse each chunk as a document of its own, and merge the per-chunk reports into one.

    report = analyse_in_chunks(source, parse_one, analyse_one)   # what the pipeline calls

Chunks are contiguous and cover the whole text (`text[s:e]` over all spans == text), each at
most `max_chars` long. A chunk ends, in order of preference, after a blank line (paragraph
break: `\\n\\n`, `\\r\\n\\r\\n`, `\\r\\r`, blank lines with spaces), after a line break, after a
sentence end (`. ! ? …` plus closing quotes, then whitespace), after whitespace, or, for a run
of `max_chars` characters without any of these, at a hard limit that does not split a CRLF
or a character from its combining marks / emoji joiners. A text that fits is one chunk.

Each chunk is analysed on its own text (the rule stages scan their whole text several times,
so handing them the full 50 MB text per chunk would be quadratic); `shift_report` then moves
every span to the whole text and recomputes line, column and paragraph there. What crosses a
chunk boundary is lost: a continuation ("Demnach ...") whose antecedent lies in the previous
chunk. Chunks are large (DEFAULT_MAX_CHARS ≈ 15 pages), so only documents far longer than a
news article are split at all.
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from collections.abc import Callable, Sequence
from typing import TypeVar

from pydantic import BaseModel

from claimcheck.nlp.doc import ParsedDoc
from claimcheck.read import Source
from claimcheck.report.build import summarize
from claimcheck.report.models import DocumentReport

DEFAULT_MAX_CHARS = 50_000
_M = TypeVar("_M", bound=BaseModel)

# a line break, then blank lines (possibly holding spaces/tabs): cut after the whole run
_PARAGRAPH = re.compile(r"(?:\r\n|\r|\n)(?:[ \t\f\v]*(?:\r\n|\r|\n))+")
_LINE = re.compile(r"\r\n|\r|\n")
# the look-behind and possessive quantifiers keep a long run of dots linear, not quadratic
_SENTENCE = re.compile(r"(?<![.!?…。！？])[.!?…。！？]++[\"'»«“”„‘’)\]]*+\s+")
_SPACE = re.compile(r"\s+")

_JOINERS = {"\u200d", "\u034f", "\u20e3"}  # zero-width joiner, grapheme joiner, keycap


def _last_end(pattern: re.Pattern[str], text: str, lo: int, hi: int) -> int | None:
    """End of the last match of `pattern` inside text[lo:hi] that ends after lo, or None."""
    last = None
    for m in pattern.finditer(text, lo, hi):
        if m.end() > lo:
            last = m.end()
    return last


def _glued(text: str, i: int) -> bool:
    """True when cutting before text[i] would split a CRLF, a combining sequence or an emoji cluster."""
    if i <= 0 or i >= len(text):
        return False
    prev, ch = text[i - 1], text[i]
    if prev == "\r" and ch == "\n":
        return True
    if unicodedata.combining(ch) or unicodedata.category(ch) in ("Mn", "Me", "Mc"):
        return True
    if ch in _JOINERS or prev in _JOINERS:
        return True
    if "\ufe00" <= ch <= "\ufe0f" or "\U000e0100" <= ch <= "\U000e01ef":  # variation selectors
        return True
    if "\U0001f3fb" <= ch <= "\U0001f3ff":  # skin-tone modifiers
        return True
    return "\U0001f1e6" <= prev <= "\U0001f1ff" and "\U0001f1e6" <= ch <= "\U0001f1ff"  # flag pairs


def _cut(text: str, lo: int, hi: int) -> int:
    """Where to end the chunk that starts at lo and may reach hi (lo < cut <= hi)."""
    for pattern in (_PARAGRAPH, _LINE, _SENTENCE, _SPACE):
        end = _last_end(pattern, text, lo, hi)
        if end is not None and not _glued(text, end):
            return end
    cut = hi
    while cut > lo + 1 and _glued(text, cut):
        cut -= 1
    if cut == lo + 1 and _glued(text, cut):  # one giant cluster: split it at the limit
        cut = hi
    return cut


def chunk_spans(text: str, max_chars: int = DEFAULT_MAX_CHARS) -> list[tuple[int, int]]:
    """Paragraph-aligned (start, end) spans that cover `text` in order, each at most `max_chars` long."""
    if max_chars < 1:
        raise ValueError("max_chars must be positive")
    spans: list[tuple[int, int]] = []
    pos, n = 0, len(text)
    while n - pos > max_chars:
        cut = _cut(text, pos, pos + max_chars)
        spans.append((pos, cut))
        pos = cut
    if pos < n or not spans:
        spans.append((pos, n))
    return spans


# the rule stages' paragraph definition (claimcheck.claims.paragraph_index): blank-line separated
_PARAGRAPH_BREAK = re.compile(r"\n\s*\n")


def paragraph_starts(text: str) -> list[int]:
    """Start offsets of the paragraphs of `text` (the first is 0)."""
    return [0, *(m.end() for m in _PARAGRAPH_BREAK.finditer(text))]


def _shift(obj: _M | None, offset: int) -> _M | None:
    """A report model with optional start/end, moved by `offset`."""
    if obj is None or offset == 0 or getattr(obj, "start", None) is None:
        return obj
    return obj.model_copy(update={"start": obj.start + offset, "end": obj.end + offset})


def shift_report(part: DocumentReport, offset: int, source: Source, paragraph_base: int = 0) -> DocumentReport:
    """A chunk's report (offsets into the chunk) → offsets, lines, columns and paragraphs of the whole `source`."""
    claims = []
    for c in part.claims:
        start, end = c.start + offset, c.end + offset
        line, column = source.position(start)
        claims.append(c.model_copy(update={
            "start": start, "end": end, "line": line, "column": column,
            "paragraph": c.paragraph + paragraph_base,
            "speaker": _shift(c.speaker, offset), "outlet": _shift(c.outlet, offset),
            "via": [_shift(v, offset) for v in c.via], "cue": _shift(c.cue, offset),
        }))
    findings = []
    for f in part.findings:
        start, end = f.start + offset, f.end + offset
        line, column = source.position(start)
        update = {"start": start, "end": end, "line": line, "column": column}
        if f.end_line is not None:
            update["end_line"], update["end_column"] = source.position(end)
        findings.append(f.model_copy(update=update))
    credits = [_shift(c, offset) for c in part.credits]
    return part.model_copy(update={"claims": claims, "findings": findings, "credits": credits})


def merge_reports(parts: Sequence[DocumentReport]) -> DocumentReport:
    """Per-chunk reports of one document (in text order, absolute offsets) → one report.

    Claim ids are renumbered c1, c2, ... across chunks, and `inherited_from` and finding
    `claim` references follow; credits and notes are de-duplicated; the summary is recomputed.
    """
    if not parts:
        raise ValueError("merge_reports: no parts")
    if len(parts) == 1:
        return parts[0]
    first = parts[0]
    merged = DocumentReport(path=first.path, language=first.language)
    n = 0
    for part in parts:
        ids: dict[str, str] = {}
        for claim in part.claims:
            n += 1
            ids[claim.id] = f"c{n}"
        for claim in part.claims:
            new = claim.model_copy(update={"id": ids[claim.id]})
            if claim.inherited_from is not None:
                new.inherited_from = ids.get(claim.inherited_from, claim.inherited_from)
            merged.claims.append(new)
        for finding in part.findings:
            new_f = finding.model_copy()
            if finding.claim is not None:
                new_f.claim = ids.get(finding.claim, finding.claim)
            merged.findings.append(new_f)
        for credit in part.credits:
            if credit not in merged.credits:
                merged.credits.append(credit)
        for note in part.notes:
            if note not in merged.notes:
                merged.notes.append(note)
    merged.summary = summarize(merged)
    return merged


def analyse_in_chunks(
    source: Source,
    parse: Callable[[str], ParsedDoc],
    analyse: Callable[[Source, ParsedDoc], DocumentReport],
    max_chars: int = DEFAULT_MAX_CHARS,
) -> DocumentReport:
    """Parse and analyse `source` chunk by chunk; only one chunk's parse is alive at a time.

    `parse(text)` parses one chunk's text; `analyse(chunk_source, parsed)` runs the rule stages
    on it (the pipeline passes `analyse_parsed` with its rules and options bound).
    """
    spans = chunk_spans(source.text, max_chars)
    if len(spans) == 1:
        return analyse(source, parse(source.text))
    starts = paragraph_starts(source.text)
    parts = []
    for start, end in spans:
        chunk = Source(path=source.path, original=source.original[start:end], text=source.text[start:end],
                       format=source.format)
        report = analyse(chunk, parse(chunk.text))
        base = bisect.bisect_right(starts, start) - 1
        parts.append(shift_report(report, start, source, base))
    return merge_reports(parts)
