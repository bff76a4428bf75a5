"""Rule files a newsroom writes cannot crash, hang or run code: every problem is one line
`file:line: message` with exit 2; YAML is read with the safe loader only; rule phrases are
plain words, never regular expressions (checked in the source and at run time)."""

from __future__ import annotations

import ast
import re
import subprocess
import sys
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from claimcheck import pipeline
from claimcheck.cli import app
from claimcheck.errors import RuleError
from claimcheck.read import read_text
from claimcheck.rules import load_rules
from tests._robust import build_parsed

REPO = Path(__file__).resolve().parents[1]
PACKAGE = REPO / "claimcheck"


def rules_cli(folder: Path):
    """`claimcheck rules list --rules FOLDER` (loads and validates every rule file, no parser)."""
    return CliRunner().invoke(app, ["rules", "list", "--rules", str(folder)])


def write(folder: Path, rel: str, text: str) -> Path:
    path = folder / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def assert_rule_error(result, path: Path, line: int | None, pattern: str) -> None:
    assert result.exit_code == 2, (result.output, result.exception)
    assert isinstance(result.exception, SystemExit), result.exception
    assert "Traceback" not in result.stderr
    lines = result.stderr.strip("\n").split("\n")
    assert len(lines) == 1, result.stderr
    where = f"{path}:{line}: " if line is not None else f"{path}"
    assert lines[0].startswith(f"claimcheck: error: {where}"), lines[0]
    assert re.search(pattern, lines[0]), lines[0]


OUTLETS_WITH_ALIAS = """\
# a newsroom's own outlets
outlets:
  - name: Lokalanzeiger
    type: newspaper
    aliases: [LA]
  - name: Radio Nord
    type: broadcaster
  - name: Stadtblatt
    type: newspaper
  - name: Kreisbote
    type: newspaper
    alias: [KB]
"""


def test_unknown_field_names_file_and_line(tmp_path: Path) -> None:
    path = write(tmp_path, "de/outlets.yaml", OUTLETS_WITH_ALIAS)
    assert_rule_error(rules_cli(tmp_path), path, 12, r": unknown field 'alias'$")


def test_broken_yaml(tmp_path: Path) -> None:
    path = write(tmp_path, "de/cues.yaml", "verbs:\n  - lemma: sagen\n  - lemma: [berichten\n  - lemma: melden\n")
    assert_rule_error(rules_cli(tmp_path), path, None, r"cues\.yaml:\d+: invalid YAML")


def test_bad_indentation(tmp_path: Path) -> None:
    path = write(tmp_path, "de/markers.yaml", "markers:\n  - phrase: laut\n   kind: according_to\n")
    assert_rule_error(rules_cli(tmp_path), path, None, r"markers\.yaml:\d+: invalid YAML")


def test_wrong_type(tmp_path: Path) -> None:
    path = write(tmp_path, "de/cues.yaml", "verbs:\n  - lemma: sagen\n  - lemma: [1, 2]\n")
    assert_rule_error(rules_cli(tmp_path), path, 3, r"verbs\.1\.lemma: Input should be a valid string")


def test_bad_enum_value(tmp_path: Path) -> None:
    path = write(tmp_path, "de/markers.yaml", "markers:\n  - phrase: laut\n    kind: rumour\n")
    assert_rule_error(rules_cli(tmp_path), path, 3, r"markers\.0\.kind")


def test_top_level_not_a_mapping(tmp_path: Path) -> None:
    path = write(tmp_path, "de/sources.yaml", "- Kritiker\n- Experten\n")
    assert_rule_error(rules_cli(tmp_path), path, 1, r"expected a mapping")


def test_unknown_rule_file(tmp_path: Path) -> None:
    path = write(tmp_path, "de/x.yaml", "verbs: []\n")
    assert_rule_error(rules_cli(tmp_path), path, 1, r"unknown rule file")


def test_bad_finding_code(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "findings/CC9.yaml",
        "code: CC9\nname: x\ncheck: unsourced\nseverity: error\nmessage: m\ndescription: d\n",
    )
    assert_rule_error(rules_cli(tmp_path), path, 1, r"code: String should match pattern")


def test_not_utf8(tmp_path: Path) -> None:
    path = tmp_path / "de" / "cues.yaml"
    path.parent.mkdir()
    path.write_bytes("verbs:\n  - lemma: äußern\n".encode("latin-1"))
    assert_rule_error(rules_cli(tmp_path), path, None, r"cannot read rule file")


def test_rule_file_is_a_directory(tmp_path: Path) -> None:
    (tmp_path / "de" / "cues.yaml").mkdir(parents=True)
    result = rules_cli(tmp_path)
    assert result.exit_code == 2 and "Traceback" not in result.stderr
    assert result.stderr.startswith(f"claimcheck: error: {tmp_path / 'de' / 'cues.yaml'}")


