"""Repairs to German parses that claimcheck's rules depend on (the small models' typical slips).

- Sentence breaks inside a sentence: after an ordinal date ("am 12. | Juni"), after an
  abbreviation ("Prof. | Müller"), or before a closing quotation mark left on its own.
- Names tagged as common nouns ("Markus/NOUN Tiedemann/NOUN"): a first name from
  `rules/common/first_names.yaml` followed by capitalised words starts a person's name, and
  the surname alone later in the document is a name too.
- A bracket glued to a word ("(VGH)" tokenised "(", "VGH)"): the treebanks have few brackets, so
  the tokenizer often keeps a closing one on an abbreviation or number; it becomes its own token.
- A capitalised word tagged as a noun whose lemma the lemmatizer gives in lower case (or a
  known sentence adverb: *Unterdessen*, *Zudem*) is not a noun: "Insgesamt spricht die Polizei …"
  (tagged NOUN, lemma *insgesamt*) opens the sentence as an adverb, not as the subject of *spricht*.
"""

from __future__ import annotations

import itertools
from functools import lru_cache

from claimcheck.nlp.doc import Sentence, Token, renumber
from claimcheck.nlp.english import _merge, _only_quotes

MONTHS = {"Januar", "Jänner", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September", "Oktober",
          "November", "Dezember"}
# abbreviations a tokenizer may take for a sentence end
ABBREVIATIONS = {"dr.", "prof.", "nr.", "st.", "ca.", "bzw.", "z.b.", "u.a.", "vgl.", "inkl.", "evtl.", "sog.",
                 "gen.", "abs.", "art.", "mio.", "mrd.", "jh.", "str.", "hl.", "min.", "max.", "u.", "v.", "d.h."}


def _broken(prev: Sentence, sent: Sentence, text: str) -> bool:
    if "\n" in text[prev.end : sent.start]:
        return False  # a line break always ends a sentence
    if _only_quotes(sent):
        return True
    words = [t.text for t in prev.tokens]
    last, before = words[-1], (words[-2] if len(words) > 1 else "")
    first = next((t for t in sent.tokens if t.text[:1].isalnum()), None)
    if first is None:
        return False
    ordinal = last.endswith(".") and (last[:-1].isdigit() or (last == "." and before.isdigit()))
    if ordinal and (first.text in MONTHS or first.text[:1].islower()):
        return True
    return last.lower() in ABBREVIATIONS or (last == "." and before.lower() + "." in ABBREVIATIONS)


def join_broken_sentences(sents: list[Sentence], text: str) -> list[Sentence]:
    out: list[Sentence] = []
    for sent in sents:
        if out and _broken(out[-1], sent, text):
            out[-1] = _merge(out[-1], sent, text)
        else:
            out.append(sent)
    return out


@lru_cache(maxsize=1)
def _first_names_file() -> dict:
    import yaml

    from claimcheck.rules import builtin_rules_dir

    path = builtin_rules_dir() / "common" / "first_names.yaml"
    return (yaml.safe_load(path.read_text(encoding="utf-8")) if path.exists() else None) or {}


@lru_cache(maxsize=1)
def first_names() -> frozenset[str]:
    return frozenset(str(n) for n in _first_names_file().get("first_names") or [])


@lru_cache(maxsize=1)
def female_first_names() -> frozenset[str]:
    """Women's first names from rules/common/first_names.yaml: "er" does not refer to them."""
    return frozenset(str(n) for n in _first_names_file().get("female_first_names") or [])


@lru_cache(maxsize=1)
def male_first_names() -> frozenset[str]:
    """first_names that are neither women's nor unisex: English "she" does not refer to them."""
    other = female_first_names() | frozenset(str(n) for n in _first_names_file().get("unisex_first_names") or [])
    return first_names() - other


def _name_like(word: str) -> bool:
    return word[:1].isupper() and word[1:2].islower() and word.replace("-", "").isalpha()


def tag_names(sents: list[Sentence]) -> None:
    names = first_names()
    surnames: set[str] = set()
    for sent in sents:
        toks = sent.tokens
        for i, t in enumerate(toks[:-1]):
            if t.text not in names or t.upos not in ("NOUN", "PROPN", "X", "ADJ", "NUM"):
                continue
            run = [t]
            for nxt in toks[i + 1 : i + 4]:
                if _name_like(nxt.text) and nxt.upos in ("NOUN", "PROPN", "X", "ADJ", "NUM", "VERB"):
                    run.append(nxt)
                else:
                    break
            if len(run) < 2:
                continue
            for r in run:
                r.upos = "PROPN"
            surnames.add(run[-1].text)
    if not surnames:
        return
    for sent in sents:
        for t in sent.tokens:
            if t.text in surnames and t.upos in ("NOUN", "X"):
                t.upos = "PROPN"


