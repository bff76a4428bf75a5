"""HTML (CMS exports) → analysed text of the same length as the file.

The standard library's tokenizer (`html.parser`) reports every tag, text run, entity and
comment with its line and column, so each construct's exact span in the file is known.
Every character of the output sits where its source character sits:

- text between tags is kept as written; entities are decoded in place (``&bdquo;Wir`` →
  ``„Wir`` followed by padding at the end of the word, so only the rest of that word shifts);
- tags, comments, doctypes and everything inside ``script``/``style``/``head``/``code``/``pre``
  (and similar) are blanked; line breaks of the file are kept;
- block tags (``p``, ``h1``-``h6``, ``li``, ``div``, ``blockquote`` …) become paragraph
  breaks, ``br`` a line break, so paragraphs stay paragraphs for the parser;
- inline tags inside a word (``Ge<b>setz</b>``) vanish without splitting the word;
- ``<q>…</q>`` becomes ``"…"`` and each paragraph of a ``<blockquote>`` is put in quotation
  marks (a ``<cite>``/``<footer>`` inside it is left outside the marks), so the claim
  engine sees a quotation where the page shows one.
"""

from __future__ import annotations

import html as _html
from html.parser import HTMLParser

# A placeholder for a character that is removed from inside a word; `compact` moves it
# to the end of the word as a space. NUL never occurs in decoded input (readers refuse it).
GAP = "\x00"

SKIP = frozenset(
    [
        "script",
        "style",
        "head",
        "title",
        "template",
        "noscript",
        "svg",
        "math",
        "iframe",
        "object",
        "canvas",
        "code",
        "pre",
        "textarea",
        "select",
    ]
)
BLOCK = frozenset(
    [
        "address",
        "article",
        "aside",
        "blockquote",
        "body",
        "caption",
        "dd",
        "details",
        "dialog",
        "div",
        "dl",
        "dt",
        "fieldset",
        "figcaption",
        "figure",
        "footer",
        "form",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "header",
        "hgroup",
        "hr",
        "html",
        "li",
        "main",
        "nav",
        "ol",
        "p",
        "section",
        "summary",
        "table",
        "tbody",
        "td",
        "tfoot",
        "th",
        "thead",
        "tr",
        "ul",
    ]
)
LINE_BREAK = frozenset({"br", "wbr"})
QUOTE_BREAKERS = frozenset({"cite", "footer", "figcaption"})  # text that names the source, not the quote
VOID = frozenset(
    ["area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr"]
)


def compact(chars: list[str]) -> str:
    """Remove GAP placeholders from inside words, padding each word at its end.

    A GAP at the start or end of a word, or in a run of GAPs between blanks, is a space;
    a GAP between two characters of a word is dropped and a space is added after the word.
    """
    out: list[str] = []
    i, n = 0, len(chars)
    while i < n:
        ch = chars[i]
        if ch != GAP and ch.isspace():
            out.append(ch)
            i += 1
            continue
        j = i
        while j < n and (chars[j] == GAP or not chars[j].isspace()):
            j += 1
        run = chars[i:j]
        first = next((k for k, c in enumerate(run) if c != GAP), None)
        if first is None:
            out.extend(" " * len(run))
        else:
            last = max(k for k, c in enumerate(run) if c != GAP)
            core = [c for c in run[first : last + 1] if c != GAP]
            out.extend(" " * first)
            out.extend(core)
            out.extend(" " * (len(run) - first - len(core)))
        i = j
    return "".join(out)


def normalise_breaks(text: str) -> str:
    """CRLF → " \n" and a lone CR → "\n" in the analysed text (same length; the original keeps its bytes)."""
    if "\r" not in text:
        return text
    return text.replace("\r\n", " \n").replace("\r", "\n")


def blank(raw: str) -> list[str]:
    """Spaces for every character, keeping the line breaks of the file."""
    return [c if c in "\r\n" else " " for c in raw]


def gaps(raw: str) -> list[str]:
    """GAPs for every character (removed inside words), keeping line breaks."""
    return [c if c in "\r\n" else GAP for c in raw]


def decode_entity(raw: str) -> list[str]:
    """`&uuml;` → ['ü', GAP, …]: the decoded character in place, the rest removed from the word."""
    decoded = _html.unescape(raw)
    if decoded == raw or len(decoded) > len(raw):
        return list(raw)
    decoded = "".join(" " if c.isspace() else c for c in decoded)  # &nbsp; &#10; → a plain space
    return list(decoded) + [GAP] * (len(raw) - len(decoded))


def _block_fill(raw: str, breaks: int) -> list[str]:
    out = blank(raw)
    if "\n" in raw:
        return out  # the tag already spans a line break
    at = 1 if len(raw) >= 4 else 0
    for k in range(breaks):
        if at + k < len(out):
            out[at + k] = "\n"
    return out


