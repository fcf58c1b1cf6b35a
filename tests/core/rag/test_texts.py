"""Local documents speak in message ids: a skip reason is stored as its id and arguments and
shown in the language in use; reasons an older Hearth stored in English are migrated; a
library's own words stay a detail after the translated sentence."""

from __future__ import annotations

import json
import pickle
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

from app.core.errors import CollectionNotFound, FileSkipped
from app.core.rag import texts
from app.core.rag.catalog import SCHEMA_VERSION, Catalog
from app.core.rag.eta import eta_words
from app.core.rag.extract import extract
from app.core.rag.types import CollectionStatus, FileProblem
from app.core.text import Msg, Size
from app.workers import i18n


@pytest.fixture
def chinese() -> Iterator[None]:
    i18n.use_language("zh_CN")
    try:
        yield
    finally:
        i18n.use_language("en")


def _skipped(catalog: Catalog, name: str, path: str, reason: Msg) -> None:
    collection = catalog.collection(name)
    file_id = catalog.start_writing(collection.id, path, 0, 0)
    catalog.skip(file_id, None, reason)


def test_a_recorded_reason_is_its_id_and_shows_in_the_language_in_use(
    tmp_path: Path, chinese: None
) -> None:
    i18n.use_language("en")
    catalog = Catalog(tmp_path / "catalog.sqlite3")
    try:
        catalog.create("Notes", "all-MiniLM-L6-v2")
        _skipped(catalog, "Notes", "/notes/empty.txt", texts.EMPTY())
        big = texts.TOO_LARGE(size=Size(25_000_000), limit=Size(20_000_000))
        _skipped(catalog, "Notes", "/notes/big.txt", big)
        with sqlite3.connect(tmp_path / "catalog.sqlite3") as db:
            stored = dict(db.execute("SELECT path, reason FROM files").fetchall())
        assert json.loads(stored["/notes/empty.txt"])["id"] == "rag.skip.empty"
        assert json.loads(stored["/notes/big.txt"])["args"] == {
            "size": {"size": 25_000_000},
            "limit": {"size": 20_000_000},
        }
        reasons = dict(catalog.problems(catalog.collection("Notes").id))
        big_reason, empty_reason = reasons["/notes/big.txt"], reasons["/notes/empty.txt"]
        assert i18n.say(empty_reason) == "The file is empty."
        assert i18n.say(big_reason) == "The file is 25.0 MB; files over 20.0 MB are not indexed."

        i18n.use_language("zh_CN")  # the user switches language: the same rows read in Chinese
        assert i18n.say(empty_reason) == "文件是空的。"
        assert i18n.say(big_reason) == "文件大小为 25.0 MB；超过 20.0 MB 的文件不会被索引。"
    finally:
        catalog.close()


def test_old_english_reasons_are_migrated_and_unknown_ones_kept(
    tmp_path: Path, chinese: None
) -> None:
    """A catalog an older Hearth wrote (user_version 0, reasons in English)."""
    path = tmp_path / "catalog.sqlite3"
    Catalog(path).close()
    old = {
        "/d/empty.txt": "The file is empty.",
        "/d/scan.pdf": "The PDF is damaged or not a PDF (Failed to load document (PDFium: "
        "Data format error).).",
        "/d/big.txt": "The file is 25 MB; files over 21 MB are not indexed.",
        "/d/locked.txt": "The file cannot be read: Permission denied.",
        "/d/slow.pdf": "Reading the file took longer than 60 s (a damaged or hostile file?); "
        "it was skipped.",
        "/d/odd.txt": "Something no version of Hearth ever said.",
    }
    with sqlite3.connect(path) as db:
        db.execute("INSERT INTO collections(name, embedder, created_at) VALUES ('D', 'm', 0)")
        for file_path, reason in old.items():
            db.execute(
                "INSERT INTO files(collection_id, path, size, mtime_ns, state, reason) "
                "VALUES (1, ?, 0, 0, 'skipped', ?)",
                (file_path, reason),
            )
        db.execute("PRAGMA user_version = 0")
    db.close()

    catalog = Catalog(path)
    try:
        reasons = dict(catalog.problems(1))
    finally:
        catalog.close()
    with sqlite3.connect(path) as db:
        assert db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        stored = dict(db.execute("SELECT path, reason FROM files").fetchall())
    db.close()
    assert json.loads(stored["/d/empty.txt"])["id"] == "rag.skip.empty"
    assert stored["/d/odd.txt"] == old["/d/odd.txt"]  # not recognised: left as it was
    ids = {p: m.id for p, m in reasons.items()}
    assert ids == {
        "/d/empty.txt": "rag.skip.empty",
        "/d/scan.pdf": "rag.skip.pdf-damaged",
        "/d/big.txt": "rag.skip.too-large",
        "/d/locked.txt": "rag.skip.unreadable",
        "/d/slow.pdf": "rag.skip.too-slow",
        "/d/odd.txt": "text.as-is",
    }
    assert reasons["/d/scan.pdf"].detail == "Failed to load document (PDFium: Data format error)."
    assert str(reasons["/d/big.txt"]) == old["/d/big.txt"]  # the English reads as before

    i18n.use_language("zh_CN")
    assert i18n.say(reasons["/d/empty.txt"]) == "文件是空的。"
    assert i18n.say(reasons["/d/big.txt"]) == "文件大小为 25 MB；超过 21 MB 的文件不会被索引。"
    assert i18n.say(reasons["/d/slow.pdf"]).startswith("读取该文件超过了 60 s")
    assert i18n.say(reasons["/d/scan.pdf"]) == (
        "PDF 已损坏，或者不是 PDF 文件。（Failed to load document (PDFium: Data format error).）"
    )
    assert i18n.say(reasons["/d/odd.txt"]) == old["/d/odd.txt"]  # shown as it is


