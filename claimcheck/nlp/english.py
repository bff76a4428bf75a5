"""English repairs on the parser's output, before the rule stages see it (like konjunktiv.py for German).

A small English model trained on a shared CPU makes mistakes the rule stages cannot undo:

  - sentence breaks in the middle of a line: `… said Anita | Rao, who owns a bakery`,
    `… in its 11 a.m. | advisory`, or a closing quotation mark alone after `votes.`;
  - a dateline that opens the first sentence (`WASHINGTON — A bill stalled …`) taken for its subject;
  - names tagged as common nouns (`Maria/PROPN Delgado/NOUN`): in English only names, titles
    and the first word of a sentence are capitalised, so a capitalised noun inside a sentence
    is a proper noun.

Both repairs are conservative: a line break always ends a sentence, and a sentence written in
title case (a headline) keeps its tags.
"""

from __future__ import annotations

import re

from claimcheck.nlp.doc import Sentence, Token, renumber

QUOTE_CHARS = set("\"'“”‘’„«»") | {"''", "``"}  # '' and `` are one token (see parser.widen_double_marks)
TERMINAL = {".", "!", "?", "…", ":", ";"}
# abbreviations before a name: a tokenizer may end a sentence after them ("Sen. | Laura Whitfield")
TITLES = {"sen.", "rep.", "gov.", "dr.", "mr.", "mrs.", "ms.", "gen.", "lt.", "col.", "sgt.", "capt.", "st.", "prof.",
          "rev.", "sec.", "adm.", "maj.", "cpl.", "supt.", "det.", "insp.", "a.m.", "p.m.", "no.", "vs.", "v."}


def _ends_sentence(sent: Sentence) -> bool:
    words = [t for t in sent.tokens if t.text not in QUOTE_CHARS and not all(c in QUOTE_CHARS for c in t.text)]
    if not words:
        return True
    last = words[-1].text
    if last.lower() in TITLES or (last == "." and len(words) > 1 and words[-2].text.lower() + "." in TITLES):
        return False  # "Sen." (or "Sen" "."), "a.m."
    return last in TERMINAL or last[-1:] in TERMINAL


MONTH_ABBREVIATIONS = {"jan", "feb", "mar", "apr", "aug", "sep", "sept", "oct", "nov", "dec"}


def _month_then_day(prev: Sentence, sent: Sentence) -> bool:
    """"… for its recess on Aug. | 2.": a month's abbreviation, then the day, is no sentence end."""
    words = [t.text.lower().rstrip(".") for t in prev.tokens if t.text != "."]
    first = sent.tokens[0].text if sent.tokens else ""
    return bool(words) and words[-1] in MONTH_ABBREVIATIONS and first[:1].isdigit()


def _starts_lower(sent: Sentence) -> bool:
    first = next((t for t in sent.tokens if t.text[:1].isalpha()), None)
    return first is not None and first.text[:1].islower()


def _only_quotes(sent: Sentence) -> bool:
    return all(all(c in QUOTE_CHARS for c in t.text) for t in sent.tokens)


def _merge(a: Sentence, b: Sentence, text: str) -> Sentence:
    offset = len(a.tokens)
    root = next((t.index for t in a.tokens if t.head == 0), 1)
    tokens = list(a.tokens)
    for t in b.tokens:
        head = t.head + offset if t.head else root
        deprel = t.deprel if t.head else ("punct" if t.upos in ("PUNCT", "SYM") else "parataxis")
        tokens.append(Token(t.index + offset, t.text, t.lemma, t.upos, t.feats, head, deprel, t.start, t.end,
                            t.xpos, t.ner))
    return Sentence(text[a.start : b.end], a.start, b.end, tokens, [*a.entities, *b.entities])