# sentence adverbs that open a German clause and that a small tagger takes for a capitalised noun
SENTENCE_ADVERBS = frozenset(
    "unterdessen indessen derweil inzwischen mittlerweile zudem außerdem allerdings dennoch trotzdem deshalb daher "
    "zunächst bislang bisher insgesamt gleichzeitig zugleich ebenfalls jedoch zuvor anschließend dagegen hingegen "
    "stattdessen demnach offenbar angeblich vermutlich möglicherweise tatsächlich immerhin schließlich letztlich "
    "nun jetzt heute gestern damals später danach vorher seitdem dabei ferner überdies zuletzt kürzlich".split()
)


BRACKETS = {")": "(", "]": "["}


def split_glued_brackets(sent: Sentence) -> None:
    """'VGH)' -> 'VGH' ')': the bracket becomes a punct token under the word it was glued to."""
    out: list[Token] = []
    for tok in sent.tokens:
        out.append(tok)
        opener = BRACKETS.get(tok.text[-1:])
        if opener is None or len(tok.text) < 2 or opener in tok.text or not tok.text[-2].isalnum():
            continue
        if len(out) > 1 and out[-2].start == tok.start:
            continue  # the second word of a multi-word token: leave its shared span alone
        out.append(Token(index=0, text=tok.text[-1], lemma=tok.text[-1], upos="PUNCT", feats={}, head=tok.index,
                         deprel="punct", start=tok.end - 1, end=tok.end, xpos="$("))
        if tok.lemma.endswith(tok.text[-1]):
            tok.lemma = tok.lemma[:-1]
        tok.text = tok.text[:-1]
        tok.end -= 1
    if len(out) > len(sent.tokens):
        sent.tokens = renumber(out)


def split_final_number_stop(sent: Sentence) -> None:
    """'… dem Sender France 24.' ends in one token '24.' (an ordinal to the tokenizer): at the end of a
    sentence the full stop is punctuation, so "France 24" matches the outlet registry."""
    tok = sent.tokens[-1] if sent.tokens else None
    if tok is None or len(tok.text) < 2 or not tok.text.endswith(".") or not tok.text[:-1].isdigit():
        return
    mark = Token(index=0, text=".", lemma=".", upos="PUNCT", feats={}, head=tok.head or tok.index,
                 deprel="punct", start=tok.end - 1, end=tok.end, xpos="$.")
    tok.text = tok.lemma = tok.text[:-1]
    tok.end -= 1
    tok.feats = {**tok.feats, "NumType": "Card"}
    sent.tokens = renumber([*sent.tokens, mark])


# the contractions German writes as one word for two (the tokenizer's multi-word tokens)
CONTRACTIONS = frozenset(
    "am an'm im vom zum zur beim ins ans aufs übers unters durchs fürs hinters vors ums überm unterm hinterm vorm "
    "außerm".split()
)


def join_false_contractions(sent: Sentence, text: str) -> None:
    """'Tom' → 'Tn' + 'dem', 'Rom' → 'R' + 'dem', 'kam' → 'k' + 'dem': the small tokenizer splits a word that ends
    like "zum" or "am" into two. Anything but a real contraction is one word again (a name if capitalised)."""
    toks = sent.tokens
    if not any(a.start == b.start and a.end == b.end for a, b in itertools.pairwise(toks)):
        return
    out: list[Token] = []
    k = 0
    while k < len(toks):
        tok = toks[k]
        j = k
        while j + 1 < len(toks) and toks[j + 1].start == tok.start and toks[j + 1].end == tok.end:
            j += 1
        surface = text[tok.start : tok.end]
        if j > k and surface.strip("„“‚‘»«\"'").lower() not in CONTRACTIONS:
            parts = toks[k : j + 1]
            merged = [p.index for p in parts]
            head = next((p for p in parts if p.head not in merged), parts[0])
            tok.text = tok.lemma = surface
            tok.upos = "PROPN" if surface[:1].isupper() else head.upos
            tok.feats, tok.head, tok.deprel = ({} if surface[:1].isupper() else head.feats), head.head, head.deprel
            for t in toks:
                if t.head in merged[1:]:
                    t.head = tok.index  # (words that hung on the dropped half hang on the word)
            out.append(tok)
        else:
            out.extend(toks[k : j + 1])
        k = j + 1
    if len(out) < len(toks):
        sent.tokens = renumber(out)


def apply(sents: list[Sentence], text: str) -> list[Sentence]:
    sents = join_broken_sentences(sents, text)
    for sent in sents:
        join_false_contractions(sent, text)
        split_glued_brackets(sent)
        split_final_number_stop(sent)
    tag_names(sents)
    for sent in sents:
        for tok in sent.tokens:
            lemma = tok.lemma or ""
            if tok.upos in ("NOUN", "PROPN") and tok.text[:1].isupper() and (
                (lemma[:1].islower() and lemma.isalpha() and lemma == tok.text.lower())
                or tok.text.lower() in SENTENCE_ADVERBS
            ):
                tok.upos = "ADV"
                tok.feats = {}
                if tok.deprel.startswith("nsubj") or tok.deprel in ("obj", "iobj"):
                    tok.deprel = "advmod"
    return sents
