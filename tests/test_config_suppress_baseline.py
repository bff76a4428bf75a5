"""Config discovery, inline suppressions, baselines, diff scope, and the `check` exit codes.

Unit tests use real Sources from the readers and hand-built findings. The CLI tests in the
middle replace the engine (`pipeline.check_sources`) by a stub that flags fixed sentences,
to pin the command's glue (config → suppress → diff → baseline → exit code) independently
of the parser; the tests at the end run the real parser and skip without its models.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from claimcheck import baseline, config, diffscope, suppress
from claimcheck.read import Source
from claimcheck.read.detect import read_any, read_data
from claimcheck.report.models import Report
from tests.test_outputs import ROOT, SPEC, needs_models, run_check, sample_document

FORMATS = ROOT / "fixtures" / "formats"


def codes(doc) -> list[tuple[str, int]]:
    return [(f.code, f.line) for f in doc.findings]


# ---- config ------------------------------------------------------------------------------------


def test_config_discovery_order(tmp_path, monkeypatch):
    project = tmp_path / "project"
    drafts = project / "drafts" / "2026"
    drafts.mkdir(parents=True)
    article = drafts / "a.md"
    article.write_text("Text.\n")
    (project / "pyproject.toml").write_text('[tool.claimcheck]\nlang = "en"\n')
    assert config.discover(None, article, env={}).lang == "en"  # pyproject found upward
    (project / "drafts" / ".claimcheck.toml").write_text('lang = "de"\n')
    assert config.discover(None, article, env={}).path == project / "drafts" / ".claimcheck.toml"  # nearer wins
    other = tmp_path / "other.toml"
    other.write_text('lang = "auto"\nfail-on = "warning"\n')
    env = {"CLAIMCHECK_CONFIG": str(other)}
    assert config.discover(None, article, env=env).fail_on == "warning"  # env beats discovery
    explicit = tmp_path / "explicit.toml"
    explicit.write_text("disable = ['CC104']\n")
    assert config.discover(str(explicit), article, env=env).disable == {"CC104"}  # --config beats env
    # a pyproject without [tool.claimcheck] is passed over
    (tmp_path / "solo").mkdir()
    (tmp_path / "solo" / "pyproject.toml").write_text("[tool.other]\nx = 1\n")
    assert config.find(tmp_path / "solo") is None or config.find(tmp_path / "solo").parent != tmp_path / "solo"


def test_config_keys_and_errors(tmp_path):
    (tmp_path / "newsroom-rules").mkdir()
    path = tmp_path / ".claimcheck.toml"
    path.write_text(
        'lang = "de"\nenable = ["cc101", "CC104"]\ndisable = ["CC104"]\nrules = ["newsroom-rules"]\n'
        'ignore = ["archive/**"]\n[severity]\nCC101 = "warning"\n'
    )
    cfg = config.load(path)
    assert cfg.enable == {"CC101", "CC104"} and cfg.disable == {"CC104"}
    assert cfg.rules == [str((tmp_path / "newsroom-rules").resolve())]
    assert cfg.severity == {"CC101": "warning"} and cfg.ignore == ["archive/**"]
    assert cfg.disabled({"CC101", "CC102", "CC104"}) == {"CC102", "CC104"}
    for body, message in [
        ("langauge = 'de'\n", "unknown key 'langauge'"),
        ("disable = ['unsourced']\n", "not a finding code"),
        ("[severity]\nCC101 = 'fatal'\n", "severity.CC101"),
        ("rules = ['nowhere']\n", "folder 'nowhere' not found"),
        ("lang = \n", "invalid TOML"),
    ]:
        path.write_text(body)
        with pytest.raises(config.ConfigError, match=message) as err:
            config.load(path)
        assert str(path) in str(err.value)
    with pytest.raises(config.ConfigError, match="not found"):
        config.load(tmp_path / "missing.toml")


def test_config_inline_outlets_become_a_rule_folder(tmp_path):
    from claimcheck.rules import load_rules

    path = tmp_path / ".claimcheck.toml"
    path.write_text('[[outlets]]\nname = "Weser-Kurier"\ntype = "newspaper"\naliases = ["WK"]\n')
    cfg = config.load(path)
    rules = load_rules(cfg.rule_dirs())
    aliases = rules.for_language("de").outlet_aliases
    assert aliases[("weser-kurier",)].name == "Weser-Kurier" and aliases[("wk",)].type == "newspaper"
    assert cfg.rule_dirs() == config.load(path).rule_dirs()  # same content, same folder
    path.write_text('[[outlets]]\nname = "X"\ntype = "blog"\n')
    with pytest.raises(config.ConfigError, match="outlets"):
        config.load(path)


def test_config_apply_disables_and_overrides_severity():
    doc = sample_document(read_any(str(FORMATS / "entwurf.md")))
    cfg = config.Config(disable={"CC105"}, severity={"CC101": "info"})
    out = cfg.apply(doc)
    assert [(f.code, f.severity) for f in out.findings] == [("CC101", "info"), ("CC104", "warning")]
    assert (out.summary.findings, out.summary.errors, out.summary.infos) == (2, 0, 1)
    assert config.Config(enable={"CC104"}).apply(doc).findings[0].code == "CC104"


# ---- suppressions --------------------------------------------------------------------------------


def test_markdown_comment_suppresses_exactly_the_named_finding():
    src = read_any(str(FORMATS / "entwurf.md"))
    doc = sample_document(src)
    assert codes(doc) == [("CC101", 9), ("CC104", 14), ("CC105", 16)]
    kept, removed = suppress.apply(doc, src)
    assert codes(kept) == [("CC101", 9), ("CC105", 16)]
    assert [(f.code, f.line) for f in removed] == [("CC104", 14)]
    assert kept.summary.findings == 2 and kept.summary.warnings == 1


def test_html_comment_suppresses_exactly_the_named_finding():
    src = read_any(str(FORMATS / "cms-export.html"))
    doc = sample_document(src)
    assert codes(doc) == [("CC101", 12), ("CC104", 19), ("CC105", 20)]
    kept, removed = suppress.apply(doc, src)
    assert codes(kept) == [("CC101", 12), ("CC105", 20)]
    assert [f.code for f in removed] == ["CC104"]


def test_plain_text_directive_and_crlf():
    src = read_any(str(FORMATS / "meldung-bom-crlf.txt"))  # "# claimcheck-disable-next-line CC105" on line 5
    doc = sample_document(src)
    assert codes(doc) == [("CC101", 3), ("CC104", 7), ("CC105", 6)]
    kept, _ = suppress.apply(doc, src)
    assert codes(kept) == [("CC101", 3), ("CC104", 7)]


def _doc_for(text: str, path: str = "x.md"):
    src = read_data(text.encode(), path)
    return src, sample_document(src)


SENTENCES = (
    "Der Konzern hat im vergangenen Jahr 4.000 Stellen gestrichen.\n\n"
    "Kritiker sagen, die Stadt habe die Kosten jedes großen Projekts unterschätzt.\n\n"
    "Der Minister soll bereits im Mai von den Problemen gewusst haben.\n"
)


@pytest.mark.parametrize(
    ("head", "path", "expect"),
    [
        ("<!-- claimcheck-disable CC101 CC105 -->\n", "x.md", ["CC104"]),  # range to the end of the file
        ("<!-- claimcheck-disable -->\n", "x.md", []),  # every rule
        ("<!-- claimcheck-disable unsourced-assertion -->\n", "x.md", ["CC104", "CC105"]),  # by rule name
        ("<!-- claimcheck-disable-next-line CC101,CC104 -->\n\n\n", "x.md", ["CC104", "CC105"]),  # blank lines skipped
        ("[claimcheck-disable-next-line CC101]\n", "x.txt", ["CC104", "CC105"]),
        ("// claimcheck-disable-next-line\n", "x.txt", ["CC104", "CC105"]),
        ("# claimcheck-disable-next-line CC104\n", "x.txt", ["CC101", "CC104", "CC105"]),  # other code: no effect
    ],
)
def test_directive_forms(head, path, expect):
    src, doc = _doc_for(head + SENTENCES, path)
    kept, _ = suppress.apply(doc, src)
    assert [f.code for f in kept.findings] == expect


def test_disable_enable_range_and_disable_line():
    text = SENTENCES.replace("Kritiker", "<!-- claimcheck-disable CC104 CC105 -->\nKritiker").replace(
        "Der Minister", "<!-- claimcheck-enable CC105 -->\nDer Minister"
    )
    src, doc = _doc_for(text)
    kept, _ = suppress.apply(doc, src)
    assert [f.code for f in kept.findings] == ["CC101", "CC105"]
    src, doc = _doc_for(SENTENCES.replace("gestrichen.", "gestrichen. <!-- claimcheck-disable-line CC101 -->"))
    assert [f.code for f in suppress.apply(doc, src)[0].findings] == ["CC104", "CC105"]


def test_docx_paragraph_directive(tmp_path):
    from tests.test_read_formats import make_docx

    path = tmp_path / "bericht.docx"
    make_docx(path)
    src = read_any(str(path))
    doc = sample_document(src)
    assert codes(doc) == [("CC101", 2), ("CC104", 8), ("CC105", 5)]
    kept, removed = suppress.apply(doc, src)  # "[claimcheck-disable-next-line CC105]" is ¶4
    assert [f.code for f in removed] == ["CC105"] and len(kept.findings) == 2


# ---- baseline --------------------------------------------------------------------------------------


def test_baseline_removes_exactly_its_findings_and_survives_line_shifts(tmp_path):
    src = read_any(str(FORMATS / "entwurf.md"))
    report = Report(documents=[sample_document(src)])
    base = tmp_path / "claimcheck-baseline.json"
    assert baseline.write(report, base) == 3
    stored = json.loads(base.read_text())
    assert stored["claimcheck_baseline"] == 1 and {e["code"] for e in stored["findings"]} == {"CC101", "CC104", "CC105"}
    # three new paragraphs above: every line moved, nothing new
    shifted_src = Source(path=src.path, original="Neu.\n\nNeu.\n\n" + src.original, text="Neu.\n\nNeu.\n\n" + src.text)
    shifted = Report(documents=[sample_document(shifted_src)])
    assert [f.line for f in shifted.documents[0].findings] == [13, 18, 20]
    out, removed = baseline.apply(shifted, base)
    assert removed == 3 and out.documents[0].findings == [] and out.documents[0].summary.findings == 0
    # a baseline naming only CC101: exactly that one goes
    stored["findings"] = [e for e in stored["findings"] if e["code"] == "CC101"]
    base.write_text(json.dumps(stored))
    out, removed = baseline.apply(report, base)
    assert removed == 1 and codes(out.documents[0]) == [("CC104", 14), ("CC105", 16)]


def test_baseline_new_and_repeated_findings(tmp_path):
    _src, doc = _doc_for(SENTENCES)
    base = tmp_path / "b.json"
    baseline.write(Report(documents=[doc]), base)
    # the same unsourced sentence a second time is a new finding (occurrence index 1)
    _src2, doc2 = _doc_for(SENTENCES + "\nDer Konzern hat im vergangenen Jahr 4.000 Stellen gestrichen.\n")
    doc2 = doc2.model_copy(update={"findings": [*doc2.findings, doc2.findings[0].model_copy(update={"line": 7})]})
    out, removed = baseline.apply(Report(documents=[doc2]), base)
    assert removed == 3 and [(f.code, f.line) for f in out.documents[0].findings] == [("CC101", 7)]
    # a reworded claim is new
    _, doc3 = _doc_for(SENTENCES.replace("Kritiker sagen", "Kritiker behaupten"))
    assert baseline.fingerprints(doc3)[1] != baseline.fingerprints(doc)[1]
    assert baseline.fingerprints(doc3)[0] == baseline.fingerprints(doc)[0]


def test_baseline_errors(tmp_path):
    with pytest.raises(Exception, match="baseline file not found"):
        baseline.load(tmp_path / "none.json")
    bad = tmp_path / "bad.json"
    bad.write_text("[1, 2]")
    with pytest.raises(Exception, match="not a claimcheck baseline"):
        baseline.load(bad)


# ---- diff scope -------------------------------------------------------------------------------------

PATCH = """diff --git a/fixtures/formats/entwurf.md b/fixtures/formats/entwurf.md
--- a/fixtures/formats/entwurf.md
+++ b/fixtures/formats/entwurf.md
@@ -9 +9 @@
-Der Konzern hat 3.000 Stellen gestrichen.
+Der Konzern hat im vergangenen Jahr 4.000 Stellen gestrichen.
@@ -20,0 +21,2 @@
+neu
+neu
diff --git a/bericht.docx b/bericht.docx
Binary files a/bericht.docx and b/bericht.docx differ
"""


def test_parse_unified_diff():
    parsed = diffscope.parse_unified_diff(PATCH)
    assert parsed == {"fixtures/formats/entwurf.md": {9, 21, 22}, "bericht.docx": None}


def test_diff_file_keeps_findings_on_changed_lines(monkeypatch):
    monkeypatch.chdir(ROOT)
    report = Report(documents=[sample_document(read_any("fixtures/formats/entwurf.md")),
                               sample_document(read_any("fixtures/formats/cms-export.html"))])
    out = diffscope.scope(report, patch_text=PATCH)
    assert codes(out.documents[0]) == [("CC101", 9)]
    assert out.documents[1].findings == []  # not in the patch: unchanged


def _git(cwd: Path, *args: str) -> None:
    subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True,
                   env={"GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.org", "GIT_COMMITTER_NAME": "t",
                        "GIT_COMMITTER_EMAIL": "t@example.org", "HOME": str(cwd), "PATH": "/usr/bin:/bin"})


@pytest.mark.skipif(shutil.which("git") is None, reason="git not installed")
def test_diff_against_a_git_ref(tmp_path):
    _git(tmp_path, "init", "-q")
    article = tmp_path / "a.md"
    article.write_text(SENTENCES)
    _git(tmp_path, "add", "a.md")
    _git(tmp_path, "commit", "-q", "-m", "draft")
    article.write_text(SENTENCES.replace("Kritiker sagen", "Viele Kritiker sagen"))
    assert diffscope.changed_lines_git(str(article), "HEAD") == {3}
    src = read_any(str(article))
    spec = [(p.replace("Kritiker sagen", "Viele Kritiker sagen"), *rest) for p, *rest in SPEC]
    out = diffscope.scope(Report(documents=[sample_document(src, spec=spec)]), ref="HEAD")
    assert [f.code for f in out.documents[0].findings] == ["CC104"]
    new = tmp_path / "new.md"
    new.write_text("Neu.\n")
    assert diffscope.changed_lines_git(str(new), "HEAD") is None  # untracked: everything is new
    with pytest.raises(Exception, match="--diff nope"):
        diffscope.changed_lines_git(str(article), "nope")


# ---- the check command's glue, with a stub engine ------------------------------------------------------


@pytest.fixture
def stub_engine(monkeypatch):
    """`pipeline.check_sources` → fixed findings on the SPEC sentences (no parser)."""
    from claimcheck import pipeline

    def fake(sources, options=None, ruleset=None, times=None, errors=None):
        docs = []
        for s in sources:
            doc = sample_document(s)
            findings = [f for f in doc.findings if f.code not in options.disabled]
            docs.append(doc.model_copy(update={"findings": findings}))
        return docs

    monkeypatch.setattr(pipeline, "check_sources", fake)
    return fake


def _json(out: str) -> dict:
    return json.loads(out)


def test_exit_codes(stub_engine, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    md = tmp_path / "a.md"
    shutil.copy(FORMATS / "entwurf.md", md)
    assert run_check(str(md))[0] == 1  # CC101 is an error; --fail-on error is the default
    assert run_check(str(md), "--exit-zero")[0] == 0
    assert run_check(str(md), "--fail-on", "never")[0] == 0
    warn_only = tmp_path / "warn.md"
    warn_only.write_text("Kritiker sagen, die Stadt habe die Kosten jedes großen Projekts unterschätzt.\n")
    assert run_check(str(warn_only))[0] == 0
    assert run_check(str(warn_only), "--fail-on", "warning")[0] == 1
    assert run_check(str(warn_only), "--fail-on", "info")[0] == 1
    assert run_check(str(tmp_path / "missing.md"))[0] == 2
    assert run_check(str(md), "--diff", "HEAD", "--diff-file", "x.patch")[0] == 2
    assert run_check(str(md), "--baseline", str(tmp_path / "none.json"))[0] == 2
    (tmp_path / ".claimcheck.toml").write_text("nonsense = 1\n")
    assert run_check(str(md))[0] == 2


def test_config_file_drives_the_command(stub_engine, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "drafts" / "archive").mkdir(parents=True)
    shutil.copy(FORMATS / "entwurf.md", tmp_path / "drafts" / "a.md")
    shutil.copy(FORMATS / "entwurf.md", tmp_path / "drafts" / "archive" / "old.md")
    (tmp_path / ".claimcheck.toml").write_text(
        'fail-on = "warning"\ndisable = ["CC101"]\nignore = ["drafts/archive"]\n[severity]\nCC105 = "info"\n'
    )
    code, out = run_check("drafts", "--format", "json")
    docs = _json(out)["documents"]
    assert [d["path"] for d in docs] == ["drafts/a.md"]  # the ignored folder is skipped
    assert [(f["code"], f["severity"]) for f in docs[0]["findings"]] == [("CC105", "info")]  # CC104 suppressed inline
    assert code == 0  # only an info left, fail-on warning
    assert run_check("drafts", "--fail-on", "info")[0] == 1  # the option beats the file


def test_cli_suppression_and_baseline_remove_exactly_what_they_name(stub_engine, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    shutil.copy(FORMATS / "entwurf.md", tmp_path / "a.md")
    without = (FORMATS / "entwurf.md").read_text().replace("<!-- claimcheck-disable-next-line CC104 -->\n", "\n")
    (tmp_path / "b.md").write_text(without)
    a = _json(run_check("a.md", "--format", "json")[1])["documents"][0]["findings"]
    b = _json(run_check("b.md", "--format", "json")[1])["documents"][0]["findings"]
    assert [f["code"] for f in b] == ["CC101", "CC104", "CC105"]
    assert [f["code"] for f in a] == ["CC101", "CC105"]  # the comment removed CC104 and nothing else
    # baseline: write, then only new findings are reported
    code, _ = run_check("b.md", "--write-baseline", "baseline.json")
    assert code == 0 and len(json.loads((tmp_path / "baseline.json").read_text())["findings"]) == 3
    code, out = run_check("b.md", "--baseline", "baseline.json", "--format", "json")
    assert code == 0 and _json(out)["documents"][0]["findings"] == []
    (tmp_path / "b.md").write_text("Neu oben.\n\n" + without)  # lines shift by two
    code, out = run_check("b.md", "--baseline", "baseline.json", "--format", "json")
    assert code == 0 and _json(out)["documents"][0]["findings"] == []
    stored = json.loads((tmp_path / "baseline.json").read_text())
    stored["findings"] = [e for e in stored["findings"] if e["code"] != "CC105"]
    (tmp_path / "baseline.json").write_text(json.dumps(stored))
    code, out = run_check("b.md", "--baseline", "baseline.json", "--format", "json")
    assert [(f["code"], f["line"]) for f in _json(out)["documents"][0]["findings"]] == [("CC105", 18)]
    assert code == 0  # a warning; fail-on error


def test_cli_output_file_diff_file_and_globs(stub_engine, tmp_path, monkeypatch):
    monkeypatch.chdir(ROOT)
    report = tmp_path / "report.sarif"
    code, out = run_check("fixtures/formats/*.md", "--format", "sarif", "-o", str(report))
    assert code == 1 and out == ""
    results = json.loads(report.read_text())["runs"][0]["results"]
    assert [r["ruleId"] for r in results] == ["CC101", "CC105"]
    patch = tmp_path / "pr.patch"
    patch.write_text(PATCH)
    code, out = run_check("fixtures/formats/entwurf.md", "--diff-file", str(patch), "--format", "github")
    assert code == 1 and out.splitlines() == [out.splitlines()[0]] and "line=9," in out


# ---- end to end with the real parser ----------------------------------------------------------------


@needs_models
def test_end_to_end_suppression_and_baseline(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    text = (FORMATS / "entwurf.md").read_text()
    directive = "<!-- claimcheck-disable-next-line CC104 -->\n"
    (tmp_path / "with.md").write_text(text)
    (tmp_path / "without.md").write_text(text.replace(directive, "<!-- ein Kommentar ohne Wirkung -->\n"))
    run = lambda *a: _json(run_check(*a, "--format", "json", "--exit-zero", "--lang", "de")[1])  # noqa: E731
    with_ = [(f["code"], f["line"]) for f in run("with.md")["documents"][0]["findings"]]
    without = [(f["code"], f["line"]) for f in run("without.md")["documents"][0]["findings"]]
    named = [(c, n) for c, n in without if c == "CC104" and n == 14]
    assert named, f"the engine should flag the vague 'Kritiker sagen' on line 14: {without}"
    assert with_ == [x for x in without if x not in named]
    # baseline: written, then a new paragraph goes on top (every line shifts by two)
    before = run("without.md")["documents"][0]
    assert run_check("without.md", "--write-baseline", "b.json", "--lang", "de")[0] == 0
    new = "Der Konzern hat im Juni weitere 2.000 Stellen gestrichen.\n\n"
    (tmp_path / "without.md").write_text(new + (tmp_path / "without.md").read_text())
    shifted = run("without.md")["documents"][0]
    kept = run("without.md", "--baseline", "b.json")["documents"][0]["findings"]

    def key(doc, f):
        text = next(c["text"] for c in doc["claims"] if c["id"] == f["claim"])
        return f["code"], " ".join(text.split())

    known = {key(before, f) for f in before["findings"]}
    expected = [f for f in shifted["findings"] if key(shifted, f) not in known]
    assert kept == expected  # exactly the baselined findings went, wherever they moved
    moved = [f for f in shifted["findings"] if key(shifted, f) in known]
    assert moved and all(f["line"] >= 3 for f in moved)  # they were found again, two lines lower
    assert any(f["line"] == 1 and f["code"] == "CC101" for f in kept)  # the new sentence is reported
