"""Hybrid retrieval: Chroma's nearest vectors and FTS5 keyword matches, fused by rank (RRF).

Each candidate gets a relevance the user can read: the larger of its embedding similarity to
the question and the share of the question's keywords it contains. Passages under the floor
are dropped, so a question the documents do not cover finds nothing rather than noise.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from app.core.rag.catalog import Catalog, ChunkRow, CollectionRow
from app.core.rag.embedder import Embedder
from app.core.rag.types import Passage
from app.core.rag.vectors import VectorStore

RRF_K = 60
COMMON_SHARE = 0.05  # a keyword in more of the chunks than this is too common to search for
MIN_TERMS = 2
_WORD = re.compile(r"[^\W_]+", re.UNICODE)
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff]+")
_STOPWORDS_WORDS = (
    "a an and are as at be but by can could did do does for from had has have how i if "
    "in into is it its me my of on or our should so than that the their them then there "
    "these they this to was we were what when where which who whom whose why will with "
    "would you your about tell please know explain describe give any some"
)
STOPWORDS = frozenset(_STOPWORDS_WORDS.split())


@dataclass(frozen=True)
class SearchOptions:
    """top_k passages at most; `floor` is the least relevance (0–1) a passage needs."""

    top_k: int = 5
    floor: float = 0.3
    candidates: int = 40


DEFAULT_SEARCH = SearchOptions()


def search(
    catalog: Catalog,
    vectors: VectorStore,
    embedder_for: Callable[[CollectionRow], Embedder],
    collections: Sequence[CollectionRow],
    question: str,
    options: SearchOptions = DEFAULT_SEARCH,
) -> list[Passage]:
    if not collections or not question.strip():
        return []
    ranks: dict[int, float] = {}
    similarity: dict[int, float] = {}
    query_vectors: dict[str, list[float]] = {}
    for collection in collections:
        embedder = embedder_for(collection)
        vector = query_vectors.get(collection.embedder)
        if vector is None:
            vector = query_vectors[collection.embedder] = embedder.embed_query(question)
        nearest = vectors.nearest(collection.id, vector, options.candidates)
        for rank, (chunk_id, sim) in enumerate(nearest):
            ranks[chunk_id] = ranks.get(chunk_id, 0.0) + 1.0 / (RRF_K + rank + 1)
            similarity[chunk_id] = sim
    terms = keyword_terms(question)
    ids = [c.id for c in collections]
    for rank, chunk_id in enumerate(_keyword_hits(catalog, ids, terms, options.candidates)):
        ranks[chunk_id] = ranks.get(chunk_id, 0.0) + 1.0 / (RRF_K + rank + 1)
    rows = catalog.chunk_rows(list(ranks))
    _fill_similarity(vectors, collections, query_vectors, rows, similarity)
    names = {c.id: c.name for c in collections}
    passages = []
    for chunk_id in sorted(ranks, key=lambda i: ranks[i], reverse=True):
        row = rows.get(chunk_id)
        if row is None:
            continue
        keyword = coverage(terms, row.text)
        sim = max(0.0, similarity.get(chunk_id, 0.0))
        score = max(sim, keyword)
        if score < options.floor:
            continue
        passages.append(_passage(row, names[row.collection_id], score, sim, keyword))
        if len(passages) >= options.top_k:
            break
    return passages


def keyword_terms(question: str) -> list[str]:
    """Words that carry meaning (stopwords out), and Chinese/Japanese/Korean runs cut into
    overlapping pairs of characters: the units keyword relevance is counted in."""
    terms: list[str] = []
    for word in _WORD.findall(question.casefold()):
        for part in _split_scripts(word):
            if _CJK.fullmatch(part):
                terms += [part[i : i + 2] for i in range(max(1, len(part) - 1))]
            elif part not in STOPWORDS:
                terms.append(part)
    return list(dict.fromkeys(terms))


def coverage(terms: list[str], text: str) -> float:
    """The share of `terms` found in `text` (case-insensitive)."""
    if not terms:
        return 0.0
    folded = text.casefold()
    return sum(1 for t in terms if t in folded) / len(terms)


def _split_scripts(word: str) -> list[str]:
    parts: list[str] = []
    pos = 0
    for match in _CJK.finditer(word):
        if match.start() > pos:
            parts.append(word[pos : match.start()])
        parts.append(match.group())
        pos = match.end()
    if pos < len(word):
        parts.append(word[pos:])
    return parts


def _keyword_hits(catalog: Catalog, ids: list[int], terms: list[str], limit: int) -> list[int]:
    """FTS5 trigram match on terms of three or more characters (CJK pairs are joined back into
    their runs' trigrams); LIKE for questions whose terms are all shorter."""
    long_terms = _rare_terms(catalog, _trigram_terms(terms))
    if long_terms:
        query = " OR ".join('"' + t.replace('"', '""') + '"' for t in long_terms)
        return catalog.match(ids, query, limit)
    hits: list[int] = []
    for term in terms[:8]:
        hits += [h for h in catalog.contains(ids, term, limit) if h not in hits]
    return hits[:limit]


def _trigram_terms(terms: list[str]) -> list[str]:
    out = [t for t in terms if len(t) >= 3]
    pairs = [t for t in terms if len(t) == 2 and _CJK.fullmatch(t)]
    out += [a + b[1] for a, b in itertools.pairwise(pairs) if a[1] == b[0]]
    return list(dict.fromkeys(out))


def _rare_terms(catalog: Catalog, terms: list[str]) -> list[str]:
    """The terms worth a keyword search: those in at most COMMON_SHARE of the chunks (at least
    the MIN_TERMS rarest). A common word ("use", "line" in a railway manual) adds little to
    the ranking but makes FTS5 score thousands of matches; a term is as rare as its rarest
    trigram, which the FTS5 vocabulary counts."""
    if len(terms) <= MIN_TERMS:
        return terms
    pieces = {t: [t[i : i + 3] for i in range(len(t) - 2)] for t in terms}
    counts, total = catalog.trigram_counts([g for grams in pieces.values() for g in grams])
    rarity = {t: min(counts[g] for g in grams) for t, grams in pieces.items()}
    rare = [t for t in terms if rarity[t] <= COMMON_SHARE * total]
    if len(rare) >= MIN_TERMS:
        return rare
    rarest = sorted(terms, key=lambda t: rarity[t])[:MIN_TERMS]
    return [t for t in terms if t in rarest]


def _fill_similarity(
    vectors: VectorStore,
    collections: Sequence[CollectionRow],
    query_vectors: dict[str, list[float]],
    rows: dict[int, ChunkRow],
    similarity: dict[int, float],
) -> None:
    """Keyword-only candidates have no similarity yet: compute it from their stored vectors."""
    by_collection = {c.id: c for c in collections}
    missing: dict[int, list[int]] = {}
    for chunk_id, row in rows.items():
        if chunk_id not in similarity:
            missing.setdefault(row.collection_id, []).append(chunk_id)
    for collection_id, chunk_ids in missing.items():
        query = query_vectors[by_collection[collection_id].embedder]
        similarity.update(vectors.similarities(collection_id, query, chunk_ids))


def _passage(row: ChunkRow, collection: str, score: float, sim: float, kw: float) -> Passage:
    return Passage(
        chunk_id=row.id,
        collection=collection,
        path=row.path,
        text=row.text,
        page=row.page,
        heading=row.heading,
        score=score,
        similarity=sim,
        keyword=kw,
        file_chunks=row.file_chunks,
    )