def join_broken_sentences(sentences: list[Sentence], text: str) -> list[Sentence]:
    """Undo sentence breaks inside a line: after a word that ends no sentence, before a lower-case
    word, or before a lone closing quotation mark."""
    out: list[Sentence] = []
    for sent in sentences:
        if out:
            prev = out[-1]
            gap = text[prev.end : sent.start]
            if "\n" not in gap and (_only_quotes(sent) or not _ends_sentence(prev) or _starts_lower(sent)
                                     or _month_then_day(prev, sent)):
                out[-1] = _merge(prev, sent, text)
                continue
        out.append(sent)
    return out


# "WASHINGTON — ", "MILLBROOK, Ill. — ", "LONDON/DUBAI, June 3 (Reuters) - ", "MIAMI (AP) — "
DATELINE = re.compile(
    r"[A-Z][A-Z./'’ -]{1,40}?(?:,\s*[A-Z][a-z]{1,9}\.?(?:\s*\d{1,2})?)?\s*(?:\([A-Za-z][\w/ .]{1,24}\))?\s*[-–—](?=\s)"
)


def _part(tokens: list[Token], text: str, whole: Sentence) -> Sentence:
    """Tokens cut out of the sentence `whole` as a sentence of their own: renumbered, one root, its entities."""
    first = tokens[0].index - 1
    ids = {t.index for t in tokens}
    root = next((t.index for t in tokens if t.head == 0), None)
    if root is None:
        root = next(t.index for t in tokens if t.head not in ids)
    out = []
    for t in tokens:
        head = 0 if t.index == root else (t.head if t.head in ids else root)
        out.append(Token(t.index - first, t.text, t.lemma, t.upos, t.feats, head - first if head else 0,
                         "root" if head == 0 else t.deprel, t.start, t.end, t.xpos, t.ner))
    start, end = out[0].start, out[-1].end
    entities = [e for e in whole.entities if start <= e.start and e.end <= end]
    return Sentence(text[start:end], start, end, out, entities)


def split_datelines(sentences: list[Sentence], text: str) -> list[Sentence]:
    """A dateline that opens a sentence ("WASHINGTON — A bill stalled …") becomes a sentence of its own,
    so that the place is not taken for the subject."""
    out: list[Sentence] = []
    sentences = list(sentences)
    k = 0
    while k < len(sentences) - 1:
        sent, nxt = sentences[k], sentences[k + 1]
        m = DATELINE.match(text, sent.start)
        if m and sent.end < m.end() < nxt.end and text[:sent.start].rstrip(" \t")[-1:] in ("", "\n"):
            # "SAN JOSE, Calif. (Reuters) - Veltrix …": the splitter ended a sentence at "Calif."; the dateline
            # is one flat sentence, the rest of the next one another
            head = [t for t in sent.tokens] + [t for t in nxt.tokens if t.end <= m.end()]
            rest = [t for t in nxt.tokens if t.start >= m.end()]
            if rest and len(head) - len(sent.tokens) + len(rest) == len(nxt.tokens):
                flat = [Token(i + 1, t.text, t.lemma, t.upos, t.feats, 0 if i == 0 else 1, "root" if i == 0 else "dep",
                              t.start, t.end, t.xpos, t.ner) for i, t in enumerate(head)]
                dateline = Sentence(text[flat[0].start : flat[-1].end], flat[0].start, flat[-1].end, flat, [])
                sentences[k : k + 2] = [dateline, _part(rest, text, nxt)]
        k += 1
    for sent in sentences:
        m = DATELINE.match(text, sent.start)
        if m and m.end() < sent.end and text[:sent.start].rstrip(" \t")[-1:] in ("", "\n"):
            head = [t for t in sent.tokens if t.end <= m.end()]
            rest = [t for t in sent.tokens if t.start >= m.end()]
            if head and rest and len(head) + len(rest) == len(sent.tokens):
                out += [_part(head, text, sent), _part(rest, text, sent)]
                continue
        out.append(sent)
    return out


