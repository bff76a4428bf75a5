"""Huge documents in bounded memory: split a text into paragraph-aligned chunks, parse and
analyse each chunk on its own, and merge the per-chunk reports into one.

    for start, end in chunk_spans(src.text, max_chars):
        doc = parser.parse([src.text[start:end]], lang)[0]     # offsets relative to the chunk
        doc = shift_parsed(doc, start, src.text)              # offsets into the whole text
        parts.append(analyse_parsed(src, doc, ...))           # spans, lines, columns: absolute
    report = merge_reports(parts)

Chunks are contiguous and cover the whole text (`text[s:e]` over all spans == text), each at
most `max_chars` long. A chunk ends, in order of preference, after a blank line (paragraph
break: `\\n\\n`, `\\r\\n\\r\\n`, `\\r\\r`, blank lines with spaces), after a line break, after a
sentence end (`. ! ? …` plus closing quotes, then whitespace), after whitespace, or, for a run
of `max_chars` characters without any of these, at a hard limit that does not split a CRLF
or a character from its combining marks / emoji joiners. A text that fits is one chunk.

What crosses a chunk boundary is lost: a continuation ("Demnach ...") whose antecedent lies in
the previous chunk. Chunks are large (DEFAULT_MAX_CHARS ≈ 15 pages), so this only touches
documents that are far longer than a news article.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence

from claimcheck.nlp.doc import ParsedDoc
from claimcheck.report.models import DocumentReport, Summary

DEFAULT_MAX_CHARS = 50_000

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


def shift_parsed(doc: ParsedDoc, offset: int, text: str) -> ParsedDoc:
    """A chunk's parse → the same parse with offsets into the whole `text` (changed in place).

    `doc.text` must be `text[offset:offset + len(doc.text)]`; the result's `text` is `text`
    (shared, not copied) and every sentence, token and entity span moves by `offset`.
    """
    if text[offset : offset + len(doc.text)] != doc.text:
        raise ValueError("shift_parsed: the chunk is not at this offset of the text")
    if offset:
        for sent in doc.sentences:
            sent.start += offset
            sent.end += offset
            for tok in sent.tokens:
                tok.start += offset
                tok.end += offset
            for ent in sent.entities:
                ent.start += offset
                ent.end += offset
    doc.text = text
    return doc


def _ordered_union(lists: Sequence[Sequence[str]]) -> list[str]:
    seen: dict[str, None] = {}
    for items in lists:
        for item in items:
            seen.setdefault(item, None)
    out = list(seen)
    if all(list(items) == sorted(items) for items in lists):
        out.sort()
    return out


def summarize(report: DocumentReport, speakers: list[str], outlets: list[str]) -> Summary:
    """The summary counts of a report, recomputed from its claims and findings."""
    status = [c.status for c in report.claims]
    severity = [f.severity for f in report.findings]
    return Summary(
        claims=len(report.claims),
        sourced=status.count("sourced"),
        weakly_sourced=status.count("weakly_sourced"),
        unsourced=status.count("unsourced"),
        findings=len(report.findings),
        errors=severity.count("error"),
        warnings=severity.count("warning"),
        infos=severity.count("info"),
        speakers=speakers,
        outlets=outlets,
    )


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
    merged.summary = summarize(
        merged,
        _ordered_union([p.summary.speakers for p in parts]),
        _ordered_union([p.summary.outlets for p in parts]),
    )
    return merged
