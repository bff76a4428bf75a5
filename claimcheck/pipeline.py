"""The one place that wires the stages, top to bottom:

    read → parse → find claims → attribute → judge → report

The CLI, `eval`, the service and batch all call `check_sources`, so they cannot disagree.
"""

from __future__ import annotations

import time
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field

from claimcheck import attribute, chunking, claims, judge, langid
from claimcheck.errors import InputError
from claimcheck.nlp.doc import ParsedDoc
from claimcheck.read import Source
from claimcheck.report import build
from claimcheck.report.models import DocumentReport, InputErrorReport, Report
from claimcheck.rules import RuleSet, load_rules


@dataclass
class Options:
    lang: str = "auto"  # "de", "en" or "auto" (detected per document)
    models: str | None = None  # a stanza model folder; None = resolution order
    rule_dirs: list[str] = field(default_factory=list)  # newsroom rule folders on top of the built-in ones
    disabled: set[str] = field(default_factory=set)  # finding codes switched off
    severities: dict[str, str] = field(default_factory=dict)  # code → severity override


@dataclass
class StageTimes:
    """Seconds spent per stage, summed over documents (read by the benchmark)."""

    seconds: dict[str, float] = field(default_factory=lambda: defaultdict(float))

    def add(self, stage: str, started: float) -> float:
        now = time.perf_counter()
        self.seconds[stage] += now - started
        return now


def analyse_parsed(
    source: Source, parsed: ParsedDoc, ruleset: RuleSet, options: Options, times: StageTimes | None = None
) -> DocumentReport:
    """The rule stages on one parsed document (no stanza here: testable on hand-built parses)."""
    times = times or StageTimes()
    lang_rules = ruleset.for_language(parsed.language)
    t = time.perf_counter()
    found = claims.find_claims(parsed, lang_rules)
    t = times.add("claims", t)
    attributed = attribute.attribute(parsed, found, lang_rules)
    t = times.add("attribute", t)
    judged = judge.judge(parsed, attributed, lang_rules, options.disabled, options.severities)
    t = times.add("judge", t)
    doc = build.document_report(source, parsed, attributed, judged, lang_rules)
    times.add("report", t)
    return doc


def check_sources(
    sources: Sequence[Source],
    options: Options | None = None,
    ruleset: RuleSet | None = None,
    times: StageTimes | None = None,
    errors: list[InputErrorReport] | None = None,
) -> list[DocumentReport]:
    """Analyse documents in batches per language; results come back in input order.

    With an `errors` list, a document that cannot be analysed (unsupported language) is
    reported there and skipped, so the other documents of the run are still checked.
    Very long documents are parsed in paragraph-aligned chunks, so memory stays bounded.
    """
    options = options or Options()
    ruleset = ruleset or load_rules(options.rule_dirs)
    times = times or StageTimes()
    from claimcheck.nlp import parser  # lazy: stanza/torch load only when something is parsed

    t = time.perf_counter()
    kept: list[tuple[Source, str, list[str]]] = []
    for src in sources:
        try:
            lang, note = langid.choose_language(src.text, options.lang, src.path)
        except InputError as err:
            if errors is None:
                raise
            errors.append(InputErrorReport(path=src.path, message=str(err)))
            continue
        kept.append((src, lang, [note] if note else []))
    t = times.add("langid", t)

    parsed: dict[int, ParsedDoc] = {}
    for lang in sorted({lang for _, lang, _ in kept}):
        idx = [i for i, (src, lg, _) in enumerate(kept) if lg == lang and len(src.text) <= chunking.DEFAULT_MAX_CHARS]
        for i, doc in zip(idx, parser.parse([kept[i][0].text for i in idx], lang, options.models), strict=True):
            parsed[i] = doc
    times.add("parse", t)

    reports = []
    for i, (src, lang, notes) in enumerate(kept):
        if i in parsed:
            doc = analyse_parsed(src, parsed[i], ruleset, options, times)
        else:
            doc = chunking.analyse_in_chunks(
                src,
                lambda text, lang=lang: parser.parse([text], lang, options.models)[0],
                lambda chunk, parsed_chunk: analyse_parsed(chunk, parsed_chunk, ruleset, options, times),
            )
        doc.notes.extend(notes + src.notes)
        reports.append(doc)
    return reports


def check(sources: Sequence[Source], options: Options | None = None) -> Report:
    return Report(documents=check_sources(sources, options))
