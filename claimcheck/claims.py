"""Stage 3: find claims in a parsed document.

Each sentence is read once, in order, and yields claim candidates with the *grammatical*
evidence for their source (the subject of a cue verb, the object of *laut*, a *Demnach*
that continues, a *Das berichtete X* that points back). Who that source is — a name, an
outlet, a pronoun to resolve — is decided in the next stage, `attribute`.

What makes a claim, in the order it is tried per sentence:
  1. credit lines ("Mit Informationen von dpa", "(Reuters)") → document credits, no claim
  2. direct quotes (quotation marks that are not a title or a name)
  3. cue verbs (rules/<lang>/cues.yaml): clause after/before it → indirect speech or
     belief; noun-phrase object → reported speech; "Das/Dies" object → points back
  4. markers (rules/<lang>/markers.yaml): laut / zufolge / nach Angaben → attributed;
     Demnach → continues; soll … haben, angeblich → hearsay; es heißt → vague
  5. Konjunktiv I with no cue → indirect speech that continues the previous speaker
  6. headline "Name: text" → that name's indirect speech
  7. anything else that states something → the outlet's own assertion
"""

from __future__ import annotations

import bisect
import itertools
import re
from dataclasses import dataclass, field

from claimcheck.nlp.doc import ParsedDoc, Sentence, Token
from claimcheck.nlp.english import DATELINE as EN_DATELINE
from claimcheck.outlets import find_outlet
from claimcheck.quotes import ALL_MARKS, Quote, find_quotes
from claimcheck.rules import CueVerb, LanguageRules, Marker

PUNCT = {"PUNCT", "SYM"}
NOMINAL = {"NOUN", "PROPN", "PRON", "NUM", "ADJ", "DET", "X"}
# Konjunktiv II forms: subjunctive, but also the outlet's own conditional; only they
# continue a speaker when the sentence before was speech.
KONJUNKTIV_II = set(
    "wäre wären wärst hätte hätten hättest würde würden würdest könnte könnten müsste müssten dürfte dürften "
    "möchte möchten sollte sollten wollte wollten gäbe käme kämen ginge stünde wüsste ließe".split()
)
NEGATIONS = {"nicht", "nie", "niemals", "kein", "keine", "not", "never", "n't"}
AGENT_WORDS = {"by", "from"}  # "a report by X", "data from X": the agent after a reporting noun
POINTER_WORDS = {"das", "dies", "dieses", "this", "that", "so"}
# feminine medium nouns: "Der Zeitung sagte er" is a dative, not a subject
MEDIUM_NOUN_ENDINGS = ("zeitung", "agentur", "zeitschrift", "illustrierten", "nachrichtenseite", "wochenzeitung")
# function words of the languages whose names German and English news quote untranslated
FOREIGN_FUNCTION_WORDS = {"of", "for", "the", "and", "de", "du", "des", "la", "le", "les", "pour", "un", "une", "et",
                          "voor", "van", "het", "en", "del", "y", "el", "los", "di", "della", "e"}
NAME_FUNCTION_WORDS = FOREIGN_FUNCTION_WORDS | {"für", "der", "die", "das", "und", "von", "vom", "im", "am", "zum",
                                               "zur", "an", "in", "auf", "mit", "on", "at", "to"}
DOMAIN = re.compile(r"^(https?://)?[\w-]+(\.[\w-]+)*\.[a-z]{2,}(/\S*)?$", re.IGNORECASE)
# nouns that name a person by what they do or are ("der SPD-Politiker", "die 62-Jährige")
PERSON_SUFFIX = re.compile(
    r"(politiker|jährige|sprecher|minister|chef|kanzler|präsident|vorsitzende|abgeordnete|anwalt|anwält|trainer|"
    r"experte|republikaner|demokrat|ökonom|forscher|leiter|direktor|bürgermeister|richter|staatsanwalt|senator|"
    r"gouverneur|botschafter|sekretär|kommissar|ermittler|professor|autor|kandidat|manager|loge|login|arzt|ärztin|"
    r"mediziner|wissenschaftler|berater|gewerkschafter|unternehmer|aktivist|historiker|beauftragte|spieler|"
    r"stürmer|torwart|ingenieur|architekt|pfarrer|bischof|soldat|offizier|kommandeur)(in|innen|en|n|r|s)?$",
    re.IGNORECASE,
)
# clauses these open after a cue's comma are circumstances, not content ("…, nachdem …", "…, woraufhin …")
ADVERBIAL_SUBORDINATORS = {"wenn", "nachdem", "wo", "woraufhin", "weil", "da", "obwohl", "sodass", "bevor",
                           "während", "als", "damit", "indem", "seit", "seitdem", "bis", "falls", "wobei", "weshalb",
                           "weswegen", "wodurch", "worauf", "zumal", "sobald", "solange", "obgleich"}
# a separable verb's zu-infinitive written as one word: "anzutreten", "aufzugeben", "zurückzuziehen"
FUSED_ZU_INFINITIVE = re.compile(r"(ab|an|auf|aus|bei|ein|fest|mit|nach|vor|weg|zu|zurück|zusammen|dar|her|hin)"
                                 r"zu[a-zäöüß]{2,}(en|ern|eln)")
RELATIVE_PRONOUNS = {"der", "die", "das", "den", "dem", "denen", "deren", "dessen", "welche", "welcher", "welchen"}
TITLE_NOUNS = re.compile(
    r"(sendung|show|talkshow|magazin|zeitung|blatt|film|buch|roman|titel|motto|kampagne|operation|projekt|aktion|"
    r"album|lied|song|serie|programm|initiative|podcast|kolumne|artikel|beitrag|reihe|festival|gesetz|plan|"
    r"preis|verband|institut|partei|bündnis|organisation|bewegung|verein|vereinigung|unternehmen|firma|konzern|"
    r"website|webseite|internetseite|portal|ausstellung|werk|stück|oper|musical|spiel|schiff|mission|sonde|slogan|"
    r"parole|name|namen|marke|produkt|modell|app|gruppe|band|chor|schlagzeile|überschrift|hymne|gedicht|fonds|"
    r"programme|newspaper|magazine|book|novel|film|movie|series|campaign|operation|podcast|column|article|title|show)$",
    re.IGNORECASE,
)
CREDIT_LINE = re.compile(
    r"^\s*(\(?\s*(mit (informationen|material) (von|der|des)|quelle:|source:|reporting by|with reporting by|"
    r"material from|additional reporting by|writing by|editing by|compiled by)\b.*|\(\s*[A-Za-z/,. ]{2,20}\s*\)\s*\.?"
    r"|[^.]{0,80}\bcontributed (?:reporting|to this (?:report|story))\b.*)\s*$",
    re.IGNORECASE,
)

# "BERLIN (dpa) -", "WASHINGTON (Reuters) —": a dateline credits the agency for the whole text
DATELINE = re.compile(r"(?m)^[ \t]*(?:[A-ZÄÖÜ][\w./, -]{0,40}?\s*)?\(([A-Za-z][\w/ .]{1,24})\)\s*[-–—:]\s")
# "— The Associated Press" / "Reporting by …; Editing by …" at the end of a text
SIGN_OFF = re.compile(r"(?m)^[ \t]*[-–—][ \t]*(The )?[A-Z][\w ]{1,40}$")


@dataclass
class Phrase:
    """A stretch of tokens in one sentence that names a source (or an outlet, or a via)."""

    sentence: int
    tokens: list[Token]
    role: str  # subject | laut | zufolge | agent | via | holder | headline | pointer | outlet-hint
    written: list[Token] | None = None  # the words that stand for it here, when they only refer to it ("who")

    @property
    def start(self) -> int:
        return self.tokens[0].start

    @property
    def end(self) -> int:
        return self.tokens[-1].end


# English charges in an agentless passive ("is accused of", "was charged with"): someone made them
CHARGE_LEMMAS = {"accuse", "charge", "allege", "suspect", "indict"}


@dataclass
class Candidate:
    start: int
    end: int
    kind: str
    sentence: int
    paragraph: int
    rule: str
    cue: Token | None = None
    cue_lemma: str | None = None
    source: Phrase | None = None
    via: list[Phrase] = field(default_factory=list)
    outlet_hint: Phrase | None = None
    continues: bool = False  # takes its attribution from an earlier claim
    hearsay: str | None = None  # the reportative word ("soll", "angeblich", "reportedly")
    vague: str | None = None  # "es heißt"
    hedge: str | None = None
    quote: Quote | None = None
    headline: bool = False
    # filled by `attribute`
    speaker: object | None = None
    outlet: object | None = None
    via_sources: list = field(default_factory=list)
    inherited_from: Candidate | None = None
    document: Phrase | None = None  # "dem Bericht zufolge" when it continues: the words, if nothing is continued


@dataclass
class Pointer:
    """A sentence that attributes what came before it: "Das berichtete die Washington Post"."""

    sentence: int
    paragraph: int
    source: Phrase | None
    via: list[Phrase]
    cue: Token | None
    via_only: bool = False  # "Die Zeitung beruft sich auf …", "The agency cited officials": only names the sources


@dataclass
class CreditLine:
    text: str
    start: int
    end: int


@dataclass
class DocClaims:
    claims: list[Candidate]
    pointers: list[Pointer]
    credits: list[CreditLine]


# ---- helpers over the parse -------------------------------------------------------------


# First- and second-person pronouns: a belief they hold is the words of whoever speaks, not a report
SPEAKER_PERSONS = {"i", "we", "you", "ich", "wir", "du", "ihr"}
# a share of the people polled ("half of voters", "a majority of Republicans", "55 percent")
SHARE_WORDS = {"half", "majority", "minority", "plurality", "third", "quarter", "fifth", "percent", "most",
               "two-thirds", "three-quarters", "one-third", "one-quarter"}
# English words that open a clause after a cue which is not the cue's content
NOT_CONTENT_OPENERS = {"as", "and", "but", "or", "who", "which", "whose", "where", "whom", "while"}


# shares of respondents: a poll's result, not a speaker ("58 Prozent der Befragten halten …")
POLL_SHARES = {"prozent", "%", "mehrheit", "hälfte", "drittel", "viertel", "percent", "majority", "half"}


# English cue verbs whose object after them is a clause, never a long noun phrase ("said families … file lawsuits"),
# and the few noun objects they do take
CLAUSE_ONLY_LEMMAS = {"say", "claim", "insist", "argue", "contend", "believe", "think", "add", "predict"}
# English words of a time expression between a cue and its "that" ("said late Wednesday that …")
TIME_WORDS = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "today", "yesterday",
              "tonight", "late", "early", "earlier", "later", "last", "this", "next", "week", "month", "year", "night",
              "morning", "afternoon", "evening", "weekend", "recently", "again", "repeatedly", "previously", "once"}
# English conjunctions that open a clause of the narrator's after a report ("…, although he tweeted that …")
CONTRAST_OPENERS = {"although", "though", "while", "whereas", "but"}
# English verbs of a request for comment left unanswered ("did not respond to a request for comment")
NO_COMMENT_VERBS = {"respond", "return", "reply"}
SAY_OBJECTS = {"nothing", "something", "anything", "little", "much", "a", "the", "this", "that", "these", "those", "it",
               "so", "yes", "no", "goodbye", "hello", "more", "less", "otherwise", "thanks"}


def paragraph_index(text: str) -> list[int]:
    """Start offsets of paragraphs (blank-line separated)."""
    starts = [0]
    for m in re.finditer(r"\n\s*\n", text):
        starts.append(m.end())
    return starts


def _paragraph_of(offset: int, starts: list[int]) -> int:
    lo = 0
    for i, s in enumerate(starts):
        if s <= offset:
            lo = i
    return lo


def is_finite_verb(tok: Token) -> bool:
    return tok.upos in ("VERB", "AUX") and tok.feats.get("VerbForm", "Fin") == "Fin"


def is_konjunktiv(tok: Token) -> bool:
    return is_finite_verb(tok) and tok.feats.get("Mood") == "Sub"


def is_konjunktiv_one(tok: Token, sent: Sentence | None = None) -> bool:
    if is_konjunktiv(tok):
        return tok.text.lower() not in KONJUNKTIV_II
    if sent is None or not tok.text[:1].islower() or tok.upos in ("VERB", "AUX", "DET", "PRON", "ADP", "PUNCT"):
        return False
    # the tagger called a lower-case word a noun or adjective: German nouns are capitalised,
    # so check the Konjunktiv I lexicon and stem + e ourselves (rules/de/konjunktiv.yaml)
    from claimcheck.nlp import konjunktiv

    rules = konjunktiv.load_rules()
    form = tok.text.lower()
    if form in rules.not_verbs:
        return False
    return form in rules.always or form in rules.unless_first_person or konjunktiv.regular_form(form, tok.lemma)


def noun_phrase(sent: Sentence, head: Token) -> list[Token]:
    """The tokens of the noun phrase headed by `head`: its subtree without clauses and edge punctuation."""
    cut = {"acl", "acl:relcl", "advcl", "ccomp", "parataxis", "csubj", "dep"}
    keep = {head.index}
    changed = True
    while changed:
        changed = False
        for t in sent.tokens:
            if t.head in keep and t.index not in keep and t.deprel not in cut and not (
                    t.text.lower() == "part" and t.head == head.index and t.deprel.startswith("nmod")):
                # "Mike Huckabee, for his part, said": the aside is no part of the name
                keep.add(t.index)
                changed = True
    toks = [t for t in sent.tokens if t.index in keep]
    # keep it contiguous around the head (parsers sometimes attach far-away words)
    lo = hi = toks.index(head)
    while lo > 0 and toks[lo - 1].index == toks[lo].index - 1:
        lo -= 1
    while hi < len(toks) - 1 and toks[hi + 1].index == toks[hi].index + 1:
        hi += 1
    toks = toks[lo : hi + 1]
    while toks and (toks[0].upos in PUNCT or toks[0].text in ALL_MARKS or toks[0].deprel == "case"):
        toks = toks[1:]
    while toks and (toks[-1].upos in PUNCT or toks[-1].text in ALL_MARKS):
        toks = toks[:-1]
    return toks or [head]


def _tokens_between(sent: Sentence, start: int, end: int) -> list[Token]:
    return [t for t in sent.tokens if t.start >= start and t.end <= end]


def _trim(tokens: list[Token]) -> list[Token]:
    while tokens and (tokens[0].upos in PUNCT and tokens[0].text not in ALL_MARKS):
        tokens = tokens[1:]
    while tokens and (tokens[-1].upos in PUNCT and tokens[-1].text not in ALL_MARKS):
        tokens = tokens[:-1]
    return tokens


# ---- the finder -------------------------------------------------------------------------


