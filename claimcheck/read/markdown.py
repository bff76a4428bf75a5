"""Markdown drafts → analysed text of the same length as the file.

markdown-it-py (CommonMark + tables + strikethrough) parses the file; block tokens carry
their line range (`token.map`), inline tokens their children. Everything starts blank
(line breaks kept) and only prose is put back at the very offsets it has in the file:

- text of paragraphs, headings, list items, block quotes and table cells is kept as written;
- front matter (YAML ``---`` or TOML ``+++``), fenced and indented code, code spans,
  link and image targets, images, autolinks, HTML comments, ``#``/``>``/list/table markers
  and emphasis markers are blanked;
- backslash escapes and entities are decoded in place (``M&uuml;ller`` → ``Müller`` plus
  padding at the end of the word), and emphasis inside a word (``Ge**setz**``) does not
  split it;
- raw HTML blocks go through the HTML reader, so ``<p>``, ``<q>`` and ``<blockquote>`` in a
  Markdown file are read as in an HTML file.

So a claim's offset in the analysed text is its offset in the .md file, and its
line:column points into the draft.
"""

from __future__ import annotations

import re

from claimcheck.read.html import GAP, blank, compact, decode_entity, gaps, html_chars, normalise_breaks

_FRONT_MATTER = re.compile(r"\A(?:---|\+\+\+)[ \t]*\r?\n")


def front_matter_end(original: str) -> int:
    """Length of a leading front-matter block (0 if there is none)."""
    m = _FRONT_MATTER.match(original)
    if not m:
        return 0
    fence = original[:3]
    closers = ("---", "...") if fence == "---" else ("+++",)
    pos = m.end()
    while pos < len(original):
        nl = original.find("\n", pos)
        line_end = len(original) if nl < 0 else nl + 1
        if original[pos:line_end].rstrip() in closers:
            return line_end
        pos = line_end
    return 0  # never closed: not front matter


def _line_starts(text: str) -> list[int]:
    """Start offsets of lines as markdown-it counts them (\\r\\n, \\r and \\n each end a line)."""
    starts = [0]
    for i, ch in enumerate(text):
        if ch == "\n" or (ch == "\r" and text[i + 1 : i + 2] != "\n"):
            starts.append(i + 1)
    starts.append(len(text))
    return starts


def _parser():
    from markdown_it import MarkdownIt

    # text_join off: entities and escapes stay separate tokens with their raw markup
    return MarkdownIt("commonmark").enable(["table", "strikethrough"]).disable("text_join")


def _closing_bracket(src: str, i: int, open_: str, close: str) -> int:
    """Index just after the bracket that closes the one at src[i] (escapes and nesting aware)."""
    depth = 0
    while i < len(src):
        c = src[i]
        if c == "\\":
            i += 2
            continue
        if c == open_:
            depth += 1
        elif c == close:
            depth -= 1
            if depth == 0:
                return i + 1
        i += 1
    return len(src)


def _skip_link_tail(src: str, i: int) -> int:
    """After the link text's closing ']': skip '(url "title")' or '[ref]'."""
    if i < len(src) and src[i] == "(":
        return _closing_bracket(src, i, "(", ")")
    if i < len(src) and src[i] == "[":
        return _closing_bracket(src, i, "[", "]")
    return i


def _backtick_run(src: str, i: int, n: int) -> int:
    """Start of the next run of exactly n backticks at or after i (-1 if none)."""
    while True:
        j = src.find("`" * n, i)
        if j < 0:
            return -1
        k = j
        while k < len(src) and src[k] == "`":
            k += 1
        if k - j == n:
            return j
        i = k