class _Events(HTMLParser):
    """Collects (offset, kind, tag) for every construct; spans run to the next event."""

    def __init__(self, line_starts: list[int]) -> None:
        super().__init__(convert_charrefs=False)
        self.line_starts = line_starts
        self.events: list[tuple[int, str, str]] = []

    def _add(self, kind: str, tag: str = "") -> None:
        line, col = self.getpos()
        self.events.append((self.line_starts[line - 1] + col, kind, tag))

    def handle_starttag(self, tag: str, attrs: list) -> None:
        self._add("start", tag)

    def handle_startendtag(self, tag: str, attrs: list) -> None:
        self._add("startend", tag)

    def handle_endtag(self, tag: str) -> None:
        self._add("end", tag)

    def handle_data(self, data: str) -> None:
        self._add("data")

    def handle_entityref(self, name: str) -> None:
        self._add("entity")

    def handle_charref(self, name: str) -> None:
        self._add("entity")

    def handle_comment(self, data: str) -> None:
        self._add("other")

    def handle_decl(self, decl: str) -> None:
        self._add("other")

    def unknown_decl(self, data: str) -> None:
        self._add("other")

    def parse_marked_section(self, i: int, report: int = 1) -> int:
        # html.parser raises AssertionError on "<![x" (a keyword it does not know): skip the "<![" as markup
        try:
            return super().parse_marked_section(i, report)
        except AssertionError:
            self._add("other")
            return i + 3

    def handle_pi(self, data: str) -> None:
        self._add("other")


def html_chars(original: str) -> list[str]:
    """Per-character analysed text (with GAPs) for an HTML document or fragment."""
    starts = [0] + [i + 1 for i, c in enumerate(original) if c == "\n"]  # html.parser counts "\n" only
    parser = _Events(starts)
    parser.feed(original)
    parser.close()
    events = sorted(set(parser.events))
    out = blank(original)
    skip: list[str] = []  # open elements whose content is not prose
    quote = _QuoteMarks(out)
    for k, (start, kind, tag) in enumerate(events):
        end = events[k + 1][0] if k + 1 < len(events) else len(original)
        if end <= start:
            continue
        raw = original[start:end]
        if kind == "data" or kind == "entity":
            if skip:
                continue
            out[start:end] = list(raw) if kind == "data" else decode_entity(raw)
            quote.text(start, end, raw)
            continue
        if kind == "other":  # comments, doctype, processing instructions
            continue
        opening = kind != "end"
        if tag == "body" and opening:
            skip = [t for t in skip if t not in ("head", "title")]
        if tag in SKIP and tag not in VOID:
            if kind == "start":
                skip.append(tag)
            elif kind == "end" and tag in skip:
                del skip[len(skip) - 1 - skip[::-1].index(tag) :]
        elif skip:
            pass
        elif tag in BLOCK or tag in LINE_BREAK:
            out[start:end] = _block_fill(raw, 1 if tag in LINE_BREAK else 2)
        elif tag == "q":
            out[start:end] = gaps(raw)
            out[end - 1 if opening else start] = '"'
        else:
            out[start:end] = gaps(raw)
        if not skip:
            quote.tag(start, end, tag, kind)
    return out


class _QuoteMarks:
    """Puts each paragraph of a <blockquote> in quotation marks, outside any cite/footer."""

    def __init__(self, out: list[str]) -> None:
        self.out = out
        self.depth = 0  # open <blockquote> elements
        self.source = 0  # open cite/footer inside one
        self.open = False
        self.last_tag_end = -1
        self.text_end = -1  # just after the last non-blank character of quoted text

    def text(self, start: int, end: int, raw: str) -> None:
        if not self.depth or self.source or not raw.strip():
            return
        if not self.open:
            lead = len(raw) - len(raw.lstrip())
            if lead:
                self.out[start + lead - 1] = '"'
            elif self.last_tag_end > 0 and self.out[self.last_tag_end - 1] in (" ", GAP):
                self.out[self.last_tag_end - 1] = '"'
            else:
                return
            self.open = True
        self.text_end = start + len(raw.rstrip())

    def _close(self, tag_start: int) -> None:
        if not self.open:
            return
        at = self.text_end if self.text_end < tag_start and self.out[self.text_end].isspace() else tag_start
        self.out[at] = '"'
        self.open = False

    def tag(self, start: int, end: int, tag: str, kind: str) -> None:
        opening = kind != "end"
        if self.depth and (tag in BLOCK or tag in LINE_BREAK or (tag in QUOTE_BREAKERS and opening)):
            self._close(start)
        if tag == "blockquote":
            if kind == "start":
                self.depth += 1
            elif kind == "end" and self.depth:
                self.depth -= 1
                self.source = 0
        elif tag in QUOTE_BREAKERS and self.depth and kind != "startend":
            self.source = self.source + 1 if opening else max(0, self.source - 1)
        self.last_tag_end = end


def read_html(original: str, path: str):
    """A `Source` for an HTML file already decoded to `original`."""
    from claimcheck.read import Source

    return Source(path=path, original=original, text=normalise_breaks(compact(html_chars(original))), format="html")
