"""Repairs to German parses that claimcheck's rules depend on (the small models' typical slips).

- Sentence breaks inside a sentence: after an ordinal date ("am 12. | Juni"), after an
  abbreviation ("Prof. | Müller"), or before a closing quotation mark left on its own.

- A capitalised word tagged as a noun whose lemma the lemmatizer gives in lower case is not a
  noun: "Insgesamt spricht die Polizei …" (tagged NOUN, lemma *insgesamt*) opens the sentence
  as an adverb, so it cannot be the subject of *spricht*.
"""

from __future__ import annotations

from claimcheck.nlp.doc import Sentence
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


def apply(sents: list[Sentence], text: str) -> list[Sentence]:
    sents = join_broken_sentences(sents, text)
    for sent in sents:
        for tok in sent.tokens:
            lemma = tok.lemma or ""
            if (
                tok.upos in ("NOUN", "PROPN")
                and tok.text[:1].isupper()
                and lemma[:1].islower()
                and lemma.isalpha()
                and lemma == tok.text.lower()
            ):
                tok.upos = "ADV"
                tok.feats = {}
                if tok.deprel.startswith("nsubj") or tok.deprel in ("obj", "iobj"):
                    tok.deprel = "advmod"
    return sents
