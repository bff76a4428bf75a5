"""Which language a document is in, offline.

`py3langid` (a packaged naive-Bayes identifier that ships its model, deterministic, no
download) classifies each paragraph among the common news languages; the document keeps
the language with most characters. A document whose majority is not German or English is
an input error; a document with a sizeable share of another language gets a note
("mixed languages (en 81%, de 19%); analysed as en").

Without py3langid (or for texts too short for it) a stopword vote between German and
English decides, as before. The interface is `choose_language(text, requested, path)`.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections import Counter
from typing import Any

from claimcheck.errors import InputError

SUPPORTED = ("de", "en")

# Languages the identifier chooses among: the common languages of news text. Restricting the
# model to them keeps it from labelling short, name-heavy paragraphs as Latin, Esperanto or a
# regional language; anything not German or English among them makes the document unsupported.
CANDIDATES = (
    "de", "en", "fr", "es", "it", "pt", "nl", "lb", "da", "sv", "no", "fi", "is", "et", "lv", "lt",
    "pl", "cs", "sk", "sl", "hr", "sr", "bs", "hu", "ro", "bg", "mk", "ru", "uk", "be", "el", "sq",
    "tr", "ar", "fa", "he", "hi", "ur", "bn", "zh", "ja", "ko", "vi", "th", "id", "ms", "tl", "sw",
    "af", "ca", "gl", "eu", "cy", "ga", "mt",
)
NAMES = {
    "de": "German", "en": "English", "fr": "French", "es": "Spanish", "it": "Italian", "pt": "Portuguese",
    "nl": "Dutch", "lb": "Luxembourgish", "da": "Danish", "sv": "Swedish", "no": "Norwegian", "pl": "Polish",
    "cs": "Czech", "ru": "Russian", "uk": "Ukrainian", "tr": "Turkish", "ar": "Arabic", "zh": "Chinese",
}
MIN_LETTERS = 20  # paragraphs with fewer letters (datelines, bylines, "Photo: dpa") are not classified
MIXED_SHARE = 0.15  # another language with at least this share of the classified characters → a note
# a paragraph counts only when the identifier is this sure of it: name lists, photo credits and
# Title Case headlines get low, scattered guesses (Welsh, Luxembourgish, Romanian ...)
CONFIDENT = 0.8

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
_PARAGRAPH = re.compile(r"\n\s*\n")
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
    """Stopword counts per supported language (the fallback vote)."""
    counts = dict.fromkeys(SUPPORTED, 0)
    for word in _WORD.findall(_sample(text).lower()):
        for lang, words in _STOPWORDS.items():
            if word in words:
                counts[lang] += 1
    return counts


@functools.lru_cache(maxsize=1)
def _identifier() -> Any | None:
    """py3langid's model restricted to CANDIDATES, loaded once; None when the package is missing or broken."""
    try:
        from py3langid.langid import MODEL_FILE, LanguageIdentifier
    except ImportError:
        return None
    try:
        ident = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
        ident.set_languages([lg for lg in CANDIDATES if lg in set(ident.labels)])
    except Exception:  # a damaged model file must not stop a check: fall back
        return None
    return ident


def paragraph_languages(text: str) -> Counter[str] | None:
    """Characters per language over the paragraphs long enough to classify; None without the identifier."""
    ident = _identifier()
    if ident is None:
        return None
    shares: Counter[str] = Counter()
    unsure: Counter[str] = Counter()
    for para in _PARAGRAPH.split(_sample(text)):
        letters = len(_LETTER.findall(para))
        if letters < MIN_LETTERS:
            continue
        lang, confidence = ident.classify(para)
        (shares if confidence >= CONFIDENT else unsure)[lang] += letters
    return shares or unsure


def _name(lang: str) -> str:
    return NAMES.get(lang, lang)


def _stopword_vote(sample: str, where: str) -> tuple[str, str | None]:
    counts = scores(sample)
    words = len(_WORD.findall(sample))
    best = max(SUPPORTED, key=lambda lg: (counts[lg], lg == "de"))
    if words >= 8 and counts[best] < max(2, words // 25):
        raise InputError(f"{where}language not recognised as German or English (use --lang to force one)")
    other = [lg for lg in SUPPORTED if lg != best and counts[lg] > 0.25 * counts[best]]
    note = f"mixed languages ({', '.join([best, *other])}); analysed as {best}" if other else None
    return best, note


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
    shares = paragraph_languages(sample)
    if not shares:  # no identifier, or nothing long enough for it
        return _stopword_vote(sample, where)
    total = sum(shares.values())
    ranked = sorted(shares.items(), key=lambda kv: (-kv[1], kv[0] not in SUPPORTED, kv[0]))
    best, count = ranked[0]
    if best not in SUPPORTED:
        raise InputError(
            f"{where}language not recognised as German or English (looks like {_name(best)}; "
            "use --lang to force one)"
        )
    others = [(lg, n) for lg, n in ranked[1:] if n >= MIXED_SHARE * total]
    if not others:
        return best, None
    parts = ", ".join(f"{lg} {round(100 * n / total)}%" for lg, n in [(best, count), *others])
    return best, f"mixed languages ({parts}); analysed as {best}, the majority language"
