"""The language hint: a collection of Chinese text under the English-only built-in model says
so (real index, real catalog); the counts survive the catalog's migration from version 1."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from app.core.rag.catalog import SCHEMA_VERSION, Catalog
from app.core.rag.embedder import DEFAULT_EMBEDDER
from app.core.rag.languages import language_hint, reading, reads_cjk, script_counts
from app.core.rag.reader import DirectReader
from app.core.rag.service import DocsService
from app.core.rag.types import Chunk

CHINESE = (
    "# 茶园\n\n山坡上的茶园每年春天采茶。采茶的人清晨上山，午后把新叶送到村里的作坊。"
    "作坊里的师傅把茶叶炒干，装进竹篓，再由马帮运到城里的茶馆。\n"
)
ENGLISH = "# Kettle\n\nThe kettle is in the left cupboard, next to the blue teapot and the cups.\n"


def test_counts_letters_and_chinese_japanese_korean() -> None:
    assert script_counts("abc 茶园 かな 한글 12!") == (9, 6)
    assert script_counts("") == (0, 0)


@pytest.mark.parametrize(
    ("name", "reads"),
    [
        (DEFAULT_EMBEDDER, False),
        ("sentence-transformers/all-mpnet-base-v2", False),
        ("BAAI/bge-small-en-v1.5", False),
        ("intfloat/multilingual-e5-small", True),
        ("BAAI/bge-small-zh-v1.5", True),
        ("BAAI/bge-m3", True),
        ("sentence-transformers/paraphrase-multilingual-MiniLM-L12-v2", True),
        ("/home/me/models/bge-small-zh", True),
        ("someone/mystery-embedder", None),
    ],
)
def test_models_are_known_by_their_names(name: str, reads: bool | None) -> None:
    assert reads_cjk(name) is reads


def test_a_model_list_says_what_each_reads() -> None:
    assert str(reading(DEFAULT_EMBEDDER)) == f"{DEFAULT_EMBEDDER} (reads English)"
    assert "Chinese included" in str(reading("BAAI/bge-m3"))
    assert reading("someone/mystery-embedder") is None


def test_the_hint_needs_mostly_cjk_text_and_a_model_that_cannot_read_it() -> None:
    assert language_hint(DEFAULT_EMBEDDER, 200, 150) is not None
    assert language_hint(DEFAULT_EMBEDDER, 200, 60) is None  # mostly English
    assert language_hint(DEFAULT_EMBEDDER, 10, 10) is None  # too little to tell
    assert language_hint("intfloat/multilingual-e5-small", 200, 150) is None
    assert language_hint("someone/mystery-embedder", 200, 150) is None


def test_a_chinese_file_under_the_english_model_gets_the_hint(tmp_path: Path) -> None:
    """A real index of a Chinese text file with the default model: the status carries the
    hint, naming the model; an English collection has none."""
    for name, text in (("zh", CHINESE), ("en", ENGLISH)):
        (tmp_path / name).mkdir()
        (tmp_path / name / "notes.md").write_text(text, encoding="utf-8")
    service = DocsService(tmp_path / "rag", tmp_path / "models", reader=DirectReader())
    try:
        service.create("茶", [str(tmp_path / "zh")])
        service.create("Kitchen", [str(tmp_path / "en")])
        for name in ("茶", "Kitchen"):
            assert list(service.index([name]))[-1].phase == "done"
        chinese, english = service.status("茶"), service.status("Kitchen")
    finally:
        service.close()
    assert chinese.files == 1 and chinese.cjk_share > 0.9
    assert chinese.hint is not None and DEFAULT_EMBEDDER in str(chinese.hint)
    assert "Chinese, Japanese or Korean" in str(chinese.hint)
    assert english.files == 1 and english.cjk_share == 0 and english.hint is None


def test_version_1_catalogs_are_counted_from_their_chunks(tmp_path: Path) -> None:
    path = tmp_path / "catalog.sqlite3"
    catalog = Catalog(path)
    collection = catalog.create("茶", DEFAULT_EMBEDDER)
    file_id = catalog.start_writing(collection.id, "/docs/tea.md", 10, 1)
    with catalog.transaction():
        catalog.add_chunks(collection.id, file_id, [Chunk(CHINESE, 0)])
        catalog.finish(file_id, "digest", 1)
    fresh = catalog.scripts(collection.id)
    catalog.close()
    with sqlite3.connect(path) as db:  # as version 1 left it: no counts
        db.execute("ALTER TABLE files DROP COLUMN letters")
        db.execute("ALTER TABLE files DROP COLUMN cjk")
        db.execute("PRAGMA user_version = 1")
    catalog = Catalog(path)
    try:
        assert catalog.scripts(collection.id) == fresh and fresh[1] > 50
        version = catalog._db.execute("PRAGMA user_version").fetchone()[0]
        assert version == SCHEMA_VERSION == 2
    finally:
        catalog.close()
