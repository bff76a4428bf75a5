"""Word documents (.docx) → a `Source` whose positions are paragraph numbers.

A .docx has no lines an editor could jump to, but Word numbers paragraphs. `original` is
the document's paragraphs (body paragraphs and table-cell paragraphs, in reading order,
empty ones included) joined by a blank line, and `position()` answers
(paragraph number, column in that paragraph), both 1-based: a finding at ``7:12`` is in
the 7th paragraph, 12th character. Soft line breaks inside a paragraph stay inside it.
"""

from __future__ import annotations

import bisect
import io
import zipfile
from dataclasses import dataclass, field

from claimcheck.errors import InputError
from claimcheck.read import Source

SEPARATOR = "\n\n"


@dataclass(slots=True)
class DocxSource(Source):
    paragraph_starts: list[int] = field(default_factory=lambda: [0])

    def position(self, offset: int) -> tuple[int, int]:
        """1-based (paragraph, column) of a character offset."""
        k = bisect.bisect_right(self.paragraph_starts, offset) - 1
        return k + 1, offset - self.paragraph_starts[k] + 1


def paragraphs(data: bytes, path: str) -> list[str]:
    """Paragraph texts in reading order (tables cell by cell)."""
    try:
        import docx
        from docx.table import Table
    except ImportError:  # pragma: no cover - depends on the install
        raise InputError(f"{path}: reading .docx needs python-docx (pip install python-docx)") from None
    try:
        document = docx.Document(io.BytesIO(data))
    except (zipfile.BadZipFile, KeyError, ValueError) as err:
        raise InputError(f"{path}: not a valid .docx file ({err.__class__.__name__})") from None
    out: list[str] = []

    def walk(container) -> None:
        for item in container.iter_inner_content():
            if isinstance(item, Table):
                seen: set[int] = set()
                for row in item.rows:
                    for cell in row.cells:
                        if id(cell._tc) in seen:  # merged cells repeat
                            continue
                        seen.add(id(cell._tc))
                        walk(cell)
            else:
                out.append(item.text.replace("\r", "\n").replace("\x0b", "\n"))

    walk(document)
    return out


def read_docx(data: bytes, path: str) -> DocxSource:
    texts = paragraphs(data, path)
    starts, pos = [], 0
    for t in texts:
        starts.append(pos)
        pos += len(t) + len(SEPARATOR)
    original = SEPARATOR.join(texts)
    if not original.strip():
        raise InputError(f"{path}: empty document, nothing to check")
    return DocxSource(path=path, original=original, text=original, format="docx", paragraph_starts=starts or [0])
