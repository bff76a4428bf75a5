"""Read inputs: bytes on disk → a `Source` whose `text` the pipeline analyses.

Every reader keeps offsets exact: `Source.text` has the same length as the decoded file
(`Source.original`), with markup, front matter and code replaced by blanks, so a span in
`text` is the same span in the original file and `position()` gives its line and column.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from pathlib import Path

from claimcheck.errors import InputError

MAX_BYTES_DEFAULT = 50 * 1024 * 1024


@dataclass(slots=True)
class Source:
    path: str  # as given by the user ("-" for stdin)
    original: str  # the decoded file
    text: str  # what is analysed: same length as `original`, non-prose blanked
    format: str = "text"
    notes: list[str] = field(default_factory=list)
    _line_starts: list[int] = field(default_factory=list, repr=False)

    def __post_init__(self) -> None:
        if len(self.text) != len(self.original):
            raise ValueError("reader broke the offset contract: text and original differ in length")
        starts = [0]
        for i, ch in enumerate(self.original):
            if ch == "\n" or (ch == "\r" and self.original[i + 1 : i + 2] != "\n"):
                starts.append(i + 1)
        self._line_starts = starts

    def position(self, offset: int) -> tuple[int, int]:
        """1-based (line, column) of a character offset in the original file."""
        line = bisect.bisect_right(self._line_starts, offset) - 1
        return line + 1, offset - self._line_starts[line] + 1


def decode(data: bytes, path: str) -> str:
    """Bytes → str: UTF-8 (BOM stripped) first; binary is refused."""
    if b"\x00" in data[:8192]:
        raise InputError(f"{path}: binary file (contains NUL bytes), not text")
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as err:
        raise InputError(f"{path}: not valid UTF-8 (byte {err.start})") from None


def read_text(text: str, path: str = "-") -> Source:
    """A plain-text source from a str already in memory (stdin, service requests)."""
    return Source(path=path, original=text, text=text)


def read_path(path: str, max_bytes: int = MAX_BYTES_DEFAULT) -> Source:
    """Read one file given on the command line. Raises InputError with a one-line message."""
    p = Path(path)
    if not p.exists():
        raise InputError(f"{path}: no such file")
    if p.is_dir():
        raise InputError(f"{path}: is a directory")
    try:
        size = p.stat().st_size
        if size > max_bytes:
            raise InputError(f"{path}: {size} bytes is over the limit of {max_bytes} (--max-bytes)")
        data = p.read_bytes()
    except PermissionError:
        raise InputError(f"{path}: permission denied") from None
    except OSError as err:
        raise InputError(f"{path}: cannot read ({err.strerror})") from None
    text = decode(data, path)
    if not text.strip():
        raise InputError(f"{path}: empty file, nothing to check")
    return read_text(text, path)
