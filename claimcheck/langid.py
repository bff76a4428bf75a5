"""Which language a document is in, offline.

A stopword vote between the languages claimcheck has rules for: cheap, deterministic and
good enough to tell German from English news. (The English issue may swap in a packaged
language identifier; the interface stays `choose_language`.)
"""

from __future__ import annotations

import re

from claimcheck.errors import InputError

SUPPORTED = ("de", "en")

_STOPWORDS = {
    "de": set(["der", "die", "das", "und", "ist", "nicht", "ein", "eine", "mit", "von", "dem", "den", "sich", "auf", "für", "auch", "sei", "wird", "hat", "des", "im", "zu", "bei", "nach", "über", "wie", "sagte"]),
    "en": set(["the", "and", "is", "not", "a", "an", "with", "of", "to", "in", "that", "for", "on", "was", "said", "has", "have", "by", "from", "at", "as", "it", "be", "this", "which"]),
}
_WORD = re.compile(r"[^\W\d_]+")


def scores(text: str) -> dict[str, int]:
    counts = dict.fromkeys(SUPPORTED, 0)
    for word in _WORD.findall(text[:200_000].lower()):
        for lang, words in _STOPWORDS.items():
            if word in words:
                counts[lang] += 1
    return counts


def choose_language(text: str, requested: str = "auto") -> tuple[str, str | None]:
    """(language, note for the user or None). Raises InputError for unsupported languages."""
    if requested != "auto":
        if requested not in SUPPORTED:
            raise InputError(f"unsupported language {requested!r} (supported: {', '.join(SUPPORTED)}, auto)")
        return requested, None
    counts = scores(text)
    words = len(_WORD.findall(text[:200_000]))
    best = max(SUPPORTED, key=lambda lg: (counts[lg], lg == "de"))
    if words >= 8 and counts[best] < max(2, words // 25):
        raise InputError("language not recognised as German or English (use --lang to force one)")
    other = [lg for lg in SUPPORTED if lg != best and counts[lg] > 0.25 * counts[best]]
    note = f"mixed languages ({', '.join([best, *other])}); analysed as {best}" if other else None
    return best, note
