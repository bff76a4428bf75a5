"""Input formats keep the offset contract: prose sits at its offset in the file, markup is blank.

Each fixture under fixtures/formats/ is read with the real readers; for phrases of prose
we assert (a) the analysed text has the phrase at the same offset as the original file,
and (b) `Source.position` gives the line and column an editor sees in that file
(hand-counted constants, not recomputed). End-to-end tests with the parser are in
test_outputs.py / test_config_suppress_baseline.py.
"""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from claimcheck.errors import InputError
from claimcheck.read import Source
from claimcheck.read.detect import decode_bytes, detect_format, expand_inputs, read_any, read_data, read_stdin
from claimcheck.read.html import GAP, read_html
from claimcheck.read.markdown import front_matter_end, read_markdown

ROOT = Path(__file__).resolve().parents[1]
FORMATS = ROOT / "fixtures" / "formats"


def make_docx(path: Path | None = None) -> bytes:
    """A small Word document: heading, body paragraphs, an empty paragraph, a table, a directive."""
    docx = pytest.importorskip("docx")
    document = docx.Document()
    document.add_heading("Stellenabbau bei Nordstahl", level=1)  # ¶1
    document.add_paragraph("Der Konzern hat im vergangenen Jahr 4.000 Stellen gestrichen.")  # ¶2
    document.add_paragraph("")  # ¶3
    document.add_paragraph("[claimcheck-disable-next-line CC105]")  # ¶4
    document.add_paragraph("Der Minister soll bereits im Mai von den Problemen gewusst haben.")  # ¶5
    table = document.add_table(rows=1, cols=2)
    table.cell(0, 0).text = "Standort"  # ¶6
    table.cell(0, 1).text = "Duisburg"  # ¶7
    p = document.add_paragraph("Kritiker sagen, die Stadt habe die Kosten ")  # ¶8
    p.add_run("jedes großen Projekts").bold = True
    p.add_run(" unterschätzt.")
    buf = io.BytesIO()
    document.save(buf)
    if path is not None:
        path.write_bytes(buf.getvalue())
    return buf.getvalue()


def assert_at(src: Source, phrase: str, line: int, column: int, occurrence: int = 0) -> int:
    """The phrase is prose at its own offset and lands on (line, column) of the file."""
    offset = -1
    for _ in range(occurrence + 1):
        offset = src.original.index(phrase, offset + 1)
    assert src.text[offset : offset + len(phrase)] == phrase, f"{phrase!r} not kept at its offset"
    assert src.position(offset) == (line, column), f"{phrase!r} at {src.position(offset)}, want {line}:{column}"
    return offset


# ---- Markdown ---------------------------------------------------------------------------


def test_markdown_prose_keeps_line_and_column():
    src = read_any(str(FORMATS / "entwurf.md"))
    assert src.format == "markdown" and len(src.text) == len(src.original)
    assert_at(src, "Stellenabbau bei ", 7, 3, occurrence=1)  # after "# " (the first is in the front matter)
    assert_at(src, "Nordstahl", 7, 21, occurrence=1)  # inside *emphasis*
    assert_at(src, "Der Konzern hat im vergangenen Jahr 4.000 Stellen gestrichen.", 9, 1)
    assert_at(src, "„Wir werden keinen Standort schließen“", 11, 1)
    assert_at(src, "Anna Berger", 11, 65)  # inside **strong**
    assert_at(src, "Duisburg", 11, 93)  # link text kept
    assert_at(src, "Kritiker sagen", 14, 1)
    assert_at(src, "Der Minister soll", 16, 1)
    assert_at(src, "Laut Polizei hat der Konzern", 22, 3)  # after "> "


def test_markdown_blanks_what_is_not_prose():
    src = read_any(str(FORMATS / "entwurf.md"))
    text = src.text
    for gone in ("title:", "Redaktion Wirtschaft", "print(", "9.000", "python", "example.org", "Karte",
                 "claimcheck-disable", "Dossier", "**", "# ", "> ", "`", "---"):
        assert gone not in text, gone
    assert GAP not in text
    # line structure is that of the file
    assert [i for i, c in enumerate(text) if c == "\n"] == [i for i, c in enumerate(src.original) if c == "\n"]


def test_markdown_entities_escapes_and_emphasis_inside_words():
    original = "Er traf M&uuml;ller und Ge**setz**geber in \\*Bonn\\*.\n"
    src = read_markdown(original, "x.md")
    assert len(src.text) == len(original)
    assert src.text.startswith("Er traf Müller")
    assert "Gesetzgeber" in src.text and "*Bonn*." in src.text
    assert_at(src, "Er traf M", 1, 1)


def test_markdown_front_matter_variants():
    assert front_matter_end("---\na: 1\n---\nText\n") == len("---\na: 1\n---\n")
    assert front_matter_end("+++\na = 1\n+++\nText\n") == len("+++\na = 1\n+++\n")
    assert front_matter_end("---\nnever closed\n") == 0  # a thematic break, not front matter
    assert front_matter_end("Text\n---\n") == 0


