"""Stage 4: decide who stands behind each claim.

Turns the grammatical source phrases found by `claims` into named sources:
  - outlets from the registry (rules/*/outlets.yaml), incl. "die Zeitung" pointing back;
  - names: the full name from earlier in the text ("Scholz" → "Olaf Scholz"), role nouns
    ("Regierungssprecher Steffen Hebestreit"), capitals and institutions ("Moskau");
  - pronouns and descriptors ("er", "der SPD-Politiker") → the most salient earlier person
    (the subject of the nearest sentence before first, as readers do);
  - anonymous ("informierte Personen") and vague ("Kritiker") sources;
  - continuations (Konjunktiv I, "Demnach") inherit the previous attribution, and
    pointers ("Das berichtete die Washington Post") attribute the claims before them.
"""

from __future__ import annotations

import bisect
import itertools
import re
from dataclasses import dataclass, field

from claimcheck.claims import PERSON_SUFFIX, PUNCT, Candidate, ClaimFinder, DocClaims, Phrase, Pointer, noun_phrase
from claimcheck.nlp.doc import ParsedDoc, Sentence, Token
from claimcheck.nlp.english import TITLES
from claimcheck.nlp.german import female_first_names, first_names, male_first_names
from claimcheck.outlets import find_outlet
from claimcheck.quotes import ALL_MARKS
from claimcheck.rules import LanguageRules, OutletEntry

ABBREVIATION = re.compile(r"\s*\(([A-ZÄÖÜ][A-Za-zÄÖÜäöü]{1,9})\)")


def inside(spans: list[tuple[int, int]], offset: int) -> bool:
    """Is offset inside one of these sorted, non-overlapping spans?"""
    k = bisect.bisect_right(spans, (offset, float("inf"))) - 1
    return k >= 0 and spans[k][0] <= offset < spans[k][1]


def glued(a: Token, b: Token) -> bool:
    """Two tokens written as one word ("Okonkwo-Brandt", "CDU-Politiker" split by the tokenizer)."""
    return b.start == a.end and (a.text == "-" or b.text == "-" or a.text.endswith("-"))


# continuations look back at most this many sentences for the attribution they continue
CONTINUATION_WINDOW = 4
# words that count people without naming them ("mehrere Parlamentarier", "several aides")
COUNTING_WORDS = {"mehrere", "einige", "zahlreiche", "wenige", "etliche", "several", "some", "two", "three", "four",
                  "zwei", "drei", "vier", "fünf"}
# small words inside the name of a body ("Food and Drug Administration", "Bureau of Alcohol, Tobacco and Firearms")
NAME_JOINERS = {"of", "and", "&", "for", "the", "on"}
# a spokesperson with an indefinite article speaks for the organisation just named
SPOKESPERSON = {"sprecher", "sprecherin", "spokesperson", "spokesman", "spokeswoman", "pressesprecher",
                "pressesprecherin"}
INDEFINITE = {"ein", "eine", "einer", "a", "an"}
# definite articles before an outlet title ("The Harbor Gazette", "der Lausitzer Rundschau")
DEFINITE = {"the", "der", "die", "das", "des", "dem", "den"}


@dataclass
class Source:
    """A resolved source: who or what stands behind a claim."""

    name: str
    type: str  # person | organization | government | group | anonymous | outlet
    mention: str
    start: int
    end: int
    role: str | None = None
    outlet: OutletEntry | None = None
    vague: bool = False


# Prepositions that give a body's seat: "die Polizei in Köln", "the court in Manhattan"
SEAT_PREPOSITIONS = {"in", "im", "aus"}
# a lone name after these is a place, never the organisation "die Gewerkschaft" points back to
PLACE_PREPOSITIONS = {"in", "aus", "nach", "from"}

# Capitalised words that name a day or month, never a speaker ("said Wednesday", "am Montag")
CALENDAR_WORDS = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february",
                  "march", "april", "june", "july", "august", "september", "october", "november", "december",
                  "montag", "dienstag", "mittwoch", "donnerstag", "freitag", "samstag", "sonntag", "januar",
                  "februar", "märz", "juni", "juli", "oktober", "dezember"}

# Prepositions that add a scene to a speaker's noun phrase, not part of the speaker's name or role
SCENE_PREPOSITIONS = {"vor", "gegenüber", "im", "am", "beim", "bei", "während", "nach", "auf", "at", "on", "during",
                      "after", "before"}


@dataclass
class Entity:
    """A person or organisation seen in the text, for pronoun and descriptor resolution."""

    name: str
    type: str
    sentence: int
    rank: int  # -1 the speaker of a claim, 0 subject, 1 other
    position: int
    role: str | None = None


@dataclass
class Memory:
    entities: list[Entity] = field(default_factory=list)
    full_names: dict[str, str] = field(default_factory=dict)  # surname → full name
    roles: dict[str, str] = field(default_factory=dict)  # full name → role
    last_outlet: dict[str, Source] = field(default_factory=dict)  # outlet type → last outlet
    outlet_via: dict[str, list[Source]] = field(default_factory=dict)  # outlet name → its sources
    abbreviations: dict[str, str] = field(default_factory=dict)  # "DWD" → "Deutschen Wetterdienstes (DWD)"
    outlets: list[OutletEntry] = field(default_factory=list)  # outlets named so far, in text order


