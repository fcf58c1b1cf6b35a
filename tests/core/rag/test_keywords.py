"""Keyword search on a real catalog: common words are left out of the FTS5 query, rare ones
kept, and the counts behind that follow the index as it changes."""

from __future__ import annotations

from pathlib import Path

from app.core.rag.catalog import Catalog
from app.core.rag.retrieve import _keyword_hits, _rare_terms, keyword_terms
from app.core.rag.types import Chunk


def fill(catalog: Catalog, collection_id: int, path: str, texts: list[str]) -> list[int]:
    file_id = catalog.start_writing(collection_id, path, 1, 1)
    with catalog.transaction():
        ids = catalog.add_chunks(collection_id, file_id, [Chunk(t, i) for i, t in enumerate(texts)])
        catalog.finish(file_id, path, len(texts))
    return ids


def test_common_words_are_left_out_and_the_rare_ones_find_the_passage(tmp_path: Path) -> None:
    catalog = Catalog(tmp_path / "catalog.sqlite3")
    collection = catalog.create("Manual", "all-MiniLM-L6-v2")
    filler = [f"Passengers use the line every day; report {i} on timetables." for i in range(200)]
    fill(catalog, collection.id, "/docs/filler.md", filler)
    (answer,) = fill(
        catalog, collection.id, "/docs/sable.md", ["The Sable Line runs on a narrow gauge."]
    )
    terms = keyword_terms("What track gauge does the Sable Line use?")
    assert terms == ["track", "gauge", "sable", "line", "use"]
    # "line" and "use" are in every filler passage: only the rare words are searched for
    assert _rare_terms(catalog, terms) == ["track", "gauge", "sable"]
    assert _keyword_hits(catalog, [collection.id], terms, 5)[0] == answer
    # all common: the two rarest are kept ("line" is in one passage more), in question order
    assert _rare_terms(catalog, ["line", "use", "timetables"]) == ["use", "timetables"]
    assert _rare_terms(catalog, ["line", "use"]) == ["line", "use"]  # two: nothing to drop

    counts, total = catalog.trigram_counts(["gau", "lin"])
    assert counts == {"gau": 1, "lin": 201} and total == 201
    fill(catalog, collection.id, "/docs/gauges.md", ["A gauge on every engine."] * 30)
    counts, total = catalog.trigram_counts(["gau"])
    assert counts == {"gau": 31} and total == 231  # the counts follow the index
    catalog.close()