def test_english_an_older_hearth_writes_after_the_migration_still_translates(
    tmp_path: Path, chinese: None
) -> None:
    """A downgrade and back: the catalog is at the new version, but one reason is English."""
    path = tmp_path / "catalog.sqlite3"
    Catalog(path).close()
    with sqlite3.connect(path) as db:
        db.execute("INSERT INTO collections(name, embedder, created_at) VALUES ('D', 'm', 0)")
        db.execute(
            "INSERT INTO files(collection_id, path, size, mtime_ns, state, reason) "
            "VALUES (1, '/d/empty.txt', 0, 0, 'skipped', 'The file is empty.')"
        )
    db.close()
    catalog = Catalog(path)
    try:
        reasons = dict(catalog.problems(1))
    finally:
        catalog.close()
    assert reasons["/d/empty.txt"].id == "rag.skip.empty"
    i18n.use_language("zh_CN")
    assert i18n.say(reasons["/d/empty.txt"]) == "文件是空的。"


def test_the_pdf_library_message_is_a_detail_after_the_sentence(
    tmp_path: Path, chinese: None
) -> None:
    fake = tmp_path / "fake.pdf"
    fake.write_bytes(b"this is not a pdf at all")
    with pytest.raises(FileSkipped) as raised:
        extract(fake, "pdf")
    msg = raised.value.msg
    assert msg.id == "rag.skip.pdf-damaged" and msg.detail
    assert msg.detail not in msg.phrase.text
    english = str(raised.value)
    assert english.startswith("The PDF is damaged or not a PDF. (") and msg.detail in english
    said = i18n.say(msg)
    assert said.startswith("PDF 已损坏，或者不是 PDF 文件。（") and said.endswith("）")


def test_reasons_and_errors_cross_the_index_host_pipe_as_messages() -> None:
    """The index host sends statuses and errors through pickle: the Msg arrives whole."""
    status = CollectionStatus(
        1, "Notes", "m", (), 0, 0, None, 0, (FileProblem("/a.txt", texts.EMPTY()),)
    )
    back = pickle.loads(pickle.dumps(status))
    assert back.problems[0].reason.id == "rag.skip.empty"
    error = pickle.loads(pickle.dumps(CollectionNotFound(texts.NO_COLLECTION(name="Nope"))))
    assert isinstance(error, CollectionNotFound) and error.msg.args == {"name": "Nope"}
    assert str(error) == "There is no collection named “Nope”."


def test_errors_and_time_left_in_chinese(tmp_path: Path, chinese: None) -> None:
    catalog = Catalog(tmp_path / "catalog.sqlite3")
    try:
        with pytest.raises(CollectionNotFound) as raised:
            catalog.collection("Nope")
    finally:
        catalog.close()
    assert i18n.say(raised.value.msg) == "没有名为“Nope”的文档集。"
    assert i18n.say(eta_words(185.0)) == "约剩 3 分钟"
    assert i18n.say(eta_words(7_500.0)) == "约剩 2 小时 5 分钟"
    i18n.use_language("en")
    assert i18n.say(eta_words(185.0)) == "about 3 min left"


def test_every_rag_phrase_is_in_chinese(chinese: None) -> None:
    for phrase in texts.SKIP_REASONS:
        said = i18n.say(phrase(**{name: "1" for name in phrase.fields()}))
        assert said != str(phrase(**{name: "1" for name in phrase.fields()})), phrase.id