def test_missing_rule_folder(tmp_path: Path) -> None:
    result = rules_cli(tmp_path / "nope")
    assert result.exit_code == 2
    assert "rule folder not found" in result.stderr and result.stderr.count("\n") == 1


def test_deeply_nested_yaml(tmp_path: Path) -> None:
    """PyYAML composes recursively: 5000 nested lists must be an error, not a RecursionError."""
    path = write(tmp_path, "de/cues.yaml", "nouns: " + "[" * 5000 + "]" * 5000 + "\n")
    assert_rule_error(rules_cli(tmp_path), path, None, r"cues\.yaml")


def test_billion_laughs_is_cheap(tmp_path: Path) -> None:
    """Aliases nested 9 deep (10^9 strings if expanded) are validated without expanding them."""
    lines = ['a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    for prev, name in zip("abcdefgh", "bcdefghi", strict=True):
        lines.append(f"{name}: &{name} [" + ", ".join([f"*{prev}"] * 9) + "]")
    lines.append("nouns: *i")
    path = write(tmp_path, "de/cues.yaml", "\n".join(lines) + "\n")
    started = time.perf_counter()
    result = rules_cli(tmp_path)
    assert time.perf_counter() - started < 10
    assert_rule_error(result, path, None, r"cues\.yaml:\d+: ")


# ---- YAML tags: the safe loader only -----------------------------------------------------------


@pytest.mark.parametrize(
    "payload",
    [
        "!!python/object/apply:os.system ['touch {marker}']",
        "!!python/object/new:subprocess.Popen [['touch', '{marker}']]",
        "!!python/name:os.system",
        "!!python/object:builtins.object {{}}",
    ],
)
def test_python_tags_rejected(tmp_path: Path, payload: str) -> None:
    marker = tmp_path / "PWNED"
    path = write(tmp_path, "rules/de/cues.yaml", "verbs: []\nnouns:\n  - " + payload.format(marker=marker) + "\n")
    result = rules_cli(tmp_path / "rules")
    assert not marker.exists(), "a YAML tag ran code"
    assert_rule_error(result, path, 3, r"invalid YAML: could not determine a constructor for the tag")


UNSAFE_YAML = {"load", "load_all", "unsafe_load", "full_load", "Loader", "FullLoader", "UnsafeLoader", "CLoader",
               "add_constructor"}


def test_only_safe_loader_in_source() -> None:
    """No yaml.load / unsafe_load / full_load / Loader=yaml.Loader anywhere in the package."""
    offenders = []
    for path in sorted(PACKAGE.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (
                isinstance(node, ast.Attribute)
                and isinstance(node.value, ast.Name)
                and node.value.id == "yaml"
                and node.attr in UNSAFE_YAML
            ):
                offenders.append(f"{path.relative_to(PACKAGE.parent)}:{node.lineno}: yaml.{node.attr}")
    assert offenders == []


# ---- no ReDoS: rule phrases are never regular expressions ----------------------------------------

_RE_FUNCS = {"compile", "search", "match", "fullmatch", "findall", "finditer", "sub", "subn", "split"}


def _safe_pattern(node: ast.AST, consts: dict[str, ast.AST], depth: int = 0) -> bool:
    """A pattern built only from string literals, module constants of literals, and re.escape(...)."""
    if depth > 20:
        return False
    if isinstance(node, ast.Constant):
        return isinstance(node.value, str | bytes)
    if isinstance(node, ast.JoinedStr):
        return all(
            _safe_pattern(v.value if isinstance(v, ast.FormattedValue) else v, consts, depth + 1) for v in node.values
        )
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add | ast.Mod):
        return _safe_pattern(node.left, consts, depth + 1) and _safe_pattern(node.right, consts, depth + 1)
    if isinstance(node, ast.Name):
        return node.id in consts and _safe_pattern(consts[node.id], consts, depth + 1)
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
        if node.func.attr == "escape":
            return True
        if node.func.attr == "join" and isinstance(node.func.value, ast.Constant) and node.args:
            arg = node.args[0]
            if isinstance(arg, ast.GeneratorExp | ast.ListComp | ast.SetComp):
                return _safe_pattern(arg.elt, consts, depth + 1)
            if isinstance(arg, ast.List | ast.Tuple):
                return all(_safe_pattern(e, consts, depth + 1) for e in arg.elts)
    return False


def regex_calls_with_computed_patterns() -> list[str]:
    found = []
    for path in sorted(PACKAGE.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        consts = {
            t.id: stmt.value
            for stmt in tree.body
            if isinstance(stmt, ast.Assign)
            for t in stmt.targets
            if isinstance(t, ast.Name)
        }
        consts.update(
            {
                stmt.target.id: stmt.value
                for stmt in tree.body
                if isinstance(stmt, ast.AnnAssign) and isinstance(stmt.target, ast.Name) and stmt.value is not None
            }
        )
        for node in ast.walk(tree):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Attribute)
                and isinstance(node.func.value, ast.Name)
                and node.func.value.id in ("re", "regex")
                and node.func.attr in _RE_FUNCS
            ):
                keywords = [k.value for k in node.keywords if k.arg == "pattern"]
                pattern = node.args[0] if node.args else (keywords[0] if keywords else None)
                if pattern is None or not _safe_pattern(pattern, consts):
                    found.append(f"{path.relative_to(PACKAGE.parent)}:{node.lineno}")
    return found


