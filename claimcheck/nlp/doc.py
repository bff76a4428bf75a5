"""claimcheck's own view of a parsed text: the only thing the rule stages ever see.

The stanza adapter (`claimcheck.nlp.parser`) builds these objects; tests can build them
by hand. All offsets are Python str indices into the analysed text.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(slots=True, eq=False)  # identity: a token is one position in one text (and list.index stays fast)
class Token:
    """One syntactic word. Multi-word tokens (German *zum* = *zu dem*) give two Tokens
    that share the surface token's character span."""

    index: int  # 1-based position in the sentence (CoNLL-U ID); heads refer to it
    text: str
    lemma: str
    upos: str
    feats: dict[str, str]
    head: int  # 0 = root
    deprel: str
    start: int
    end: int
    xpos: str = ""
    ner: str = "O"  # BIOES tag from the NER model ("O" when there is none)

    def feat(self, name: str) -> str | None:
        return self.feats.get(name)

    @property
    def is_root(self) -> bool:
        return self.head == 0


@dataclass(slots=True)
class Entity:
    """A named entity span (PER, ORG, LOC, MISC) found by the NER model."""

    text: str
    type: str
    start: int
    end: int


@dataclass(slots=True)
class Sentence:
    text: str
    start: int
    end: int
    tokens: list[Token]
    entities: list[Entity] = field(default_factory=list)

    def token(self, index: int) -> Token | None:
        """Token by its 1-based CoNLL-U index (None for 0 = root)."""
        if 1 <= index <= len(self.tokens):
            return self.tokens[index - 1]
        return None

    def head_of(self, tok: Token) -> Token | None:
        return self.token(tok.head)

    def children(self, tok: Token) -> list[Token]:
        return [t for t in self.tokens if t.head == tok.index]

    def subtree(self, tok: Token) -> list[Token]:
        """The token and all its descendants, in sentence order."""
        keep = {tok.index}
        changed = True
        while changed:
            changed = False
            for t in self.tokens:
                if t.head in keep and t.index not in keep:
                    keep.add(t.index)
                    changed = True
        return [t for t in self.tokens if t.index in keep]


@dataclass(slots=True)
class ParsedDoc:
    """A whole analysed text: sentences in order, plus the language they were parsed as."""

    text: str
    language: str
    sentences: list[Sentence]


def renumber(tokens: list[Token]) -> list[Token]:
    """Tokens after a repair split or joined some: positions 1..n again. Heads are given in the old
    numbering; a token the repair added has index 0 and its head names the old word it belongs to."""
    new_index = {t.index: i for i, t in enumerate(tokens, start=1) if t.index}
    for i, t in enumerate(tokens, start=1):
        t.head = new_index.get(t.head, 0) if t.head else 0
        t.index = i
    return tokens
