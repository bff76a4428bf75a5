"""Finding outlet names from the registry in a run of tokens (used by `claims` and `attribute`).

The tokenizer may split one written word ("Tages-Anzeiger", "ARD-Hauptstadtstudio") into
several tokens; words are glued back first, then the longest alias wins. A compound whose
first part is an outlet ("ARD-Sendung", "ZDF-Politbarometer") names that outlet.
"""

from __future__ import annotations

from claimcheck.nlp.doc import Token
from claimcheck.rules import AliasTable, OutletEntry

QUOTE_CHARS = "„“”\"»«'’‚‘‹›"


def written_words(tokens: list[Token]) -> list[tuple[str, int, int]]:
    """(lower-cased word, first token index, last token index), with tokens written together merged."""
    words: list[tuple[str, int, int]] = []
    for i, t in enumerate(tokens):
        text = t.text.lower().strip(QUOTE_CHARS)
        if words and i > 0 and t.start == tokens[i - 1].end and (
            t.text == "-" or tokens[i - 1].text == "-" or tokens[i - 1].text.endswith("-")
        ):
            word, first, _ = words[-1]
            words[-1] = (word + text, first, i)
        elif text:
            words.append((text, i, i))
    return words


def _inside_name(tokens: list[Token], first: int, end: int) -> bool:
    """The tokens first..end sit inside a longer capitalised name: a possessive or a name word before them
    and a capitalised word right after ("People's Liberation Army")."""
    if first == 0 or end >= len(tokens):
        return False
    before, after = tokens[first - 1], tokens[end]
    named_before = before.text in ("'s", "’s") or (before.upos == "PROPN" and before.text[:1].isupper())
    return named_before and after.text[:1].isupper() and after.upos in ("PROPN", "NOUN")


def find_outlet(tokens: list[Token], table: AliasTable) -> tuple[OutletEntry, int, int] | None:
    """The longest registry alias among the tokens: (outlet, first token index, end token index)."""
    words = written_words(tokens)
    best: tuple[OutletEntry, int, int] | None = None
    for i in range(len(words)):
        for j in range(min(len(words), i + 6), i, -1):
            key = tuple(w for w, _, _ in words[i:j])
            if j == i + 1 and key[0] in table.acronyms and not tokens[words[i][1]].text.strip(
                    QUOTE_CHARS).split("-")[0].isupper():
                continue  # an acronym in lower case is a word or a name: "Efe", not the agency EFE
            if key in table and _inside_name(tokens, words[i][1], words[j - 1][2] + 1):
                break  # "the People's Liberation Army": the alias is a word of a longer name
            if key in table:
                span = (words[i][1], words[j - 1][2] + 1)
                if best is None or span[1] - span[0] > best[2] - best[1]:
                    best = (table[key], *span)
                break
        if best is None and table.cased:
            for j in range(min(len(words), i + 4), i, -1):
                cased = tuple(tokens[k].text.strip(QUOTE_CHARS) for k in range(words[i][1], words[j - 1][2] + 1))
                if cased in table.cased:
                    best = (table.cased[cased], words[i][1], words[j - 1][2] + 1)
                    break
        if best is None and table.quoted:
            for j in range(min(len(words), i + 4), i, -1):
                key = tuple(w for w, _, _ in words[i:j])
                first, last = words[i][1], words[j - 1][2]
                # „Welt“, »Bild«, „Bild“-Zeitung: the marks as tokens of their own or glued to the word
                opened = tokens[first].text[:1] in QUOTE_CHARS or (first > 0 and tokens[first - 1].text in QUOTE_CHARS)
                closed = tokens[last].text.rstrip("-")[-1:] in QUOTE_CHARS or last + 1 == len(tokens) or (
                    tokens[last + 1].text in QUOTE_CHARS)  # (a source phrase may end before its closing mark)
                if key in table.quoted and opened and closed:
                    best = (table.quoted[key], first, last + 1)
                    break
        head = words[i][0].split("-")[0]
        if best is None and "-" in words[i][0] and (head,) in table and len(head) >= 2:
            best = (table[(head,)], words[i][1], words[i][2] + 1)
    return best