def _frame_follows(toks: list[Token], k: int) -> bool:
    """A short frame follows at k ("Trump said.", "Smith, a spokesman, added."): no new sentence then."""
    rest = [t for t in toks[k:] if t.text not in (",",)]
    return len(rest) <= 10 and any(t.upos == "VERB" for t in rest[:6]) and rest[-1].text in (".", "!", "?") \
        and sum(t.upos == "VERB" for t in rest) == 1


def split_between_quotes(sentences: list[Sentence], text: str) -> list[Sentence]:
    """'… called “The Truman Show.” “We will win,” Smith said.': a quote that ends a sentence and a new one
    that opens right after it are two sentences, though the tokenizer ran them together."""
    out: list[Sentence] = []
    for sent in sentences:
        toks = sent.tokens
        cuts = [i + 2 for i in range(len(toks) - 3)
                if toks[i].text in (".", "?", "!") and toks[i + 1].text in QUOTE_CHARS
                and toks[i + 1].start == toks[i].end and toks[i + 2].text in QUOTE_CHARS
                and toks[i + 2].start > toks[i + 1].end and toks[i + 3].start == toks[i + 2].end
                and toks[i + 3].text[:1].isupper()]
        # '… a deal we shook hands on." Minority Leader Doug Barrow disputed …': a closing mark after the full
        # stop, then a capitalised word that opens the next sentence (a name, not a frame like "Trump said.")
        marks = [k for k, t in enumerate(toks) if t.text in QUOTE_CHARS]
        cuts += [i + 2 for i in range(len(toks) - 3)
                 if toks[i].text == "." and toks[i + 1].text in QUOTE_CHARS and toks[i + 1].start == toks[i].end
                 and marks.index(i + 1) % 2 == 1 and toks[i + 2].start > toks[i + 1].end
                 and toks[i + 2].text[:1].isupper() and toks[i + 2].text not in QUOTE_CHARS
                 and not _frame_follows(toks, i + 2)]
        cuts = sorted(set(cuts))
        if not cuts:
            out.append(sent)
            continue
        out += [_part(toks[a:b], text, sent) for a, b in zip([0] + cuts, cuts + [len(toks)], strict=True)]
    return out


def _title_case(sent: Sentence) -> bool:
    words = [t for t in sent.tokens if t.text[:1].isalpha()]
    caps = [t for t in words if t.text[:1].isupper()]
    return len(words) >= 3 and len(caps) > 0.6 * len(words)


def tag_names(sent: Sentence) -> None:
    """A capitalised noun inside an English sentence is a name (PROPN), except at the sentence start,
    right after an opening quotation mark or colon, and in headlines written in title case."""
    toks = sent.tokens
    for i, t in enumerate(toks[:-1]):
        # "Reluctantly, he …", "Significantly, …": a sentence adverb, not a name or the subject
        if t.text.lower().endswith("ly") and len(t.text) > 5 and t.upos in ("NOUN", "PROPN", "ADJ", "X") \
                and toks[i + 1].text == "," and (i == 0 or toks[i - 1].text in QUOTE_CHARS):
            t.upos = "ADV"
    if _title_case(sent):
        return
    starts = True
    for k, t in enumerate(sent.tokens):
        prev_propn = k > 0 and sent.tokens[k - 1].upos == "PROPN"
        if t.text in QUOTE_CHARS and 0 < k < len(toks) - 1 and toks[k - 1].end == t.start \
                and toks[k + 1].start > t.end and toks[k - 1].text in (",", "—", "–"):
            starts = False  # '“…,” Husted said': after a closing mark the sentence goes on
            continue
        if t.text in QUOTE_CHARS or t.text in (":", "(", "—", "–", "-") or (t.upos == "PUNCT" and t.text in TERMINAL):
            starts = True
            continue
        if not t.text[:1].isalpha():
            continue
        if not starts and t.text[:1].isupper() and t.upos in ("NOUN", "X") and t.text != "I":
            t.upos = "PROPN"
        elif not starts and t.text[:1].isupper() and "-" in t.text and t.upos in ("VERB", "ADJ") and prev_propn:
            t.upos = "PROPN"  # "Lin Wei-ting", "Jean-Luc": a hyphenated name part after a name
        elif not starts and t.text[:1].isupper() and t.upos in ("VERB", "AUX") and t.text != "I":
            t.upos = "PROPN"  # "spokeswoman Hope Hicks", "Theresa May": a capitalised verb inside a sentence
            _attach_to_name(sent, k)
        starts = False


