"""Every file type is read from files the tests write; pages and headings come out right."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest

from app.core.errors import FileSkipped
from app.core.rag.extract import DEFAULT_LIMITS, Limits, extract, kind_of
from tests.core.rag.files import make_docx, make_epub, make_pdf, make_zip_bomb_docx


def read(path: Path, limits: Limits = DEFAULT_LIMITS) -> list:
    kind = kind_of(path)
    assert kind is not None
    return extract(path, kind, limits)


def test_pdf_pages_are_numbered(qapp, tmp_path: Path) -> None:
    path = make_pdf(
        tmp_path / "report.pdf",
        ["Page one talks about apples.", "Page two talks about pears.", "Three: plums."],
    )
    sections = read(path)
    assert [s.page for s in sections] == [1, 2, 3]
    assert "pears" in sections[1].text and "pears" not in sections[0].text


def test_docx_headings_become_markdown(tmp_path: Path) -> None:
    path = make_docx(
        tmp_path / "guide.docx", "Guide", {"Install": ["Run the installer."], "Use": ["Click."]}
    )
    (section,) = read(path)
    assert section.markdown
    assert "# Guide" in section.text and "## Install" in section.text
    assert section.text.index("Run the installer") < section.text.index("## Use")


def test_epub_chapters_in_spine_order(tmp_path: Path) -> None:
    path = make_epub(tmp_path / "book.epub", [("Dawn", "It began."), ("Dusk", "It ended.")])
    sections = read(path)
    assert [s.title for s in sections] == ["Dawn", "Dusk"]
    assert "It ended." in sections[1].text


def test_html_drops_scripts_and_keeps_headings(tmp_path: Path) -> None:
    path = tmp_path / "page.html"
    path.write_text(
        "<html><head><title>T</title><script>steal()</script></head><body><nav>menu</nav>"
        "<h2>Usage</h2><p>Call <b>run</b> first.</p></body></html>"
    )
    (section,) = read(path)
    assert "## Usage" in section.text and "Call run first." in section.text
    assert "steal" not in section.text and "menu" not in section.text


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (
            ("Le café est très apprécié en été. Une idée naïve, déjà vue à Noël. " * 3).encode(
                "cp1252"
            ),
            "très apprécié en été",
        ),
        ("长城是中国古代的军事防御工程，总长度超过两万公里。".encode("gb18030"), "长城"),
        (codecs.BOM_UTF16_LE + "UTF-16 text".encode("utf-16-le"), "UTF-16 text"),
        ("plain utf-8 ✓".encode(), "plain utf-8 ✓"),
    ],
)
def test_text_encodings_are_detected(tmp_path: Path, data: bytes, expected: str) -> None:
    path = tmp_path / "note.txt"
    path.write_bytes(data)
    (section,) = read(path)
    assert expected in section.text


def test_markdown_and_code_kinds(tmp_path: Path) -> None:
    assert kind_of(Path("a.md")) == "markdown" and kind_of(Path("b.rst")) == "text"
    assert kind_of(Path("c.py")) == "code" and kind_of(Path("README")) == "text"
    assert kind_of(Path("photo.jpg")) is None


@pytest.mark.parametrize(
    ("name", "content", "reason"),
    [
        ("empty.txt", b"", "empty"),
        ("blob.txt", b"\x00\x01\x02\x03" * 64, "binary"),
        ("fake.pdf", b"this is not a pdf at all", "damaged"),
        ("fake.docx", b"PK\x03\x04 broken", "damaged"),
    ],
)
def test_bad_files_are_skipped_with_a_reason(
    tmp_path: Path, name: str, content: bytes, reason: str
) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(FileSkipped, match=reason):
        read(path)


def test_size_limit_and_zip_bomb(tmp_path: Path) -> None:
    big = tmp_path / "big.txt"
    big.write_text("word " * 5000)
    with pytest.raises(FileSkipped, match="not indexed"):
        read(big, Limits(text_bytes=1000))
    with pytest.raises(FileSkipped, match="zip bomb"):
        read(make_zip_bomb_docx(tmp_path / "bomb.docx"))


def test_scanned_pdf_without_text_says_so(qapp, tmp_path: Path) -> None:
    path = make_pdf(tmp_path / "scan.pdf", ["", ""])
    with pytest.raises(FileSkipped, match="no text layer"):
        read(path)


# Real text in each legacy encoding; each must come back exactly. Western European text must
# not turn into its Central European reading ("crème" as "crčme"), and text in other scripts
# must not be taken for Western.
ENCODED_SAMPLES = [
    ("La crème brûlée est très appréciée à Noël. Où est le café ? Ça coûte cher.", "latin-1"),
    ("crème", "latin-1"),
    ("Größe und Übermaß: Die Straße führt über die Brücke nach Köln.", "latin-1"),
    ("El niño comió “tortilla” por 5 € — ¡qué rico! Mañana será otro día.", "cp1252"),
    ("Não há pão; a ação é difícil, disse João à mãe.", "latin-1"),
    ("Hæ, hvað segirðu? Þetta er íslenskur texti.", "latin-1"),
    ("Příliš žluťoučký kůň úpěl ďábelské ódy. Čeština je krásný jazyk, řekl člověk.", "cp1250"),
    ("Zażółć gęślą jaźń. Łódź jest pięknym miastem, powiedział Paweł.", "cp1250"),
    ("Съешь же ещё этих мягких французских булок, да выпей чаю. Привет, мир!", "cp1251"),
    ("Съешь же ещё этих мягких французских булок, да выпей чаю. Привет, мир!", "koi8-r"),
    ("本地大语言模型桌面应用程序可以离线聊天，并且保存所有的对话记录。", "gbk"),
    ("本地大語言模型桌面應用程式可以離線聊天，並且保存所有的對話記錄。", "big5"),
    ("これは日本語のテキストです。東京は日本の首都です。", "shift_jis"),
    ("Καλημέρα κόσμε, η γλώσσα είναι ελληνική.", "cp1253"),
]


@pytest.mark.parametrize(("text", "encoding"), ENCODED_SAMPLES)
def test_legacy_encodings_decode_to_the_right_text(
    tmp_path: Path, text: str, encoding: str
) -> None:
    body = "\n".join([text] * 3) + "\n"
    path = tmp_path / "note.txt"
    path.write_bytes(body.encode(encoding))
    (section,) = extract(path, "text")
    assert section.text == body


def test_latin1_french_is_not_read_as_central_european(tmp_path: Path) -> None:
    path = tmp_path / "recette.md"
    path.write_bytes("# Recette\n\nUne crème, très légère.\n".encode("latin-1"))
    (section,) = extract(path, "markdown")
    assert "crème" in section.text and "crčme" not in section.text
    assert "très légère" in section.text


# UTF-8 with one damaged byte (a cut download, a bad sector) stays UTF-8: the byte becomes
# U+FFFD and every other character is kept, not read as Shift-JIS, KOI8-R or another guess.
DAMAGED_UTF8 = [
    "Une crème brûlée, très appréciée à Noël.",
    "Une crème brûlée",
    "本地大语言模型桌面应用程序可以离线聊天，并且保存所有的对话记录。",
    "Съешь же ещё этих мягких французских булок.",
    "Καλημέρα κόσμε, η γλώσσα είναι ελληνική.",
]


@pytest.mark.parametrize("text", DAMAGED_UTF8)
@pytest.mark.parametrize("where", ["end", "middle"])
def test_utf8_with_one_bad_byte_keeps_its_text(tmp_path: Path, text: str, where: str) -> None:
    from app.core.rag.extract import decode_text

    half = len(text) // 2 if where == "middle" else len(text)
    data = text[:half].encode() + b"\xff" + text[half:].encode()
    assert decode_text(data) == text[:half] + "\ufffd" + text[half:]


def test_much_damage_or_no_multibyte_text_is_not_taken_for_utf8() -> None:
    from app.core.textcodec import mostly_utf8

    assert mostly_utf8("crème".encode("latin-1")) is None  # no valid multi-byte sequence
    assert mostly_utf8(("é" * 50).encode() + b"\xff" * 5) is None  # 5 bad bytes in 55 chars
    text = ("éè" + "x" * 998) * 3  # 3,000 characters: up to 3 bad bytes are "a few"
    assert mostly_utf8(text.encode() + b"\xff\xfe\xfd") == text + "\ufffd" * 3
    assert mostly_utf8(text.encode() + b"\xff\xfe\xfd\xfc") is None


# English in cp1252 (Windows' default for Western text): no accented letters, only typographic
# apostrophes, quotes, dashes and symbols. Short texts like these once went to
# charset_normalizer, which read them as Big5 or Mac encodings ("It𠏋 a test.").
ENGLISH_CP1252 = [
    "It’s a test.",
    "Price: €5 — that’s all. " * 3,
    "“Quoted,” she said – and left… • Item one • Item two",
    "Don’t stop: it’s 10 °C outside ‘cold’ and we’re fine.",
]


@pytest.mark.parametrize("text", ENGLISH_CP1252)
def test_english_cp1252_with_typographic_marks_decodes_exactly(text: str) -> None:
    from app.core.rag.extract import decode_text

    assert decode_text(text.encode("cp1252")) == text