def test_markdown_tables_lists_html_blocks_and_crlf():
    original = (
        "- erster Punkt\r\n- zweiter **Punkt**\r\n\r\n| Kopf | Spalte |\r\n|---|---|\r\n| Zelle | zwei |\r\n\r\n"
        "<div>Im <b>HTML</b>-Block.</div>\r\n"
    )
    src = read_markdown(original, "x.md")
    assert len(src.text) == len(original) and "\r" not in src.text
    assert_at(src, "erster Punkt", 1, 3)
    assert_at(src, "Zelle", 6, 3)
    assert_at(src, "zwei", 6, 11, occurrence=1)
    assert_at(src, "Im ", 8, 6)
    assert "HTML-Block." in src.text  # a tag inside a word is removed, the word padded at its end
    assert "|" not in src.text and "<div>" not in src.text


# ---- HTML -------------------------------------------------------------------------------


def test_html_prose_keeps_line_and_column():
    src = read_any(str(FORMATS / "cms-export.html"))
    assert src.format == "html" and len(src.text) == len(src.original)
    assert_at(src, "Stellenabbau bei Nordstahl", 11, 7)
    assert_at(src, "Der Konzern hat im vergangenen Jahr 4.000 Stellen gestrichen.", 12, 19)
    assert_at(src, "Die Vorstandschefin Anna Berger sagte am Montag:", 13, 6)
    assert_at(src, "Wir werden keinen Standort schlie", 13, 58)
    assert_at(src, "Wir haben keine Zeit mehr", 15, 8)
    assert_at(src, "Anna Berger, Vorstandschefin", 16, 27)
    assert_at(src, "Kritiker sagen, die Stadt habe die Kosten jedes gro", 19, 6)
    assert_at(src, "Der Minister soll bereits im Mai", 20, 6)


def test_html_skips_head_script_style_and_understands_quotes():
    src = read_any(str(FORMATS / "cms-export.html"))
    text = src.text
    for gone in ("9.000", "dataLayer", "font-family", "<", ">", "claimcheck-disable", "&szlig;", "Nordstahl –"):
        assert gone not in text, gone
    assert GAP not in text
    assert "schließen" in text and "müssen" in text and "großen" in text and "unterschätzt" in text
    assert '"Wir werden keinen Standort schließen."' in text  # <q> becomes quotation marks
    assert '"Wir haben keine Zeit mehr zu verlieren und müssen' in text  # blockquote paragraph quoted
    quoted = text[text.index('"Wir haben') :]
    assert quoted.index('handeln."') < quoted.index("Anna Berger")  # the cite stays outside the quote
    # block tags are paragraph breaks in the analysed text
    para = text.index("Der Konzern hat")
    assert "\n\n" in text[para : text.index("Die Vorstandschefin")]


def test_html_inline_tags_and_entities_do_not_split_words():
    original = "<p>Die <b>Oppo</b>sition sprach von &bdquo;Wahl&shy;betrug&ldquo;.<br>Neue Zeile</p>"
    src = read_html(original, "x.html")
    assert len(src.text) == len(original)
    assert "Opposition" in src.text
    assert "„Wahl" in src.text
    assert_at(src, "Die ", 1, 4)
    assert "\n" in src.text[src.text.index("“") : src.text.index("Neue")]  # <br> is a line break


# ---- DOCX -------------------------------------------------------------------------------


def test_docx_positions_are_paragraph_numbers(tmp_path):
    path = tmp_path / "bericht.docx"
    make_docx(path)
    src = read_any(str(path))
    assert src.format == "docx"
    assert_at(src, "Stellenabbau bei Nordstahl", 1, 1)
    assert_at(src, "Der Konzern hat", 2, 1)
    assert_at(src, "4.000 Stellen", 2, 37)
    assert_at(src, "Der Minister soll", 5, 1)
    assert_at(src, "Duisburg", 7, 1)  # table cells are paragraphs too
    assert_at(src, "jedes großen Projekts unterschätzt.", 8, 43)  # runs joined within the paragraph


def test_docx_from_bytes_and_broken_docx(tmp_path):
    data = make_docx()
    assert read_data(data, "upload.docx").format == "docx"
    assert read_data(data, "-").format == "docx"  # stdin: sniffed from the zip content
    bad = tmp_path / "kaputt.docx"
    bad.write_bytes(b"PK\x03\x04 not really a zip")
    with pytest.raises(InputError, match=r"not a valid \.docx"):
        read_any(str(bad))


# ---- encodings, BOM, CRLF -------------------------------------------------------------------