def _attach_to_name(sent: Sentence, k: int) -> None:
    """A first name the parser took for a verb ("… spokeswoman Hope Hicks said") heads a broken tree: hang it
    on the surname after it and give the surname's verb ("said") the place the false verb had."""
    toks = sent.tokens
    t = toks[k]
    name = toks[k + 1] if k + 1 < len(toks) else None
    if name is None or name.upos != "PROPN" or not name.text[:1].isupper() or t.head == name.index:
        return
    old_head, old_rel = t.head, t.deprel
    verb = sent.token(name.head)
    heir = verb if verb is not None and verb.head == t.index else name  # who takes the false verb's place
    heir.head, heir.deprel = old_head, old_rel
    for c in toks:
        if c.head == t.index and c is not heir:
            nominal = c.upos in ("NOUN", "PROPN", "ADJ", "DET", "NUM") and c.index < t.index
            c.head = name.index if nominal else heir.index
            if nominal and c.deprel.startswith("nsubj"):
                c.deprel = "compound"  # "spokeswoman" of "spokeswoman Hope Hicks"
    t.head, t.deprel = name.index, "compound"


INITIALISM = re.compile(r"(?:[A-Z]\.)+[A-Z]")


def join_initialisms(sent: Sentence) -> None:
    """'U.S' '.' -> 'U.S.': the tokenizer splits the last period off an initialism before a capital
    ('U.S. Attorney Rachel Greenberg'), and the name phrase then stops at the stray period."""
    toks = sent.tokens
    drop = set()
    for k in range(len(toks) - 2):
        a, dot, nxt = toks[k], toks[k + 1], toks[k + 2]
        if dot.text == "." and dot.start == a.end and INITIALISM.fullmatch(a.text) and nxt.text[:1].isupper() \
                and not any(t.head == dot.index for t in toks):
            a.text, a.end = a.text + ".", dot.end
            a.lemma = a.text
            drop.add(dot.index)
    if drop:
        sent.tokens = renumber([t for t in toks if t.index not in drop])


GLUED_MARK = re.compile(r"[.?!,…]+[\"”’]")


def split_glued_marks(sent: Sentence) -> None:
    """'?”' and '."' as one token: the tokenizer sometimes glues a closing quotation mark to the punctuation
    before it, and then no token closes the quote ('“… going to be?” Pence said'). Split the mark off."""
    toks = sent.tokens
    if not any(GLUED_MARK.fullmatch(t.text) for t in toks):
        return
    out: list[Token] = []
    for t in toks:
        out.append(t)
        if GLUED_MARK.fullmatch(t.text):
            mark = Token(index=0, text=t.text[-1], lemma=t.text[-1], upos="PUNCT", feats={}, head=t.head or t.index,
                         deprel="punct", start=t.end - 1, end=t.end)
            t.text, t.lemma, t.end, t.upos = t.text[:-1], t.text[:-1], t.end - 1, "PUNCT"
            out.append(mark)
    sent.tokens = renumber(out)


def apply(sentences: list[Sentence], text: str) -> list[Sentence]:
    sentences = split_between_quotes(split_datelines(join_broken_sentences(sentences, text), text), text)
    for sent in sentences:
        split_glued_marks(sent)
        join_initialisms(sent)
        tag_names(sent)
    return sentences