class Attributor:
    def __init__(self, doc: ParsedDoc, found: DocClaims, rules: LanguageRules) -> None:
        self.doc = doc
        self.found = found
        self.rules = rules
        self.text = doc.text
        self.memory = Memory()
        self.last_body: tuple[int, Source] | None = None  # sentence and source of the last organisation that spoke
        src = rules.sources
        self.anonymous = {w.lower() for w in src.anonymous}
        self.vague = {w.lower() for w in src.vague}
        self.governments = {k.lower(): v for k, v in src.governments.items()}
        self.roles = {w.lower() for w in src.roles}
        self.honorifics = {w.lower().rstrip(".") for w in src.honorifics}
        self.organizations = {w.lower() for w in src.organizations}
        self.first_names = first_names() | female_first_names()  # "His daughter, Alicia, …": a person
        self.women_names = female_first_names() | {"Mrs.", "Ms."}  # whom "er"/"he" does not mean
        self.men_names = male_first_names() | {"Mr.", "Mr"}  # whom English "she" does not mean
        # longest first: "Angaben" before "Angabe"
        self.document_nouns = sorted(rules.document_nouns, key=len, reverse=True)
        self.org_descriptors = {w.lower() for w in src.organization_descriptors}
        self.pronouns = {k.lower(): v for k, v in src.pronouns.items()}
        self.headline_labels = {w.lower() for w in src.headline_labels}
        self.references = {
            w.lower(): kind for kind, words in rules.outlets.references.items() for w in words
        }
        self.name_heads = {w.lower(): kind for kind, words in rules.outlets.name_heads.items() for w in words}

    # ---- outlets
    def match_outlet(self, tokens: list[Token]) -> tuple[OutletEntry, int, int] | None:
        """Longest outlet alias inside the tokens (also "ARD-Sendung" → ARD), else an outlet by its shape."""
        return find_outlet(tokens, self.rules.outlet_aliases) or self.shaped_outlet(tokens)

    def shaped_outlet(self, tokens: list[Token]) -> tuple[OutletEntry, int, int] | None:
        """An outlet the registry lacks, by the shape of its name: a definite article, then capitalised
        words ending in a title word of rules/*/outlets.yaml `name_heads` ("The Harbor Gazette",
        "der Lausitzer Rundschau", "der Ostsee-Zeitung")."""
        for i, t in enumerate(tokens[:-1]):
            if t.text.lower() not in DEFINITE:
                continue
            j = i + 1
            while j < len(tokens) and tokens[j].text[:1].isupper() and tokens[j].upos not in PUNCT \
                    and tokens[j].text not in ALL_MARKS and j - i <= 5:
                j += 1
            for end in range(j, i + 1, -1):
                run = tokens[i + 1 : end]
                last = run[-1].text.lower()
                head = last if last in self.name_heads else last.rsplit("-", 1)[-1] if "-" in last.strip("-") else ""
                kind = self.name_heads.get(head)
                # "Harbor Gazette" (two words or more) or "Ostsee-Zeitung" (a compound); never "the Gazette"
                if kind is not None and (len(run) >= 2 or head != last):
                    name = " ".join(x.text for x in run)
                    return OutletEntry(name=name, type=kind), i + 1, end  # type: ignore[arg-type]
        return None

    def title_back_reference(self, toks: list[Token]) -> Source | None:
        """ "the Times", "the Post", "the Gazette": a title word alone points back to the last outlet whose
        name has it (The New York Times, The Denver Post) — not to the registry's London "The Times"."""
        words = [t for t in toks if t.upos not in PUNCT]
        if len(words) != 2 or words[0].text.lower() not in DEFINITE or not words[1].text[:1].isupper():
            return None
        word = words[1].text.lower()
        if word not in self.name_heads or word in self.references:
            return None
        for entry in reversed(self.memory.outlets):
            if word in re.split(r"[\s-]+", entry.name.lower()):
                return Source(entry.name, "outlet", self._span_text(toks), toks[0].start, toks[-1].end, outlet=entry)
        return None

    def outlet_source(self, entry: OutletEntry, tokens: list[Token]) -> Source:
        return Source(entry.name, "outlet", self._span_text(tokens), tokens[0].start, tokens[-1].end, outlet=entry)

    # ---- names
    def _span_text(self, tokens: list[Token]) -> str:
        return self.text[tokens[0].start : tokens[-1].end]

    def _name_like(self, toks: list[Token], i: int, after_role: bool) -> bool:
        t = toks[i]
        if not t.text[:1].isupper() or t.text in ALL_MARKS or t.upos in PUNCT or self._title(toks, i):
            return False
        # a small tagger calls names nouns; after a role noun ("Bundeskanzler Olaf Scholz") they are names
        if self.doc.language == "en" and t.upos in ("ADJ", "NOUN") and 0 < i < len(toks) - 1 \
                and toks[i - 1].upos == "PROPN" and toks[i + 1].upos == "PROPN" and toks[i + 1].text[:1].isupper():
            return True  # "Denver Health Medical Center": a capitalised word between name words is one of them
        return t.upos == "PROPN" or (after_role and t.upos in ("NOUN", "X") and not self._is_role(t.text))

    def _title(self, toks: list[Token], i: int) -> bool:
        """A role word the tagger made part of a name: "Sen. Dale Hutchins", "Mayor Tom Whitaker" (an
        abbreviation, or a role before a first and last name; "General Motors" stays a name)."""
        t = toks[i]
        if t.upos != "PROPN" or not self._is_role(t.text) or i + 1 >= len(toks) or toks[i + 1].upos != "PROPN":
            return False
        return t.text.endswith(".") or (i + 2 < len(toks) and toks[i + 2].upos == "PROPN")

    def learn_names(self, si: int, sent: Sentence, quoted: list[tuple[int, int]] | None = None) -> None:
        """Remember full names ("Olaf Scholz"), their roles, and who was the subject here.

        A name inside a direct quote is learnt as a name but is no antecedent: "“… a fight with Trump,”
        Bozell notes. “…,” he adds" — he is Bozell."""
        toks = sent.tokens
        n_words = sum(t.upos not in PUNCT for t in toks)
        i = 0
        while i < len(toks):
            after_role = i > 0 and toks[i - 1].text[:1].isupper() and self._is_role(toks[i - 1].text)
            after_org = i > 0 and toks[i - 1].text[:1].isupper() and toks[i - 1].text.lower() in self.org_descriptors
            after_role = after_role or after_org
            if self._name_like(toks, i, after_role):
                j = i
                while j + 1 < len(toks) and j - i < 5 and (
                    self._name_like(toks, j + 1, after_role) or glued(toks[j], toks[j + 1]) or (
                        toks[j + 1].text == "&" and j + 2 < len(toks) and toks[j + 2].text[:1].isupper())
                ):
                    j += 2 if toks[j + 1].text == "&" else 1  # "Hartmann & Söhne", "Kessler & Rapp": one firm
                while j > i and toks[j].text == "-":
                    j -= 1
                run = toks[i : j + 1]
                honorific = self._honorific(run[0])
                while run and self._honorific(run[0]):
                    run = run[1:]  # "Ms. Acosta": the surname of someone named before
                if not run:
                    i = j + 1
                    continue
                if self.match_outlet(run) is None and not (i > 0 and self.shaped_outlet(toks[i - 1 : j + 1])):
                    name = self._span_text(run)
                    role = toks[i - 1].text if after_role else None
                    if len(run) >= 2 and not honorific:
                        self.memory.full_names.setdefault(run[-1].text, name)
                        if role:
                            self.memory.roles.setdefault(name, role)
                    full = self.memory.full_names.get(run[-1].text, name)
                    subject = any(t.deprel.startswith("nsubj") for t in run) or any(
                        sent.token(t.head) is not None and sent.token(t.head).deprel.startswith("nsubj")
                        and sent.token(t.head).upos in ("NOUN", "PROPN")
                        for t in run
                    )
                    # "Sachsen-Anhalt" is one word (a place after "in"); "Hélène Vautrin" two
                    words = sum(1 for k, t in enumerate(run) if t.text != "-" and not (k and glued(run[k - 1], t)))
                    place = (i > 0 and toks[i - 1].upos == "ADP" and toks[i - 1].text.lower() in PLACE_PREPOSITIONS) \
                        or (len(run) == n_words and not role)  # "in Frankfurt", a dateline "Frankfurt/Main."
                    kind = "government" if name.lower() in self.governments else "organization" if "&" in name else (
                        "organization" if after_org else
                        # "Denver Health Medical Center", "Quorra Systems": a body by its name's last word
                        "organization" if self.doc.language == "en" and len(run) >= 2
                        and run[-1].text.lower() in self.organizations else
                        "person" if words >= 2 or full != name or role or name in self.first_names else
                        "place" if place else "organization")
                    if after_org:
                        role = None
                    if not inside(quoted or [], run[0].start) and name.lower() not in CALENDAR_WORDS:
                        self.memory.entities.append(Entity(full, kind, si, 0 if subject else 1, run[0].start, role))
                i = j + 1
            else:
                i += 1

    def _honorific(self, t: Token) -> bool:
        return t.text.lower().rstrip(".") in self.honorifics

    def _is_role(self, word: str) -> bool:
        w = word.lower()
        # "62-year-old" → "year-old" (rules/en/sources.yaml roles)
        return w in self.roles or bool(PERSON_SUFFIX.search(w.split("-")[-1])) or w.split("-", 1)[-1] in self.roles

    def recent_person(self, before: int, want: str = "person", gender: str | None = None) -> Entity | None:
        """Most salient earlier entity: nearest sentence first, subjects before others.

        gender "m" ("er", "he") skips women's first names and female role nouns; "f" (English
        "she" only: German "sie" is also "they") skips men's first names and "spokesman"-like roles.
        """
        cands = [e for e in self.memory.entities if e.position < before and e.type != "place"]  # places never speak
        if want == "person":
            cands = [e for e in cands if e.type == "person"]
        elif want == "organization":
            cands = [e for e in cands if e.type in ("organization", "government")]

        def given(e: Entity) -> list[str]:
            return e.name.split()[:-1] or e.name.split()  # the words before the surname ("Mrs.", "Hélène")

        if gender == "m":
            cands = [e for e in cands if not self.women_names.intersection(given(e)) and not (
                e.role and (e.role.lower().endswith("woman") or (
                    e.role.lower().endswith("in") and PERSON_SUFFIX.search(e.role.lower()))))]
        elif gender == "f":
            cands = [e for e in cands if not self.men_names.intersection(given(e))
                     and not (e.role and (e.role.lower().endswith("man") or (
                         self.doc.language == "de" and self._is_role(e.role) and not e.role.lower().endswith(
                             ("in", "frau", "e", "en")))))]  # ("Verteidiger", "Anwalt": men; "Angeklagte": either)
        if not cands:
            return None
        # nearest sentence first; there, the subject, then the first-mentioned (the topic of news prose)
        cands.sort(key=lambda e: (-e.sentence, e.rank, e.position))
        return cands[0]

    def resolve(self, phrase: Phrase | None) -> Source | None:
        """A source phrase → who it names; "X (ABBR)" keeps the abbreviation, which later names X too."""
        src = self._resolve(phrase)
        if src is not None and phrase is not None and phrase.written:
            # "Barkley, who said …": the name from the antecedent, the mention where the clause names it
            src.mention = self._span_text(phrase.written)
            src.start, src.end = phrase.written[0].start, phrase.written[-1].end
        if src is None or phrase is None or src.type in ("outlet",) or (src.type == "person" and " " in src.name):
            return src
        word = src.name.strip()
        if word in self.memory.abbreviations:
            src.name = self.memory.abbreviations[word]
            return src
        m = ABBREVIATION.match(self.text, phrase.end)
        if m:
            src.name = f"{src.name} ({m.group(1)})"
            self.memory.abbreviations[m.group(1)] = src.name
        return src

    def _resolve(self, phrase: Phrase | None) -> Source | None:
        if phrase is None or not phrase.tokens:
            return None
        toks = [t for t in phrase.tokens if t.text not in ALL_MARKS]
        named = self.apposition_name(toks)
        if named is not None:
            return named
        # "der 58-Jährige vor Journalisten", "the senator at a rally": where and to whom is not who
        cut = next((k for k, t in enumerate(toks) if k > 0 and t.upos == "ADP" and t.text.lower() in SCENE_PREPOSITIONS
                    and any(x.upos in ("NOUN", "PROPN") for x in toks[:k]) and not self.group_at_body(toks, k)), None)
        toks = toks[:cut] if cut is not None else toks
        # "die 52-Jährige | ihren Anhängern in Detroit": a dative or accusative phrase after the subject is
        # whom she spoke to (German; the parse sometimes hangs it on the subject)
        to_whom = next((k for k, t in enumerate(toks) if k > 1 and self.doc.language == "de"
                        and t.upos in ("DET", "PRON") and t.feats.get("Case") in ("Dat", "Acc")
                        and toks[k - 1].upos == "NOUN" and self._is_role(toks[k - 1].text)), None)
        toks = toks[:to_whom] if to_whom is not None else toks
        # "eine Sprecherin in München": a person is where she spoke, a body ("die Polizei in Köln") is its seat
        at = next((k for k, t in enumerate(toks) if k > 0 and t.text.lower() == "in" and t.upos == "ADP"
                   and toks[k - 1].text.lower() in SPOKESPERSON
                   and " ".join(t.text.lower() for t in toks[k + 1 :]) not in self.governments), None)  # "in Moskau"
        toks = toks[:at] if at is not None else toks
        if not toks:
            return None
        sent_toks = self.doc.sentences[phrase.sentence].tokens if 0 <= phrase.sentence < len(self.doc.sentences) else []
        k = sent_toks.index(toks[-1]) if toks[-1] in sent_toks else None
        gap = 1 if k is not None and k + 2 < len(sent_toks) and sent_toks[k + 1].text == "." else 0
        if k is not None and k + 1 + gap < len(sent_toks) and sent_toks[k + 1 + gap].text == ")" \
                and sum(t.text == "(" for t in toks) > sum(t.text == ")" for t in toks):
            toks = toks + sent_toks[k + 1 : k + 2 + gap]  # "die Gewerkschaft (GDL)", "(D-Ore.)": the bracket closes
            k += 1 + gap
        if k is not None and self.doc.language == "en" and toks[-1].text[:1].isupper() \
                and toks[-1].text.lower() in self.organizations:
            # "the Department | for Levelling Up": a weak parse cuts a body's name at its "for"/"of"
            j = k + 1
            while j + 1 < len(sent_toks) and sent_toks[j].text in ("for", "of", "and") \
                    and sent_toks[j + 1].text[:1].isupper() and sent_toks[j + 1].upos not in ("VERB", "AUX"):
                j += 2
                while j < len(sent_toks) and sent_toks[j].text[:1].isupper() and sent_toks[j].upos != "VERB":
                    j += 1
            if j > k + 1:
                toks = toks + sent_toks[k + 1 : j]
                k = j - 1
        if k is not None and self.doc.language == "de" and toks[-1].upos == "NOUN" and self._is_role(toks[-1].text) \
                and k + 2 < len(sent_toks) and all(t.upos == "PROPN" and t.text[:1].isupper()
                                                   for t in sent_toks[k + 1 : k + 3]) \
                and sent_toks[k + 1].text in self.first_names:
            # "sagte sein Wahlkampfmanager | Tom Reyes": the name after the role, whatever the parse hung it on
            toks = toks + sent_toks[k + 1 : k + 3]
            k += 2
        # the phrase may stop inside an outlet's name ("die „Washington | Post“"): look a few words on
        if k is not None:
            wider = toks + [t for t in sent_toks[k + 1 : k + 4] if t.text not in ALL_MARKS]
            hit = find_outlet(wider, self.rules.outlet_aliases)
            # ("die Finanznachrichtenagentur | Bloomberg": a title word, then the outlet's name)
            titled = toks[-1].upos == "NOUN" and any(toks[-1].text.lower().endswith(w)
                                                     for w in self.rules.outlet_references if len(w) >= 5)
            if hit is not None and (hit[1] < len(toks) or (hit[1] == len(toks) and titled)) and hit[2] > len(toks):
                toks = wider[: hit[2]]
        text = self._span_text(toks)
        back = self.title_back_reference(toks)
        if back is not None:
            return back
        # (with its quotation marks: die „Bild“ is the paper, "Bild" alone a picture)
        in_toks = self.match_outlet(toks)
        outlet = in_toks or self.match_outlet(phrase.tokens)
        if self.doc.language == "de" and in_toks is not None and 2 <= in_toks[1] < len(toks) \
                and toks[in_toks[1] - 1].text.lower() in ("dem", "der") \
                and any(t.upos == "PROPN" for t in toks[: in_toks[1] - 1]):
            # "der Datenschutzbeauftragte Karsten Vogt | dem NDR": whom he told, not who spoke
            return self._resolve(Phrase(phrase.sentence, toks[: in_toks[1] - 1], phrase.role))
        if outlet:
            entry, _, _ = outlet
            src = self.outlet_source(entry, toks)
            self.memory.last_outlet[entry.type] = src
            if entry.name not in {o.name for o in self.memory.outlets}:
                self.memory.outlets.append(entry)
            return src
        paren = next((k for k, t in enumerate(toks) if t.text == "("), None)
        # what may follow the abbreviation: nothing, or where the body sits ("(VGH) in Mannheim")
        seat = paren is not None and paren + 4 < len(toks) and toks[paren + 2].text == ")" \
            and toks[paren + 3].text.lower() in ("in", "im", "aus") \
            and all(t.upos == "PROPN" for t in toks[paren + 4 :])
        if paren is not None and 0 < paren < len(toks) - 1 and re.fullmatch(r"[A-ZÄÖÜ]{2,6}", toks[paren + 1].text) \
                and (seat or all(t.text == ")" for t in toks[paren + 2 :])) \
                and not any(t.upos == "PROPN" for t in toks[:paren]) and any(t.upos == "NOUN" for t in toks[:paren]):
            # "Die Deutsche Krankenhausgesellschaft (DKG)": a body named by common nouns, with its abbreviation
            abbr = toks[paren + 1].text
            name = f"{self._bare(toks[:paren])} ({abbr})"
            self.memory.abbreviations[abbr] = name
            end = toks[-1].end + (1 if self.text[toks[-1].end : toks[-1].end + 1] == ")" else 0)
            return Source(name, "organization", self.text[toks[0].start : end], toks[0].start, end)
        if self.doc.language == "en":
            # "Taiwan's Defense Ministry", "China's foreign ministry": the possessor is not the speaker
            poss = [k for k, t in enumerate(toks) if t.text in ("'s", "’s", "'", "’") and 0 < k < len(toks) - 1]
            # (not inside an apposition: "Dan Whitcombe, chair of the Northbridge Supporters' Trust")
            principal = toks[-1].text.lower() in ("office", "campaign", "administration", "staff", "team", "camp")
            if poss and any(t.upos in ("NOUN", "PROPN") for t in toks[poss[-1] + 1 :]) and not any(
                    t.text == "," or t.upos == "ADP" for t in toks[: poss[-1]]) and not principal:
                # ("Lindahl's office declined", "Trump's campaign said": the principal's own body speaks)
                toks = toks[poss[-1] + 1 :]
                text = self._span_text(toks)
        content = [t for t in toks if t.upos not in ("DET", "ADP") and t.upos not in PUNCT]
        if not content:
            content = toks
        head = content[-1] if content else toks[-1]
        nouns = [t for t in content if t.upos in ("NOUN", "PROPN")]
        # generic outlet back-references: "die Zeitung", "the paper", "the news agency"; a title word
        # alone ("the Post") whose outlet was not named before points back by type
        ref = " ".join(t.text.lower() for t in nouns)
        ref_kind = self.references.get(ref) or (
            self.name_heads.get(ref) if len(nouns) == 1 and len(content) == 1 and nouns[0].text[:1].isupper()
            and toks[0].text.lower() in DEFINITE else None
        )
        if nouns and ref_kind is not None:
            kind = ref_kind
            prev = self.memory.last_outlet.get(kind)
            if prev is not None:
                return Source(prev.name, "outlet", text, toks[0].start, toks[-1].end, outlet=prev.outlet)
        bare = " ".join(t.text for t in content)
        if bare.lower() in self.governments or (head.text.lower() in self.governments and len(content) <= 2):
            return Source(bare, "government", text, toks[0].start, toks[-1].end,
                          role=self.governments.get(bare.lower()) or self.governments.get(head.text.lower()))
        # a name the text gave in full before is a name even where the tagger missed it ("Delgado said")
        propn = [t for t in content if t.text[:1].isupper() and (t.upos == "PROPN" or t.text in self.memory.full_names)
                 and not re.match(r"-(based|headquartered|born)\b", self.text[t.end : t.end + 16])]  # "Seattle-based"
        first_noun = content[0]
        one_word = all(b.start == a.end for a, b in itertools.pairwise(toks)) and len(toks) <= 3  # "Élysée-Kreisen"
        if (len(content) == 1 or one_word) and content[-1].text.lower().split("-")[-1] in self.anonymous \
                and head.text.lower() not in self.pronouns:  # ("Élysée-Kreisen")
            # "unter Berufung auf Insider", "Insider sagten": unnamed, whatever the tagger made of the word
            return Source(self._bare(toks), "anonymous", text, toks[0].start, toks[-1].end)
        if self.doc.language == "de" and head.text.lower() == content[-1].text.lower() and all(
                t.upos in ("NOUN", "PROPN", "ADJ") for t in content) and not any(
                t.text in self.first_names for t in content) and self.vague_word(head.text):
            # "Ökonomen", "IT-Sicherheitsexperten", "Demokratische Strategen": an unnamed group, however tagged
            return Source(self._bare(toks), "group", text, toks[0].start, toks[-1].end, vague=True)
        if self.doc.language == "de" and content[0].upos == "NOUN" and content[0].text.lower() in self.anonymous \
                and content[0].text.lower() not in ("person", "quelle") and len(content) > 1 \
                and not any(t.upos == "PROPN" and t.start < content[0].start for t in content):
            # "Mitarbeiter des Medienboards Berlin-Brandenburg": unnamed people of a named body
            return Source(self._bare(toks), "anonymous", text, toks[0].start, toks[-1].end)
        # pronouns: "er", "sie"
        if len(content) == 1 and (head.upos == "PRON" or head.feats.get("Poss") == "Yes" or (
                head.upos == "DET" and head.text.lower() in self.pronouns)):  # "dieser" tagged DET
            want = self.pronouns.get(head.text.lower())
            if want is None:
                return Source(text, "group", text, toks[0].start, toks[-1].end, vague=head.text.lower() in self.vague)
            near = self.demonstrative_referent(head, phrase) or self.topic_referent(head, phrase)
            if near is not None:
                return Source(near.name, near.type, text, toks[0].start, toks[-1].end, role=near.role)
            body = self.body_pronoun(head, phrase.sentence)
            if body is not None:
                return Source(body.name, body.type, text, toks[0].start, toks[-1].end, role=body.role)
            pronoun = head.text.lower()
            gender = "m" if pronoun in (("er", "seiner", "seinen", "seinem", "dieser") if self.doc.language == "de"
                                        else ("he", "him", "his")) else \
                "f" if self.doc.language == "en" and pronoun in ("she", "her", "hers") else None
            ent = self.recent_person(toks[0].start, "person" if want == "person" else "any", gender=gender)
            if ent is not None:
                return Source(ent.name, ent.type, text, toks[0].start, toks[-1].end,
                              role=self.memory.roles.get(ent.name, ent.role))
            return Source(text, "person", text, toks[0].start, toks[-1].end)
        # the last written word, hyphen parts included ("der SPD-Politiker": SPD - Politiker, whatever their tags)
        last_word = [content[-1]]
        k = toks.index(content[-1]) if content[-1] in toks else -1
        while k > 0 and glued(toks[k - 1], toks[k]):
            k -= 1
            if toks[k].text != "-":
                last_word.insert(0, toks[k])
        written = self.text[last_word[0].start : last_word[-1].end]  # "27-year-old", however tokenised
        # "dem Umfeld des Spielers": a role in the genitive is not who the phrase names
        genitive = k > 1 and toks[k - 1].text.lower() in ("des", "der") and any(
            t.upos == "NOUN" for t in toks[: k - 1]) and self.doc.language == "de"
        descriptor = (
            toks[0].upos == "DET" and toks[0].text.lower() in ("der", "die", "the", "des", "dem", "den")
            and (self._is_role(last_word[-1].text) or self._is_role(written)) and not genitive
            and (all(t in last_word for t in propn) or (
                # "the Texas senator", "the former New York mayor": the names only say of where
                self.doc.language == "en" and last_word[-1].text.islower() and last_word[-1].text.lower()
                not in SPOKESPERSON and all(p.start < last_word[0].start for p in propn)
                and not any(t.upos in PUNCT or t.upos == "ADP" or t.text in ("'s", "’s") for t in toks)))
        )
        # "A spokesperson for the Department of Health and Social Care": the role's body, not a name in it
        role_for = self.doc.language == "en" and bool(propn) and nouns[:1] != propn[:1] and bool(nouns) \
            and nouns[0].upos == "NOUN" and self._is_role(nouns[0].text) and any(
                t.text.lower() in ("for", "of", "at") and nouns[0].start < t.start < propn[0].start for t in toks)
        if propn and head.upos == "NOUN" and head.text.lower() in self.anonymous \
                and all(p.start < head.start for p in propn) \
                and (toks[0].upos == "NUM" or toks[0].text.lower() in ("a", "an", "some", "several", "ein", "eine")):
            # "two Senate aides", "a White House official": unnamed people of a named body ("District officials
            # have denied" is the district speaking)
            return Source(self._bare(toks), "anonymous", text, toks[0].start, toks[-1].end)
        if self.doc.language == "en" and propn and head.upos == "NOUN" and head.text.islower() \
                and all(p.start < head.start for p in propn) and not any(t.upos in PUNCT for t in toks) \
                and toks[0].text.lower() in ("a", "an", "one", "another") and (
                    re.search(r"(er|or|ist|ant|ent|ive|ian)$", head.text.lower()) or head.text.lower() in self.anonymous
                    or self._is_role(head.text)):  # a person noun ("a Marist poll", "a White House readout": named)
            # "A Trump supporter said": somebody the name describes, not the one named
            return Source(self._bare(toks), "anonymous", text, toks[0].start, toks[-1].end)
        if self.doc.language == "en" and propn and head.upos == "NOUN" and head.text.islower() \
                and head.text.lower() in self.organizations and all(p.start < head.start for p in propn) \
                and toks[0].text.lower() in DEFINITE:
            # "The Sanders campaign said", "the Obama administration": an organisation of its own
            return Source(self._bare(toks), "organization", text, toks[0].start, toks[-1].end)
        seat = next((t for t in toks if t.upos == "ADP" and t.text.lower() in SEAT_PREPOSITIONS), None)
        if propn and nouns and nouns[0].upos == "NOUN" and nouns[0].text.lower().endswith(tuple(self.organizations)) \
                and seat is not None and nouns[0].start < seat.start < propn[0].start:
            # "die Polizei in Köln", "a court in Manhattan": the body at its seat, not the place
            body = toks[toks.index(nouns[0]) :]
            return Source(self._span_text(body), "organization", text, toks[0].start, toks[-1].end)
        joined = [t for t in content if t.text != ","]
        if self.doc.language == "en" and len(joined) >= 3 and joined[0].text[:1].isupper() \
                and joined[-1].text[:1].isupper() and all(t.text[:1].isupper() or t.text.lower() in NAME_JOINERS
                                                          for t in joined) \
                and any(t.text.lower() in ("and", "&") for t in joined) \
                and any(t.text.lower() in self.organizations for t in joined):
            # "The Food and Drug Administration", "the Department of Health and Human Services": one name
            return Source(self._span_text(content), "organization", text, toks[0].start, toks[-1].end)
        org_at = next((k for k, t in enumerate(toks[:-1]) if t.upos == "NOUN" and t.text[:1].isupper()
                       and t.text.lower().endswith(tuple(self.organizations)) and toks[k + 1] is propn[0]), None) \
            if self.doc.language == "de" and propn and len(propn) <= 2 else None
        if org_at is not None and all(t.upos == "PROPN" or t.text == "-" for t in toks[org_at + 1 :]):
            # "ein Sprecher der Polizei Köln", "die Staatsanwaltschaft Osnabrück": the body and its seat
            return Source(self._span_text(toks[org_at:]), "organization", text, toks[0].start, toks[-1].end)
        if propn and not descriptor and not role_for:
            between = [t for t in content if t.upos in ("NOUN", "PROPN") and t.text.islower() and self._is_role(t.text)
                       and propn[0].start < t.start < propn[-1].start
                       and "," not in self.text[propn[0].start : t.start]]  # not "Dan Whitcombe, chair of …"
            if between:
                propn = [p for p in propn if p.start > between[-1].start]  # "City Council member Rosa Jiménez"
            run = self._name_run(content, propn, self.text)
            while len(run) > 1 and (self._title(run, 0) or self._is_role(run[0].text) or self._honorific(run[0])):
                run = run[1:]  # "Sen. Dale Hutchins" → Dale Hutchins, role Sen.; "Mr. Hale" → Hale
            title = None
            if self.doc.language == "en":
                run, title = self._english_name(phrase, run)
            name = self._span_text(run)
            full = self.memory.full_names.get(run[-1].text, name) if len(run) == 1 else name
            role_toks = [t for t in content if (t.upos == "NOUN" or self._is_role(t.text)) and t.start < run[0].start
                         and not self._honorific(t)]
            role = title or (role_toks[-1].text if role_toks else self.memory.roles.get(full))
            if full.lower() in self.governments:
                return Source(full, "government", text, toks[0].start, toks[-1].end,
                              role=self.governments[full.lower()])
            kind = "person"
            if not role and len(run) == 1 and full == name and run[0].ner[2:] in ("ORG", "LOC"):
                kind = "organization"
            elif len(run) > 1 and run[-1].text.lower() in self.organizations:
                kind = "organization"  # "Quorra Systems", "Harrowgate Capital", "Senate Judiciary Committee"
            return Source(full, kind, text, toks[0].start, toks[-1].end, role=role)
        words = {t.text.lower() for t in content}
        body = self.compound_body(head) if len(content) == 1 and head.upos == "NOUN" else None
        if body is not None:
            # "nach Polizeiangaben", "laut Armeeberichten": the body in front of the document noun
            return Source(body, "organization", text, toks[0].start, toks[-1].end)
        if len(content) == 1 and head.upos == "NOUN" and toks[0] is head and head.feats.get("Number") == "Plur" \
                and head.text.lower() not in self.organizations:  # ("Prosecutors allege": the prosecution speaks)
            # "Ärzteverbände warnen …": an unnamed plural group
            return Source(head.text, "group", text, toks[0].start, toks[-1].end, vague=True)
        body_words = [t for t in content[:-1] if t.upos in ("NOUN", "PROPN", "ADJ")]
        if self.doc.language == "en" and head.text.lower() in ("officials", "authorities") and body_words \
                and body_words[-1].text.lower() in self.organizations and toks[0].upos not in ("NUM", "DET"):
            # "Transit agency officials told …", "police officials said": the named body speaks
            body = toks[: toks.index(head)]
            return Source(self._bare(body), "organization", text, toks[0].start, toks[-1].end, role=head.text)
        if self.doc.language == "en" and [t.text.lower() for t in toks[:2]] == ["one", "of"]:
            # "One of them described the call as …": one of a group the text does not name here
            return Source(self._bare(toks), "anonymous", text, toks[0].start, toks[-1].end)
        if words & self.anonymous or (head.text.lower() in self.anonymous):
            return Source(self._bare(toks), "anonymous", text, toks[0].start, toks[-1].end)
        if head.text.lower() in self.vague or first_noun.text.lower() in self.vague or self.vague_compound(head) or (
            toks[0].upos in ("DET", "ADJ") and toks[0].text.lower() in self.vague  # "Some delegates", "Many experts"
        ):
            return Source(self._bare(toks), "group", text, toks[0].start, toks[-1].end, vague=True)
        if len(nouns) == 1 and nouns[0] is head and head.text.lower() in self.org_descriptors \
                and toks[0].text.lower() in DEFINITE:
            # "das Unternehmen", "the company": the organisation named before
            named = self.body_named_before(phrase, toks[0])
            if named is not None:
                return Source(named, "organization", text, toks[0].start, toks[-1].end, role=head.text)
            ent = self.recent_person(toks[0].start, "organization")
            if ent is not None and ent.type == "organization" and (
                    self.doc.language != "en" or ent.sentence >= phrase.sentence - 4):  # (English: not from afar)
                return Source(ent.name, "organization", text, toks[0].start, toks[-1].end, role=head.text)
        if len(nouns) == 2 and nouns[1] is head and head.text.lower() in SPOKESPERSON and nouns[0].text.islower():
            # "a department spokesperson", "a ministry spokesman": of the body with that word named before
            word = nouns[0].text.lower()
            body = next((e for e in reversed(self.memory.entities) if e.type in ("organization", "government")
                         and word in e.name.lower().split() and e.position < toks[0].start), None)
            if body is None and self.doc.language == "en" and phrase.sentence > 0:
                # "… taken to Denver Health Medical Center. …, a hospital spokeswoman said": the one body just named
                bodies = {e.name: e for e in self.memory.entities if e.sentence == phrase.sentence - 1
                          and e.type == "organization"}
                body = next(iter(bodies.values())) if len(bodies) == 1 else None
            if body is not None:
                return Source(body.name, body.type, text, toks[0].start, toks[-1].end, role=head.text)
        # ("ein Sprecher der Behörde", "in einer Mitteilung des Ministeriums": a role or a document of that body)
        body = self.generic_body(toks, nouns, phrase.sentence) if nouns and (
            self._is_role(nouns[0].text) or nouns[0].text.lower() in self.document_nouns) else None
        if body is not None:
            # "Die Staatsanwaltschaft Bonn beantragte … Ein Sprecher der Behörde sagte": that body
            return Source(body, "organization", text, toks[0].start, toks[-1].end, role=nouns[0].text)
        # the first noun heads a German phrase, unless it is cut short: "Mieterinnen- und Mieterverband"
        lead = nouns[1:2] if len(nouns) > 1 and nouns[0].text.endswith("-") else nouns[:1]
        if head.text.lower() in self.organizations or any(
            t.text.lower().endswith(tuple(self.organizations)) for t in lead
        ):
            kind = "government" if "regierung" in head.text.lower() else "organization"
            return Source(self._bare(toks), kind, text, toks[0].start, toks[-1].end)
        if descriptor:
            # a descriptor: "der SPD-Politiker", "die 54-Jährige", "the senator"; "der Anwalt" is a man,
            # "die Kardiologin" a woman (German only: English roles rarely say)
            role = last_word[-1].text.lower()
            female = (role.endswith(("in", "frau")) and bool(PERSON_SUFFIX.search(role) or role in self.roles)) or (
                toks[0].text.lower() == "die" and role.endswith("e"))  # "die 52-Jährige", "die Angeklagte"
            gender = None if self.doc.language != "de" else "f" if female else \
                "m" if toks[0].text.lower() == "der" and not role.endswith("en") else None  # (not "der Angeklagten")
            ent = self.recent_person(toks[0].start, gender=gender)
            if ent is not None:
                return Source(ent.name, "person", text, toks[0].start, toks[-1].end, role=self._bare(toks))
        if len(nouns) == 1 and nouns[0] is head and head.text.lower() in SPOKESPERSON \
                and toks[0].text.lower() in INDEFINITE:
            # "Das Ministerium zeigte sich besorgt. …, sagte eine Sprecherin": the organisation just named
            named = [t for t in toks[1:-1] if t.text[:1].isupper()]
            if named and self.doc.language == "en":
                # "A Halvorsen spokesman" (the tagger may call the name an adjective): the body of that name
                word = named[-1].text
                body = next((e for e in reversed(self.memory.entities) if e.type != "place"
                             and e.name.split()[0] == word and e.position < toks[0].start), None)
                kind = body.type if body is not None and body.type == "government" else "organization"
                return Source(body.name if body else word, kind, text, toks[0].start, toks[-1].end, role=head.text)
            org = self.recent_organization(phrase.sentence, before=toks[0].start)
            if org is not None:
                return Source(org, "organization", text, toks[0].start, toks[-1].end, role=head.text)
        prep = next((j for j, t in enumerate(toks) if j > 0 and t.text.lower() in ("for", "of", "at")
                     and nouns and toks[j - 1] is nouns[0]), None) if self.doc.language == "en" else None
        if nouns and self._is_role(nouns[0].text) and prep is not None and prep + 1 < len(toks) \
                and any(t.text[:1].isupper() for t in toks[prep + 1 :]) and not any(t.text == "," for t in toks):
            # "A spokesperson for the Department for Levelling Up": the body speaks through its role
            return Source(self._bare(toks[prep + 1 :]), "organization", text, toks[0].start, toks[-1].end,
                          role=nouns[0].text)
        if nouns and self._is_role(nouns[0].text):
            # "ein Sprecher des Ministeriums": a role of an organisation, named by the rest
            return Source(self._bare(toks), "organization" if len(nouns) > 1 else "person", text,
                          toks[0].start, toks[-1].end, role=nouns[0].text)
        word = head.text.lower()
        if len(nouns) == 1 and nouns[0] is head and head.upos == "NOUN" and head.feats.get("Number") != "Plur" \
                and toks[0].text.lower() in INDEFINITE | {"one"} and not word.endswith(tuple(self.document_nouns)) \
                and not word.endswith(tuple(self.organizations)) and word not in self.org_descriptors:
            # "One engineer said", "ein Augenzeuge berichtete": somebody the text does not name
            return Source(self._bare(toks), "anonymous", text, toks[0].start, toks[-1].end)
        if (toks[0].upos == "NUM" or toks[0].text.lower() in COUNTING_WORDS) and head.upos == "NOUN" \
                and not propn and head.feats.get("Number") != "Sing":
            # "zwei ranghohe Offiziere", "mehrere Parlamentarier": people counted, not named
            return Source(self._bare(toks), "anonymous", text, toks[0].start, toks[-1].end)
        return Source(self._bare(toks), "group", text, toks[0].start, toks[-1].end)

    def body_named_before(self, phrase: Phrase, first: Token) -> str | None:
        """ "Northstar Airlines canceled …, the carrier said": a body named earlier in the same sentence (English;
        names are learnt only after a sentence is attributed)."""
        if self.doc.language != "en" or not 0 <= phrase.sentence < len(self.doc.sentences):
            return None
        before = [t for t in self.doc.sentences[phrase.sentence].tokens if t.end <= first.start]
        for k in range(len(before) - 1, 0, -1):
            if before[k].upos == "PROPN" and before[k].text.lower() in self.organizations \
                    and before[k - 1].upos == "PROPN" and before[k - 1].text[:1].isupper():
                j = k - 1
                while j > 0 and before[j - 1].upos == "PROPN":
                    j -= 1
                return self._span_text(before[j : k + 1])
        return None

    def apposition_name(self, toks: list[Token]) -> Source | None:
        """ "An economist at Washington State University, Mei Tanaka, says": a role phrase, then the name as its
        apposition — the name speaks, with the role (English)."""
        if self.doc.language != "en" or len(toks) < 5 or toks[0].upos != "DET":
            return None
        comma = next((k for k, t in enumerate(toks) if t.text == ","), None)
        if comma is None or comma < 2:
            return None
        tail = [t for t in toks[comma + 1 :] if t.text != ","]
        role = next((t for t in reversed(toks[:comma]) if t.upos == "NOUN"), None)  # the role's head noun
        if role is None or not 2 <= len(tail) <= 4 or not all(t.upos == "PROPN" for t in tail) \
                or any(t.text == "," for t in toks[: comma]) or role.text.lower() in self.organizations:
            return None
        return Source(self._span_text(tail), "person", self._span_text(toks), toks[0].start, toks[-1].end,
                      role=role.text)

    def group_at_body(self, toks: list[Token], k: int) -> bool:
        """ "Analysts at Harrowgate Capital": a group word, then the named body they work at (no scene)."""
        return self.doc.language == "en" and toks[k].text.lower() == "at" and k + 1 < len(toks) \
            and toks[k - 1].text.lower() in self.vague and (toks[k + 1].upos == "PROPN" or (
                k + 2 < len(toks) and toks[k + 1].upos == "DET" and toks[k + 2].text[:1].isupper()))

    def vague_word(self, word: str) -> bool:
        """A vague group word or a compound ending in one ("Experten", "IT-Sicherheitsexperten")."""
        low = word.lower()
        return low in self.vague or self._ends_in_vague(low)

    def _ends_in_vague(self, low: str) -> bool:
        return any(low.endswith(v) and len(low) > len(v) + 2 for v in self.vague if len(v) >= 6)

    def vague_compound(self, noun: Token) -> bool:
        """ "Militärexperten", "Regierungskritiker": a German compound of a vague group word."""
        return self.doc.language == "de" and noun.upos == "NOUN" and self._ends_in_vague(noun.text.lower())

    def compound_body(self, noun: Token) -> str | None:
        """ "Polizeiangaben" → "Polizei": a German compound of an organisation word and a reporting noun."""
        if self.doc.language != "de":
            return None
        low = noun.text.lower()
        for doc_noun in self.document_nouns:
            prefix = noun.text[: len(noun.text) - len(doc_noun)].rstrip("-")
            if low.endswith(doc_noun) and len(prefix) >= 3 and (
                    prefix.lower() in self.organizations or prefix.lower().rstrip("n") in self.organizations):
                return prefix
        return None

    def demonstrative_referent(self, pron: Token, phrase: Phrase) -> Source | None:
        """ "Im Interview mit dem Anwalt der Familie, Rainer Wittner, sagte dieser, …": German *dieser* points to
        the last name before it, in its own sentence."""
        if self.doc.language != "de" or pron.text.lower() != "dieser":
            return None
        sent = self.doc.sentences[phrase.sentence]
        toks = sent.tokens
        # a person's name: two name words, or a surname the text gave in full before ("Streit" tagged PROPN is none)
        names = [t for t in toks if t.upos == "PROPN" and t.index < pron.index and (
            t.text in self.memory.full_names or (t.index > 1 and toks[t.index - 2].upos == "PROPN"))]
        if not names:
            return None
        return self._resolve(Phrase(phrase.sentence, noun_phrase(sent, names[-1]), "subject"))

    def topic_referent(self, pron: Token, phrase: Phrase) -> Source | None:
        """ "As for Trump, he said …": English names the topic first; the pronoun after it is that one."""
        if self.doc.language != "en" or pron.text.lower() not in ("he", "she", "they", "it"):
            return None
        toks = [t for t in self.doc.sentences[phrase.sentence].tokens if t.index < pron.index]
        while toks and toks[0].upos in ("CCONJ", "ADV") and toks[0].text.lower() != "as":
            toks = toks[1:]  # "But as for …"
        if len(toks) < 4 or [t.text.lower() for t in toks[:2]] != ["as", "for"] or toks[-1].text != ",":
            return None
        topic = toks[2:-1]
        if "," in (t.text for t in topic) or not any(t.upos in ("PROPN", "NOUN") for t in topic):
            return None
        return self._resolve(Phrase(phrase.sentence, topic, "subject"))

    def body_pronoun(self, pron: Token, si: int) -> Source | None:
        """German "Er"/"Sie" after "teilte der Verband mit" / "so die Gewerkschaft": the organisation that spoke in
        the sentence before, when its noun has the pronoun's gender (and no person was named in between)."""
        if self.doc.language != "de" or self.last_body is None or self.last_body[0] != si - 1:
            return None
        gender = {"er": "Masc", "sie": "Fem"}.get(pron.text.lower())
        if gender is None or (gender == "Fem" and pron.feats.get("Number") == "Plur"):
            return None
        body = self.last_body[1]
        mention = [t for t in self.doc.sentences[si - 1].tokens if body.start <= t.start < body.end]
        nouns = [t for t in mention if t.upos == "NOUN"]
        if not nouns or not mention or mention[0].upos != "DET" or nouns[-1].feats.get("Gender") != gender:
            return None
        if any(e.type == "person" and e.sentence == si - 1 and e.rank <= 0 for e in self.memory.entities):
            return None
        return body

    def generic_body(self, toks: list[Token], nouns: list[Token], si: int) -> str | None:
        """German "(ein Sprecher) der Behörde / des Unternehmens": a generic word for a body, with the definite
        article and nothing else, points back to the body named just before."""
        if self.doc.language != "de" or len(nouns) != 2 or nouns[1].upos != "NOUN":
            return None
        k = toks.index(nouns[1]) if nouns[1] in toks else -1
        word = nouns[1].text.lower()
        if k < 1 or toks[k - 1].text.lower() not in ("der", "des") or k != len(toks) - 1:
            return None
        stem = word.removesuffix("es") if word.endswith("es") and word[:-2] in self.organizations else word.rstrip("s")
        generic = stem in self.organizations or stem in self.org_descriptors  # "der Behörde", "des Unternehmens"
        if not generic:
            return None
        # the body that spoke just before ("Die Berlinale lehnte die Forderung ab. …, sagte ein Sprecher des
        # Festivals"), else the one that was a subject
        if self.last_body is not None and si - self.last_body[0] <= 1:
            return self.last_body[1].name
        body = self.recent_organization(si, before=toks[0].start)
        if body is None:
            ent = next((e for e in reversed(self.memory.entities) if e.type in ("organization", "government")
                        and e.position < toks[0].start and e.sentence >= si - 3), None)
            body = ent.name if ent is not None else None
        return body

    def recent_organization(self, si: int, before: int | None = None) -> str | None:
        """The organisation that is the subject of this or one of the two sentences before (in this one,
        before the offset `before`: "a spokesman said the company …" does not name the company as speaker)."""
        for k in range(si, max(-1, si - 3), -1):
            sent = self.doc.sentences[k]
            for t in sent.tokens:
                if before is not None and k == si and t.start >= before:
                    break
                low = t.text.lower()
                if t.deprel.startswith("nsubj") and t.upos in ("NOUN", "PROPN") and (
                        low in self.organizations or low.endswith(tuple(o for o in self.organizations if len(o) > 4))):
                    np = [x for x in noun_phrase(sent, t) if x.upos not in ("DET",) and x.upos not in PUNCT]
                    if np:
                        return self._span_text(np)
        return None

    def _bare(self, toks: list[Token]) -> str:
        """The phrase without a leading article, for names like "Polizei", "informierte Personen"."""
        while len(toks) > 1 and toks[0].upos in ("DET", "ADP"):
            toks = toks[1:]
        return self._span_text(toks)

    def _english_name(self, phrase: Phrase, run: list[Token]) -> tuple[list[Token], str | None]:
        """The whole English name around a run, from the sentence (a weak parse cuts "Association of American
        Railroads" or "Maria Delgado" apart): capitalised words on both sides, joined by of/and/for, without
        the titles before it ("Kazakh Energy Minister Yerlan Sadykov" → Yerlan Sadykov, Minister)."""
        toks = self.doc.sentences[phrase.sentence].tokens
        if run[0] not in toks or run[-1] not in toks:
            return run, None

        def cap(t: Token) -> bool:
            return t.text[:1].isupper() and t.upos in ("PROPN", "NOUN", "X", "ADJ") and t.text not in ALL_MARKS

        def abbreviated(k: int) -> bool:  # "Sen" "." as the tokenizer split "Sen."
            return 0 <= k < len(toks) - 1 and toks[k + 1].text == "." and toks[k].text.lower() + "." in TITLES

        i, j = toks.index(run[0]), toks.index(run[-1])
        while i > 0:
            if cap(toks[i - 1]) or (toks[i - 1].text == "." and abbreviated(i - 2)):
                i -= 1
            elif i > 1 and toks[i - 1].text.lower() in ("of", "for", "&") and cap(toks[i - 2]) \
                    and toks[i - 2].text.lower() in self.organizations:
                i -= 2  # the run was only the end of "Bank of England", "Royal College of Nursing"
            else:
                break
        while j + 1 < len(toks):
            if cap(toks[j + 1]):
                j += 1
            elif abbreviated(j) and j + 2 < len(toks) and cap(toks[j + 2]):
                j += 2
            elif toks[j + 1].text.lower() in ("of", "and", "for", "&") and j + 2 < len(toks) and cap(toks[j + 2]) \
                    and toks[j].text.lower() in self.organizations:
                j += 2  # "Association of American Railroads", "Department of Health", not "Hutchins of Kansas"
            else:
                break
        full = toks[i : j + 1]
        titles = [k for k, t in enumerate(full[:-1]) if self._is_role(t.text) or self._title(full, k)
                  or t.text == "." or t.text.lower() + "." in TITLES or self._honorific(t)]
        if titles:
            last = full[titles[-1]]
            if last.text == "." and titles[-1] > 0:
                last = full[titles[-1] - 1]
            return full[titles[-1] + 1 :], None if self._honorific(last) else last.text
        return full, None

    @staticmethod
    def _name_run(content: list[Token], propn: list[Token], text: str = "") -> list[Token]:
        """The contiguous run of name tokens around a proper noun ("Okonkwo-Brandt" is one); a full
        name of two words beats a prefix ("DWD-Meteorologe Florian Imhoff" → Florian Imhoff)."""
        full = [p for k, p in enumerate(propn[:-1]) if propn[k + 1].index == p.index + 1 and not glued(p, propn[k + 1])
                and not any(glued(x, p) for x in content if x.index == p.index - 1)]
        free = [p for p in propn if not any(glued(p, x) or glued(x, p) for x in content)]
        i = content.index(full[0] if full else free[-1] if free else propn[0])
        while i > 0 and (glued(content[i - 1], content[i]) or (
                content[i - 1].index == content[i].index - 1 and 2 <= len(content[i - 1].text) <= 5
                and content[i - 1].text.isupper() and content[i - 1].text.isalpha())):
            i -= 1  # "IG Metall", "DB Regio": an abbreviation opens the name
        while i > 0 and content[i - 1].index == content[i].index - 2 and content[i - 1].text[:1].isupper() \
                and text[content[i - 1].end : content[i].start] == " & ":
            i -= 1  # "Hartmann & Söhne": one firm
        j = max(i, content.index(full[0] if full else free[-1] if free else propn[0]))
        while j + 1 < len(content) and (
            (content[j + 1].upos in ("PROPN", "NOUN", "X") and content[j + 1].text[:1].isupper()
             and content[j].upos == "PROPN" and content[j + 1].index == content[j].index + 1)
            or glued(content[j], content[j + 1])
            or (content[j + 1].index == content[j].index + 2 and content[j + 1].start == content[j].end + 1
                and content[j].upos == "PROPN" and content[j + 1].text[:1].isupper())
            or (content[j + 1].index == content[j].index + 2 and text[content[j].end : content[j + 1].start] == " & "
                and content[j + 1].text[:1].isupper())
        ):
            j += 1  # "Joe Biden" with "Biden" tagged as a noun is still one name; "Okonkwo-Brandt" past its hyphen;
            # "Hartmann & Söhne" one firm
        return content[i : j + 1]

    # ---- the pass over the document
    def run(self) -> list[Candidate]:
        claims = self.found.claims
        pointers = {p.sentence: p for p in self.found.pointers}
        by_sentence: dict[int, list[Candidate]] = {}
        for c in claims:
            by_sentence.setdefault(c.sentence, []).append(c)
        last: Candidate | None = None
        # a quote the parser splits into sentences still hides its names from pronouns in every part
        quoted: list[tuple[int, int]] = []
        for a, b in sorted((c.start, c.end) for c in claims if c.kind == "direct_quote"):
            if quoted and a < quoted[-1][1]:
                quoted[-1] = (quoted[-1][0], max(b, quoted[-1][1]))
            else:
                quoted.append((a, b))
        for si, sent in enumerate(self.doc.sentences):
            here = sorted(by_sentence.get(si, []), key=lambda c: c.start)
            for c in here:
                self.attribute_one(c)
                if c.continues and c.speaker is None and c.outlet is None:
                    self.inherit(c, last, si)
                elif c.kind == "hearsay" and c.speaker is None and c.outlet is None and last is not None \
                        and last.paragraph == c.paragraph and (self.doc.language == "de" or (
                            c.hearsay == "allegedly" and last.sentence == si - 1 and last.kind == "attributed"
                            and last.document is None and last.rule.startswith("en.marker.according_to"))):
                    # "sollen … sein" continuing a source in the same paragraph; "According to charging documents,
                    # … . He allegedly drove off": the documents allege it (English "is said to", "reportedly"
                    # otherwise say that nobody is named: no inheritance)
                    self.inherit(c, last, si)
                if c.kind == "direct_quote" and c.speaker is None and c.outlet is None and c.continues:
                    c.continues = False
                subordinate = last is not None and last.sentence == si and ClaimFinder.in_subordinate_clause(c)
                if (c.speaker is not None or c.outlet is not None) and not subordinate:
                    last = c  # a claim in a weil-clause does not take over from its sentence's main claim
                if c.speaker is not None and c.speaker.type != "person":
                    self.last_body = (si, c.speaker)
            if si in pointers:
                last = self.apply_pointer(pointers[si], claims) or last
            if any(c.headline for c in here):
                last = None  # a headline starts a new story: nothing continues across it
            self.learn_names(si, sent, quoted)
            for c in here:
                # who was just quoted stays the topic: "“…,” Bozell notes. “…,” he adds."
                if c.speaker is not None and c.speaker.type == "person" and not c.continues:
                    # rank -1: in its sentence, who spoke outranks the other subjects ("… that Clinton faces …,
                    # she replied: …" — the next "she" is still the speaker)
                    self.memory.entities.append(
                        Entity(c.speaker.name, "person", si, -1, c.speaker.start, c.speaker.role))
            self._learn_subject_pronouns(si, sent)
        self.carry_open_quotes(claims)
        self.answer_hearsay(claims)
        self.answer_headlines(claims)
        self.headline_quote_before_speaker(claims)
        # partial quotes inside a content claim take that claim's speaker
        for c in claims:
            if c.kind == "direct_quote" and c.speaker is None and c.outlet is None:
                outer = next((o for o in claims if o is not c and o.start <= c.start and c.end <= o.end
                              and (o.speaker or o.outlet)), None)
                if outer is not None:
                    c.speaker, c.outlet, c.via_sources = outer.speaker, outer.outlet, list(outer.via_sources)
                    c.inherited_from = outer
        for c in claims:
            if c.document is not None and c.speaker is None and c.outlet is None:
                # "Den vorliegenden Informationen zufolge" with no source before it: the document, vaguely
                doc_src = self.resolve(c.document)
                if doc_src is not None:
                    doc_src.vague, c.speaker, c.continues = True, doc_src, False
        return claims

    def _learn_subject_pronouns(self, si: int, sent: Sentence) -> None:
        """A pronoun subject ("Er hatte …") keeps its referent salient for the next sentence."""
        toks = sent.tokens
        for i, t in enumerate(toks):
            # subject by the parse, or by position: first word, or right after a verb in second place
            positional = i == 0 or (i == 2 and toks[1].upos in ("AUX", "VERB"))
            if t.upos == "PRON" and (t.deprel.startswith("nsubj") or positional) and \
                    self.pronouns.get(t.text.lower()) == "person":
                ent = self.recent_person(t.start)
                if ent is not None:
                    self.memory.entities.append(Entity(ent.name, ent.type, si, 0, t.start, ent.role))
            elif t.deprel.startswith("nsubj") and t.text.lower() in SPOKESPERSON and any(
                    c.deprel.startswith("nmod") for c in sent.children(t)):
                # "Ein Sprecher des Ministeriums wollte das nicht kommentieren. …, sagte er.": he speaks for it
                src = self.resolve(Phrase(si, noun_phrase(sent, t), "subject"))
                if src is not None and src.type in ("organization", "government"):
                    self.memory.entities.append(Entity(src.name, "person", si, 0, t.start, t.text))

    def refers_to_document(self, phrase) -> bool:
        """ "dem Urteil", "in der Urteilsbegründung", "the report": a document of the source just named."""
        if phrase is None:
            return False
        toks = [t for t in phrase.tokens if t.upos not in PUNCT]
        nouns = [t for t in toks if t.upos in ("NOUN", "PROPN")]
        if len(nouns) != 1 or nouns[0].upos == "PROPN" or not toks or toks[0].upos != "DET":
            return False
        if toks[0].text.lower() not in ("der", "die", "das", "dem", "den", "des", "the", "this", "diesem", "dieser",
                                        "einer", "einem"):  # "hieß es in einer Mitteilung": its press release
            return False
        word = nouns[0].text.lower()
        return any(word.endswith(n) for n in self.document_nouns)

    def attribute_one(self, c: Candidate) -> None:
        if c.source is not None and c.source.role == "headline":
            return  # decided in answer_headlines, once the story's names are known
        if c.source is not None and self.doc.language == "de" and len(c.source.tokens) == 1 \
                and c.source.tokens[0].text.lower() == "man" and c.kind != "direct_quote":
            # "Man gehe davon aus, …" inside reported speech: the speaker's side, not a new source
            c.continues, c.source = True, None
        if self.refers_to_document(c.source) and not self.match_outlet(c.source.tokens):
            c.continues, c.document, c.source = True, c.source, None
            c.rule = c.rule + ".document"
        src = self.resolve(c.source)
        if src is not None:
            if src.type == "outlet":
                c.outlet = src
            else:
                c.speaker = src
        if c.outlet_hint is not None and c.outlet is None:
            hint = self.resolve(c.outlet_hint)
            if hint is not None and hint.type == "outlet":
                c.outlet = hint
        c.via_sources = [v for v in (self.resolve(p) for p in c.via) if v is not None]
        if c.outlet is not None:
            name = c.outlet.name
            if c.via_sources:
                self.memory.outlet_via[name] = c.via_sources
            elif name in self.memory.outlet_via:
                c.via_sources = list(self.memory.outlet_via[name])

    def inherit(self, c: Candidate, last: Candidate | None, si: int) -> None:
        if last is None or si - last.sentence > CONTINUATION_WINDOW:
            return
        if c.kind == "direct_quote" and last.kind not in ("direct_quote", "indirect_speech", "reported_speech"):
            return
        c.speaker, c.outlet = last.speaker, last.outlet
        c.via_sources = list(last.via_sources)
        c.inherited_from = last.inherited_from or last
        c.rule = c.rule if c.rule.endswith("continues") else c.rule + ".continues"

    def apply_pointer(self, p: Pointer, claims: list[Candidate]) -> Candidate | None:
        """ "Das berichtete X": X stands behind the unattributed claims just before."""
        src = self.resolve(p.source)
        via = [v for v in (self.resolve(x) for x in p.via) if v is not None]
        if src is None:
            return None
        if src.type == "outlet":
            if via:
                self.memory.outlet_via[src.name] = via
            else:
                via = list(self.memory.outlet_via.get(src.name, []))
        if p.via_only:
            # "The news agency cited two officials …": the sources of what X said just before
            for c in claims:
                if c.sentence < p.sentence and p.sentence - c.sentence <= 2 and c.paragraph == p.paragraph \
                        and not c.via_sources and src.name in {getattr(c.outlet, "name", None),
                                                               getattr(c.speaker, "name", None)}:
                    c.via_sources = list(via)
            return None
        targets = []
        pointer_sentences = {q.sentence for q in self.found.pointers if not q.via_only}
        for c in sorted((c for c in claims if c.sentence < p.sentence), key=lambda c: -c.start):
            if c.sentence in pointer_sentences:
                break  # "Das bestätigte die Polizei. … Das berichtete der BR.": the BR's stops at the police's
            if (c.speaker is not None or c.outlet is not None) and not (
                    c.kind == "hearsay" and c.inherited_from is not None):
                break  # ("X soll …" took the last speaker only for want of a better one: the pointer is better)
            if p.sentence - c.sentence > 2 or c.paragraph != p.paragraph:
                break
            targets.append(c)
        for c in targets:
            if c.inherited_from is not None:
                c.speaker, c.outlet, c.inherited_from = None, None, None
            if src.type == "outlet":
                c.outlet = src
            else:
                c.speaker = src
            c.via_sources = via
            c.cue_lemma = c.cue_lemma or (p.cue.lemma if p.cue else None)
            if c.cue is None:
                c.cue = p.cue
            c.rule = c.rule.split(".")[0] + ".pointer.backward"
            if c.kind == "assertion":
                c.kind = "indirect_speech" if c.continues else "attributed"
        return targets[0] if targets else None

    def carry_open_quotes(self, claims: list[Candidate]) -> None:
        """A quote over several paragraphs opens each paragraph and closes only at its end, where the frame is
        („… ¶ „…“, sagte Vogt): the frame after the last part names the speaker of every part."""
        quotes = sorted((c for c in claims if c.kind == "direct_quote"), key=lambda c: c.start)
        for a, b in reversed(list(itertools.pairwise(quotes))):
            gap = self.text[a.end : b.start]
            if a.cue is not None or self.text[a.end - 1 : a.end] in ALL_MARKS or gap.strip() or "\n" not in gap:
                continue
            if (b.speaker is None and b.outlet is None) or (
                    a.speaker is not None and b.speaker is not None and a.speaker.name == b.speaker.name):
                continue  # (already that speaker's: keep the mention it has)
            a.speaker, a.outlet, a.cue, a.cue_lemma = b.speaker, b.outlet, b.cue, b.cue_lemma
            a.via_sources, a.inherited_from, a.continues = list(b.via_sources), None, False

    def headline_quote_before_speaker(self, claims: list[Candidate]) -> None:
        """ "„Wir haben uns verschätzt“ – Velten-Chefin räumt Fehler ein": a headline quote, a dash, then a claim
        whose speaker says it."""
        for a, b in itertools.pairwise(sorted(claims, key=lambda c: c.start)):
            if a.kind == "direct_quote" and a.speaker is None and a.outlet is None \
                    and b.speaker is not None and self.text[a.end : b.start].strip() in ("–", "-", "—"):
                a.speaker, a.outlet, a.via_sources = b.speaker, b.outlet, list(b.via_sources)

    def answer_hearsay(self, claims: list[Candidate]) -> None:
        """'reportedly' / 'soll' answered by an outlet in the next sentence of the paragraph."""
        for c in claims:
            if c.kind != "hearsay" or c.speaker is not None or c.outlet is not None:
                continue
            nxt = [o for o in claims if o.sentence == c.sentence + 1 and o.paragraph == c.paragraph and o.outlet]
            if nxt:
                c.outlet, c.via_sources, c.inherited_from = nxt[0].outlet, list(nxt[0].via_sources), nxt[0]


    def answer_headlines(self, claims: list[Candidate]) -> None:
        """A headline sums up the paragraph below it: it takes the attribution of the claim there
        that shares most of its words ("Trump soll … telefoniert haben" ← the Washington Post)."""

        def stems(c: Candidate) -> set[str]:
            return {w[:5].lower() for w in re.findall(r"\w{4,}", self.text[c.start : c.end])}

        spoke = {w for c in claims if c.speaker is not None for w in c.speaker.name.split()}
        for c in claims:
            if c.headline and c.source is not None and c.source.role == "headline":
                name = self._span_text(c.source.tokens)
                last = name.split()[-1]
                # a person the story names, or a body that speaks in it: "Frankreich: Regierung übersteht …"
                # names a topic even where "Frankreich" is a subject inside a quote
                known = [e for e in self.memory.entities if last in e.name.replace("(", " ").replace(
                    ")", " ").split() and (e.type == "person" or last in spoke)]
                outlet = self.match_outlet(c.source.tokens)
                if outlet is not None:  # "NY Daily News: …"
                    c.outlet = self.outlet_source(outlet[0], c.source.tokens)
                    c.kind = "direct_quote" if c.kind == "direct_quote" else "indirect_speech"
                    continue
                if name in self.memory.abbreviations:
                    c.speaker = Source(self.memory.abbreviations[name], "organization", name, c.source.start,
                                       c.source.end)
                    c.kind = "direct_quote" if c.kind == "direct_quote" else "indirect_speech"
                    continue
                if known:
                    # the fullest name that ends in the label's word: "Angela Merkel" over the label's "Merkel"
                    ending = [e for e in known if e.name.split()[-1] == last] or known
                    ent = max(ending, key=lambda e: len(e.name.split()))
                    c.speaker = Source(ent.name, ent.type, name, c.source.start, c.source.end, role=ent.role)
                    c.kind = "direct_quote" if c.kind == "direct_quote" else "indirect_speech"
                    continue
                words = [t.text.lower() for t in c.source.tokens]
                if len(words) == 1 and (words[0] in self.anonymous or words[0] in self.vague
                                        or words[0] in self.headline_labels):
                    # "Insiders: Trump will rebound", "Poll: …": an unnamed source speaks in the headline
                    c.speaker = self.resolve(c.source)
                    if c.speaker is not None and words[0] in self.headline_labels:
                        c.speaker.vague = True  # which poll? the headline does not say
                    c.kind = "direct_quote" if c.kind == "direct_quote" else "indirect_speech"
                    continue
                if c.kind == "direct_quote":  # "Bahnstreik: „Wir fahren nicht“": the quote, nobody named
                    c.source = None
                    continue
                # a topic, not a speaker: the whole line is the headline's claim
                c.start, c.source, c.kind = c.source.start, None, "assertion"
                c.rule = c.rule.split(".")[0] + ".assertion"
            if not c.headline or c.speaker is not None or c.outlet is not None:
                continue
            words = stems(c)
            below = [o for o in claims if o.paragraph == c.paragraph + 1 and (o.speaker or o.outlet)]
            best, share = None, 0.0
            for o in below:
                s = len(words & stems(o)) / max(1, len(words))
                if s > share:
                    best, share = o, s
            if best is not None and share >= 0.4:
                c.speaker, c.outlet, c.via_sources = best.speaker, best.outlet, list(best.via_sources)
                c.inherited_from = best
                c.rule = c.rule.split(".")[0] + ".headline.summary"
                if c.kind == "assertion":
                    c.kind = best.kind


def attribute(doc: ParsedDoc, found: DocClaims, rules: LanguageRules) -> DocClaims:
    Attributor(doc, found, rules).run()
    return found
