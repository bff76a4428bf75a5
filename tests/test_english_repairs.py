"""claimcheck.nlp.english: repairs on a weak English parse (sentence breaks, datelines, name tags)."""

from __future__ import annotations

from claimcheck.nlp import english
from claimcheck.nlp.doc import Sentence, Token


def sentences(text: str, cuts: list[str], tags: dict[str, str] | None = None) -> list[Sentence]:
    """Whitespace tokens (punctuation split off), one sentence per piece of `cuts` (each a substring of text)."""
    tags = tags or {}
    out, offset = [], 0
    for piece in cuts:
        start = text.index(piece, offset)
        toks, pos = [], start
        for word in piece.replace(",", " ,").replace(".", " .").replace('"', ' " ').split():
            at = text.index(word, pos)
            upos = tags.get(word, "PUNCT" if not word[0].isalnum() else "NOUN")
            toks.append(Token(len(toks) + 1, word, word.lower(), upos, {}, 0 if not toks else 1,
                              "root" if not toks else "dep", at, at + len(word)))
            pos = at + len(word)
        out.append(Sentence(piece, start, start + len(piece), toks))
        offset = start + len(piece)
    return out


def test_a_break_inside_a_name_is_undone() -> None:
    text = '"Shops will close," said Anita Rao, who owns a bakery.'
    cuts = ['"Shops will close," said Anita', "Rao, who owns a bakery."]
    sents = english.join_broken_sentences(sentences(text, cuts), text)
    assert len(sents) == 1 and sents[0].text == text
    assert [t.index for t in sents[0].tokens] == list(range(1, len(sents[0].tokens) + 1))
    assert sum(t.head == 0 for t in sents[0].tokens) == 1


def test_a_lone_closing_quote_joins_its_sentence() -> None:
    text = '"The numbers have to be right." Delgado said.'
    sents = english.join_broken_sentences(
        sentences(text, ['"The numbers have to be right.', '"', "Delgado said."]), text)
    assert [s.text for s in sents] == ['"The numbers have to be right."', "Delgado said."]


def test_sentences_split_at_a_line_break_or_after_a_full_stop_stay_split() -> None:
    text = "City delays bridge vote\n\nThe council postponed its vote."
    cuts = ["City delays bridge vote", "The council postponed its vote."]
    sents = english.join_broken_sentences(sentences(text, cuts), text)
    assert len(sents) == 2


def test_title_abbreviation_does_not_end_a_sentence() -> None:
    text = "The bill stalled, said Sen. Laura Whitfield."
    sents = english.join_broken_sentences(sentences(text, ["The bill stalled, said Sen.", "Laura Whitfield."]), text)
    assert len(sents) == 1


def test_dateline_becomes_a_sentence_of_its_own() -> None:
    text = "WASHINGTON — A rail safety bill stalled in the Senate."
    (sent,) = sentences(text, [text])
    first, second = english.split_datelines([sent], text)
    assert first.text == "WASHINGTON —"
    assert second.text == "A rail safety bill stalled in the Senate."
    assert second.tokens[0].index == 1 and sum(t.head == 0 for t in second.tokens) == 1
    assert english.DATELINE.match("LONDON/DUBAI, June 3 (Reuters) - OPEC+ is").group(0).endswith("-")
    assert english.DATELINE.match("MILLBROOK, Ill. — The board").group(0) == "MILLBROOK, Ill. —"


def test_capitalised_nouns_inside_a_sentence_are_names() -> None:
    text = "Council president Maria Delgado told reporters."
    (sent,) = sentences(text, [text], tags={"Maria": "PROPN", "told": "VERB"})
    english.tag_names(sent)
    assert [t.upos for t in sent.tokens][:4] == ["NOUN", "NOUN", "PROPN", "PROPN"]


def test_headlines_in_title_case_keep_their_tags() -> None:
    text = "City Delays Harbor Bridge Vote"
    (sent,) = sentences(text, [text])
    english.tag_names(sent)
    assert {t.upos for t in sent.tokens} == {"NOUN"}


def test_sentence_adverb_is_no_name() -> None:
    text = "Reluctantly, Brafman agreed to the plan."
    (sent,) = sentences(text, [text])
    english.tag_names(sent)
    assert sent.tokens[0].upos == "ADV" and sent.tokens[2].upos == "PROPN"


def test_a_quote_after_a_closed_quote_opens_a_sentence() -> None:
    text = 'The show was called "The Truman Show." "We will win," Smith said.'
    (sent,) = sentences(text, [text])
    parts = english.split_between_quotes([sent], text)
    assert [p.text for p in parts] == ['The show was called "The Truman Show."', '"We will win," Smith said.']
    assert all(sum(t.head == 0 for t in p.tokens) == 1 for p in parts)  # one root each