def test_no_regex_built_from_data() -> None:
    """Every re.compile/search/... in the package uses a literal pattern (or re.escape of data)."""
    assert regex_calls_with_computed_patterns() == []


EVIL = ["(a+)+$", "(x+x+)+y", "(.*a){25}", "^(a|aa)+$", "(?:a*)*b", "\\", "[", "(?P<x>", "*"]


def test_regex_metacharacters_in_rules_are_plain_words(tmp_path: Path) -> None:
    """Catastrophic regexes as phrases, lemmas, aliases and nouns: loaded as words, matched fast, never compiled."""
    quoted = ", ".join("'" + e.replace("'", "''") + "'" for e in EVIL)
    write(tmp_path, "de/markers.yaml", "markers:\n" + "".join(
        f"  - {{phrase: '{e.replace(chr(39), chr(39) * 2)}', kind: according_to, source: after}}\n" for e in EVIL))
    write(tmp_path, "de/cues.yaml", "verbs:\n" + "".join(
        f"  - {{lemma: '{e.replace(chr(39), chr(39) * 2)}'}}\n" for e in EVIL) + f"nouns: [{quoted}]\n")
    write(tmp_path, "de/sources.yaml", f"anonymous: [{quoted}]\nvague: [{quoted}]\nroles: [{quoted}]\n")
    write(tmp_path, "de/outlets.yaml", "outlets:\n" + "".join(
        f"  - {{name: 'O{i}', type: online, aliases: ['{e.replace(chr(39), chr(39) * 2)}']}}\n"
        for i, e in enumerate(EVIL)))
    ruleset = load_rules([str(tmp_path)])
    text = (
        "a" * 40 + "! Laut " + "a" * 3000 + " sagte (a+)+$, das sei " + "x" * 3000 + "y. "
        + "(a+)+$ zufolge gab es " + "aa" * 2000 + " Tote. " + "\\ [ * (?P<x> sagte, alles sei gut."
    )
    started = time.perf_counter()
    report = pipeline.analyse_parsed(read_text(text), build_parsed(text), ruleset, pipeline.Options())
    assert time.perf_counter() - started < 5
    assert report.claims


SLOW_SENTENCES = {
    "parenthesis-spaces": "(" + " " * 60_000 + "x sagte, es sei so.",
    "credit-spaces": "Mit Informationen von" + " " * 60_000 + "x.",
    "dots": "." * 20_000 + " sagte er.",
    "quotes": "„" * 20_000 + " sagte er " + "“" * 20_000,
    "directive-spaces": "# claimcheck-disable" + " " * 20_000 + "x\nDer Kanzler sagte, es sei so.",
}
CPU_LIMIT = 5.0  # seconds of CPU (not wall time: the suite may share the machine)


@pytest.mark.parametrize("name", list(SLOW_SENTENCES))
def test_engine_regexes_are_linear_on_long_sentences(name: str) -> None:
    """The rule stages and suppression comments on pathological text (long runs of spaces, dots, quotes),
    in a child process: a catastrophic pattern fails the test (CPU limit, hard wall limit) instead of
    hanging the suite."""
    script = (
        "import sys, time\n"
        "from claimcheck import pipeline, suppress\n"
        "from claimcheck.read import read_text\n"
        "from claimcheck.rules import load_rules\n"
        "from tests._robust import build_parsed\n"
        "text = sys.stdin.read()\n"
        "src, parsed, rules = read_text(text), build_parsed(text), load_rules()\n"
        "started = time.process_time()\n"
        "report = pipeline.analyse_parsed(src, parsed, rules, pipeline.Options())\n"
        "suppress.apply(report, src)  # inline suppression comments, as the CLI applies them\n"
        "print(time.process_time() - started)\n"
    )
    try:
        result = subprocess.run([sys.executable, "-c", script], input=SLOW_SENTENCES[name], text=True,
                                capture_output=True, cwd=REPO, timeout=120)
    except subprocess.TimeoutExpired:
        pytest.fail(f"{name}: the rule stages ran over 120 s (catastrophic backtracking?)")
    assert result.returncode == 0, result.stderr[-2000:]
    cpu = float(result.stdout.strip().splitlines()[-1])
    assert cpu < CPU_LIMIT, f"{name}: {cpu:.1f} s of CPU"


def test_load_rules_raises_rule_error_only(tmp_path: Path) -> None:
    write(tmp_path, "de/cues.yaml", "verbs: [\n")
    with pytest.raises(RuleError):
        load_rules([str(tmp_path)])
