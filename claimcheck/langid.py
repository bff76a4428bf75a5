"""Which language a document is in, offline.

A stopword vote between the languages claimcheck has rules for: cheap, deterministic and
good enough to tell German from English news. (The English issue may swap in a packaged
language identifier; the interface stays `choose_language`.)
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter

from claimcheck.errors import InputError

SUPPORTED = ("de", "en")

_STOPWORDS = {
    "de": {
        "der", "die", "das", "und", "ist", "nicht", "ein", "eine", "mit", "von", "dem", "den", "sich", "auf",
        "für", "auch", "sei", "wird", "hat", "des", "im", "zu", "bei", "nach", "über", "wie", "sagte",
    },
    "en": {
        "the", "and", "is", "not", "a", "an", "with", "of", "to", "in", "that", "for", "on", "was", "said",
        "has", "have", "by", "from", "at", "as", "it", "be", "this", "which",
    },
}
_WORD = re.compile(r"[^\W\d_]+")
_LETTER = re.compile(r"[^\W\d_]")
_LATIN = re.compile(r"[A-Za-z\u00aa\u00ba\u00c0-\u024f\u1e00-\u1eff\u2c60-\u2c7f\ua720-\ua7ff\uff21-\uff5a]")
_SAMPLE = 200_000  # characters looked at: enough to decide, bounded for huge documents


def _sample(text: str) -> str:
    """The start of the text, NFC-normalised so that decomposed umlauts ('u' + U+0308) still match."""
    return unicodedata.normalize("NFC", text[:_SAMPLE])


def _foreign_script(sample: str) -> str | None:
    """The dominant non-Latin script when most letters are not Latin (Cyrillic, CJK, Arabic...), else None."""
    letters = _LETTER.findall(sample)
    if len(letters) < 20:
        return None
    latin = len(_LATIN.findall(sample))
    if latin >= 0.5 * len(letters):
        return None
    names = Counter(
        unicodedata.name(ch, "UNKNOWN").split()[0] for ch in letters[:5000] if not _LATIN.fullmatch(ch)
    )
    if not names:
        return "non-Latin"
    name = names.most_common(1)[0][0]
    return name if len(name) <= 3 else name.title()


def scores(text: str) -> dict[str, int]:
    counts = dict.fromkeys(SUPPORTED, 0)
    for word in _WORD.findall(_sample(text).lower()):
        for lang, words in _STOPWORDS.items():
            if word in words:
                counts[lang] += 1
    return counts


def choose_language(text: str, requested: str = "auto", path: str | None = None) -> tuple[str, str | None]:
    """(language, note for the user or None). Raises InputError for unsupported languages.

    `path`, when given, starts the error message, so the user sees which file it is about.
    """
    where = f"{path}: " if path else ""
    requested = (requested or "auto").strip().lower()
    if requested != "auto":
        if requested not in SUPPORTED:
            raise InputError(f"unsupported language {requested!r} (supported: {', '.join(SUPPORTED)}, auto)")
        return requested, None
    sample = _sample(text)
    script = _foreign_script(sample)
    if script is not None:
        raise InputError(
            f"{where}language not recognised as German or English ({script} script; use --lang to force one)"
        )
    counts = scores(sample)
    words = len(_WORD.findall(sample))
    best = max(SUPPORTED, key=lambda lg: (counts[lg], lg == "de"))
    if words >= 8 and counts[best] < max(2, words // 25):
        raise InputError(f"{where}language not recognised as German or English (use --lang to force one)")
    other = [lg for lg in SUPPORTED if lg != best and counts[lg] > 0.25 * counts[best]]
    note = f"mixed languages ({', '.join([best, *other])}); analysed as {best}" if other else None
    return best, note