def test_latin1_legacy_file_is_detected_and_positions_count_characters():
    src = read_any(str(FORMATS / "archiv-latin1.txt"))
    assert src.notes and "cp1252" in src.notes[0]
    assert "kündigte" in src.text and "Jürgen Möller" in src.text
    assert_at(src, "Der Konzern hat", 3, 11)
    assert_at(src, "Jürgen Möller", 5, 89)  # columns count characters, not bytes
    assert_at(src, "Der Minister soll", 6, 1)


def test_bom_and_crlf_keep_offsets_exact():
    raw = (FORMATS / "meldung-bom-crlf.txt").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf") and b"\r\n" in raw
    src = read_any(str(FORMATS / "meldung-bom-crlf.txt"))
    assert not src.original.startswith("\ufeff")  # the BOM is not text
    assert "\r\n" in src.original and "\r" not in src.text
    assert_at(src, "Stellenabbau", 1, 1)  # column 1 despite the BOM
    assert_at(src, "Der Konzern hat", 3, 1)
    assert_at(src, "Der Minister soll", 6, 1)
    assert_at(src, "Kritiker sagen", 7, 1)
    assert "claimcheck-disable" not in src.text  # a directive line is not prose


def test_utf16_with_bom_and_binary_refusal():
    text, notes = decode_bytes(b"\xff\xfe" + "Grüße aus Köln".encode("utf-16-le"), "x.txt")
    assert text == "Grüße aus Köln" and "UTF-16" in notes[0].upper()
    with pytest.raises(InputError, match="binary"):
        read_data(b"\x89PNG\r\n\x1a\n\x00\x00", "bild.txt")


def test_stdin_reader_and_format_override():
    src = read_stdin(io.BytesIO(b"# Titel\n\nText *hier*.\n"), fmt="markdown")
    assert src.path == "-" and src.format == "markdown" and "*" not in src.text
    assert read_stdin(io.BytesIO(b"<!DOCTYPE html><p>Hallo</p>")).format == "html"
    assert read_stdin(io.BytesIO(b"plain # text")).format == "text"
    with pytest.raises(InputError, match="over the limit"):
        read_stdin(io.BytesIO(b"x" * 100), max_bytes=10)


def test_detect_format():
    assert detect_format("a.MD") == "markdown"
    assert detect_format("a.htm") == "html"
    assert detect_format("a.docx") == "docx"
    assert detect_format("a.txt", "<!DOCTYPE html>") == "text"  # the extension wins
    assert detect_format("noext", "<!doctype html><html>") == "html"
    assert detect_format("noext", "---\ntitle: x\n---\nText") == "markdown"
    assert detect_format("noext", "Just text") == "text"


def test_expand_inputs_folders_globs_and_ignores(tmp_path, monkeypatch):
    (tmp_path / "drafts" / "old").mkdir(parents=True)
    (tmp_path / ".git").mkdir()
    for name in ("drafts/a.md", "drafts/b.html", "drafts/old/c.txt", "drafts/notes.pdf", ".git/x.md", "top.txt"):
        (tmp_path / name).write_text("Text.\n")
    monkeypatch.chdir(tmp_path)
    assert expand_inputs(["drafts"]) == ["drafts/a.md", "drafts/b.html", "drafts/old/c.txt"]
    assert expand_inputs(["drafts"], ignore=["old/"]) == ["drafts/a.md", "drafts/b.html"]
    assert expand_inputs(["drafts"], ignore=["*.html"]) == ["drafts/a.md", "drafts/old/c.txt"]
    assert expand_inputs(["**/*.md"]) == ["drafts/a.md"]  # hidden folders are not globbed
    assert expand_inputs(["top.txt", "drafts/old", "top.txt", "-"]) == ["top.txt", "drafts/old/c.txt", "-"]
    assert expand_inputs(["drafts/old/c.txt"], ignore=["drafts/old"]) == ["drafts/old/c.txt"]  # named: kept
    with pytest.raises(InputError, match="no files match"):
        expand_inputs(["*.nothing"])


# ---- the contract holds for any input --------------------------------------------------------

_MD_ALPHABET = st.sampled_from(
    list("ab ÄÖü\n\r\t*_`#>-[]()!<>&;\\|:.,\"'„“=+~") + ["&amp;", "&uuml;", "<!--", "-->", "```", "<b>", "</b>",
                                                        "---\n", "[x](y)", "<q>", "</q>"]
)


@settings(max_examples=300, deadline=None)
@given(st.lists(_MD_ALPHABET, max_size=60).map("".join))
@example("<![x](y)")  # html.parser's AssertionError on an unknown marked-section keyword
def test_markdown_and_html_readers_keep_length_for_any_input(original):
    for reader in (read_markdown, read_html):
        src = reader(original, "x")
        assert len(src.text) == len(original)
        assert GAP not in src.text and "\r" not in src.text
        # every character kept as prose is the file's own character or a decoded entity/quotation mark
        for i, ch in enumerate(src.text):
            assert ch.isspace() or ch == original[i] or ch == '"' or not original[i].isspace() or ch in "&ü", (i, ch)