class ClaimFinder:
    def __init__(self, doc: ParsedDoc, rules: LanguageRules) -> None:
        self.doc = doc
        self.rules = rules
        self.text = doc.text
        self.lang = doc.language
        self.quotes = find_quotes(doc.text, doc.language)
        self.quote_starts = [q.inner_start for q in self.quotes]
        self.paragraphs = paragraph_index(doc.text)
        self.claims: list[Candidate] = []
        self.pointers: list[Pointer] = []
        self.credits: list[CreditLine] = []
        self.quote_used: set[Quote] = set()
        self.frame_cues: set[int] = set()  # offsets of cue tokens already spent as a carried quote's frame
        self.clause_cut: set[int] = set()  # sentences whose marker claim covers one ;-clause only
        self.title_quotes: set[Quote] = set()
        self.markers = sorted(rules.markers.markers, key=lambda m: -len(m.phrase.split()))
        self.marker_words = [(m, m.phrase.lower().split()) for m in self.markers]
        self.anonymous = {w.lower() for w in rules.sources.anonymous}
        self.vague_words = {w.lower() for w in rules.sources.vague}
        src = rules.sources
        self.speaker_words = tuple(sorted({w.lower() for w in (*src.roles, *src.organizations, *src.anonymous,
                                                                 *src.vague, *src.organization_descriptors,
                                                                 *src.governments)}))
        self.not_sources = {w.lower() for w in src.not_sources}
        self.honorifics = {w.lower().rstrip(".") for w in src.honorifics}
        self.roles = {w.lower() for w in src.roles}
        self.addressee_verbs = {w.lower() for w in rules.cues.addressee_verbs}
        self.scene_openers = {w.lower() for w in rules.cues.scene_openers}
        # after a cue, "if"/"whether" open what was asked; the other scene openers open no content
        self.clause_scene_openers = self.scene_openers - {"if", "whether"}
        self.si_of = {id(s): i for i, s in enumerate(doc.sentences)}
        self.sentence_starts = [s.start for s in doc.sentences]
        self._pending_hedge: tuple[int, str] | None = None

    # -- cue lookup
    @staticmethod
    def _bracket_aside(sent: Sentence, tok: Token) -> bool:
        """The verb closes a short bracketed aside of its own: "(dpa berichtete)", "(as we reported)"."""
        toks = sent.tokens
        i = tok.index - 1  # positions are 1-based (toks.index would make every cue lookup linear)
        if i + 1 >= len(toks) or toks[i + 1].text not in (")", "]"):
            return False
        before = toks[max(0, i - 4) : i]
        opened = [k for k, t in enumerate(before) if t.text in ("(", "[")]
        return bool(opened) and not any(t.text in (",", ":", ";") for t in before[opened[-1] :])

    def cue_of(self, sent: Sentence, tok: Token) -> CueVerb | None:
        nxt = sent.token(tok.index + 1)
        if tok.deprel == "amod" or (tok.upos == "ADJ" and nxt is not None and nxt.upos == "NOUN"):
            return None  # "den vermuteten Aufenthaltsort", "der angekündigte Streik": an adjective
        if self._bracket_aside(sent, tok):
            return None  # "(Wikinews berichtete)", "(wir berichteten)": a pointer to earlier coverage
        # a small tagger mislabels verbs; a lower-case known cue form is a verb all the same
        # (German nouns are capitalised, so "sagte" cannot be one)
        prev = sent.token(tok.index - 1) if self.lang == "en" and tok.upos == "NOUN" else None
        if prev is not None and (prev.upos in ("DET", "ADJ") or prev.feats.get("Poss") == "Yes" or (
                prev.upos == "NUM" and tok.text.lower().endswith("s"))):
            return None  # "the two states", "his notes": a noun, though a cue verb has that form ("over 60 say": not)
        if tok.upos not in ("VERB", "AUX") and not (
            tok.text[:1].islower() and tok.upos not in PUNCT | {"DET", "PRON", "ADP", "CCONJ", "SCONJ"}
            and (tok.text.lower() in self.rules.cue_forms or self._guess_lemma(tok))
        ):
            return None
        particles = {c.text.lower() for c in sent.children(tok) if c.deprel in ("compound:prt", "prt")}
        # the parse may miss the particle: it stands at the end of the clause ("warf dem Minister vor,")
        toks = sent.tokens
        for i in range(toks.index(tok) + 1, len(toks)):
            nxt = toks[i + 1].text if i + 1 < len(toks) else "."
            if toks[i].text in (",", ";", ":"):
                break
            if toks[i].text in ALL_MARKS or self.inside_quote(toks[i]):
                continue  # "wies die Darstellung als „zugespitzt“ zurück"
            if toks[i].text.islower() and (nxt in (",", ".", ";", ":", "!", "?") or nxt in ALL_MARKS):
                particles.add(toks[i].text.lower())
        if any(c.text.lower() in ("sich",) for c in sent.children(tok)):
            particles.add("sich")
        before = sent.token(tok.index - 1)
        if self.lang == "de" and before is not None and before.text.islower() and self.clause_final(sent, tok):
            particles.add(before.text.lower())  # verb-final clause: "wie das Ministerium bekannt gab,"
        options = list(self.rules.cue_verbs.get(tok.lemma.lower(), [])) or list(
            self.rules.cue_forms.get(tok.text.lower(), [])
        )
        if not options:
            options = self._guess_lemma(tok)
        best = None
        for verb in options:
            # a fused particle ("angekündigt") is fine: the lemma already carries it
            prt = verb.particle or ""
            fused = tok.text.lower().startswith(prt) or tok.lemma.lower().startswith(prt)
            if verb.particle and verb.particle not in particles and not fused:
                continue
            if best is None or (verb.particle and not best.particle):
                best = verb
        if best is None:
            return None
        if tok.upos not in ("VERB", "AUX") and tok.text.lower() in best.noun_forms:
            return None  # "in 30 states", "Beck's remarks": the noun, as the tagger says
        if self.lang == "en" and tok.upos == "NOUN" and any(c.deprel == "case" for c in sent.children(tok)) and any(
                t.text.lower() in ("according", "per", "citing")
                for t in sent.tokens[max(0, tok.index - 6) : tok.index]):
            return None  # "according to local media reports": the source named, not a cue
        after = sent.token(tok.index + 1)
        if best.not_next and after is not None and after.text.lower() in best.not_next:
            return None  # "thanks to a big win"
        if best.frame_only and not any(t.text.lower() in ("wie", "as") and not any(
                x.text == "," for x in sent.tokens[t.index : tok.index - 1]) for t in sent.tokens[: tok.index - 1]):
            return None  # "Wie AFP erfuhr, …" reports; "Sie erfuhr, dass …" is what she learnt
        unwanted = {w.lower() for w in best.not_objects}
        if unwanted and any(c.deprel in ("obj", "obl") and {c.lemma.lower(), c.text.lower()} & unwanted
                            for c in sent.children(tok)):
            return None  # "claimed his third victory"
        if best.not_with:
            avoid = {w.lower() for w in best.not_with}
            near = list(sent.children(tok))
            for step in (-1, 1):  # the words next to the verb: "in Brand geraten", "geraten in Not"
                k = tok.index + step
                while (t := sent.token(k)) is not None and t.upos not in PUNCT and abs(k - tok.index) <= 3:
                    near.append(t)
                    k += step
            if any(t.text.lower() in avoid for t in near):
                return None  # "in Brand geraten", "befindet sich": another verb of the same form
        has_aux = any(c.upos == "AUX" for c in sent.children(tok))
        bare_participle = tok.feats.get("VerbForm") == "Part" and not has_aux
        if best.names and bare_participle and (tok.deprel == "acl" or self.lang == "de"):
            return None  # "a program called Sandy Hook Promise", "auch „BD-Live“ genannt"
        if self.lang == "de" and before is not None and before.text.lower() == "wie" and not is_finite_verb(tok) \
                and not has_aux:
            return None  # "wie erwartet", "wie berichtet": an aside without a source
        return best

    def _guess_lemma(self, tok: Token) -> list[CueVerb]:
        """A small lemmatizer misses inflected forms: try stem + 'en' (betonte → betonen), or for English
        the stem without -s/-ed/-ing ("concludes" → conclude, "points" → point)."""
        word = tok.text.lower()
        if self.lang == "en":
            for suffix, add in (("ies", "y"), ("ied", "y"), ("es", ""), ("s", ""), ("ed", ""), ("d", ""),
                                ("ing", ""), ("ing", "e")):
                if word.endswith(suffix) and len(word) - len(suffix) >= 2:
                    cand = word[: -len(suffix)] + add
                    if suffix == "es" and not cand.endswith(("s", "x", "z", "ch", "sh", "o")):
                        continue  # "planes" is plane + s, not plan + es
                    if cand in self.rules.cue_verbs:
                        return list(self.rules.cue_verbs[cand])
            return []
        if self.lang != "de":
            return []
        # a verb-final clause fuses the particle: "bekanntgab", "hervorhob", "mitteilte"
        for prt, verbs in self.rules.cue_particles.items():
            rest = word[len(prt):]
            if word.startswith(prt) and len(rest) >= 3:
                found = self.rules.cue_forms.get(rest, []) or self.rules.cue_verbs.get(rest, []) \
                    or self._german_stem(rest)
                lemmas = {v.lemma for v in found}
                fused = [v for v in verbs if v.lemma in lemmas]
                if fused:
                    return fused
        return self._german_stem(word)

    def _german_stem(self, word: str) -> list[CueVerb]:
        """Cue verbs whose infinitive is the word's stem + en/n: betonte → betonen, gesagt → sagen."""
        for suffix in ("ten", "te", "et", "t", "en", "e"):
            if word.endswith(suffix) and len(word) - len(suffix) >= 3:
                stem = word[: -len(suffix)]
                for cand in (stem + "en", stem + "n"):
                    if cand in self.rules.cue_verbs:
                        return list(self.rules.cue_verbs[cand])
                if word.startswith("ge"):
                    for cand in (stem[2:] + "en",):
                        if cand in self.rules.cue_verbs:
                            return list(self.rules.cue_verbs[cand])
        return []

    @staticmethod
    def clause_final(sent: Sentence, tok: Token) -> bool:
        """The verb ends its clause (German verb-final order: "…, wie er mitteilte,")."""
        nxt = sent.token(tok.index + 1)
        return nxt is None or nxt.upos == "PUNCT" or nxt.text in ALL_MARKS

    def negated(self, sent: Sentence, tok: Token) -> bool:
        """ "sagte er bisher nicht": a negated cue introduces nothing."""
        toks = sent.tokens
        if self.lang == "en":
            # "did not say", "never said"; "said the bill would not get a vote" is not negated, whatever the parse
            pos = toks.index(tok)
            return any(t.text.lower() in NEGATIONS for t in toks[max(0, pos - 2) : pos])
        pos = toks.index(tok)
        if any(c.text.lower() in NEGATIONS and not (c.index < tok.index and any(
                t.text == "," for t in toks[toks.index(c) + 1 : pos])) for c in sent.children(tok)):
            return True  # (not "Man streite in der Sache, nicht mit Gewalt, betonte sie": that "nicht" is hers)
        for t in toks[pos + 1 :]:
            if t.text in (",", ":", ";") or t.text in ALL_MARKS:
                return False
            if t.text.lower() in NEGATIONS:
                return True
        return False

    @staticmethod
    def infinitive_clause(sent: Sentence, tok: Token) -> bool:
        """ "…, um über eine Lösung zu sprechen": a cue inside a zu-infinitive is content, not a frame."""
        prev = sent.token(tok.index - 1)
        infinitive = tok.feats.get("VerbForm") == "Inf" or (tok.text.islower() and tok.text.endswith("en"))
        return infinitive and prev is not None and prev.text.lower() == "zu"

    def subject_of(self, sent: Sentence, verb: Token, avoid: tuple[int, int] | None = None) -> Phrase | None:
        """Subject of a cue verb; passives use the agent; coordinated verbs share their subject.

        German puts the addressee first as often as the speaker: "Der Zeitung sagte Karma …",
        "Dem ZDF sagte er …". A dative medium before the verb with a name or pronoun right
        after it: the one after the verb is the speaker (the medium is the outlet hint)."""
        shared = self.participle_subject(sent, verb, avoid) or self.coordinated_subject(sent, verb, avoid)
        if shared is not None:
            return shared
        named = self.name_after_quote(sent, verb)
        if named is not None:
            return named
        phrase = self._subject_of(sent, verb, avoid)
        if self.lang == "en" and phrase is not None and len(phrase.tokens) == 1 \
                and phrase.tokens[0].text.lower() in ("who", "which", "that"):
            # "an official who spoke on condition of anonymity said …": the relative pronoun's antecedent
            rel = phrase.tokens[0]
            head = sent.token(verb.head) if verb.deprel.startswith("acl") else None
            if head is None or head.upos not in ("NOUN", "PROPN"):
                head = next((t for t in reversed(sent.tokens[: rel.index - 1]) if t.upos in ("NOUN", "PROPN")), None)
            toks = sent.tokens
            r = toks.index(rel)
            seg = next((i for i in range(r - 2, 0, -1) if toks[i].text in (",", ";", ":") or toks[i].text in ALL_MARKS
                        or self.cue_of(sent, toks[i]) is not None), None)
            if seg is not None and r >= 2 and toks[r - 1].text == "," and self.cue_of(sent, toks[seg]) is not None:
                # '"…," said one Democrat familiar with the discussion, who added …': the inverted speaker
                np = self.np_at(sent, seg + 1)
                if np and np[-1].index < rel.index:
                    return Phrase(phrase.sentence, np, "subject", written=phrase.tokens)
            if head is not None:
                return Phrase(phrase.sentence, noun_phrase(sent, head), "subject", written=phrase.tokens)
        if self.lang == "de" and phrase is not None and len(phrase.tokens) == 1 \
                and phrase.tokens[0].text.lower() in RELATIVE_PRONOUNS and phrase.tokens[0].index > 2:
            # "Deiss, der sich dazu entschlossen hatte, sagte …": the relative pronoun's antecedent speaks
            rel = phrase.tokens[0]
            comma = sent.token(rel.index - 1)
            head = sent.token(rel.index - 2)
            if comma is not None and comma.text == "," and head is not None and head.upos in ("PROPN", "NOUN"):
                # the noun phrase that the relative clause follows: "Brian Baptie von der britischen Erdbebenwarte,
                # die …, sagte" (not only "Erdbebenwarte")
                toks = sent.tokens
                k = toks.index(comma)
                start = next((i + 1 for i in range(k - 1, -1, -1) if toks[i].text in (",", ":", ";")), 0)
                antecedent = _trim(toks[start:k])
                if not antecedent or len(antecedent) > 10 or any(is_finite_verb(t) for t in antecedent):
                    antecedent = noun_phrase(sent, head)
                if self.speaker_like(antecedent):
                    return Phrase(phrase.sentence, antecedent, "subject")
        if self.lang == "de" and verb.lemma.lower() == "zitieren" and self.werden_passive(sent, verb):
            # "Sie wird mit den Worten zitiert": who is quoted is the passive subject
            quoted = next((c for c in sent.children(verb) if c.deprel in ("nsubj:pass", "nsubj")
                           and not (avoid and avoid[0] <= c.start < avoid[1])), None)
            return Phrase(self.si_of[id(sent)], noun_phrase(sent, quoted), "subject") if quoted else phrase
        if self.lang == "de" and phrase is not None and phrase.role == "subject" and self.werden_passive(sent, verb):
            # "In einer Stellungnahme des Ministeriums wird die Entscheidung damit begründet, dass …": the
            # subject of a passive is what was said, not who said it
            return self.prepositional_source(sent, [verb])
        if self.lang == "de" and phrase is not None and phrase.role == "subject" \
                and not self.speaker_like(phrase.tokens):
            # German word order is free and case is ambiguous: "Die Entscheidung kritisierte der Verband" — a parse
            # that takes a thing for the subject while a person or organisation stands in the other slot is wrong
            other = self.other_argument(sent, verb, phrase, avoid)
            if other is not None:
                return Phrase(phrase.sentence, other, "subject")
        if self.lang == "de" and phrase is not None and phrase.tokens[-1].index < verb.index \
                and self.dative_medium(phrase.tokens):
            finite = next((t for t in sent.tokens[phrase.tokens[-1].index :] if is_finite_verb(t)), None)
            if finite is not None and finite.index <= verb.index:
                after = self.np_at(sent, sent.tokens.index(finite) + 1)
                if after and (after[0].upos in ("PROPN", "PRON") or after[0].text[:1].isupper()) and not (
                        avoid and avoid[0] <= after[0].start < avoid[1]):
                    return Phrase(phrase.sentence, after, "subject")
        return phrase

    def name_after_quote(self, sent: Sentence, verb: Token) -> Phrase | None:
        """ '"…," Cecelia Purner, 67, a retired clerk in Allentown, Pa., said': the name right after the quote
        speaks, whichever piece of the appositions the parse made the subject."""
        if self.lang != "en" or not any(t.text == "," for t in sent.tokens[verb.index - 3 : verb.index - 1]):
            return None
        comma = self.trailing_frame(sent, verb)
        mark = self.subject_after_quote(sent, comma) if comma is not None else None
        if mark is None:
            return None
        toks = sent.tokens
        first = []
        for t in toks[mark + 1 :]:
            if t.text == ",":
                break
            first.append(t)
        names = [t for t in first if t.upos == "PROPN" or t.text.lower().rstrip(".") in self.honorifics]
        if not first or len(names) != len(first):
            return None
        return Phrase(self.si_of[id(sent)], first, "subject")

    def coordinated_subject(self, sent: Sentence, verb: Token, avoid: tuple[int, int] | None) -> Phrase | None:
        """ "… and others have said they …": a weak parse hangs the new subject on the clause before; the noun
        phrase between the "and" and the cue is the subject all the same (English)."""
        if self.lang != "en" or any(c.deprel in ("nsubj", "nsubj:pass") for c in sent.children(verb)):
            return None
        toks = sent.tokens
        k = toks.index(verb) - 1
        while k > 0 and toks[k].upos in ("AUX", "ADV", "PART"):
            k -= 1
        end = k
        while k > 0 and toks[k].upos in ("DET", "ADJ", "NUM", "NOUN", "PROPN", "PRON") and end - k < 6:
            k -= 1
        if k == end or toks[k].text.lower() not in ("and", "but") or toks[k - 1].text in (",", ";"):
            return None
        np = toks[k + 1 : end + 1]
        if not any(t.upos in ("NOUN", "PROPN", "PRON") for t in np) or (avoid and avoid[0] <= np[0].start < avoid[1]) \
                or self.never_speaks(np):
            return None
        return Phrase(self.si_of[id(sent)], np, "subject")

    @staticmethod
    def subjectless_participle(sent: Sentence, verb: Token) -> bool:
        """An English -ing form with neither subject nor auxiliary of its own ("adding", "referring")."""
        return verb.text.lower().endswith("ing") and not any(
            c.deprel in ("nsubj", "nsubj:pass", "aux") for c in sent.children(verb))

    def participle_subject(self, sent: Sentence, verb: Token, avoid: tuple[int, int] | None) -> Phrase | None:
        """ "Cruz said …, adding that …", "…," Clinton said, while arguing …": an English participle after a
        comma has no subject of its own; it shares that of the finite verb before it (a weak parse hangs the
        participle anywhere, so go by position)."""
        if self.lang != "en" or not self.subjectless_participle(sent, verb):
            return None
        toks = sent.tokens
        k = toks.index(verb) - 1
        if k >= 0 and toks[k].text.lower() in ("while", "after", "before", "when", "by", "also", "then"):
            k -= 1
        if k >= 1 and toks[k].text in ALL_MARKS:
            k -= 1  # '…the “Golden Week,” saying that …'
        if k < 1 or toks[k].text != ",":
            return None
        # the main clause's verb ("Democrats had sued after Ohio eliminated …, saying"), else the nearest one
        root = next((t for t in toks[:k] if t.deprel == "root" and t.upos == "VERB" and not self.inside_quote(t)),
                    None)
        main = root or next((t for t in reversed(toks[:k]) if is_finite_verb(t) and t.upos == "VERB"
                             and not self.inside_quote(t)), None)
        if main is None:
            return None
        return self.subject_of(sent, main, avoid)

    @staticmethod
    def ends_inversion(sent: Sentence, np: list[Token]) -> bool:
        """An English subject after its cue ends there: "said Smith.", "said Smith, a spokesman", "said Smith in"."""
        nxt = sent.token(np[-1].index + 1)
        return nxt is None or nxt.upos in PUNCT or nxt.upos in ("ADP", "CCONJ", "ADV") or nxt.text in ALL_MARKS

    def never_speaks(self, np: list[Token], head: Token | None = None) -> bool:
        """A time expression or adverb that a weak parse took for a subject ("Hours later", "11:00 am")."""
        words = self.not_sources
        if not words:
            return False
        head = head or next((t for t in reversed(np) if t.upos in ("NOUN", "PROPN", "PRON")), np[-1])
        return head.text.lower() in words or all(t.text.lower() in words or t.upos == "NUM" for t in np)

    def speaker_like(self, toks: list[Token]) -> bool:
        """Could this noun phrase say something? A name, a personal pronoun, a role, an organisation, a group."""
        first = next((t for t in toks if t.upos in ("NOUN", "PROPN", "PRON", "X")), None)
        if self.lang == "de" and first is not None and first.upos == "NOUN" and any(t.upos == "PROPN" for t in toks) \
                and first.text[:1].isupper() and not first.text.isupper() and not first.text.endswith("-") \
                and not self.speaker_like([first]) \
                and all(t.start > first.start for t in toks if t.upos == "PROPN"):
            return False  # "Die Äußerungen Hassemers und Papiers": a thing of someone's, not someone
        if any(t.upos == "PROPN" for t in toks):
            return True
        head = next((t for t in toks if t.upos in ("NOUN", "PRON", "X")), None)
        if head is None:
            return False
        low = head.text.lower()
        if head.upos == "PRON":
            return low in self.rules.sources.pronouns or low in ("ich", "wir", "man", "du", "ihr")
        if head.text[:1].islower():
            return False
        last = low.split("-")[-1]
        return bool(PERSON_SUFFIX.search(last)) or any(last.endswith(w) for w in self.speaker_words)

    def other_argument(self, sent: Sentence, verb: Token, phrase: Phrase,
                       avoid: tuple[int, int] | None) -> list[Token] | None:
        """The speaker-like noun phrase in the other argument slot of the verb's clause: right after the finite
        verb when the parse chose the one before it, or the clause's first one when it chose one after."""
        toks = sent.tokens
        lo, hi = self.clause_window(sent, verb)
        finite = next((t for t in toks if lo <= t.start < hi and is_finite_verb(t)), None)
        if finite is None:
            return None
        candidates = []
        if phrase.tokens[0].index < finite.index:
            candidates.append(self.np_at(sent, toks.index(finite) + 1))
        else:
            first = next((i for i, t in enumerate(toks) if t.start >= lo and t.upos not in PUNCT), None)
            if first is not None and toks[first].index < finite.index:
                candidates.append(self.np_at(sent, first))
        for np in candidates:
            if np and np[0].upos != "ADP" and self.speaker_like(np) \
                    and not (avoid and avoid[0] <= np[0].start < avoid[1]) and not self.dative_medium(np) \
                    and np[0].text.lower() not in ("ihm", "ihn", "ihnen", "ihr", "dem", "den"):
                return np
        return None

    @staticmethod
    def werden_passive(sent: Sentence, verb: Token) -> bool:
        """A participle with *werden* ("wird … begründet", "wurde bestätigt"), by the parse."""
        if verb.feats.get("VerbForm") != "Part":
            return False
        return any(c.deprel.startswith("aux") and c.lemma == "werden" for c in sent.children(verb))

    def dative_medium(self, toks: list[Token]) -> bool:
        """ "Dem Sender", "Der Zeitung", "Der «Süddeutschen Zeitung»": an outlet in the dative."""
        first = toks[0].text.lower()
        if first == "dem":
            return True
        if first != "der":
            return False
        words = [t.text.lower() for t in toks]
        return any(w.endswith(MEDIUM_NOUN_ENDINGS) for w in words) or (
            len(toks) > 2 and toks[1].text.lower().endswith("en") and toks[1].upos == "ADJ"
            and find_outlet(toks, self.rules.outlet_aliases) is not None)

    def _subject_of(self, sent: Sentence, verb: Token, avoid: tuple[int, int] | None = None) -> Phrase | None:
        seen = set()
        node: Token | None = verb
        while node is not None and node.index not in seen:
            seen.add(node.index)
            kids = sent.children(node)
            # auxiliaries: the subject hangs off the participle's head in some parses
            lo, hi = self.clause_window(sent, verb)
            subjects: list[list[Token]] = []
            for c in kids:
                vocative = self.lang == "en" and c.deprel == "vocative" and c.upos == "PROPN" \
                    and c.index < node.index and not self.inside_quote(c)  # "Trump, meanwhile, was …": news has none
                if (c.deprel in ("nsubj", "nsubj:pass", "csubj") and c.deprel != "nsubj:pass") or vocative:
                    np = noun_phrase(sent, c)
                    # a flat parse makes each word of "Vorstandschef Markus Tiedemann" a subject of its own
                    for sib in kids:
                        link = sent.token(np[-1].index + 1)
                        if link is not None and link.text in ("-", "'s", "’s") and sib.index > link.index \
                                and link.start == np[-1].end and sib.deprel == c.deprel \
                                and noun_phrase(sent, sib)[0].index == link.index + 1:
                            # "US-Präsident Joe Biden", "Taiwan's Defense Ministry": one subject, split by the parse
                            np = np + [link] + noun_phrase(sent, sib)
                            continue
                        sib_np = noun_phrase(sent, sib) if sib is not c else []
                        if sib_np and sib_np[0].index == np[-1].index + 1 and np[-1].upos != "PRON" \
                                and sib_np[0].upos != "DET" and (
                                (sib.deprel == c.deprel and sib.upos in ("PROPN", "NOUN", "X"))
                                or (sib.upos == "PROPN" and np[-1].upos == "PROPN")):
                            np = np + sib_np  # "Innenminister | Hans-Peter Friedrich": the name's NP follows
                    if self.lang == "en" and c.text.lower() in TIME_WORDS:
                        # "Saturday at the convention Sen. Elizabeth Warren said": a weak parse makes the time the
                        # subject and hangs the name on it as an apposition
                        named = next((t for t in np if t.deprel == "appos" and t.upos == "PROPN"), None)
                        if named is not None:
                            np, c = noun_phrase(sent, named), named
                    if avoid and avoid[0] <= np[0].start < avoid[1]:
                        continue
                    if node is verb and not lo <= c.start < hi and self.lang == "de":  # English: "X, citing Y, said"
                        continue  # a weak parse reaching into another clause ("Putin" in "wann … mit Putin")
                    if c.text.lower() in ("es",) and self.lang == "de":
                        continue
                    if self.never_speaks(np, c):
                        continue
                    if self.lang == "en" and c.index > node.index and not self.ends_inversion(sent, np):
                        continue  # "…, said one candidate he likes is Kasich": the content's subject, not the speaker
                    if self.lang != "en":
                        return Phrase(self.si_of[id(sent)], np, "subject")
                    subjects.append(np)
            # a flat name gives each word a subject of its own: keep the merged one ("Samuel Okoye")
            subjects = [np for np in subjects if not any(
                other is not np and len(other) > len(np) and all(t in other for t in np) for other in subjects)]
            gap = [t for t in sent.tokens if len(subjects) == 2 and subjects[0][-1].index < t.index
                   < subjects[1][0].index]
            if len(subjects) == 2 and subjects[0][-1].upos == "PROPN" and subjects[1][0].upos == "DET" \
                    and gap and gap[-1].text == "," and all(t.upos == "PROPN" for t in gap[:-1]):
                # "(Dr.) Samuel Okoye, a neurologist at King's College, said": a name and its apposition, split
                np = subjects[0] + gap + subjects[1]
                return Phrase(self.si_of[id(sent)], np, "subject")
            rel = next((np for np in subjects if np[0].text.lower() in ("who", "which")
                        and sent.token(np[0].index - 1) is not None and sent.token(np[0].index - 1).text == ","), None)
            if self.lang == "en" and rel is not None and len(subjects) >= 2 and subjects[0] is not rel:
                # "Ramos, who lives in Miami, considers …": a weak parse makes the relative clause's words subjects
                subjects = [np for np in subjects if np[0].index < rel[0].index]
                gap = []
            if len(subjects) == 2 and subjects[0][-1].upos == "PROPN" and subjects[1][0].upos == "DET" \
                    and gap and gap[0].text == "," and any(t.upos == "VERB" for t in gap) \
                    and sent.token(subjects[1][0].index - 1) is not None \
                    and sent.token(subjects[1][0].index - 1).text == ",":
                # "Sen. Chuck Grassley, facing a challenge in Iowa, a swing state, said": the second "subject" is an
                # apposition inside the aside
                return Phrase(self.si_of[id(sent)], subjects[0], "subject")
            if subjects:
                # "Hours later, Trump returned …": a weak English parse gives a verb two subjects; the nearer one
                return Phrase(self.si_of[id(sent)], min(subjects, key=lambda np: abs(np[-1].index - node.index)),
                              "subject")
            for c in kids:
                if c.deprel.startswith("obl") and any(
                    g.text.lower() in ("von", "durch", "by") and g.deprel == "case" for g in sent.children(c)
                ) and any(k.deprel == "nsubj:pass" or k.deprel.startswith("aux:pass") for k in kids):
                    return Phrase(self.si_of[id(sent)], noun_phrase(sent, c), "agent")
            if node.deprel in ("conj", "xcomp", "aux", "aux:pass", "cop") and node.head:
                node = sent.token(node.head)
            elif self.lang == "en" and node.deprel in ("advcl", "csubj") and node.head \
                    and node.feats.get("VerbForm") in ("Ger", "Part"):  # "Conceding that …, he warned" (csubj: a slip)
                node = sent.token(node.head)  # "…, telling Reuters …": a participle shares its clause's subject
            else:
                node = None
        return self.subject_by_position(sent, verb, avoid)

    @staticmethod
    def clause_window(sent: Sentence, verb: Token) -> tuple[int, int]:
        """Character span of the verb's clause by punctuation: from the last , : ; before it to the next."""
        toks = sent.tokens
        pos = toks.index(verb)
        lo = next((toks[i].end for i in range(pos - 1, -1, -1) if toks[i].text in (",", ":", ";")), sent.start)
        hi = next((toks[i].start for i in range(pos + 1, len(toks)) if toks[i].text in (",", ":", ";")), sent.end)
        return lo, hi

    def np_at(self, sent: Sentence, i: int) -> list[Token]:
        """The noun phrase that starts at token position i (by word class, not by the parse); [] if none."""
        toks = sent.tokens
        out: list[Token] = []
        for t in toks[i:]:
            if t.upos in ("DET", "PRON") and any(x.upos in ("NOUN", "PROPN", "PRON") for x in out):
                break  # a new noun phrase begins ("Scholz | ein Gespräch")
            if t.upos == "PRON" and len(out) == 1 and out[0].feats.get("PronType") == "Dem" \
                    and out[0].text.lower() in self.rules.sources.pronouns:
                return out  # "weil dieser ihn gebeten hatte": a demonstrative pronoun, then the object
            if t.upos in ("DET", "PROPN", "NOUN", "ADJ", "PRON", "NUM") or t.text in ALL_MARKS or (
                t.text in ("-", "und", "and") and out
            ):
                out.append(t)
            else:
                break
        while out and (out[-1].upos in ("DET", "ADJ") or out[-1].text in ("-", "und", "and")
                       or (out[-1].text in ALL_MARKS and sum(x.text in ALL_MARKS for x in out) % 2)):
            out.pop()
        if out and out[0].upos == "PRON" and out[0].text.lower() not in self.rules.sources.pronouns and not (
                out[0].feats.get("Poss") == "Yes" and len(out) > 1):  # "his campaign manager Jeff Weaver"
            return []
        # an apposition with the name: ", Gerhard Wolters," right after the noun phrase
        k = toks.index(out[-1]) + 1 if out else len(toks)
        if k + 2 < len(toks) and toks[k].text == ",":
            names = []
            for t in toks[k + 1 :]:
                if t.upos == "PROPN" or (t.text[:1].isupper() and t.upos in ("NOUN", "X")):
                    names.append(t)
                else:
                    break
            nxt = toks[k + 1 + len(names)] if k + 1 + len(names) < len(toks) else None
            if len(names) >= 2 and (nxt is None or nxt.text in (",", ".") or nxt.upos in ("ADP", "PUNCT")):
                out = out + [toks[k]] + names
        return out if any(t.upos in ("PROPN", "NOUN", "PRON") for t in out) else []

    def subject_by_position(self, sent: Sentence, verb: Token, avoid: tuple[int, int] | None) -> Phrase | None:
        """When the parse has no subject, go by German/English word order: the noun phrase right
        after an inverted cue ("…, sagte der SPD-Politiker"), the one that opens the clause
        ("Moskau hatte … erklärt"), or the one after the clause's finite verb ("Im Juni wollte Scholz …")."""
        toks = sent.tokens
        pos = toks.index(verb)
        si = self.si_of[id(sent)]

        def np_at(i: int) -> list[Token]:
            return self.np_at(sent, i)

        def ok(np: list[Token]) -> bool:
            return bool(np) and not (avoid and avoid[0] <= np[0].start < avoid[1]) and not self.never_speaks(np)

        if self.lang == "en":
            # "Nuggets coach Ray Delgado told …": a role word the tagger made a verb, then the name, before the cue
            j = pos - 1
            while j >= 0 and toks[j].upos == "PROPN":
                j -= 1
            if 0 <= j < pos - 1 and toks[j].text.islower() and toks[j].text in self.roles:
                k = j
                while k > 0 and toks[k - 1].upos == "PROPN":
                    k -= 1
                if ok(toks[k:pos]):
                    return Phrase(si, toks[k:pos], "subject")

        # clause start: after the last comma/colon/quote/conjunction before the verb
        start = 0
        for i in range(pos - 1, -1, -1):
            if toks[i].text in (",", ":", ";") or toks[i].upos == "SCONJ" or toks[i].text.lower() in ("wie", "as") or (
                    self.lang == "en" and toks[i].text in ALL_MARKS and any(
                        q.end == toks[i].end for q in self.quotes_in(sent))):  # '“How big …?” asked the boy'
                start = i + 1
                break
        if start < pos and toks[start].text in ALL_MARKS:
            start += 1
        if self.lang == "de" and start > 0 and toks[start - 1].text == ",":
            # ", von dem die Polizei glaubt", ", den die New York Times zitiert": past the relative pronoun
            k = start
            if k < pos and toks[k].upos == "ADP":
                k += 1
            if k + 1 < pos and toks[k].text.lower() in RELATIVE_PRONOUNS and toks[k + 1].upos in ("DET", "PROPN"):
                start = k + 1
        # "Der Nachfolger …, Louis Gallois, hat angekündigt": the clause is only the verb, the
        # segment before it a name in apposition to the subject
        if 0 < start <= pos and toks[start - 1].text == "," and all(
                t.upos in ("AUX", "ADV", "PART") for t in toks[start:pos]):
            prev = next((i + 1 for i in range(start - 2, -1, -1) if toks[i].text == ","), None)
            if prev is not None and 1 <= start - 1 - prev <= 4 and all(
                    t.upos in ("PROPN", "NOUN", "X") and t.text[:1].isupper() for t in toks[prev : start - 1]):
                name = toks[prev : start - 1]
                if ok(name):
                    return Phrase(si, name, "subject")
            # "Kemal Bedri, Vorsitzender der Wahlkommission, begründete …": appositions back to the subject
            # English: '"…," Sarandon, 69, told MSNBC' — a closing quote mark opens the clause too
            seg_end = start - 1
            named: list[Token] = []  # English: the name segment nearest the verb ("…, Gov. John Kasich (R-OH), said")
            while True:
                seg_start = next((i + 1 for i in range(seg_end - 1, -1, -1) if toks[i].text in (",", ":", ";")
                                  or (self.lang == "en" and toks[i].text in ALL_MARKS)), 0)
                seg = toks[seg_start:seg_end]
                if not seg or len(seg) > 14 or any(is_finite_verb(t) or t.upos == "SCONJ" for t in seg):
                    if named:
                        return Phrase(si, named, "subject")
                    break
                if self.lang == "en" and not named and seg[0].upos == "PROPN" and seg[0].text[:1].isupper():
                    np = np_at(seg_start)
                    if ok(np) and np[-1].index < verb.index:
                        named = np
                if seg_start == 0 or toks[seg_start - 1].text != ",":
                    first = np_at(seg_start)
                    if first and ok(first) and first[0].upos != "PRON":
                        return Phrase(si, first, "subject")
                    if named:  # "As a part of his plea, Marcel Lehel Lazar, 44, said": a scene opens the sentence
                        return Phrase(si, named, "subject")
                    break
                seg_end = seg_start - 1
        if self.lang == "en" and start == pos and start > 1 and toks[start - 1].text == ",":
            # "Barkley, who said he votes democratic, said …": the name before the relative clause
            rel = next((i for i in range(start - 2, 0, -1) if toks[i].text.lower() in ("who", "which")
                        and toks[i - 1].text == ","), None)
            if rel is not None and not any(t.text in (",", ";", ":") for t in toks[rel + 1 : start - 1]):
                k = next((i + 1 for i in range(rel - 2, -1, -1) if toks[i].text in (",", ";", ":")
                          or toks[i].upos == "SCONJ"), 0)
                name = [t for t in np_at(k) if t.index < toks[rel - 1].index]
                if ok(name):
                    return Phrase(si, name, "subject")
        # inverted: cue first in its clause ("sagte der SPD-Politiker", "berichtet die NYT")
        if start == pos or (start < pos and all(t.upos in ("AUX", "ADV") or t.text.lower() in POINTER_WORDS
                                                for t in toks[start:pos])):
            k = pos + 1
            while self.lang == "de" and k < min(len(toks) - 1, pos + 3) and toks[k].upos in ("ADV", "PART"):
                k += 1  # "Dagegen protestierte auch der DJV"
            after = np_at(k)
            if ok(after):
                return Phrase(si, after, "subject")
        if self.lang == "en":
            share = self.poll_share(toks[start:pos])
            if share and ok(share):
                return Phrase(si, share, "subject")
        first = [t for t in np_at(start) if t.index < verb.index]  # "Viguerie notes": a tagger's noun "notes"
        if (ok(first) and first[-1].index < verb.index and first[0].upos != "PRON") or (
            first and first[0].text.lower() in self.rules.sources.pronouns and ok(first)
        ):
            return Phrase(si, first, "subject")
        # "Im Juni wollte Scholz …", "Dabei hatte er …": right after the clause's finite verb
        finite = next((t for t in toks[start : pos + 1] if is_finite_verb(t)), None)
        if finite is not None:
            after = np_at(toks.index(finite) + 1)
            if ok(after):
                return Phrase(si, after, "subject")
        after = np_at(pos + 1)
        if ok(after) and start == pos:
            return Phrase(si, after, "subject")
        if start == pos and start > 0 and toks[start - 1].text == ",":
            # "Im Juni wollte Scholz …, sagte damals aber, …": the verbs share the first clause's subject
            prev_finite = next((t for t in reversed(toks[: start - 1]) if is_finite_verb(t)), None)
            if prev_finite is not None and prev_finite is not verb:
                return self.subject_of(sent, prev_finite, avoid)
        return None

    @staticmethod
    def poll_share(seg: list[Token]) -> list[Token]:
        """ "about half of Democratic primary voters said", "and more than 4 in 10 said": a share of the people
        asked, which a parse rarely makes the subject; [] unless the words before the verb are one."""
        seg = list(seg)
        while seg and (seg[0].upos == "CCONJ" or seg[0].text in ALL_MARKS):
            seg = seg[1:]
        while seg and seg[-1].upos in ("AUX", "PART", "ADV") and seg[-1].text.lower() not in SHARE_WORDS:
            seg = seg[:-1]
        if not seg or len(seg) > 12:
            return []
        has_share = any(t.upos == "NUM" or t.text.lower() in SHARE_WORDS or t.text.lower().endswith(
            ("-thirds", "-quarters", "-fifths")) for t in seg)
        if not has_share or (seg[-1].upos not in ("NUM", "NOUN", "PROPN") and seg[-1].text.lower() not in SHARE_WORDS):
            return []
        for t in seg:
            if is_finite_verb(t) or (t.upos in ("PUNCT", "VERB", "SCONJ", "PRON") and t.text != "%"):
                return []
            if t.upos == "ADP" and t.text.lower() not in ("of", "in", "than", "about", "over", "under"):
                return []  # "In Vermont, …" is the scene, not who answered
        return seg

    # -- per sentence
    def run(self) -> DocClaims:
        for m in DATELINE.finditer(self.text):
            self.credits.append(CreditLine(m.group(1), m.start(1), m.end(1)))
        for m in SIGN_OFF.finditer(self.text):
            line = m.group(0).strip().lstrip("-–— ")
            start = self.text.index(line, m.start())
            self.credits.append(CreditLine(line, start, start + len(line)))
        transcript = self.transcript_turns()
        for si, sent in enumerate(self.doc.sentences):
            if si in transcript:
                self.transcript_turn(si, sent, transcript[si])
                continue
            self.sentence(si, sent)
            self.label_headline_quotes(si, sent)
        self.claims.sort(key=lambda c: (c.start, -c.end))
        return DocClaims(self.claims, self.pointers, self.credits)

    def label_headline_quotes(self, si: int, sent: Sentence) -> None:
        """ "Trump: ‘I’m the worst thing …’", "Merkel: „Wir schaffen das“": a quote after the "Name:" label
        that opens a line is the label's (`attribute` keeps the label only if the story names that person)."""
        bare = [c for c in self.claims if c.sentence == si and c.kind == "direct_quote" and c.source is None
                and c.cue is None]
        line_start, _ = self.line_bounds(sent.start)
        if not bare or self.text[line_start : sent.start].strip():
            return
        label = self.headline_speaker(sent)
        if label is None or label.sentence != si:
            return
        for c in bare:
            if c.start > label.tokens[-1].end:
                c.source, c.headline, c.continues = label, True, False
                c.rule = f"{self.lang}.headline.quote"

    def add(self, cand: Candidate) -> Candidate:
        self.claims.append(cand)
        return cand

    # -- interview transcripts: "TAPPER: Do you think …" / "FALLIN: Well, I think …"
    def transcript_turns(self) -> dict[int, Phrase | None]:
        """Sentences of a transcript, each with the speaker label its line opens with (None: the label itself).

        A line that opens with a name and a colon is a speaker's turn only in a dialogue: at least
        three such lines and a name that comes back. One "Scholz: …" line is a headline, "Update:" a topic.
        """
        turns: list[tuple[int, Phrase, list[int]]] = []
        sents = self.doc.sentences
        for si, sent in enumerate(sents):
            line_start, line_end = self.line_bounds(sent.start)
            if self.text[line_start : sent.start].strip():
                continue
            toks = sent.tokens
            colon = next((i for i, t in enumerate(toks[:5]) if t.text == ":"), None)
            if not colon or not self._name_label(toks[:colon]):
                continue
            label = toks[:colon]
            if sum(ch.isalpha() for t in label for ch in t.text) < 2 or not any(t.upos == "PROPN" for t in label):
                continue  # "Q:", "A:", "Frage:" — the questioner or a topic, not a name
            members = [j for j in range(si, len(sents)) if sents[j].start < line_end]
            turns.append((si, Phrase(si, label, "subject"), members))
        names = [" ".join(t.text.lower() for t in ph.tokens) for _, ph, _ in turns]
        if len(turns) < 3 or len(set(names)) == len(names):
            return {}
        out: dict[int, Phrase | None] = {}
        for si, label, members in turns:
            for j in members:
                out[j] = label
            if self.is_speaker_label(si):
                out[si] = None  # "Matthews:" split off as a sentence of its own
        return out

    def transcript_turn(self, si: int, sent: Sentence, label: Phrase | None) -> None:
        """A transcript's words are the speaker's own: the sentence (after the label) is a direct quote."""
        if label is None:
            return
        body = _trim([t for t in sent.tokens if label.sentence != si or t.start > label.tokens[-1].end])
        if body and body[0].text == ":":
            body = _trim(body[1:])
        if not body or not any(t.upos not in PUNCT for t in body):
            return
        para = _paragraph_of(sent.start, self.paragraphs)
        self.add(Candidate(body[0].start, body[-1].end, "direct_quote", si, para, f"{self.lang}.transcript",
                           source=label))

    def quotes_in(self, sent: Sentence) -> list[Quote]:
        k = max(0, bisect.bisect_right(self.quote_starts, sent.start) - 1)
        out = []
        for q in self.quotes[k:]:
            if q.start >= sent.end:
                break
            if q.end > sent.start:
                out.append(q)
        return out

    def inside_quote(self, tok: Token) -> Quote | None:
        # quotes do not overlap and are sorted: the candidate is the last one starting at or before tok
        k = bisect.bisect_right(self.quote_starts, tok.start) - 1
        if k >= 0 and self.quotes[k].inner_start <= tok.start < self.quotes[k].inner_end:
            return self.quotes[k]
        return None

    def _title_case_name(self, q: Quote, sent: Sentence) -> bool:
        """Capitalised words without a verb and no speech frame after them (“The Truman Show.”)."""
        inner_toks = [t for t in sent.tokens if q.inner_start <= t.start < q.inner_end and t.upos not in PUNCT]
        content = [t for t in inner_toks if t.text.lower() not in NAME_FUNCTION_WORDS]
        if len(content) < 2 or any(t.upos in ("VERB", "AUX", "PRON") for t in inner_toks) or not all(
                t.text[:1].isupper() or t.text[:1].isdigit() for t in content):
            return False
        # a frame on either side makes it words someone used: 'He called it “Very Bad News.”'
        around = [t for t in sent.tokens if t.end <= q.start][-3:] + [t for t in sent.tokens if t.start >= q.end][:4]
        return not any(self.cue_of(sent, t) is not None for t in around)

    def is_title_quote(self, q: Quote, sent: Sentence) -> bool:
        """Quotation marks around a title, programme, outlet or name are not a quote."""
        inner = q.inner(self.text).strip()
        words = inner.split()
        if not words:
            return True
        if self.lang == "en" and inner[-1:] in ".," and 2 <= len(words) <= 6 and self._title_case_name(q, sent):
            return True  # American punctuation inside the marks: a revival of “Gilmore Girls.”
        if inner[-1:] in ".!?…" or len(words) > 9:
            return False
        if inner[-1:] == ",":
            # '"Really," she added': a comma inside the marks, then a speech frame — what was said, not a title
            after = [t for t in sent.tokens if t.start >= q.end][:3]
            if any((v := self.cue_of(sent, t)) is not None and v.kind in ("speech", "report") for t in after):
                return False
        low = tuple(w.lower().strip(".,") for w in words)
        if low in self.rules.outlet_aliases:
            return True
        before = [t for t in sent.tokens if t.end <= q.start]
        prev = before[-1] if before else None
        if prev is not None and prev.text == ":" and len(before) > 1:
            prev = before[-2]  # "(Motto: „Entsorgung ist Vertrauenssache“)"
        inner_toks = [t for t in sent.tokens if q.inner_start <= t.start < q.inner_end]
        has_verb = any(t.upos in ("VERB", "AUX") for t in inner_toks)
        if prev is not None and TITLE_NOUNS.search(prev.text.replace("-", "")) and not (
                has_verb and inner[:1].islower()):  # 'das Projekt „sehenden Auges an die Wand zu fahren“': words
            return True
        capitalised = all(w[:1].isupper() or w[:1].isdigit() for w in words)
        if not has_verb and len(words) >= 2 and TITLE_NOUNS.fullmatch(words[0].split("-")[-1].strip(",;:")):
            return True  # the quote names itself: „Sacharow-Preis für geistige Freiheit“, „Verband …“
        if capitalised and not has_verb and len(words) >= 3 and inner.rstrip()[-1:] not in ",;:":
            return True  # „Higashi Nihon Jutaku Hyoka Center“, „Ethiopian People's Revolutionary Democratic Front“
        if DOMAIN.match(inner):
            return True  # „news.bbc.co.uk“
        after = self.text[q.end : q.end + 12].lstrip()
        if not has_verb and re.match(r"\([A-ZÄÖÜ][\w-]{1,10}\)", after):
            return True  # „Partij voor de Vrijheid“ (PVV): a name with its abbreviation
        content_words = [w for w in words if w.lower().strip(",;:") not in NAME_FUNCTION_WORDS]
        if self.lang == "de" and len(words) >= 2 and any(w.lower() in FOREIGN_FUNCTION_WORDS - {"die", "des", "e", "en"}
                                                         for w in words) and not any(
                w.lower() in ("der", "die", "das", "und", "ist", "nicht", "wir", "ich", "sie", "es") for w in words):
            return True  # an untranslated name: „Institute for Contemporary Art“, „Coup des Nations“
        if self.lang == "en" and content_words and all(w[:1].isupper() or w[:1].isdigit() for w in content_words) \
                and not has_verb \
                and len(words) <= 8 and inner.rstrip()[-1:] not in ".!?…" and len(content_words) >= 2:
            return True  # English title case ("Friends of the Harbor"); German capitalises every noun
        if capitalised and not has_verb and len(words) <= 4:
            # "Caren Miosga", "Shenzhou 6": a name; a one-word answer ("Demnächst.") ends with punctuation
            return True
        if self.lang == "de" and not has_verb and 2 <= len(words) <= 8 and words[0][:1].isupper() \
                and inner.rstrip()[-1:] not in ",;:" \
                and not any(self.cue_of(sent, t) for t in sent.tokens if not q.start <= t.start < q.end) \
                and not any(t.text.lower() in ("so", "als") and not q.start <= t.start < q.end for t in sent.tokens) \
                and not any(m.kind in ("according_to", "vague") for m, _ in self.find_markers(sent)):
            # a capitalised phrase without a verb in a sentence that reports no speech: a name or title
            # („Ärzte ohne Grenzen“, „Nackt unter Wölfen“, „Rat für nationale Sicherheit“)
            return True
        if self.lang == "en" and not has_verb and len(words) <= 4 and inner.rstrip(",;:")[-1:] not in ".!?…" \
                and before and not any(self.cue_of(sent, t) for t in sent.tokens if not q.start <= t.start < q.end):
            # scare quotes mid-sentence with no cue to frame them: the 'undercard', "assault weapons"
            return True
        return False

    def sentence(self, si: int, sent: Sentence) -> None:
        para = _paragraph_of(sent.start, self.paragraphs)
        stext = self.text[sent.start : sent.end]
        if any(sent.start <= c.start < sent.end and c.end - c.start > 0.8 * len(stext.strip()) for c in self.credits):
            return
        words = [t for t in sent.tokens if t.upos not in PUNCT]
        if len(words) == 1 and words[0].text[:1].isupper() and stext.strip().endswith(".") and (
            si == 0 or (self.text[max(0, sent.start - 2) : sent.start].strip() == "" and "\n" in self.text[
                max(0, sent.start - 3) : sent.start])
        ):
            return  # a dateline ("Offenbach.") opens the paragraph; it states nothing
        dateline = EN_DATELINE.match(stext.strip() + " ") if self.lang == "en" else None
        if dateline and dateline.end() == len(stext.strip()):
            return  # "WASHINGTON —", "MIAMI (AP) —" (split off by claimcheck.nlp.english)
        if len(stext) < 120 and CREDIT_LINE.match(stext):
            self.credits.append(CreditLine(stext.strip(), sent.start + len(stext) - len(stext.lstrip()),
                                           sent.start + len(stext.rstrip())))
            return
        quotes = []
        for q in self.quotes_in(sent):
            if q in self.quote_used:
                continue
            if self.is_title_quote(q, sent):
                self.title_quotes.add(q)
            else:
                quotes.append(q)
        # a sentence that lies wholly inside an earlier sentence's quote is part of that quote
        for q in self.quotes_in(sent):  # a quote that holds the sentence overlaps it
            if q in self.quote_used and q.start <= sent.start and sent.end <= q.end + 1:
                return
        if self.frame_after_long_quote(sent, quotes):
            return
        cues = []
        silent: tuple[Token, CueVerb] | None = None  # "did not respond to a request for comment"
        for tok in sent.tokens:
            if self.inside_quote(tok) or tok.start in self.frame_cues:
                continue
            verb = self.cue_of(sent, tok)
            if silent is None and self.lang == "en" and tok.lemma.lower() in NO_COMMENT_VERBS and tok.upos == "VERB" \
                    and self.negated(sent, tok) \
                    and any(t.text.lower().startswith("comment") for t in sent.tokens[tok.index : tok.index + 8]):
                silent = (tok, verb or CueVerb(lemma=tok.lemma.lower()))
            if verb and self.lang == "en" and self.anonymity_aside(sent, tok):
                continue  # "…, speaking on condition of anonymity to discuss …, said …": why they are not named
            # a negated belief is still a belief ("glaubt nicht an eine rasche Wende"); negated speech says nothing
            if verb and not (self.negated(sent, tok) and verb.kind != "belief") \
                    and not self.infinitive_clause(sent, tok) and not (
                    verb.lemma != "heißen" and self.expletive_subject(sent, tok)):
                cues.append((tok, verb))
        # a cue inside a relative clause ("…, den die New York Times zitiert, kommentierte …") frames
        # nothing of the main clause: try it last
        # "in his opening remarks, Trump said …": a cue form the tagger calls a noun yields to a verb
        cues.sort(key=lambda cv: (self.in_relative_clause(sent, cv[0]) or self.fronted_subordinate(sent, cv[0]),
                                  cv[0].upos == "NOUN"))
        fronted = next((t for t, _ in cues if self.fronted_participle(sent, t)), None)
        if fronted is not None:
            # "Asked if he was encouraging violence, Trump replied, "…"": the main clause's cue frames the sentence
            comma = next(t for t in sent.tokens if t.text == "," and t.start > fronted.start)
            rest = [(t, v) for t, v in cues if t.start > comma.start]
            cues = rest or cues
        markers = self.find_markers(sent)
        made: list[Candidate] = []
        if silent is not None:
            # a request for comment left unanswered is said like "declined to comment": a speech act of the subject
            tok, verb = silent
            body = _trim(list(sent.tokens))
            cand = Candidate(body[0].start, body[-1].end, "reported_speech", si, para, f"{self.lang}.cue.no-comment",
                             cue=tok, cue_lemma=verb.lemma, source=self.subject_of(sent, tok))
            made.append(self.add(cand))
        so_frame = self.so_frame(sent, quotes)
        manner = self.manner_frame(sent, quotes) if not any(v.kind in ("speech", "report") for _, v in cues) else None

        # 2. direct quotes, with the first speech cue outside them as their frame
        frame_cue = next(((t, v) for t, v in cues if v.kind in ("speech", "report")), None)
        for q in quotes:
            self.quote_used.add(q)
            cand = Candidate(q.start, q.end, "direct_quote", si, para, f"{self.lang}.quote")
            cand.quote = q
            if frame_cue:
                tok, verb = frame_cue
                cand.cue, cand.cue_lemma = tok, verb.lemma
                cand.source = self.quoted_person(sent, tok) or self.impersonal_source(sent, tok) or self.subject_of(
                    sent, tok, avoid=(q.start, q.end))
                cand.outlet_hint = self.outlet_hint(sent, tok)
                cand.rule = f"{self.lang}.quote.cue"
            elif so_frame is not None and q.end <= so_frame[0].start:
                cand.cue, cand.cue_lemma, cand.source = so_frame[0], "so", so_frame[1]
                cand.rule = f"{self.lang}.quote.so"
            elif manner is not None and q.end <= manner[0].start:
                cand.cue, cand.cue_lemma, cand.source = manner[0], manner[0].lemma, manner[1]
                cand.rule = f"{self.lang}.quote.manner"
            else:
                cand.continues = True
                cand.rule = f"{self.lang}.quote.continues"
            made.append(self.add(cand))
        if self.lang == "en" and frame_cue and len(made) >= 2:
            # '"If anything happens to her," Greene said, "it's on every one of you."': one quote, interrupted
            cur = made[0]
            for nxt in made[1:]:
                between = [t for t in sent.tokens if cur.end <= t.start < nxt.start and t.upos not in PUNCT]
                if any(t.index == frame_cue[0].index for t in between) and (len(between) <= 6 or (
                        len(between) <= 16 and not any(is_finite_verb(t) and t.index != frame_cue[0].index
                                                       and t.upos == "VERB" for t in between))):
                    # (the name may bring an apposition: '"The risk," said Edward Leamer, an economist at UCLA, "is …"')
                    cur.end = nxt.end
                    made.remove(nxt)
                    self.claims.remove(nxt)
                else:
                    cur = nxt

        if not quotes and frame_cue and self.frame_before_quote(si, para, sent, *frame_cue):
            return

        # 3. cue verbs
        covered_by_quotes = sum(q.end - q.start for q in quotes)
        sentence_len = max(1, sent.end - sent.start)
        cues.sort(key=lambda cv: self.trailing_frame(sent, cv[0]) is None)
        first_cue: Candidate | None = None
        for tok, verb in cues:
            if quotes and covered_by_quotes > 0.5 * sentence_len and verb.kind != "belief" \
                    and not self.partial_quote(sent, tok, quotes):
                continue  # the quote is the claim; the cue is its frame
            if first_cue is not None:
                # English reports several speakers in one sentence ("X said A, while Y said B"), German too
                # ("…, Annabi sei tot, doch Birnback erklärte, …"): a further cue outside the first claim may
                # frame a clause of its own
                if first_cue.kind not in ("indirect_speech", "belief") and not (
                        self.lang == "en" and first_cue.kind == "reported_speech" and first_cue.end < tok.start):
                    break
                if first_cue.start <= tok.start < first_cue.end:
                    continue  # a cue inside what was said ("said they were worried") is part of it
                cand = self.cue_claim(si, para, sent, tok, verb, quotes)
                if cand is not None and cand.kind in ("indirect_speech", "belief") and (
                        cand.end <= first_cue.start or cand.start >= first_cue.end) and not (
                        cand.start <= first_cue.cue.start < cand.end if first_cue.cue else False):
                    made.append(self.add(cand))
                    self.absorb_partial_quotes(cand, made)
                break
            cand = self.cue_claim(si, para, sent, tok, verb, quotes)
            if cand is not None and verb.kind == "belief" and frame_cue is not None and quotes \
                    and covered_by_quotes > 0.5 * sentence_len \
                    and any(q.start < cand.end and cand.start < q.end for q in quotes):
                continue  # '"…," Christie added, referencing a job he is believed to want': the quote has its frame
            if cand is not None:
                first_cue = cand
                made.append(self.add(cand))
                self.absorb_partial_quotes(cand, made)
                if self.lang != "en" and not any(t.start >= cand.end for t, _ in cues):
                    break  # one cue-based claim per German sentence unless a second report follows the first

        # "Die Lage sei ernst, so der Minister." — no cue verb, a closing so-frame
        if so_frame is not None:
            for c in made:
                if c.kind != "direct_quote" and c.start < so_frame[0].start < c.end and c.source is None:
                    # "Ägypten wird aufgefordert, die Grenze zu öffnen, so Nasrallah": the closing frame names who
                    # said the whole sentence
                    before = _trim([t for t in sent.tokens if c.start <= t.start and t.end <= so_frame[0].start])
                    if before:
                        c.end, c.source, c.vague = before[-1].end, so_frame[1], None
        # (most of it may be quoted: "Der Iran müsse „vollständig …“ beenden, so Rice" — a finite verb outside the
        # marks makes the clause the speaker's indirect speech around the quote)
        verb_outside = so_frame is not None and any(
            is_finite_verb(t) and t.end <= so_frame[0].start and not self.inside_quote(t) for t in sent.tokens)
        if so_frame is not None and not any(c.cue is not None and c.kind != "direct_quote" for c in made) and not any(
                c.start <= so_frame[0].start < c.end for c in made) and (
                covered_by_quotes < 0.5 * sentence_len or verb_outside):
            # partial quotes inside ("Die „… Soldaten“ hätten …, so Murtha"): the whole clause is the claim too
            content = _trim([t for t in sent.tokens if t.end <= so_frame[0].start])
            if content and any(t.upos not in PUNCT for t in content):
                konj = any(is_konjunktiv_one(t, sent) or is_konjunktiv(t) for t in content)
                cand = Candidate(content[0].start, content[-1].end, "indirect_speech" if konj else "attributed",
                                 si, para, f"{self.lang}.so-frame", cue=so_frame[0], cue_lemma="so",
                                 source=so_frame[1])
                made.append(self.add(cand))

        # a sentence that is only a frame ("fügte sie hinzu" between two quote parts) frames the quotes around it
        if not made and not quotes and cues and len([t for t in sent.tokens if t.upos not in PUNCT]) <= 8 and not any(
                p.sentence == si for p in self.pointers):
            tok, verb = cues[0]
            if verb.kind in ("speech", "report") and self.frame_neighbours(si, sent, tok, verb):
                return

        # a source marker outranks a stance verb: "Russia has backed the push, per a person briefed …" is the
        # person's account (attributed), not Russia's reported speech
        if any(m.kind == "according_to" for m, _ in markers):
            for c in [c for c in made if c.kind == "reported_speech" and not c.rule.endswith(".act")]:
                made.remove(c)  # ("…, weil dieser ihn gebeten hatte, … zu stellen": a report of its own stays)
                self.claims.remove(c)
        # 4. markers: laut/zufolge, Demnach, soll … haben, es heißt
        self.apply_markers(si, para, sent, markers, made)

        # 5./6./7. no claim yet: Konjunktiv continuation, headline, or the outlet's assertion
        if si in self.clause_cut or not any(
                c.kind != "direct_quote" or self._covers(c, sent) or c.cue is not None for c in made):
            cand = self.bare_sentence(si, para, sent, made)
            if cand is not None:
                self.add(cand)
        elif self.lang == "de" and made and all(c.kind == "direct_quote" and c.cue is None for c in made) and any(
                is_konjunktiv_one(t, sent) and not self.inside_quote(t) for t in sent.tokens):
            # "Es drohe „eine dramatische Erderwärmung“.": the Konjunktiv clause around a partial quote continues
            # the speaker's indirect speech, quote and all
            body = _trim(list(sent.tokens))
            if body and not any(c.start <= body[0].start and body[-1].end <= c.end for c in made):
                self.add(Candidate(body[0].start, body[-1].end, "indirect_speech", si, para,
                                   f"{self.lang}.konjunktiv.continues", continues=True))

    def absorb_partial_quotes(self, cand: Candidate, made: list[Candidate]) -> None:
        """English: a partial quote inside the reported clause ('said the bill "places …"', 'slammed it as
        "reprehensible"') is part of that claim, not a claim of its own."""
        if self.lang != "en" or cand.kind not in ("indirect_speech", "belief", "reported_speech"):
            return
        for q in [c for c in made if c.kind == "direct_quote" and cand.start <= c.start and c.end <= cand.end + 2]:
            made.remove(q)
            self.claims.remove(q)

    def so_frame(self, sent: Sentence, quotes: list[Quote]) -> tuple[Token, Phrase] | None:
        """German closing frame without a verb: "…“, so Verbandschef Horst Lehmkuhl." / "…, so die Polizei."
        The *so* after a comma or closing quote mark, then a noun phrase and nothing with a verb."""
        if self.lang != "de":
            return None
        toks = sent.tokens
        for i, t in enumerate(toks):
            if t.text.lower() != "so" or i < 2 or self.inside_quote(t):
                continue
            if toks[i - 1].text != "," and toks[i - 1].text not in ALL_MARKS:
                continue
            tail = []
            for x in toks[i + 1 :]:
                if x.text in (",", ":", ";") or (x.upos in PUNCT and x.text not in ("-",)):
                    break
                tail.append(x)
            if not tail or len(tail) > 12 or tail[0].upos not in ("DET", "PROPN", "NOUN", "ADJ", "PRON", "X"):
                continue
            if tail[0].text.lower() in ("dass", "wie", "viel", "viele", "genannte", "genannten") or any(
                    is_finite_verb(x) or x.upos == "VERB" for x in tail):
                continue
            # "so Müller gegenüber der Zeitung": the source ends where a preposition begins
            cut = next((k for k, x in enumerate(tail) if k > 0 and x.upos == "ADP"), len(tail))
            source = tail[:cut]
            if not any(x.upos in ("NOUN", "PROPN", "PRON") or x.text[:1].isupper() for x in source):
                continue
            return t, Phrase(self.si_of[id(sent)], source, "subject")
        return None

    def manner_frame(self, sent: Sentence, quotes: list[Quote]) -> tuple[Token, Phrase] | None:
        """English frames a quote with any verb of manner: '“This is fantastic!” beamed Donald Hartley' or
        '"…," Trump snapped.' The word order says it is a frame whatever the verb: right after a quote that ends
        in , ! or ?, a past-tense verb and a name (either order), then the sentence ends or goes on after a comma."""
        if self.lang != "en":
            return None
        toks = sent.tokens
        for q in quotes:
            if q.inner(self.text).rstrip()[-1:] not in (",", "!", "?"):
                continue
            after = [t for t in toks if t.start >= q.end]
            if len(after) < 2:
                continue
            words = [t.text for t in after]
            stop = next((k for k, w in enumerate(words) if w in (",", ".", ";", "!", "?")), len(after))
            head = after[:stop]
            if not 2 <= len(head) <= 6:
                continue

            def past_verb(t: Token) -> bool:
                return t.text.islower() and t.text.endswith("ed") and t.upos in ("VERB", "ADJ", "NOUN") \
                    and t.feats.get("VerbForm") != "Inf"

            if past_verb(head[0]) and head[1].upos == "PROPN":  # '… beamed Donald Hartley of Madison'
                name = list(itertools.takewhile(lambda t: t.upos == "PROPN", head[1:]))
                return head[0], Phrase(self.si_of[id(sent)], name, "subject")
            if (past_verb(head[-1]) and all(t.upos == "PROPN" for t in head[:-1])) or (
                    len(head) == 2 and head[0].upos == "PRON" and head[0].text.lower() in ("he", "she", "they")
                    and past_verb(head[1])):  # '…," Trump snapped.' / '…," she sighed.'
                return head[-1], Phrase(self.si_of[id(sent)], head[:-1], "subject")
            last = head[-1].text.lower()
            if (last in self.rules.cue_forms or last in self.rules.cue_verbs) and head[0].upos == "DET" and all(
                    t.upos in ("ADJ", "NOUN", "PROPN") for t in head[1:-1]) and stop == len(after) - 1:
                # '“…,” the editorial read.': a cue form the tagger took for a noun ends the sentence
                return head[-1], Phrase(self.si_of[id(sent)], head[:-1], "subject")
        return None

    def quoted_person(self, sent: Sentence, tok: Token) -> Phrase | None:
        """ "Die Zeitung zitiert einen Augenzeugen mit den Worten …": who is quoted is the object of an active
        *zitieren* / *quote*; the subject (an outlet) is only where it was read."""
        if tok.lemma.lower() not in ("zitieren", "quote") or self.werden_passive(sent, tok) or any(
                c.deprel in ("aux:pass", "nsubj:pass") for c in sent.children(tok)):
            return None
        obj = next((c for c in sent.children(tok) if c.deprel == "obj" and c.upos in ("NOUN", "PROPN")
                    and not self.inside_quote(c)), None)
        return Phrase(self.si_of[id(sent)], noun_phrase(sent, obj), "subject") if obj is not None else None

    def impersonal_source(self, sent: Sentence, tok: Token) -> Phrase | None:
        """ "In einer Erklärung der Minister hatte es geheißen: …": impersonal *heißen* names its source in an
        in/aus phrase."""
        if self.lang != "de" or tok.lemma.lower() not in ("heißen", "geheißen"):
            return None
        return self.prepositional_source(sent, [tok])

    def frame_before_quote(self, si: int, para: int, sent: Sentence, tok: Token, verb: CueVerb) -> bool:
        """ "Die Frankfurter Rundschau zitiert einen Augenzeugen mit den Worten:" — a frame that ends in a colon,
        with the quote right after it (a sentence of its own for the splitter): the frame belongs to that quote."""
        if not self.text[sent.start : sent.end].rstrip().endswith(":"):
            return False
        k = max(0, bisect.bisect_left(self.quote_starts, sent.end) - 1)  # quotes are sorted: start near sent.end
        nxt = next((q for q in self.quotes[k:] if q.start >= sent.end and q not in self.quote_used), None)
        if nxt is None or self.text[sent.end : nxt.start].strip():
            return False
        self.quote_used.add(nxt)
        cand = Candidate(nxt.start, nxt.end, "direct_quote", si + 1, _paragraph_of(nxt.start, self.paragraphs),
                         f"{self.lang}.quote.frame-before", cue=tok, cue_lemma=verb.lemma)
        cand.quote = nxt
        cand.source = self.quoted_person(sent, tok) or self.impersonal_source(sent, tok) or self.subject_of(sent, tok)
        cand.outlet_hint = self.outlet_hint(sent, tok)
        self.add(cand)
        return True

    def frame_after_long_quote(self, sent: Sentence, quotes: list[Quote]) -> bool:
        """ "„Ich freue mich auf Rostock. Mein Ziel ist es, … aufzusteigen“, so Kondé.": a quote that began in an
        earlier sentence ends here, followed only by its frame. The frame goes to that quote's claim (the
        quote's last sentence is no claim of its own)."""
        if quotes:
            return False
        carried = next((q for q in self.quotes_in(sent) if q in self.quote_used and q.start < sent.start < q.end
                        < sent.end), None)
        claim = next((c for c in reversed(self.claims) if c.quote is carried), None) if carried is not None else None
        if carried is None and self.lang == "en" and self.claims and self.claims[-1].quote is not None:
            # '"You think I'm going to change?" Trump asked reporters.': a question or exclamation ends the
            # sentence inside the marks, and the frame follows as a sentence of its own
            last = self.claims[-1].quote
            if self.text[last.end : sent.start].strip() == "" and "\n" not in self.text[last.end : sent.start] \
                    and last.inner(self.text).rstrip()[-1:] in ("?", "!"):
                carried, claim = last, self.claims[-1]
        if claim is None or claim.cue is not None:
            return False
        tail = [t for t in sent.tokens if t.start >= carried.end]
        words = [t for t in tail if t.upos not in PUNCT and t.text not in ALL_MARKS]
        if not words:
            return False
        if len(words) > 12:
            # '"… Let's see what happens," he said, adding that …': the frame opens a longer tail; the frame
            # goes to the quote, the rest of the sentence is read as usual
            return self.lang == "en" and self.frame_opening_tail(sent, carried, claim, words)
        so = self.so_frame(sent, [])
        if so is not None and so[0].start >= carried.end:
            claim.cue, claim.cue_lemma, claim.source = so[0], "so", so[1]
        else:
            cue = next(((t, v) for t in tail if (v := self.cue_of(sent, t)) is not None
                        and v.kind in ("speech", "report") and not self.negated(sent, t)), None)
            # English names the speaker first, with a role: '…," Trump campaign spokeswoman Hope Hicks said.'
            before = [t for t in words if cue is not None and t.index < cue[0].index]
            nominal = self.lang == "en" and len(before) <= 7 and all(
                t.upos in ("PROPN", "NOUN", "DET", "ADJ", "NUM") for t in before)
            if cue is None or (cue[0].index > words[0].index + 2 and not nominal):
                return False  # not a frame: the sentence goes on with a clause of its own
            tok, verb = cue
            self.frame_carried(claim, sent, tok, verb, self.subject_of(sent, tok, avoid=(carried.start, carried.end)))
            if any(t.index > tok.index and self.cue_of(sent, t) is not None for t in words):
                # '…," she said, adding that …': the frame is spent, the rest is read as a sentence
                self.frame_cues.add(tok.start)
                return False
        claim.continues = False
        claim.rule = f"{self.lang}.quote.frame-after"
        return True

    def frame_carried(self, claim: Candidate, sent: Sentence, tok: Token, verb: CueVerb, source: Phrase | None) -> None:
        """A quote carried over from an earlier sentence gets the frame that follows it."""
        claim.cue, claim.cue_lemma, claim.source = tok, verb.lemma, source
        claim.outlet_hint = self.outlet_hint(sent, tok)
        claim.continues = False
        claim.rule = f"{self.lang}.quote.frame-after"

    def frame_opening_tail(self, sent: Sentence, carried: Quote, claim: Candidate, words: list[Token]) -> bool:
        """An English frame right after a carried quote ('," he said, adding …' or '," said Smith, who …'):
        the quote gets its cue and speaker, the cue is spent. False: the sentence is read on (its other cues
        included), so its tail still makes claims."""
        cue = next(((t, v) for t in words[:3] if (v := self.cue_of(sent, t)) is not None
                    and v.kind in ("speech", "report") and not self.negated(sent, t)), None)
        between = self.text[carried.end : words[0].start].strip()
        if cue is None or between not in ("", ","):
            return False
        tok, verb = cue
        source = self.subject_of(sent, tok, avoid=(carried.start, carried.end))
        if source is None:
            return False
        self.frame_carried(claim, sent, tok, verb, source)
        self.frame_cues.add(tok.start)
        return False

    @staticmethod
    def anonymity_aside(sent: Sentence, tok: Token) -> bool:
        """The cue is "speaking on condition of anonymity" or hangs below it ("… to discuss private talks")."""
        node: Token | None = tok
        for _ in range(4):
            if node is None:
                return False
            words = " ".join(t.text.lower() for t in sent.tokens[node.index : node.index + 3])
            if node.lemma.lower() == "speak" and words.startswith(("on condition", "on the condition")):
                return True
            if node.deprel not in ("advcl", "xcomp", "acl"):
                return False
            node = sent.token(node.head)
        return False

    def expletive_subject(self, sent: Sentence, tok: Token) -> bool:
        """ "Es drohe ein Rüstungswettlauf": *es* as subject makes *drohen* no speech act."""
        if self.lang != "de":
            return False
        subjects = [c for c in sent.children(tok) if c.deprel in ("nsubj", "expl")]
        return any(c.text.lower() == "es" and c.index < tok.index for c in subjects) and not any(
            c.text.lower() != "es" for c in subjects) and tok.index - 1 <= 2 and tok.feats.get("VerbForm") != "Part"

    def relative_clause_start(self, toks: list[Token]) -> bool:
        """ "…, der am Sonntag … heimsuchte", "…, mit der er …": a relative clause, not reported content."""
        if self.lang != "de" or len(toks) < 3:
            return False
        w = [t.text.lower() for t in toks[:3]]
        if w[0] in RELATIVE_PRONOUNS and toks[1].upos not in ("NOUN", "PROPN", "ADJ", "NUM"):
            return True
        return toks[0].upos == "ADP" and w[1] in RELATIVE_PRONOUNS and toks[2].upos in ("PRON", "DET", "ADV")

    def adverbial_clause_start(self, toks: list[Token], sent: Sentence) -> bool:
        """ "…, woraufhin er festgenommen wurde", "…, nachdem Greenpeace berichtet hatte": an adverbial clause
        after the cue is the narrator's, not what was said (unless it leads into Konjunktiv I: "sagte, wenn
        das so weitergehe, sei alles verloren")."""
        if self.lang != "de" or not toks or toks[0].text.lower() not in ADVERBIAL_SUBORDINATORS:
            return False
        return not any(is_konjunktiv_one(t, sent) for t in toks)

    @staticmethod
    def in_relative_clause(sent: Sentence, tok: Token) -> bool:
        """The cue heads a relative clause: by the parse, or ", den die Zeitung zitiert," by position."""
        if tok.deprel == "acl:relcl":
            return True
        node, steps = tok, 0
        while node.deprel in ("xcomp", "advcl", "ccomp") and steps < 3 and (up := sent.token(node.head)) is not None:
            node, steps = up, steps + 1  # "who spoke … because he was not authorized to discuss strategy"
            if node.deprel == "acl:relcl":
                return True
        toks = sent.tokens
        pos = toks.index(tok)
        before = [t for t in toks[max(0, pos - 4) : pos] if t.upos not in ("AUX", "ADV", "PART")]
        k = toks.index(before[-1]) if before and before[-1].text.lower() in ("who", "which") else 0
        if k > 0 and (toks[k - 1].text == "," or toks[k - 1].upos in ("NOUN", "PROPN")):
            return True  # English "Trump, who has insulted women, …": whatever the parse says
        start = next((i + 1 for i in range(pos - 1, -1, -1) if toks[i].text == ","), None)
        if start is None or start >= pos or start < 2:
            return False
        first = toks[start]
        if first.upos == "ADP" and start + 1 < pos:
            first = toks[start + 1]  # ", mit dem er sprach,"
        return first.text.lower() in RELATIVE_PRONOUNS and first.upos in ("PRON", "DET") and (
            first.feats.get("PronType") == "Rel" or toks[start - 2].upos in ("NOUN", "PROPN")) and (
            pos + 1 >= len(toks) or toks[pos + 1].text in (",", ".") or toks[pos + 1].upos == "AUX")

    def fronted_subordinate(self, sent: Sentence, tok: Token) -> bool:
        """English: the cue stands in a clause before the main verb that modifies it ("Asked what …, Adelson
        said", "A week after Trump spoke to …, Trump proposed …"): the main clause's cue frames the sentence."""
        if self.lang != "en":
            return False
        toks = sent.tokens
        pos = toks.index(tok)
        comma_after = any(t.text == "," for t in toks[pos + 1 :])
        if toks[0].text.lower().endswith("ed") and toks[0].upos == "VERB" and comma_after \
                and not any(t.text == "," for t in toks[:pos]):
            return True  # "Asked what he wants …, Adelson said": a fronted participle clause, whatever the parse
        if comma_after and not any(t.text in (",", ";", ":") for t in toks[:pos]) and any(
                t.text.lower() in self.scene_openers for t in toks[:pos]):
            return True  # "A week after Trump spoke to …, Trump proposed …"
        node: Token | None = tok
        seen: set[int] = set()
        while node is not None and node.head and node.index not in seen:
            seen.add(node.index)
            head = sent.token(node.head)
            if node.deprel in ("advcl", "acl", "obl", "nmod") and head is not None and node.index < head.index:
                return True
            if node.deprel not in ("conj", "xcomp", "advcl", "acl", "obl", "nmod"):
                return False
            node = head
        return False

    def that_clause(self, sent: Sentence, tok: Token, content: list[Token]) -> list[Token]:
        """The content from the "that" after an English cue: only a prepositional phrase ("in March") or, for
        tell/ask/…, the addressee may stand between cue and "that" (not "said Whitaker fears that")."""
        toks = sent.tokens
        pos = toks.index(tok)
        end = content[-1].start if content else sent.end
        that = next((t for t in toks[pos + 1 : pos + 8] if t.text.lower() == "that" and t.end <= end
                     and not self.inside_quote(t) and t.feats.get("PronType") != "Rel"), None)  # (not "a fire that")
        if that is None:
            return content
        k = toks.index(that)
        gap = toks[pos + 1 : k]
        if any(t.upos in ("VERB", "AUX") or t.text in (",", ";", ":") for t in gap) or not (
                not gap or gap[0].upos == "ADP" or tok.lemma in self.addressee_verbs
                or all(t.text.lower() in TIME_WORDS for t in gap)):
            return content
        if not content:
            clause = toks[k + 1 :]
            stop = next((i for i, t in enumerate(clause) if t.text in (",", ";", ":")), len(clause))
            if any(is_finite_verb(t) for t in clause[:stop]) and stop == len(clause):
                return _trim(toks[k:])
            return content
        between = toks[k + 1 : toks.index(content[0])] if content[0] in toks else []
        if content[0].index < that.index or 1 < content[0].index - that.index <= 3 or (
                content[0].index - that.index <= 9 and not any(
                    t.text in (",", ";", ":") or self.cue_of(sent, t) is not None for t in between)):
            # ('insisted that holding back the report was "about timing"': a subject the parse left out)
            return _trim(_tokens_between(sent, that.start, content[-1].end))
        return content

    @staticmethod
    def relative_report(sent: Sentence, tok: Token) -> tuple[list[Token], list[Token]] | None:
        """English "who/which X say(s) VERB …": (X, what X says), the said part ending at a comma or where the
        main clause goes on (an auxiliary right after a noun: "… hit a crossing guard | was sentenced"), or None."""
        toks = sent.tokens
        pos = toks.index(tok)
        rel = next((k for k in range(pos - 1, max(-1, pos - 5), -1) if toks[k].text.lower() in ("who", "which")),
                   None)
        if rel is None or rel == pos - 1 or not toks[rel + 1 : pos] or pos + 1 >= len(toks):
            return None
        source = toks[rel + 1 : pos]
        if not all(t.upos in ("NOUN", "PROPN", "DET", "ADJ", "VERB") for t in source) or not any(
                (t.text[:1].isalpha() and t.text.islower()) or t.upos == "PROPN" for t in source):
            return None
        if toks[pos + 1].upos not in ("AUX", "VERB") or toks[pos + 1].text.lower() == "that":
            return None
        end = len(toks)
        for k in range(pos + 2, len(toks)):
            t = toks[k]
            if t.text in (",", ";") or (t.upos == "AUX" and toks[k - 1].upos in ("NOUN", "PROPN", "NUM")):
                end = k  # "… hit a crossing guard | was sentenced": the main clause goes on
                break
        said = _trim(toks[pos + 1 : end])
        return (source, said) if said and end < len(toks) else None

    def second_that_clause(self, sent: Sentence, tok: Token, content: list[Token]) -> list[Token]:
        """ "said the commission began … in May and that it had acted lawfully", "told colleagues that … but that
        …": a second that-clause the parse hung on the cue is part of what was said (English)."""
        if not content:
            return content
        for c in sent.children(tok):
            kids = sent.children(c)
            modal = not any(g.deprel.startswith("nsubj") for g in kids) and any(
                g.deprel == "aux" and g.text.lower() in ("would", "will", "could", "might") for g in kids)
            # ("said it was aware of the study and would review it": the modal conjunct is still what was said)
            if c.deprel == "conj" and c.start > content[-1].start and (modal or any(
                    g.deprel == "mark" and g.text.lower() == "that" for g in kids)):
                first = next(t for t in sent.tokens if t.start >= content[-1].end)
                joiner = [t for t in sent.tokens if first.start <= t.start < c.start and t.upos not in PUNCT]
                if joiner and joiner[0].text.lower() in ("and", "but", "or") and not self.inside_quote(joiner[0]):
                    return _trim(_tokens_between(sent, content[0].start, max(t.end for t in sent.subtree(c))))
        return content

    def opens_scene(self, sent: Sentence, head: Token) -> bool:
        """The clause under `head` opens with a scene-setting word ("before the window closes", "when he left")."""
        first = min(sent.subtree(head), key=lambda t: t.start)
        return first.text.lower() in self.clause_scene_openers or any(
            g.deprel == "mark" and g.text.lower() in self.clause_scene_openers for g in sent.children(head))

    def fronted_participle(self, sent: Sentence, tok: Token) -> bool:
        """English "Asked about …, she replied", "Speaking to reporters, Smith said": a participle that opens the
        sentence and whose clause ends at a comma (a weak tagger calls it a finite verb)."""
        words = [t for t in sent.tokens if t.upos not in PUNCT and t.text not in ALL_MARKS]
        if words and len(words) > 1 and words[0].text.lower() in ("when", "if", "once", "while", "after"):
            words = words[1:]  # "When asked about …, she said"
        if self.lang != "en" or not words or words[0] is not tok or not tok.text.endswith(("ed", "ing")):
            return False
        return any(t.text == "," for t in sent.tokens if t.start > tok.start)

    def frame_neighbours(self, si: int, sent: Sentence, tok: Token, verb: CueVerb) -> bool:
        """Give a frame-only sentence's cue and subject to the unframed quotes right before and after it."""
        if tok.deprel == "xcomp" or any(c.deprel in ("obj", "ccomp", "xcomp") for c in sent.children(tok)):
            return False  # "The anchor tried to ask a question.": a sentence of its own, not a frame
        framed = False
        subject = self.subject_of(sent, tok)
        before = [c for c in self.claims if c.kind == "direct_quote" and c.cue is None and c.end <= sent.start
                  and c.sentence >= si - 1]
        after = [q for q in self.quotes if sent.end <= q.start and q not in self.quote_used
                 and not self.text[sent.end : q.start].strip(" ,") and not self.has_own_frame(q)]
        for c in before[-1:]:
            c.cue, c.cue_lemma, c.source, c.continues = tok, verb.lemma, subject, False
            c.rule = f"{self.lang}.quote.frame-between"
            framed = True
        for q in after[:1]:
            self.quote_used.add(q)
            cand = Candidate(q.start, q.end, "direct_quote", si + 1, _paragraph_of(q.start, self.paragraphs),
                             f"{self.lang}.quote.frame-between", cue=tok, cue_lemma=verb.lemma, source=subject)
            cand.quote = q
            self.add(cand)
            framed = True
        return framed

    def has_own_frame(self, q: Quote) -> bool:
        """The quote's own sentence has a speech cue outside quotation marks ('"…," Trump barked.')."""
        k = bisect.bisect_right(self.sentence_starts, q.start) - 1
        if k < 0 or q.start >= self.doc.sentences[k].end:
            return False
        sent = self.doc.sentences[k]
        return any(not self.inside_quote(t) and not (q.start <= t.start < q.end)
                   and (verb := self.cue_of(sent, t)) is not None and verb.kind == "speech" for t in sent.tokens)

    def partial_quote(self, sent: Sentence, tok: Token, quotes: list[Quote]) -> bool:
        """English 'said in a statement that the bill "places unreasonable burdens …"': the quote is part of
        the reported clause, which is a claim of its own (words between cue and quote, no colon)."""
        if self.lang == "de":
            # "Künast sagte, es müsse nun Schluss sein mit „…“", "Er sagte, Europa brauche X und fügte hinzu: „…“":
            # a clause with its own finite verb between the cue and the quote (before any colon) is what was said
            for q in quotes:
                between = [t for t in sent.tokens if tok.end <= t.start < q.start]
                colon = next((k for k, t in enumerate(between) if t.text == ":"), len(between))
                if q.start > tok.end and any(is_finite_verb(t) and t.upos in ("VERB", "AUX") and t is not tok
                                             and not self.inside_quote(t) for t in between[:colon]):
                    return True
            return False
        if self.lang != "en":
            return False
        for q in quotes:
            between = [t for t in sent.tokens if tok.end <= t.start < q.start]
            if q.start > tok.end and not any(t.text == ":" for t in between) \
                    and len([t for t in between if t.upos not in PUNCT and not self.inside_quote(t)]) >= 2:
                return True
        return False

    def _covers(self, cand: Candidate, sent: Sentence) -> bool:
        return (cand.end - cand.start) > 0.5 * (sent.end - sent.start)

    # -- cue verb claims
    def trailing_frame(self, sent: Sentence, tok: Token) -> int | None:
        """Index of the comma before a sentence-final frame ("…, sagte X." / "…, the AP reported."), else None."""
        comma = self._trailing_frame(sent, tok)
        if comma is not None and self.lang == "en" and comma + 1 < len(sent.tokens) and sent.tokens[
                comma + 1].text.lower() in self.scene_openers | {"as"}:
            return None  # '"Quiet," he demanded, as Bush continued …': a clause of the scene, not a frame
        return comma

    def _trailing_frame(self, sent: Sentence, tok: Token) -> int | None:
        toks = sent.tokens
        pos = toks.index(tok)
        if self.lang == "en" and any(c.start > tok.start and (
                c.deprel in ("ccomp", "xcomp", "conj") or (c.deprel == "obj" and tok.lemma not in self.addressee_verbs))
                and not (c.text.lower().endswith("ing") and sent.token(c.index - 1) is not None
                         and sent.token(c.index - 1).text == ",")  # (", asking not to be identified")
                and not (c.text.lower() in TIME_WORDS and is_finite_verb(tok))  # ("reported Tuesday": a time)
                for c in sent.children(tok)):
            # "…, Christie endorsed Trump last week", "…, with O'Malley calling Trump a fascist": what follows the
            # cue is its content, the clause before the comma the narrator's ("…, he told reporters" stays a frame)
            return None
        if self.lang == "en" and self.subjectless_participle(sent, tok):
            return None  # "…, adding that …", "…, referring to X": a participle after the clause adds to it
        if self.lang == "en":
            after = self.frame_after_content(sent, tok)
            if after is not None:
                return after
        # English puts the speaker before the cue: '…," Trump campaign spokeswoman Hope Hicks said.'
        reach = 9 if self.lang == "en" else 5
        comma = next((i for i in range(pos - 1, max(-1, pos - reach), -1) if toks[i].text == ","), None)
        if comma is None and self.lang == "de":
            # "…, hatte Obama bei seinem Treffen mit … gesagt.": a verb-first clause after the content
            last = next((i for i in range(pos - 1, -1, -1) if toks[i].text in (",", ":", ";")), None)
            if last is not None and last >= 2 and toks[last].text == "," and last + 1 < pos \
                    and toks[last + 1].upos == "AUX" and is_finite_verb(toks[last + 1]) \
                    and not any(t.text in (",", ":", ";") for t in toks[pos + 1 :]) \
                    and any(is_finite_verb(t) for t in toks[:last]):
                return last
        if comma is None or comma < 2:
            return None
        if not all(t.upos in ("AUX", "ADV", "PART", "DET", "PROPN", "NOUN", "ADJ") or t.text in ALL_MARKS or (
                t.upos == "PRON" and t.feats.get("PronType") == "Prs")  # "…, she said" whatever the parse
                   for t in toks[comma + 1 : pos]):
            return None
        rest = toks[pos + 1 :]
        first = next((k for k, t in enumerate(rest) if t.text == ","), len(rest))
        # "…, sagte Mark Keefe, der Sprecher der Klinik.": the name, then an apposition without a verb
        apposition = self.lang == "de" and 0 < first < len(rest) - 1 and all(
            t.upos in ("PROPN", "NOUN", "DET", "ADJ", "X") or t.text in ALL_MARKS for t in rest[:first]) \
            and rest[first + 1].upos in ("DET", "ADJ", "NOUN", "PROPN") and not any(
                t.upos in ("VERB", "AUX", "SCONJ") or t.text in (":", ";") for t in rest)
        # "…, the sources said, asking not to be identified …": a participle after the frame adds to it
        participle = self.lang == "en" and first < len(rest) - 1 and rest[first + 1].text.lower().endswith("ing") \
            and rest[first + 1].upos == "VERB" and not any(t.text in (",", ":", ";") for t in rest[:first])
        if participle:
            rest = rest[:first]
        if any(t.text in (",", ":", ";") for t in rest) and not apposition:
            return None
        if self.lang == "en" and any(is_finite_verb(t) or (t.upos == "SCONJ" and t.text.lower() == "that")
                                     for t in rest if not self.inside_quote(t)):
            return None  # "…,” adding that it's why Trump attacks': a clause follows the cue, its content
        if self.lang == "en" and any(
            c.deprel in ("nsubj", "nsubj:pass") and c.index < toks[comma].index for c in sent.children(tok)
        ) and not any(c.deprel in ("nsubj", "nsubj:pass") and toks[comma].index < c.index < tok.index
                      for c in sent.children(tok)):  # (", she said" has its own subject: a weak parse gave two)
            return None  # "The Gazette, citing people close to the mayor, said …": the subject opens the sentence
        return comma

    @staticmethod
    def subject_after_quote(sent: Sentence, comma: int) -> int | None:
        """ '"…," Sarandon, 69, told …' / '"…," Smith, a spokesman, said': comma-separated pieces without a verb
        lead back from the cue's comma to a closing quote mark. Index of that mark (the content ends there)."""
        toks = sent.tokens
        seg_end = comma
        for _ in range(5):  # "Cecelia Purner, 67, a retired clerk in Allentown, Pa., said
            seg_start = next((i + 1 for i in range(seg_end - 1, -1, -1) if toks[i].text == "," or toks[i].text
                              in ALL_MARKS), 0)
            seg = toks[seg_start:seg_end]
            if not seg or len(seg) > 8 or seg_start == 0 or any(t.upos in ("VERB", "AUX", "SCONJ") and not (
                    k > 0 and seg[k - 1].upos == "DET" and t.feats.get("VerbForm") == "Part")  # "a retired clerk"
                    for k, t in enumerate(seg)):
                return None
            if toks[seg_start - 1].text in ALL_MARKS:
                return seg_start - 1 if seg_end < comma else None
            seg_end = seg_start - 1
        return None

    def frame_after_content(self, sent: Sentence, tok: Token) -> int | None:
        """English frames after the content, however long their subject ("…, four sources familiar with the
        group's talks told Reuters, as …", "…, The New York Times reported on Tuesday, citing …"): by the
        parse, the cue is parataxis of the content before it (or has it as a ccomp/parataxis child). Index of
        the comma that ends the content, else None."""
        toks = sent.tokens
        head = sent.token(tok.head)
        # (a conjunct without "and"/"but" is a parataxis the parse mislabelled: "…, Axios reported last week, …")
        loose = tok.deprel == "parataxis" or (tok.deprel == "conj" and self.lang == "en" and not any(
            c.deprel == "cc" for c in sent.children(tok)) and self.reporting_conjunct(sent, tok))
        if loose and head is not None and head.index < tok.index:
            frame = sent.subtree(tok)
        else:
            content = next((c for c in sent.children(tok) if c.deprel in ("ccomp", "parataxis") and c.index < tok.index
                            and not self.inside_quote(c)), None)
            if content is None:
                return self.frame_by_position(sent, tok)
            inside = {t.index for t in sent.subtree(content)}
            frame = [t for t in sent.subtree(tok) if t.index not in inside]
        start = next((t for t in frame if t.upos not in PUNCT and t.text not in ALL_MARKS), None)
        if start is None or start.index >= tok.index:
            start = tok
        i = toks.index(start) - 1
        while i >= 0 and toks[i].text in ALL_MARKS:
            i -= 1
        if i < 2 or toks[i].text != ",":
            return None
        subjects = [c.index for c in sent.children(tok) if c.deprel in ("nsubj", "nsubj:pass")]
        if any(k < toks[i].index for k in subjects) and not any(toks[i].index < k < tok.index for k in subjects):
            return None
        return i

    def reporting_conjunct(self, sent: Sentence, tok: Token) -> bool:
        """ "…, Axios reported last week, citing …": a name right after a comma, the cue, a time, then the end or a
        participle — a frame the parse joined to the content as a conjunct."""
        toks = sent.tokens
        pos = toks.index(tok)
        subj = [c for c in sent.children(tok) if c.deprel == "nsubj" and c.index < tok.index]
        if not subj or subj[0].upos != "PROPN":
            return False
        np = noun_phrase(sent, subj[0])
        k = toks.index(np[0])
        if k < 2 or toks[k - 1].text != "," or np[-1].index != tok.index - 1:
            return False
        stop = next((i for i in range(pos + 1, len(toks)) if toks[i].text in (",", ".", ";")), len(toks))
        tail = toks[pos + 1 : stop]
        if len(tail) > 4 or any(is_finite_verb(t) for t in tail):
            return False
        return stop >= len(toks) - 1 or (toks[stop].text == "," and stop + 1 < len(toks)
                                          and toks[stop + 1].text.lower().endswith("ing"))

    def frame_by_position(self, sent: Sentence, tok: Token) -> int | None:
        """ "…, people familiar with the matter said." whatever the parse: the cue near the sentence end, after a
        comma and a subject without a verb of its own. Index of that comma, else None."""
        toks = sent.tokens
        pos = toks.index(tok)
        tail = [t for t in toks[pos + 1 :] if t.upos not in PUNCT and t.text not in ALL_MARKS]
        # "… said in a statement carried by the official Xinhua News Agency.": a scene after the cue
        comma = next((i for i in range(pos - 1, -1, -1) if toks[i].text in (",", ";", ":")), None)
        nominal = comma is not None and all(t.upos in ("NOUN", "PROPN", "DET", "ADP", "ADJ", "PART", "NUM")
                                            or t.text in ALL_MARKS for t in toks[comma + 1 : pos])
        scene = nominal and bool(tail) and tail[0].text.lower() in ("in", "on", "at", "during", "via") \
            and len(tail) <= 12 and not any(is_finite_verb(t) for t in tail)
        if (len(tail) > 4 and not scene) or any(t.text in (",", ";", ":") for t in toks[pos + 1 :]):
            return None  # "… said, adding …" / a clause after the cue: not a closing frame
        if comma is None or comma < 2 or pos - comma > (14 if nominal else 10) or toks[comma].text != ",":
            return None
        subject = toks[comma + 1 : pos]
        if not any(t.upos in ("NOUN", "PROPN", "PRON") for t in subject) or any(
                is_finite_verb(t) and (t.upos == "VERB" or t.head != tok.index) for t in subject):
            return None  # (", is in worse shape than the governor admits": a clause, not who spoke)
        return comma

    def cue_claim(
        self, si: int, para: int, sent: Sentence, tok: Token, verb: CueVerb, quotes: list[Quote]
    ) -> Candidate | None:
        toks = sent.tokens
        pos = toks.index(tok)
        content: list[Token] = []
        clause_by_cue = False  # the cue's meaning, not the parse, makes the words after it a clause
        # the cue introduces a quote ("antwortete Scholz: „Demnächst.“"): the quote is the claim
        for q in quotes:
            between = [t for t in toks if tok.end <= t.start < q.start]
            if q.start > tok.start and len(between) <= 4 and any(t.text == ":" for t in between):
                return None
        if self.lang == "en" and pos > 0 and not tok.text.lower().endswith("ing") and any(
                q.end == toks[pos - 1].end and q.start <= toks[0].start for q in quotes):
            return None  # '"…," said one Democrat …, who added that …': the inverted cue frames the quote before it
        relative = self.relative_report(sent, tok) if self.lang == "en" else None
        if relative is not None:
            # "A Tacoma man who prosecutors say was driving nearly twice the limit was sentenced": what the
            # prosecutors say is the relative clause after the cue
            source, said = relative
            cand = Candidate(said[0].start, said[-1].end, "indirect_speech", si, para, f"{self.lang}.cue.relative",
                             cue=tok, cue_lemma=verb.lemma, source=Phrase(si, source, "subject"))
            return cand
        comma_before = self.trailing_frame(sent, tok)
        if comma_before is not None and self.lang == "en":
            opens = self.subject_after_quote(sent, comma_before)
            if opens is not None:  # '"…," Sarandon, 69, told MSNBC': the name and its apposition frame the quote
                comma_before = opens
        if comma_before is not None:
            content = _trim(toks[:comma_before])
            lead = [t.text.lower() for t in content[:3] if t.text not in ALL_MARKS]
            if self.lang == "en" and lead and lead[0] in TIME_WORDS:
                # "Friday morning, as the parade rolled through Pasadena, CNN reported …": the time opens the scene
                lead = [t.text.lower() for t in content if t.text not in ALL_MARKS
                        and t.text.lower() not in TIME_WORDS and t.text != ","][:3]
            said_after = any(t.upos not in PUNCT and t.text not in ALL_MARKS for t in toks[pos + 1 :])
            if self.lang == "en" and lead and said_after and (
                    lead[0] in self.scene_openers | {"with", "as", "amid", "despite"} or (
                    len(lead) > 1 and lead[1] in ("after", "before", "later", "earlier"))):
                # (a cue that ends the sentence frames all before it: "Hours later, Trump returned, she said.")
                # "Months after he savaged her …, Trump tells Kelly …": an adverbial clause sets the scene
                content, comma_before = [], None
            elif self.lang == "en" and content and not any(is_finite_verb(t) for t in content) and not any(
                    q.start <= content[0].start < q.end for q in quotes) and content[0].upos in (
                    "ADP", "VERB", "SCONJ", "ADV"):
                # "During a town hall meeting in Cedar Rapids, Rubio told …": a scene, not what was said
                content, comma_before = [], None
        speaker_inside: list[Token] = []  # the subject of a frame inside its content
        if not content and self.lang == "en":
            content, speaker_inside = self.parenthetical_frame(sent, tok)
        if not content:
            # "X sagte (am Sonntag), …" : the clause after the first comma following the cue
            after = next((i for i in range(pos + 1, len(toks)) if toks[i].text in (",", ":")), None)
            if after is not None and self.lang == "en" and (after > pos + 1 or any(
                    c.deprel == "ccomp" and c.start > tok.start for c in sent.children(tok))):
                after = None  # English puts no comma before the reported clause: "said they were …, while …"
            if after is not None:
                between = toks[pos + 1 : after]
                # "spricht die Polizei von weniger Auseinandersetzungen, …": the preposition's object is the
                # reported content, the clause after the comma is the narrator's
                # ("wies darauf hin, dass …": a da-word points on to the clause, which is the content)
                speaks_of = bool(verb.prepositions) and any(
                    t.text.lower() in verb.prepositions and not t.text.lower().startswith("da") for t in between)
                if not speaks_of and not any(is_finite_verb(t) and t.upos == "VERB" for t in between) \
                        and not self.relative_clause_start(toks[after + 1 :]) \
                        and not self.adverbial_clause_start(toks[after + 1 :], sent):
                    content = _trim(toks[after + 1 :])
        if not content:
            # no comma (English "Delgado said the council would …"): the clausal complement
            comp = [c for c in sent.children(tok) if c.deprel in ("ccomp",) and c.start > tok.start]
            if not comp and self.lang == "en":
                # a weak parse calls the clause xcomp/parataxis/conj: a verb after the cue with its own subject
                comp = [c for c in sent.children(tok) if c.deprel in ("xcomp", "parataxis", "conj", "obj", "advcl")
                        and c.start > tok.start and c.upos in ("VERB", "AUX", "ADJ")
                        and any(g.deprel in ("nsubj", "nsubj:pass") and g.start > tok.start for g in sent.children(c))
                        and not self.opens_scene(sent, c)]  # "want a goalkeeper before the window closes"
            if len(comp) > 1 and self.lang == "en":
                # "said that CNN, a fellow asset, has done …": a weak parse splits the clause into two ccomps
                span = [t for c in comp for t in sent.subtree(c) if t.start > tok.start]
                content = _trim(_tokens_between(sent, min(t.start for t in span), max(t.end for t in span)))
            elif comp:
                content = _trim([t for t in sent.subtree(comp[0]) if t.start > tok.start])
                # "said the state allocated …": a clause, though the tagger read the verb as a participle
                # ("said more than 90,000 voters lacked …": a parse that heads the clause with its subject noun and
                # reads the verb as a participle)
                lead = 2 if len(content) > 2 and content[1].text.lower() == "than" else 0  # ("more than 90,000")
                noun_headed = comp[0].upos in ("NOUN", "PROPN") and content[lead].text.lower() not in SAY_OBJECTS \
                    and any(k > 0 and t.upos == "VERB" and t.text.lower().endswith("ed")
                            and content[k - 1].index == comp[0].index for k, t in enumerate(content))
                clause_by_cue = self.lang == "en" and tok.lemma.lower() in CLAUSE_ONLY_LEMMAS \
                    and comp[0].deprel == "ccomp" and (comp[0].upos == "VERB" or noun_headed)
                gap = [t for t in toks[pos + 1 :] if t.start < content[0].start] if content else []
                if self.lang == "en" and gap and len(gap) <= 4 and tok.lemma not in self.addressee_verbs and not any(
                        t.upos in PUNCT or t.text in ALL_MARKS or (t.upos == "ADP" and not (
                            k + 1 < len(gap) and gap[k + 1].upos == "NUM"))  # "said about 400,000 people live …"
                        for k, t in enumerate(gap)) and not all(
                        t.text.lower() in TIME_WORDS for t in gap):  # (not "said late Wednesday that …")
                    # "said one candidate he likes is Kasich", "said Whitaker fears that …": a weak parse hangs the
                    # clause's first words on the cue; what follows the cue is what was said
                    content = _tokens_between(sent, gap[0].start, content[-1].end)
        if not content and self.lang == "en" and verb.kind in ("speech", "report", "belief"):
            # a weak parse without a ccomp: "Sixty-six percent said it made no difference": the clause after the
            # cue (an optional "that", then a subject and a finite verb before any comma)
            rest = toks[pos + 1 :]
            if rest and rest[0].text.lower() == "that":
                rest = rest[1:]
            stop = next((k for k, t in enumerate(rest) if t.text in (",", ";", ":") or (
                t.upos == "PUNCT" and t.text not in ALL_MARKS)), len(rest))  # ('said she “isn’t …”')
            clause = rest[:stop]
            verb_at = next((k for k, t in enumerate(clause) if k > 0 and is_finite_verb(t)), None)
            # "reported at least six planes filled the skies": a quantity may open the clause's subject
            hedge = 2 if [t.text.lower() for t in clause[:2]] in (["at", "least"], ["more", "than"], ["fewer", "than"],
                                                                   ["less", "than"], ["up", "to"]) else 0
            if len(clause) >= 2 + hedge and clause[hedge].upos == "NUM" and verb_at is None:
                # the tagger read the clause's verb as a participle ("planes filled the skies")
                verb_at = next((k for k, t in enumerate(clause) if k > hedge + 1 and t.upos == "VERB"
                                and t.feats.get("Tense") == "Past" and clause[k - 1].upos == "NOUN"), None)
                clause_by_cue = verb_at is not None
            if len(clause) >= 2 + hedge and clause[hedge].upos in ("PRON", "DET", "PROPN", "NOUN", "NUM", "ADJ") \
                    and verb_at \
                    and not self.inside_quote(clause[0]) and not any(
                        t.text.lower() in self.scene_openers for t in clause[:verb_at]):
                # (not "want a new goalkeeper before the window closes": that verb is the scene's)
                content = _trim(rest)
            elif tok.lemma.lower() in CLAUSE_ONLY_LEMMAS and len(clause) >= 4 and clause[0].upos in (
                    "DET", "PROPN", "NOUN", "NUM", "ADJ") and clause[0].text.lower() not in SAY_OBJECTS \
                    and not self.inside_quote(clause[0]) and not any(t.text.lower() in self.scene_openers
                                                                    for t in clause):
                # "the candidate said families of people killed by police file lawsuits": "say" takes a clause, not
                # a long noun phrase, whatever the tagger made of the clause's verb ("file" as a noun)
                content = _trim(rest)
                clause_by_cue = True
        # "Wie X erklärte, …" / "As X said, …": the main clause after the frame is the content
        first_comma = next((i for i, t in enumerate(toks) if t.text == ","), None)
        if self.lang == "de" and not any(is_finite_verb(t) or is_konjunktiv_one(t, sent) for t in content) \
                and pos + 3 < len(toks) and toks[pos + 1].text == "," \
                and toks[pos + 2].text.lower() in ("man", "er", "sie", "es", "wir", "ich") \
                and toks[pos + 3].text.islower() and toks[pos + 3].text.endswith(("e", "en")) \
                and not self.inside_quote(toks[pos + 2]):
            # "sagte, man prüfe Kameras" with "prüfe" read as an adjective: a pronoun and a verb open the clause
            content = _trim(toks[pos + 2 :])
            clause_by_cue = True
        wie_frame = False  # a "wie X mitteilte" frame around an indicative clause: attributed, not indirect speech
        if toks[0].text.lower() in ("wie", "as") and first_comma is not None and pos < first_comma:
            content = _trim(toks[first_comma + 1 :])
            wie_frame = self.lang == "de"
        # "Die Verdächtigen wurden festgenommen, wie die Polizei mitteilte.": the main clause before the frame
        wie_after = next((k for k in range(pos - 1, 1, -1) if toks[k].text.lower() == "wie" and toks[k - 1].text == ","
                          and not any(t.text == "," for t in toks[k:pos])), None) if self.lang == "de" else None
        if wie_after is not None:
            content = _trim(toks[: wie_after - 1])
            wie_frame = True
        if self.lang == "en" and verb.kind in ("speech", "report", "belief") and (
                not content or content[0].start > tok.start):
            # "reported in March that violent incidents … had doubled", "told The Post that staffing …": the clause
            # begins at "that", whatever the parse made of the words around it
            content = self.that_clause(sent, tok, content)
            content = self.second_that_clause(sent, tok, content)
        # "confirmed the layoffs on Tuesday, saying it would …", "criticized the plan and said she …": the second
        # cue carries the clause; the cue before it reports no more than its object
        second_cue_at = self.second_cue(sent, tok) if self.lang == "en" else None
        if content and second_cue_at is not None and toks[second_cue_at].start < content[-1].end and not any(
                is_finite_verb(t) for t in content if t.start < toks[second_cue_at].start):
            content = []  # (what stood before the second cue was the first one's object: "the governor's budget")
            between = _trim(toks[pos + 1 : second_cue_at])
            if tok.lemma.lower() in CLAUSE_ONLY_LEMMAS and len(between) >= 3 and between[0].upos in (
                    "NOUN", "PROPN", "PRON", "DET") and any(t.upos in ("VERB", "AUX") for t in between):
                content, clause_by_cue = between, True  # "said crews expected calmer winds but warned …"
        if self.lang == "en" and content and content[0].start > tok.start:
            # "says he would release them on Friday, calling them "very boring"": the participle is a cue of its own
            for k in range(1, len(content) - 1):
                j = k + 1
                while j < len(content) - 1 and content[j].text in ALL_MARKS:
                    j += 1  # '…this race,” adding that …'
                nxt = content[j]
                if content[k].text == "," and nxt.text.endswith("ing") and not self.inside_quote(nxt) \
                        and self.cue_of(sent, nxt) is not None:
                    content = _trim(content[:j] if j > k + 1 else content[:k])
                    break
            for k in range(1, len(content) - 2):
                if content[k].text == "," and content[k + 1].text.lower() in CONTRAST_OPENERS and any(
                        (v := self.cue_of(sent, t)) is not None and v.kind in ("speech", "report")
                        and not self.inside_quote(t) for t in content[k + 2 : k + 6]):
                    # "said he would go ahead, although he tweeted that …": the second report is a claim of its own
                    content = _trim(content[:k])
                    break
            cut = self.cut_coordinated_report(sent, content)
            if len(cut) < len(content) and not any(is_finite_verb(t) for t in cut):
                return None  # "tweeted a photograph … and said she …": the second cue carries the claim
            content = cut
        if self.lang == "en" and content and content[0].start > tok.start and tok.lemma in self.addressee_verbs:
            # "told the BBC the authority faced …": a weak parse makes the addressee a second subject of the clause
            ids = {t.index for t in content}
            for h in content:
                subjects = [c for c in sent.children(h) if c.deprel == "nsubj" and c.index in ids]
                if len(subjects) >= 2 and noun_phrase(sent, subjects[0])[0] is content[0]:
                    second = noun_phrase(sent, subjects[1])[0]
                    content = [t for t in content if t.start >= second.start]
                    break
        if self.lang == "de" and content and content[0].start > tok.start:
            content = self.cut_german_second_report(sent, content)
        if self.lang == "en" and content and content[0].start > tok.start and (
                content[0].text.lower() in self.clause_scene_openers | NOT_CONTENT_OPENERS):
            # "said …, while Sanders will receive 57", "spoke before Sanders addressed a rally", "who grew up with
            # Ali": a clause after the cue that the narrator adds, not what was said
            content = []
        cand = Candidate(sent.start, sent.end, "indirect_speech", si, para, f"{self.lang}.cue.{verb.kind}")
        cand.cue, cand.cue_lemma = tok, verb.lemma
        # a content made only of a quote: the quote already carries this cue
        if content and quotes:
            inner = [t for t in content if not any(q.start <= t.start < q.end for q in quotes)]
            if not [t for t in inner if t.upos not in PUNCT]:
                return None
        pos_after = pos + 2 if pos + 2 < len(toks) else pos + 1
        if self.lang == "en" and content and pos + 1 < len(toks) and toks[pos + 1].text.lower() == "that" \
                and toks[pos + 1].upos == "SCONJ" and content[0].start <= toks[pos_after].start:
            clause_by_cue = True  # "found that 47 percent of voters back Ortiz": "that" opens a clause, tagged or not
        # content with no finite verb that is not a quote: a noun phrase or an infinitive
        verbless = bool(content) and not any(is_finite_verb(t) or is_konjunktiv_one(t, sent) for t in content) \
            and not any(q.start <= content[0].start < q.end for q in quotes)
        if verbless and not clause_by_cue and not (self.lang == "en" and comma_before is not None) and not (
                comma_before is None and self.infinitive_content(sent, tok, content)):
            content = []  # "betonte seine Bereitschaft, … zu sprechen": a zu-infinitive, reported speech
        # "forderte, den Streit zur Chefsache zu machen": what was said, but as an act (a demand, a charge), not
        # a statement: reported speech over the infinitive
        infinitive_only = self.lang == "de" and bool(content) and verbless
        if content and self.lang == "en" and content[-1].start > tok.start:
            rest = toks[toks.index(content[-1]) + 1 :]
            words = [t for t in rest if t.upos not in PUNCT]
            if words and len(words) <= 2 and all(t.upos in ("ADP", "ADV", "PART") for t in words) and all(
                    t.upos in PUNCT for t in rest[len(words):]) and rest[: len(words)] == words:
                content = content + words  # "… and was turned down.": a particle the parse hung elsewhere
        if content:
            cand.start, cand.end = content[0].start, content[-1].end
            for q in self.quotes_in(sent):  # a partial quote the clause starts or ends in is the clause's
                if q.start < cand.end < q.end and q.end - cand.end <= 3:
                    cand.end = q.end
                if q.start < cand.start < q.end and cand.start - q.start <= 3:
                    cand.start = q.start
            cand.kind = "belief" if verb.kind == "belief" else "indirect_speech"
            if infinitive_only and verb.act:
                cand.kind, cand.rule = "reported_speech", f"{self.lang}.cue.act"
            if wie_frame and not any(is_konjunktiv_one(t, sent) for t in content):
                cand.kind = "attributed"  # an indicative main clause, "wie X mitteilte": the outlet's words, X's facts
        else:
            objects = [c for c in sent.children(tok) if c.deprel in ("obj", "iobj", "obl", "xcomp", "ccomp")]
            pointer_obj = [c for c in sent.children(tok) if c.deprel in ("obj", "nsubj", "obl")
                           and c.text.lower() in POINTER_WORDS]
            if not pointer_obj and toks[0].text.lower() in POINTER_WORDS and toks[0].upos in ("PRON", "DET") and (
                pos == 1 or (toks[1].upos == "AUX" and not any(t.text == "," for t in toks[:pos]))
            ):
                pointer_obj = [toks[0]]  # "Das berichtete …", "Das hat der VGH entschieden", whatever the parse says
            if pointer_obj and verb.kind in ("speech", "report"):
                self.pointers.append(Pointer(si, para, self.subject_of(sent, tok, avoid=None) if
                                             pointer_obj[0].deprel != "nsubj" else self._obj_source(sent, tok),
                                             [], tok))
                return None
            if quotes and self.lang == "en" and verb.kind in ("speech", "report") and not (
                    second_cue_at is not None and all(q.start > toks[second_cue_at].start for q in quotes)):
                return None  # it frames the quote ("…," the president told reporters): the quote is the claim
            nominal = [c for c in objects if c.upos in ("NOUN", "PROPN") or c.deprel in ("xcomp", "ccomp")]
            if not nominal and any(t.upos in ("NOUN", "PROPN") for t in toks[pos + 1 :]) and verb.reported:
                nominal = [t for t in toks[pos + 1 :] if t.upos in ("NOUN", "PROPN")][:1]
            if not nominal and verb.reported and any(t.upos == "NOUN" and t.start < tok.start and t.deprel in (
                    "obj", "obl", "nmod") for t in toks):
                nominal = [tok]
            da_words = {"da" + p for p in verb.prepositions} | {"dar" + p for p in verb.prepositions}
            if verb.prepositions and not any(
                g.text.lower() in verb.prepositions for c in objects for g in sent.children(c)
            ) and not any(t.text.lower() in verb.prepositions for t in toks[pos + 1 :]) and not any(
                    t.text.lower() in da_words for t in toks):  # "Dagegen protestierte der DJV"
                return None  # "sprach mit seiner Frau": talking, not reporting ("sprach von einem Erfolg")
            if self.passive_without_agent(sent, tok):
                if self.lang == "en" and verb.reported and tok.lemma.lower() in CHARGE_LEMMAS and nominal and not any(
                        t is not tok and self.cue_of(sent, t) is not None for t in toks) and not (  # no "…, X said"
                        pos + 1 < len(toks) and toks[pos + 1].text.lower() == "to"):  # ("is alleged to": hearsay)
                    # "Okafor is accused of creating fake accounts": the charge of the source just named
                    body = _trim(list(toks))
                    cand.start, cand.end = body[0].start, body[-1].end
                    cand.kind, cand.continues = "reported_speech", True
                    aux = next((c for c in sent.children(tok) if c.deprel == "aux:pass"), None)
                    cand.vague = f"{aux.text} {tok.text}" if aux is not None else tok.text
                    cand.rule = f"{self.lang}.passive.charge"
                    return cand
                return None  # "Zwischenfälle wurden gemeldet": nobody is said to have said anything
            if verb.kind == "belief" and verb.reported and nominal:
                cand.kind = "belief"
            elif verb.reported and nominal:
                cand.kind = "reported_speech"
            elif verb.kind == "report" and verb.lemma in ("hervorgehen", "gehen"):
                self.pointers.append(Pointer(si, para, self._aus_source(sent, tok), [], tok))
                return None
            else:
                return None
            body = _trim(list(toks))
            if second_cue_at is not None:
                # "Scott blasted Congress and said the state …", "Walker endorsed Cruz, saying he …": the second
                # cue reports a clause of its own
                body = _trim(toks[:second_cue_at])
            cand.start, cand.end = body[0].start, body[-1].end
        if self.frame_is_konjunktiv(sent, tok, content):
            body = _trim(list(toks))
            cand.start, cand.end = body[0].start, body[-1].end
            cand.kind, cand.continues, cand.rule = "indirect_speech", True, f"{self.lang}.konjunktiv.frame"
            cand.cue = None
            return cand
        cand.source = self.impersonal_source(sent, tok) or self.subject_of(
            sent, tok, avoid=(cand.start, cand.end) if content else None)
        believed_to = verb.kind == "belief" and pos + 1 < len(toks) and toks[pos + 1].text.lower() == "to"
        if self.lang == "en" and content and self.passive_without_agent(sent, tok) and (verb.kind in (
                "speech", "report") or believed_to) and (
                cand.source is None or cand.source.tokens[0].text.lower() == "it" or believed_to):
            # "It was reported last month that …": reported, by nobody the text names
            aux = next((c for c in sent.children(tok) if c.deprel == "aux:pass"), None)
            cand.source, cand.kind = None, "hearsay"  # (a vague frame, like German "es heißt": weakly sourced)
            cand.vague = f"{aux.text} {tok.text}" if aux is not None else tok.text
            cand.rule = f"{self.lang}.passive.report"
        if self.lang == "de" and content and self.werden_passive(sent, tok) \
                and self.passive_without_agent(sent, tok) and (cand.source is None or cand.source.role == "subject"):
            # "Dem Mann wird vorgeworfen, …", "Es wurde bekannt gegeben, dass …": said, but by whom?
            aux = next((c for c in sent.children(tok) if c.deprel.startswith("aux") and c.lemma == "werden"), None)
            cand.source = None
            cand.vague = f"{aux.text} {tok.text}" if aux is not None else tok.text
            document = self.prepositional_source(sent, [tok])
            if document is not None and document.tokens[0].start < tok.start and any(
                    t.text.lower() in self.rules.document_nouns or t.upos == "PROPN"
                    for t in document.tokens):
                # "In einem Bericht der Salzburger Nachrichten wurde vermutet, dass …": the report is the source
                cand.source, cand.vague = document, None
        frame = [t for t in toks if not cand.start <= t.start < cand.end] if content else toks
        if self.lang == "de" and any(c.deprel == "aux" and c.lemma == "sollen" for c in sent.children(tok)) \
                and self._has_hearsay_modal(frame, sent):
            # "Die Bundesregierung soll Paris mit dem Ausstieg gedroht haben": that it threatened is hearsay,
            # reported by someone the sentence does not name
            body = _trim(list(toks))
            cand.start, cand.end = body[0].start, body[-1].end
            cand.kind, cand.hearsay, cand.source, cand.rule = "hearsay", "soll", None, f"{self.lang}.hearsay.sollen"
            return cand
        if self.lang == "en" and tok.lemma.lower() in CHARGE_LEMMAS and pos + 1 < len(toks) \
                and toks[pos + 1].text.lower() in ("with", "of") and cand.source is not None \
                and cand.source.tokens[-1].index < tok.index:
            # "Man charged with arson", "Mayor accused of fraud": a passive without its auxiliary (headline style);
            # the subject is charged, not the one who charges
            cand.source, cand.continues = None, True
            cand.vague = tok.text
        if speaker_inside:
            cand.source = Phrase(si, speaker_inside, "subject")
        if self.lang == "en" and comma_before is not None and content:
            # "…, people familiar with the matter said": the words between comma and cue are the subject
            between = [t for t in toks[comma_before + 1 : pos] if t.upos not in ("AUX", "PART") and not (
                t.upos == "ADV" and t.text.lower() in ("also", "later", "previously", "earlier", "then"))]
            if any(t.upos in ("NOUN", "PROPN", "PRON") for t in between):
                cand.source = Phrase(si, _trim(between) or between, "subject")
        if verb.kind == "belief" and cand.source is not None and len(cand.source.tokens) == 1 \
                and cand.source.tokens[0].text.lower() in SPEAKER_PERSONS:
            return None  # "I want you to know …", "we hope …": the speaker's own words (a transcript), no claim by them
        if self.lang == "de" and cand.source is None and content:
            cand.source = self._aus_source(sent, tok)  # "Aus Koalitionskreisen verlautete, …"
        if verb.frame_only and cand.source is not None:
            learnt_from = self._aus_source(sent, tok)
            if learnt_from is not None and not learnt_from.start <= cand.source.start < learnt_from.end:
                # "Wie AFP aus Élysée-Kreisen erfuhr": the outlet's sources
                learnt_from.role = "via"
                cand.via.append(learnt_from)
        if verb.lemma in ("heißen",) and (cand.source is None or cand.source.tokens[0].text.lower() == "es"):
            cand.vague = "es heißt"
        cand.outlet_hint = self.outlet_hint(sent, tok)
        if cand.kind == "indirect_speech" and content and self._has_hearsay_modal(content, sent):
            cand.hearsay = "soll"
        return cand

    def parenthetical_frame(self, sent: Sentence, tok: Token) -> tuple[list[Token], list[Token]]:
        """ "The economy, the senator said, is in worse shape …": a frame between commas inside the clause it
        reports. (content, speaker): the whole sentence is the claim (a claim is one span, so the frame stays
        inside); ([], []) if the cue is no such frame."""
        toks = sent.tokens
        pos = toks.index(tok)
        if pos + 2 >= len(toks) or toks[pos + 1].text != ",":
            return [], []
        opening = next((i for i in range(pos - 1, 0, -1) if toks[i].text in (",", ";", ":")), None)
        if opening is None or toks[opening].text != ",":
            return [], []
        before, frame, after = toks[:opening], toks[opening + 1 : pos], toks[pos + 2 :]
        if not frame or len(frame) > 8 or any(is_finite_verb(t) and t.head != tok.index for t in frame) or not any(
                t.upos in ("NOUN", "PROPN", "PRON") for t in frame):
            return [], []
        if not before or any(is_finite_verb(t) or t.text in ALL_MARKS for t in before) or before[0].text.lower() in (
                self.scene_openers | {"as", "in", "on", "at", "for", "with", "during", "after", "before"}):
            return [], []  # "In Ohio, the senator said, …" is a scene; '"…," he said, "…"' a quote
        first = next((t for t in after if t.upos not in PUNCT), None)
        if first is None or first.upos not in ("AUX", "VERB", "ADV", "PART") or not any(
                is_finite_verb(t) for t in after):
            return [], []
        speaker = _trim([t for t in frame if t.upos not in ("AUX", "PART") and not (
            t.upos == "ADV" and t.head == tok.index)])
        return _trim(list(toks)), speaker

    def second_cue(self, sent: Sentence, tok: Token) -> int | None:
        """English: position of the ", saying" / "and said" that starts a second report after the cue, else None."""
        toks = sent.tokens
        for k in range(toks.index(tok) + 1, len(toks) - 1):
            if self.inside_quote(toks[k]):
                continue
            if toks[k].text == "," and toks[k + 1].text.lower().endswith("ing") and self.cue_of(
                    sent, toks[k + 1]) is not None:
                return k
            if toks[k].text.lower() in ("and", "but") and any(self.cue_of(sent, t) is not None and t.upos == "VERB"
                                                     for t in toks[k + 1 : k + 3]):
                return k
        return None

    def cut_german_second_report(self, sent: Sentence, content: list[Token]) -> list[Token]:
        """ "sagte, Annabi sei tot, doch Sprecher Birnback erklärte, …", "sagte, Europa brauche X und fügte hinzu:":
        the content stops before a conjunction that opens another report in the indicative."""
        for k in range(1, len(content) - 1):
            word = content[k].text.lower()
            if word not in ("und", "doch", "aber", "sondern", "während") or self.inside_quote(content[k]):
                continue
            for j in range(k + 1, min(k + 9, len(content))):
                t = content[j]
                if t.text in (",", ":", ";") or self.inside_quote(t):
                    break
                if is_finite_verb(t) and not is_konjunktiv(t) and not is_konjunktiv_one(t, sent):
                    # "…, sie müssten X aufgeben und bemühte das Bild vom …": the narrator goes on about the speaker
                    if (j == k + 1 and word == "und" and t.upos == "VERB") or (
                            self.cue_of(sent, t) is not None and (j == k + 1 or word != "und")):
                        return _trim(content[: k - 1] if content[k - 1].text == "," else content[:k])
                    break
        return content

    def cut_coordinated_report(self, sent: Sentence, content: list[Token]) -> list[Token]:
        """ "said they were worried, and more than 4 in 10 said Trump would …": a weak parse hangs the second
        report on the first; the content stops before the "and" that opens a clause with a subject and a cue
        of its own (which then frames its own claim)."""
        for k in range(1, len(content) - 1):
            if content[k].text.lower() not in ("and", "but"):
                continue
            second = content[k + 1]
            if content[k - 1].text not in (",", ";"):
                # "tweeted a photograph … and said she had been yanked": the same subject reports again
                verb = self.cue_of(sent, second) if is_finite_verb(second) and not self.inside_quote(second) else None
                if verb is not None and verb.kind == "speech" and (any(
                        c.deprel in ("ccomp", "parataxis") for c in sent.children(second)) or any(
                        self.inside_quote(t) for t in content[k + 2 : k + 6])):  # "… and calls her “a …”"
                    return _trim(content[:k])
                # "said they will not attend the convention and others have said …": a new subject and its cue
                toks = sent.tokens  # (the parse may end the content inside the new subject: "… and others")
                a = toks.index(content[k])
                j = a + 1
                while j < len(toks) and j - a <= 6 and toks[j].upos in ("DET", "ADJ", "NUM", "NOUN", "PROPN", "PRON"):
                    j += 1
                while j < len(toks) and toks[j].upos in ("AUX", "ADV") and j - a <= 8:
                    j += 1
                cue = self.cue_of(sent, toks[j]) if j < len(toks) and j > a + 1 and toks[j].upos == "VERB" \
                    and not self.inside_quote(toks[j]) else None
                takes_clause = cue is not None and (toks[j].lemma.lower() in CLAUSE_ONLY_LEMMAS or any(
                    c.deprel in ("ccomp", "parataxis") for c in sent.children(toks[j])) or (
                    j + 1 < len(toks) and (toks[j + 1].text.lower() == "that" or toks[j + 1].text in ALL_MARKS)))
                # (not "… and Colorado will clarify the situation": a cue form with a plain object reports nothing)
                if cue is not None and takes_clause and cue.kind in ("speech", "report") and (
                        is_finite_verb(toks[j]) or any(t.upos == "AUX" and is_finite_verb(t)
                                                       for t in toks[a + 1 : j])) and any(
                        t.upos in ("NOUN", "PROPN", "PRON") for t in toks[a + 1 : j]):
                    return _trim(content[:k])
                continue
            for j in range(k + 2, min(k + 9, len(content))):
                word = content[j]
                if is_finite_verb(word) and not self.inside_quote(word):
                    subject = content[k + 1 : j]
                    verb = self.cue_of(sent, word)
                    if verb is not None and verb.kind in ("speech", "report", "belief") and any(
                            t.upos in ("NOUN", "PROPN", "PRON", "NUM") for t in subject) and not any(
                            t.upos in PUNCT for t in subject):
                        return _trim(content[: k - 1])
                    break  # the clause's own verb is no cue: the coordination is part of what was said
        return content

    def infinitive_content(self, sent: Sentence, tok: Token, content: list[Token]) -> bool:
        """ "hatte angekündigt, erneut anzutreten", "rief die Bürger dazu auf, … zu bleiben": a zu-infinitive after the
        cue's comma is what was said, unless the cue has a content noun of its own ("betonte seine Bereitschaft,
        … zu sprechen" is reported speech about that noun). A person as object is the addressee."""
        if self.lang != "de":
            return False
        words = [t for t in content if t.upos not in PUNCT]
        fused = any(FUSED_ZU_INFINITIVE.fullmatch(t.text.lower()) for t in words)
        separate = any(a.text.lower() == "zu" and b.text[:1].islower() and b.text.lower().endswith(("en", "ern", "eln"))
                       and b.upos in ("VERB", "AUX") for a, b in itertools.pairwise(words))
        if not (fused or separate):
            return False
        for obj in sent.children(tok):
            if obj.deprel == "obj" and obj.upos in ("NOUN", "PROPN") and obj.start < content[0].start \
                    and not self.speaker_like(noun_phrase(sent, obj)):
                return False
        return True

    def passive_without_agent(self, sent: Sentence, tok: Token) -> bool:
        kids = sent.children(tok)
        passive = any(c.deprel == "aux:pass" for c in kids) or any(
            c.lemma == "werden" and c.deprel.startswith("aux") for c in kids)
        agent = any(any(g.text.lower() in ("von", "durch", "by") for g in sent.children(c)) for c in kids)
        return passive and not agent

    def frame_is_konjunktiv(self, sent: Sentence, tok: Token, content: list[Token]) -> bool:
        """The cue's own clause is Konjunktiv I ("habe er … empfohlen"): reported by someone else."""
        if self.lang != "de":
            return False
        inside = {t.index for t in content}
        toks = sent.tokens
        pos = toks.index(tok)
        start = next((i + 1 for i in range(pos - 1, -1, -1) if toks[i].text in (",", ":", ";")), 0)
        frame = [t for t in toks[start : pos + 1] if t.index not in inside]
        frame += [c for c in sent.children(tok) if c.deprel.startswith("aux") and c.index not in inside
                  and c.index > toks[start].index if start < len(toks)]
        return any(is_konjunktiv_one(t, sent) for t in frame)

    def _obj_source(self, sent: Sentence, tok: Token) -> Phrase | None:
        """The source when the parser took the pointer word ("Das") as subject: another nominal child."""
        kids = [c for c in sent.children(tok) if c.deprel in ("nsubj", "obj", "obl", "iobj")
                and c.text.lower() not in POINTER_WORDS and c.upos in ("NOUN", "PROPN")]
        # an argument before a prepositional phrase: "Das hat der VGH in Mannheim entschieden" is not Mannheim's
        kids.sort(key=lambda c: (c.deprel == "obl", c.upos != "PROPN"))
        return Phrase(self.si_of[id(sent)], noun_phrase(sent, kids[0]), "subject") if kids else None

    def _aus_source(self, sent: Sentence, tok: Token) -> Phrase | None:
        for c in sent.children(tok):
            if any(g.text.lower() == "aus" for g in sent.children(c)):
                return Phrase(self.si_of[id(sent)], noun_phrase(sent, c), "pointer")
        toks = sent.tokens
        for i, t in enumerate(toks):
            if t.text.lower() == "aus" and i + 1 < len(toks):
                np = [x for x in toks[i + 1 :] if x.upos not in ("VERB", "AUX") and x.text != "."]
                end = next((k for k, x in enumerate(np) if x.upos in PUNCT or x.text.lower() == "hervor"), len(np))
                if np[:end]:
                    return Phrase(self.si_of[id(sent)], np[:end], "pointer")
        return None

    def outlet_hint(self, sent: Sentence, cue: Token) -> Phrase | None:
        """Where it was said: "in der ARD-Sendung", "sagte sie der «Neuen Zürcher Zeitung»" — an outlet in the frame."""
        toks = []
        for t in sent.tokens:
            q = self.inside_quote(t)
            if q is not None and q not in self.title_quotes and t.text not in ALL_MARKS:
                continue  # an outlet named inside someone's words is not where they said it
            toks.append(t)
        found = find_outlet(toks, self.rules.outlet_aliases)
        if found is None:
            # "He told the network that …": the outlet named before, by a word that points back to it
            for c in sent.children(cue):
                if c.deprel in ("obj", "iobj", "obl") and c.text.lower() in self.rules.outlet_references and any(
                        g.deprel == "det" and g.text.lower() in ("the", "der", "die", "das", "dem", "den")
                        for g in sent.children(c)):
                    return Phrase(self.si_of[id(sent)], noun_phrase(sent, c), "outlet-hint")
            return None
        _, i, j = found
        while i > 0 and toks[i - 1].text in ALL_MARKS:
            i -= 1  # der »Zeit«: the marks make the word a name
        while j < len(toks) and toks[j].text in ALL_MARKS:
            j += 1
        return Phrase(self.si_of[id(sent)], toks[i:j], "outlet-hint")

    def _has_hearsay_modal(self, tokens: list[Token], sent: Sentence) -> bool:
        """Reportative sollen: "soll … telefoniert haben" (modal + perfect infinitive)."""
        for i, t in enumerate(tokens):
            if t.lemma.lower() == "sollen" and t.text.lower() in ("soll", "sollen") and is_finite_verb(t):
                rest = tokens[i + 1 :]
                for j, r in enumerate(rest):
                    if r.text.lower() in ("haben", "sein") and j > 0 and rest[j - 1].feats.get("VerbForm") == "Part":
                        return True
                    if r.text.lower() in ("haben", "sein") and j > 0 and rest[j - 1].text.lower().startswith("ge"):
                        return True
                    if r.text.lower() in ("haben", "sein") and j > 0 and rest[j - 1].text.islower() \
                            and rest[j - 1].text.endswith(("t", "en")) and rest[j - 1].upos in ("VERB", "ADJ", "AUX"):
                        return True  # "soll … versucht haben", "soll … verschwunden sein": a participle, however tagged
        return False

    # -- markers
    def find_markers(self, sent: Sentence) -> list[tuple[Marker, list[Token]]]:
        """Marker phrases in the sentence; words of a phrase may be split by up to two adjectives/articles
        ("nach amerikanischen Erkenntnissen")."""
        found: list[tuple[Marker, list[Token]]] = []
        used: set[int] = set()
        toks = [t for t in sent.tokens if not self.inside_quote(t)]
        present = {t.text.lower() for t in toks}
        # only markers whose first word occurs here (longest phrases first, as in self.markers)
        lowered = [t.text.lower() for t in toks]
        for marker, words in self.marker_words:
            if words[0] not in present:
                continue
            for i, t in enumerate(toks):
                if lowered[i] != words[0]:
                    continue
                if t.index in used or t.text.lower() != words[0]:
                    continue
                match = [t]
                j = i + 1
                ok = True
                for w in words[1:]:
                    gap = 0
                    while j < len(toks) and toks[j].text.lower() != w and (
                            (gap < 2 and toks[j].upos in ("ADJ", "DET")) or self.hyphen_part(toks, j)):
                        j += 1  # "nach amerikanischen Erkenntnissen", "nach UNHCR-Angaben" (split at its hyphen)
                        gap += 1
                    if j < len(toks) and (toks[j].text.lower() == w or (
                            w is words[-1] and len(words) > 1 and self.compound_of(toks[j], w))):
                        match.append(toks[j])
                        j += 1
                    else:
                        ok = False
                        break
                if ok and not any(m.index in used for m in match) and not self.unit_after(marker, toks, j):
                    found.append((marker, match))
                    used.update(m.index for m in match)
        return found

    @staticmethod
    def hyphen_part(toks: list[Token], j: int) -> bool:
        """toks[j] is a glued part of a hyphenated compound the tokenizer split: "UNHCR" or "-" in "UNHCR-Angaben"."""
        t = toks[j]
        if t.text == "-":
            return 0 < j < len(toks) - 1 and toks[j - 1].end == t.start and toks[j + 1].start == t.end
        return j + 1 < len(toks) and toks[j + 1].text == "-" and toks[j + 1].start == t.end

    def compound_of(self, tok: Token, word: str) -> bool:
        """German compounds name the source inside the noun: "nach Polizeiangaben", "nach Zeugenaussagen"."""
        low = tok.text.lower().replace("-", "")
        return self.lang == "de" and tok.upos in ("NOUN", "PROPN", "X") and len(low) > len(word) + 2 \
            and low.endswith(word)

    def reporting_agent(self, toks: list[Token], follow: list[Token]) -> list[Token]:
        """ "according to a report by Reuters", "figures published by NHS England", "estimates from the IEA":
        after a reporting noun (rules/<lang>/cues.yaml `nouns`), the agent is the source; [] if none."""
        nouns = [t for t in follow if t.upos in ("NOUN", "PROPN")]
        if not nouns or nouns[-1].text.lower() not in self.rules.document_nouns:
            return []
        i = toks.index(follow[-1]) + 1
        skipped = 0
        while i < len(toks) and skipped < 2 and (toks[i].upos == "ADV" or toks[i].feats.get("VerbForm") == "Part"):
            i += 1
            skipped += 1
        if i >= len(toks) or toks[i].text.lower() not in AGENT_WORDS:
            return []
        agent: list[Token] = []
        for t in toks[i + 1 :]:
            joined = bool(agent) and agent[-1].end == t.start and (t.text == "-" or agent[-1].text == "-")
            if not joined and ((t.upos in PUNCT and t.text not in ALL_MARKS) or t.upos in ("VERB", "AUX", "SCONJ") or (
                t.upos == "ADP" and t.text.lower() != "of"
            )):
                break  # (a hyphenated word goes on: "the flight-tracking service FlightAware")
            agent.append(t)
        return agent if any(t.upos in ("NOUN", "PROPN") for t in agent) else []

    def unit_after(self, marker: Marker, toks: list[Token], j: int) -> bool:
        """ "per day", "per cent", "according to plan": a bare lower-case singular noun right after the phrase
        is no source (German nouns are capitalised, so this never applies to them)."""
        if marker.source != "after" or j >= len(toks):
            return False
        t = toks[j]
        if t.upos != "NOUN" or not t.text.islower() or t.feats.get("Number", "Sing") != "Sing":
            return False
        if j + 1 < len(toks) and toks[j + 1].upos in ("NOUN", "PROPN"):
            return False  # a modifier: "according to charging documents"
        known = self.anonymous | self.vague_words | {w.lower() for w in self.rules.sources.organizations} \
            | self.rules.document_nouns
        return t.text not in known

    def prepositional_source(self, sent: Sentence, match: list[Token]) -> Phrase | None:
        """The "aus X" / "in X" phrase in the same clause as an impersonal "hieß es"."""
        toks = sent.tokens
        lo = toks.index(match[0])
        hi = toks.index(match[-1])
        start = next((i + 1 for i in range(lo - 1, -1, -1) if toks[i].text in (",", ":", ";")), 0)
        end = next((i for i in range(hi + 1, len(toks)) if toks[i].text in (",", ":", ";", ".")), len(toks))
        for i in list(range(start, lo)) + list(range(hi + 1, end)):
            if toks[i].text.lower() in ("aus", "in", "von", "from", "in"):
                np = []
                for t in toks[i + 1 : end]:
                    glued_hyphen = t.text == "-" and np and np[-1].end == t.start
                    if t.upos in ("DET", "ADJ", "NOUN", "PROPN", "NUM") or t.text in ALL_MARKS or glued_hyphen:
                        np.append(t)
                    else:
                        break
                if any(t.upos in ("NOUN", "PROPN") for t in np):
                    return Phrase(self.si_of[id(sent)], np, "laut")
        return None

    def marker_source(self, sent: Sentence, marker: Marker, match: list[Token]) -> Phrase | None:
        si = self.si_of[id(sent)]
        toks = sent.tokens
        if marker.source == "after":
            last = match[-1]
            first = match[0]
            # "nach amerikanischen Erkenntnissen": the words inside the phrase name the source
            matched = {m.index for m in match}
            inner = [t for t in toks if first.index < t.index < last.index and t.index not in matched
                     and t.upos in ("ADJ", "PROPN", "NOUN")]
            owner = [t for t in toks if first.index < t.index < last.index and t.feats.get("Poss") == "Yes"]
            pos = toks.index(last)
            follow = []
            for i in range(pos + 1, len(toks)):
                t = toks[i]
                if t.text == "-" and follow and self.hyphen_part(toks, i):
                    follow.append(t)  # "der US-Armee": the tokenizer split the compound at its hyphen
                    continue
                if t.upos in PUNCT and t.text not in ALL_MARKS:
                    break
                if t.upos in ("VERB", "AUX") and t.deprel not in ("amod",):
                    break
                nxt = sent.token(t.index + 1)
                name_goes_on = nxt is not None and nxt.text[:1].isupper() and t.text.lower() in ("für", "for", "of")
                if t.upos == "ADP" and follow and t.text.lower() not in ("von", "des", "der", "of") \
                        and not name_goes_on:
                    break
                if t.upos == "ADV" and follow:
                    break
                follow.append(t)
            follow = self.reporting_agent(toks, follow) or follow
            follow = [t for t in follow if t.text.lower() not in ("von", "of")] or follow
            if not follow and last.text.lower() != marker.phrase.split()[-1].lower():
                return Phrase(si, [t for t in toks if (inner[0] if inner else last).index <= t.index <= last.index],
                              "laut")  # "nach (israelischen) Armeeangaben": the compound names the source
            if owner and not follow and self.lang == "de":
                return Phrase(si, owner, "laut")  # "nach seinen Angaben": the possessive is who
            if inner and not follow:
                # "nach amerikanischen Erkenntnissen": the source is the phrase itself
                return Phrase(si, [t for t in toks if inner[0].index <= t.index <= last.index], "laut")
            if inner and follow:
                return Phrase(si, inner + follow, "laut")
            if follow:
                return Phrase(si, _trim(follow) or follow, "laut")
            return Phrase(si, inner, "laut") if inner else None
        if marker.source == "before":
            first = match[0]
            pos = toks.index(first)
            if pos > 1 and toks[pos - 1].text == "," and len(match) == 1:
                pos -= 1  # a relative adverb after its noun: "Es gibt Berichte, wonach …"
            prev = []
            for t in reversed(toks[:pos]):
                if t.upos in PUNCT and t.text not in ALL_MARKS:
                    break
                if t.upos in ("VERB", "AUX", "ADV", "SCONJ", "CCONJ"):
                    break
                prev.insert(0, t)
            # "X zufolge" is typically the NP right before; drop a leading preposition
            while prev and prev[0].upos == "ADP":
                prev = prev[1:]
            if prev and prev[-1].feats.get("Poss") == "Yes":
                prev = prev[-1:]  # "die seiner Meinung nach wachsenden Gefahren": only the possessive is who
            return Phrase(si, prev, "zufolge") if prev else None
        return None

    def hearsay_on_claim(self, target: Candidate, marker: Marker, match: list[Token]) -> None:
        """A hearsay or vague marker in a sentence that already has a claim.

        On the claim's own cue ("Whitaker has reportedly urged …", "He is said to have …", "It was
        reported that …") the cue's subject did what is reported, but someone unnamed reports it:
        hearsay without that source (vague: a vague attribution). With a prepositional source
        ("allegedly …, according to an indictment") the claim is hearsay from that source. Inside the
        content of a speaker's claim ("X said Y reportedly …") it changes nothing."""
        cue = target.cue if target.rule.startswith(f"{self.lang}.cue.") else None
        on_cue = cue is not None and (
            any(m.index == cue.index or m.head == cue.index for m in match)
            # by position, whatever the parse: in the frame, not in the reported content
            or (target.kind in ("indirect_speech", "belief") and target.start > match[0].start)
            or (target.kind == "reported_speech" and match[-1].end <= cue.start)
        )
        if on_cue and marker.kind == "hearsay":
            target.kind, target.hearsay, target.source = "hearsay", marker.phrase, None
            if self.lang == "en":
                # "Hospital leaders have reportedly warned that …": that they warned is what is hearsay
                body = _trim(list(self.doc.sentences[target.sentence].tokens))
                if body:
                    target.start, target.end = min(target.start, body[0].start), max(target.end, body[-1].end)
        elif on_cue and target.source is None:
            target.vague = target.vague or marker.phrase
        elif marker.kind == "hearsay" and target.rule.startswith(f"{self.lang}.marker.") \
                and target.kind == "attributed":
            target.kind, target.hearsay = "hearsay", target.hearsay or marker.phrase

    def apply_markers(
        self, si: int, para: int, sent: Sentence, markers: list[tuple[Marker, list[Token]]], made: list[Candidate]
    ) -> None:
        body = _trim(list(sent.tokens))
        if not body:
            return
        target = next((c for c in made if c.kind != "direct_quote"), None)
        for marker, match in markers:
            if marker.kind == "via":
                phrase = self.marker_source(sent, marker, match)
                if phrase is None:
                    continue
                phrase.role = "via"
                for c in made:
                    c.via.append(phrase)
                if not made:
                    # "…, berichtet X unter Berufung auf Y" without a claim yet: remember for a pointer
                    here = [p for p in self.pointers if p.sentence == si]
                    for p in here:
                        p.via.append(phrase)
                    finite = is_finite_verb(match[0]) or (  # "cited" whatever the tagger says; not "citing"
                        self.lang == "en" and len(match) == 1 and match[0].text.lower().endswith("ed"))
                    if not here and finite:
                        # "Der Sender beruft sich auf …", "The agency cited two officials …": X's sources
                        subject = self.subject_of(sent, match[0])
                        before = [t for t in sent.tokens if t.end <= match[0].start]
                        if subject is None and 0 < len(before) <= 6 and all(
                                t.upos in ("DET", "NOUN", "PROPN", "PRON", "ADJ") for t in before):
                            subject = Phrase(si, before, "subject")  # "The news agency cited …", however tagged
                        if subject is not None and not phrase.start <= subject.start < phrase.end:
                            self.pointers.append(Pointer(si, para, subject, [phrase], match[0], via_only=True))
                continue
            if marker.kind == "hedge":
                if target is not None:
                    target.hedge = target.hedge or marker.phrase
                else:
                    self._pending_hedge = (si, marker.phrase)
                continue
            if target is not None and marker.kind in ("hearsay", "vague"):
                self.hearsay_on_claim(target, marker, match)
                continue
            if target is not None and marker.kind == "continuation" and target.kind == "reported_speech" \
                    and match[0] is body[0]:
                # "Demnach verlangt Berlin die Hälfte der Fertigung": that Berlin demands it is what the source
                # before reports, not Berlin's claim
                target.start, target.end, target.source, target.cue = body[0].start, body[-1].end, None, None
                target.kind, target.continues, target.rule = "attributed", True, f"{self.lang}.marker.continuation"
                continue
            if target is not None and marker.kind in ("according_to",) and target.source is None:
                target.source = self.marker_source(sent, marker, match)
                continue
            if target is not None and marker.kind == "according_to" and target.source is not None and any(
                    t.text.lower() in POLL_SHARES for t in target.source.tokens):
                # "Laut dem Politbarometer halten 58 Prozent der Befragten …": the poll stands behind the figure
                target.source, target.kind = self.marker_source(sent, marker, match), "attributed"
                continue
            outside = body
            opens = match[0] is body[0] or (body[0].text in ALL_MARKS and len(body) > 1 and match[0] is body[1])
            if target is not None and marker.kind == "according_to" \
                    and (self.in_subordinate_clause(target) or opens) \
                    and not target.start <= match[0].start < target.end:
                # "Laut Anklage war er in Streit geraten, weil dieser ihn gebeten hatte, …", "Nach Angaben der
                # Polizei habe der Mann … verlangt, …": the request is a claim of its own; the sentence around it
                # is still the indictment's or the police's
                outside = [t for t in body if t.end <= target.start]
                cut = next((k for k, t in enumerate(outside) if t.upos == "SCONJ" and k > 0), len(outside))
                outside = _trim(outside[:cut])
                if not outside or not outside[0].start <= match[0].start < outside[-1].end:
                    continue
            elif target is not None:
                continue
            semis = [k for k, t in enumerate(outside) if t.text == ";" and not self.inside_quote(t)]
            if semis:
                # "Die Veranstalter sprachen von 5.000 Teilnehmern; nach Polizeiangaben waren es 1.000": the
                # marker stands behind its own clause only
                k = next((i for i, t in enumerate(outside) if t is match[0]), None)
                if k is not None:
                    lo = max([b + 1 for b in semis if b < k], default=0)
                    hi = min([b for b in semis if b > k], default=len(outside))
                    cut = _trim(outside[lo:hi])
                    if cut and len(cut) < len(_trim(outside)):
                        outside = cut
                        self.clause_cut.add(si)  # the other clauses are claims of their own
            quoted = [c for c in made if c.kind == "direct_quote" and c.cue is None]
            if marker.kind == "according_to" and marker.source == "after" and quoted and self._covers(quoted[0], sent):
                # "According to the newspaper, “…”": the quote is the claim, the marker names its source
                source = self.marker_source(sent, marker, match)
                for c in quoted:
                    c.source, c.cue, c.cue_lemma, c.continues = source, match[0], marker.phrase, False
                    c.rule = f"{self.lang}.quote.marker"
                continue
            cand = Candidate(outside[0].start, outside[-1].end, "attributed", si, para,
                             f"{self.lang}.marker.{marker.kind}")
            cand.cue = match[0]
            cand.cue_lemma = marker.phrase
            if marker.kind == "according_to":
                cand.source = self.marker_source(sent, marker, match)
                if marker.source == "none":
                    # "Nach eigenen Angaben erhielt das Bundesamt …": the subject of the verb the phrase modifies
                    verb = sent.token(match[0].head) or match[0]
                    for _ in range(3):
                        if verb.upos in ("VERB", "AUX") or verb.head == 0:
                            break
                        verb = sent.token(verb.head) or verb
                    cand.source = self.subject_of(sent, verb)
                if any(is_konjunktiv_one(t, sent) for t in sent.tokens):
                    cand.kind = "indirect_speech"
            elif marker.kind == "continuation":
                cand.continues = True
                # ("Die Befürworter hätten demnach nur …": Konjunktiv II stands in for a plural Konjunktiv I)
                if any(is_konjunktiv_one(t, sent) or is_konjunktiv(t) for t in sent.tokens if not self.inside_quote(t)):
                    cand.kind = "indirect_speech"
            elif marker.kind == "hearsay":
                cand.kind = "hearsay"
                cand.hearsay = marker.phrase
            elif marker.kind == "vague":
                cand.vague = marker.phrase
                cand.kind = "indirect_speech" if any(is_konjunktiv_one(t, sent) for t in sent.tokens) else "attributed"
                # "Aus Regierungskreisen hieß es", "heißt es in der Studie": the phrase names the source
                cand.source = self.prepositional_source(sent, match)
                if cand.source is not None:
                    cand.vague = None
            self.add(cand)
            made.append(cand)
            target = cand

    @staticmethod
    def in_subordinate_clause(cand: Candidate) -> bool:
        """The claim's cue heads an adverbial clause ("…, weil dieser ihn gebeten hatte, …")."""
        return cand.cue is not None and cand.cue.deprel == "advcl" and cand.kind != "direct_quote"

    # -- sentences with nothing else
    def bare_sentence(self, si: int, para: int, sent: Sentence, made: list[Candidate]) -> Candidate | None:
        if any(p.sentence == si and p.via_only for p in self.pointers):
            return None  # it only names the sources of an earlier claim
        body = [t for t in _trim(list(sent.tokens)) if not (made and any(c.start <= t.start < c.end for c in made))]
        body = _trim(body)
        if not body or not any(t.upos not in PUNCT for t in body):
            return None
        if not made and self.is_speaker_label(si) and self.is_first_line(self.doc.sentences[si + 1]):
            return None  # "Lynch:" — the speaker of the headline that follows on its line
        cand = Candidate(body[0].start, body[-1].end, "assertion", si, para, f"{self.lang}.assertion")
        # a title line may end in a full stop ("Graham: Trump's rhetoric destroying GOP's chance."):
        # as the document's first line it is still a headline when it has the "Name:" form
        headline = self.is_headline(sent)
        source = self.headline_speaker(sent) if headline or self.is_first_line(sent) else None
        if headline or source is not None:
            cand.headline = True
            if source is not None:
                cand.kind, cand.source, cand.rule = "indirect_speech", source, f"{self.lang}.headline.speaker"
                colon = next((t for t in sent.tokens if t.text == ":"), None)
                rest = _trim([t for t in sent.tokens if colon is None or t.start > colon.start])
                if rest:
                    cand.start, cand.end = rest[0].start, rest[-1].end
                return cand
        main_verbs = [t for t in body if is_finite_verb(t)] if self.lang == "de" else []  # English "were": no speech
        reputed = self.reputed_as(body) if self.lang == "de" else None
        if self._has_hearsay_modal(body, sent):
            cand.kind, cand.hearsay, cand.rule = "hearsay", "soll", f"{self.lang}.hearsay.sollen"
        elif reputed is not None:
            # "Der Platz gilt seit Jahren als Brennpunkt": held to be so, by people the text does not name
            cand.kind, cand.vague, cand.rule = "attributed", reputed, f"{self.lang}.vague.gelten"
        elif self.lang == "de" and any(is_konjunktiv_one(t, sent) for t in body):
            cand.kind, cand.continues, cand.rule = "indirect_speech", True, f"{self.lang}.konjunktiv.continues"
            framed = self.konjunktiv_after_main_clause(sent, body)
            if framed is not None:
                content, main_verb, source = framed
                cand.start, cand.end = content[0].start, content[-1].end
                cand.continues, cand.rule = False, f"{self.lang}.konjunktiv.main-clause"
                cand.cue, cand.cue_lemma, cand.source = main_verb, main_verb.lemma, source
        elif any(is_konjunktiv(t) for t in main_verbs) and self._previous_was_speech(si):
            cand.kind, cand.continues, cand.rule = "indirect_speech", True, f"{self.lang}.konjunktiv2.continues"
        pending = self._pending_hedge
        if pending and pending[0] == si:
            cand.hedge = pending[1]
        return cand

    def konjunktiv_after_main_clause(
        self, sent: Sentence, body: list[Token]
    ) -> tuple[list[Token], Token, Phrase] | None:
        """ "Die Wahlkommission hatte den Standpunkt vertreten, das Gericht sei nicht zuständig.": an
        indicative main clause with a subject, then a clause in Konjunktiv I. The reported clause is
        the claim and the main clause's subject its source (no cue verb needed: "die Ansicht vertreten",
        "die Hoffnung äußern", "einräumen müssen")."""
        toks = [t for t in body]
        commas = [i for i, t in enumerate(toks) if t.text == ","]
        for c in commas:
            main, rest = toks[:c], toks[c + 1 :]
            if any(is_konjunktiv_one(t, sent) or is_konjunktiv(t) for t in main):
                return None  # the main clause is itself reported: a continuation
            if not any(is_konjunktiv_one(t, sent) for t in rest):
                continue
            finite = next((t for t in main if is_finite_verb(t) and t.upos in ("VERB", "AUX")), None)
            if finite is None or any(t.upos == "SCONJ" for t in main[:1]):
                return None
            verb = finite
            if finite.upos == "AUX":  # "hatte … vertreten": the participle carries the meaning
                verb = next((t for t in reversed(main) if t.feats.get("VerbForm") in ("Part", "Inf")
                             and t.upos == "VERB"), finite)
            source = self.subject_of(sent, verb, avoid=(rest[0].start, rest[-1].end)) if rest else None
            if source is None or source.tokens[0].start >= rest[0].start:
                return None
            if source.tokens[0].upos == "PRON" and source.tokens[0].text.lower() in ("es", "man"):
                return None
            content = _trim(rest)
            return (content, verb, source) if content else None
        return None

    @staticmethod
    def reputed_as(body: list[Token]) -> str | None:
        """German "gilt … als": a finite form of gelten with "als" after it in its clause ("gilt als sicher",
        "gilt intern als Endspiel") reports a common view; "gilt für alle" or "gilt ab Montag" does not."""
        for k, t in enumerate(body):
            if t.text.lower() in ("gilt", "galt", "gelten", "galten") and is_finite_verb(t):
                for j in range(k + 1, min(k + 8, len(body))):
                    x, prev = body[j], body[j - 1].text
                    if x.text in (",", ";", ":"):
                        break
                    if x.text.lower() == "als" and prev.lower() not in ("mehr", "weniger", "eher", "anders", "lieber") \
                            and not (prev.islower() and prev.endswith("er")):  # not "mehr als …", "höher als"
                        return f"{t.text} als"
        return None

    def _previous_was_speech(self, si: int) -> bool:
        prev = [c for c in self.claims if c.sentence == si - 1]
        # ("…, wie die Armee mitteilte. Die Angriffe hätten sich …": an attributed report goes on too)
        return any(c.kind in ("indirect_speech", "direct_quote") or (c.kind == "attributed" and c.source is not None)
                   for c in prev)

    def is_headline(self, sent: Sentence) -> bool:
        """A one-line paragraph without final punctuation."""
        stext = self.text[sent.start : sent.end].strip()
        if not stext or stext[-1] in ".!?\"“”»«…'":
            return False
        before = self.text[max(0, sent.start - 2) : sent.start]
        after = self.text[sent.end : sent.end + 2]
        starts_para = sent.start == 0 or "\n" in before or self.text[: sent.start].strip() == ""
        return starts_para and ("\n" in after or sent.end >= len(self.text.rstrip())) and len(stext) < 160

    def is_first_line(self, sent: Sentence) -> bool:
        """This sentence ends the document's first line (alone on it, or after a "Name:" label)."""
        line_start, line_end = self.line_bounds(sent.start)
        return self.text[:line_start].strip() == "" and self.text[sent.end : line_end].strip() == ""

    def line_bounds(self, offset: int) -> tuple[int, int]:
        """Start and end offsets of the text line that holds `offset`."""
        line_start = self.text.rfind("\n", 0, offset) + 1
        line_end = self.text.find("\n", offset)
        return line_start, len(self.text) if line_end < 0 else line_end

    def is_speaker_label(self, si: int) -> bool:
        """ "Lynch:" split off as a sentence of its own, with the rest of its line after it."""
        sent = self.doc.sentences[si]
        toks = sent.tokens
        if len(toks) < 2 or toks[-1].text != ":" or si + 1 >= len(self.doc.sentences):
            return False
        nxt = self.doc.sentences[si + 1]
        return "\n" not in self.text[sent.end : nxt.start] and self._name_label(toks[:-1])

    def _name_label(self, head: list[Token]) -> bool:
        # a capitalised adjective inside a name: "NY Daily News", "New York Times"
        return 0 < len(head) <= 4 and head[-1].upos != "ADJ" and all(
            t.text[:1].isupper() and t.upos in ("PROPN", "NOUN", "X", "ADJ") and "-" not in t.text for t in head
        )

    def headline_speaker(self, sent: Sentence) -> Phrase | None:
        """ "Scholz: Nach Wegen … suchen" — up to four name tokens before a colon."""
        toks = sent.tokens
        si = self.si_of[id(sent)]
        colon = next((i for i, t in enumerate(toks) if t.text == ":"), None)
        if colon is None and si > 0 and self.is_speaker_label(si - 1):
            label = self.doc.sentences[si - 1].tokens[:-1]
            return Phrase(si - 1, label, "headline")
        if colon is None or colon == 0 or colon > 7:
            return None
        head = toks[:colon]
        # "Clinton to Planned Parenthood:", "Mukasey at RNC:": the speaker and whom or where she spoke to
        to = next((k for k, t in enumerate(head) if k > 0 and t.text in ("to", "at")), None)
        if to is not None:
            head = head[:to]
        # a name or a topic ("Scholz:" vs "Bahnstreik:"): `attribute` keeps it only if the story names that person
        return Phrase(si, head, "headline") if self._name_label(head) else None


def find_claims(doc: ParsedDoc, rules: LanguageRules) -> DocClaims:
    return ClaimFinder(doc, rules).run()