class _Inline:
    """Walks one inline token's children over the file, revealing prose at its real offsets."""

    def __init__(self, src: str, out: list[str], start: int, end: int) -> None:
        self.src, self.out, self.cur, self.end = src, out, start, end

    def _markup_until(self, pos: int) -> None:
        """Characters between the cursor and pos are markup: removed from words."""
        if pos > self.cur:
            self.out[self.cur : pos] = [c if c.isspace() else GAP for c in self.src[self.cur : pos]]
        self.cur = max(self.cur, pos)

    def _find(self, needle: str) -> int:
        return self.src.find(needle, self.cur, self.end) if needle else -1

    def walk(self, children) -> None:
        i = 0
        while i < len(children):
            tok = children[i]
            t = tok.type
            if t == "text":
                at = self._find(tok.content)
                if at >= 0:
                    self._markup_until(at)
                    self.out[at : at + len(tok.content)] = list(tok.content)
                    self.cur = at + len(tok.content)
            elif t == "text_special":
                at = self._find(tok.markup)
                if at >= 0:
                    self._markup_until(at)
                    raw = tok.markup
                    rep = [GAP] + list(raw[1:]) if tok.info == "escape" else decode_entity(raw)
                    self.out[at : at + len(raw)] = rep
                    self.cur = at + len(raw)
            elif t == "code_inline":
                at = self._find(tok.markup)
                if at >= 0:
                    close = _backtick_run(self.src, at + len(tok.markup), len(tok.markup))
                    stop = self.end if close < 0 else close + len(tok.markup)
                    self._markup_until(at)
                    self.out[at:stop] = blank(self.src[at:stop])
                    self.cur = stop
            elif t == "html_inline":
                at = self._find(tok.content)
                if at >= 0:
                    self._markup_until(at)
                    stop = at + len(tok.content)
                    self.out[at:stop] = html_chars(tok.content)
                    self.cur = stop
            elif t == "image":
                at = self._find("![")
                if at >= 0:
                    stop = _skip_link_tail(self.src, _closing_bracket(self.src, at + 1, "[", "]"))
                    self._markup_until(at)
                    self.out[at:stop] = blank(self.src[at:stop])
                    self.cur = stop
            elif t == "link_open" and tok.info == "auto":
                # <https://…> or <name@host>: blank up to and including the closing '>'
                j = i + 1
                while j < len(children) and children[j].type != "link_close":
                    j += 1
                at = self._find("<")
                stop = self.src.find(">", max(at, self.cur), self.end) if at >= 0 else -1
                if at >= 0 and stop >= 0:
                    self._markup_until(at)
                    self.out[at : stop + 1] = blank(self.src[at : stop + 1])
                    self.cur = stop + 1
                i = j + 1
                continue
            elif t == "link_close":
                close = self._find("]")
                if close >= 0:
                    self._markup_until(close)
                    stop = _skip_link_tail(self.src, close + 1)
                    self.out[close:stop] = gaps(self.src[close:stop])
                    self.cur = stop
            # em/strong/s open+close, softbreak, hardbreak, link_open: markup found by the next search
            i += 1


def markdown_chars(original: str) -> list[str]:
    """Per-character analysed text (with GAPs) for a Markdown document."""
    out = blank(original)
    fm = front_matter_end(original)
    # front matter → empty lines, so markdown-it's line numbers stay those of the file
    body = "\n" * (original.count("\n", 0, fm)) + original[fm:] if fm else original
    starts = _line_starts(original)
    tokens = _parser().parse(body)
    cursor = fm
    for tok in tokens:
        if tok.map is None:
            continue
        a, b = tok.map
        lo, hi = starts[min(a, len(starts) - 1)], starts[min(b, len(starts) - 1)]
        lo = max(lo, fm)
        if tok.type == "inline" and tok.children is not None:
            walker = _Inline(original, out, max(lo, cursor), hi)
            walker.walk(tok.children)
            cursor = max(cursor, walker.cur)
        elif tok.type == "html_block":
            out[lo:hi] = html_chars(original[lo:hi])
    return out


def read_markdown(original: str, path: str):
    """A `Source` for a Markdown file already decoded to `original`."""
    from claimcheck.read import Source

    return Source(
        path=path,
        original=original,
        text=normalise_breaks(compact(markdown_chars(original))),
        format="markdown",
    )
