"""Quotation marks → quote spans, over the raw text (quotes cross sentence boundaries).

Pairs every German and English style: „…“ „…” »…« «…» ‚…‘ “…” ‘…’ and straight "…", and the
two-character ASCII marks of wire and archive text: ''…'' (LexisNexis copies of the New York
Times) and ``…'' (typewriter style).
A quote that never closes within its paragraph ends with the paragraph when the next paragraph
opens with a quotation mark (journalists re-open a quote carried on over paragraphs); otherwise
it is dropped rather than swallowing the rest of the text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# opening mark → closing marks that may end it
PAIRS: dict[str, tuple[str, ...]] = {
    "„": ("“", "”", '"'),
    "»": ("«",),
    "«": ("»",),
    "“": ("”", "“"),
    "‚": ("‘", "’"),
    "‘": ("’",),  # British primary quotes, American headline quotes
    '"': ('"', "”"),  # sloppy copy mixes them: "But Pete Wilson won,” Axelrod said.
    "''": ("''",),
    "``": ("''",),
}
SINGLE_OPEN = {"‚", "‘"}
DOUBLE_MARKS = ("''", "``")  # two-character marks; tokens of them have these texts
ALL_MARKS = set("„“”»«‚‘’\"") | set(DOUBLE_MARKS)
_PARAGRAPH_BREAK = re.compile(r"\n\s*\n")
MAX_QUOTE_CHARS = 5000


@dataclass(frozen=True, slots=True)
class Quote:
    start: int  # offset of the opening mark
    end: int  # offset just after the closing mark
    inner_start: int
    inner_end: int

    def inner(self, text: str) -> str:
        return text[self.inner_start : self.inner_end]


# words written with a leading apostrophe that a typesetter may have turned into ‘ (‘90s, rock ‘n’ roll)
_ELIDED = re.compile(r"(?:\d|em\b|n\b|n’|til\b|cause\b|tis\b|twas\b)", re.IGNORECASE)


def _is_apostrophe(text: str, i: int) -> bool:
    """’ or ‘ between letters (Trump’s, geht’s) is an apostrophe, not a quote; so is ‘ before ‘90s or ‘em."""
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    if text[i] == "‘" and _ELIDED.match(text, i + 1):
        return True
    return before.isalnum() and (after.isalnum() or after in " .,;:!?")


def _mark_at(text: str, i: int) -> str:
    """The quotation mark starting at `i` ('' and `` are one mark), or the character there."""
    two = text[i : i + 2]
    return two if two in DOUBLE_MARKS else text[i]


def _opens_here(text: str, i: int, width: int = 1) -> bool:
    """A straight or ambiguous mark opens when it is not glued to the word before it."""
    before = text[i - 1] if i > 0 else " "
    after = text[i + width] if i + width < len(text) else " "
    return (before.isspace() or before in "([{-–—/:") and not after.isspace()


def _double_marks_quote(text: str, lang: str | None) -> bool:
    """'' is a quotation mark only in English text that quotes that way: in wiki text it marks italics
    (''sine glossa''), and German never quotes with it. The document's majority decides."""
    doubled = text.count("''")
    return lang != "de" and doubled > 0 and doubled > sum(text.count(c) for c in '„“”"»«')


def _reopens(text: str, k: int) -> bool:
    """The paragraph at `k` opens with a quotation mark (a quote carried on from the paragraph before)."""
    mark = _mark_at(text, k) if k < len(text) else ""
    return mark in PAIRS and mark not in SINGLE_OPEN and _opens_here(text, k, len(mark))


def find_quotes(text: str, lang: str | None = None) -> list[Quote]:
    """All top-level quote spans, in text order. Nested quotes (‚…‘ inside „…“) are not split out."""
    quotes: list[Quote] = []
    scanned: dict[str, int] = {}
    i = 0
    n = len(text)
    double_marks_quote = _double_marks_quote(text, lang)
    while i < n:
        ch = _mark_at(text, i)
        if ch in DOUBLE_MARKS and not double_marks_quote:
            i += 2
            continue
        if ch not in PAIRS:
            i += 1
            continue
        if ch in SINGLE_OPEN and _is_apostrophe(text, i):
            i += 1
            continue
        if ch in ('"', "“", "«", "''", "‘") and not _opens_here(text, i, len(ch)):
            i += 1
            continue
        closers = PAIRS[ch]
        limit = min(n, i + MAX_QUOTE_CHARS)
        para = _PARAGRAPH_BREAK.search(text, i + 1, limit)
        stop = para.start() if para else limit
        # an earlier opener of this kind already found no closer up to `scanned`: start there (keeps it linear)
        j = max(i + len(ch), scanned.get(ch, 0))
        found, width = -1, 1
        while j < stop:
            c = _mark_at(text, j)
            glued = c in ("’", "‘") and j + 1 < n and text[j + 1].isalnum() and text[j - 1].isalnum()
            # sloppy copy closes a curly quote with a straight mark after the last word: “highly significant."
            straight_close = ch == "“" and c == '"' and text[j - 1] in ".,!?" and not (
                j + 1 < n and text[j + 1].isalnum())
            if (c in closers or straight_close) and not glued:
                # a straight quote that is followed directly by a letter opens a nested quote
                if c == '"' and ch == '"' and j + 1 < n and text[j + 1].isalnum() and text[j - 1].isspace():
                    j += 1
                    continue
                found, width = j, len(c)
                break
            j += 1
        if found < 0 and para is not None and _reopens(text, para.end()) and ch not in SINGLE_OPEN and not any(
                m in text[i + len(ch) : para.start()] for m in ('"', "”", "“", "„", "«", "»", "''")):
            # the quote goes on in the next paragraph, which opens with a mark again: this part ends
            # with its paragraph
            end = len(text[: para.start()].rstrip())
            if end > i + len(ch):
                quotes.append(Quote(i, end, i + len(ch), end))
                scanned.clear()
                i = end
                continue
        if found < 0:
            scanned[ch] = stop
            i += 1  # unbalanced: skip this mark, keep looking
            continue
        scanned.clear()
        if found > i + len(ch):
            quotes.append(Quote(i, found + width, i + len(ch), found))
        i = found + width
    return quotes
