"""Vectors in Chroma (the one module that imports chromadb).

One Chroma collection per Hearth collection, named `hearth-c<id>`, cosine space. Hearth
computes every embedding itself and hands Chroma the vectors, so Chroma's own embedding
function (which would download a model) is never built. Telemetry is off.
"""

from __future__ import annotations

import contextlib
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from app.core.errors import IndexUnavailable
from app.core.rag import texts


class VectorStore:
    """Chroma's PersistentClient at `folder`; owned by one process (see service.py's lock)."""

    def __init__(self, folder: Path) -> None:
        import chromadb
        from chromadb.config import Settings

        try:
            self._client = chromadb.PersistentClient(
                path=str(folder), settings=Settings(anonymized_telemetry=False)
            )
        except Exception as exc:
            raise IndexUnavailable(
                texts.VECTORS_UNOPENABLE(detail=str(exc), path=str(folder))
            ) from exc
        self._open: dict[int, Any] = {}
        self._counts: dict[int, int] = {}  # Chroma's count() costs ~10 ms at 50,000 vectors

    def _collection(self, collection_id: int) -> Any:
        if collection_id not in self._open:
            self._open[collection_id] = self._client.get_or_create_collection(
                f"hearth-c{collection_id}",
                embedding_function=None,
                configuration={"hnsw": {"space": "cosine"}},
            )
        return self._open[collection_id]

    def add(
        self,
        collection_id: int,
        chunk_ids: Sequence[int],
        vectors: Sequence[Sequence[float]],
        file_ids: Sequence[int],
    ) -> None:
        if not chunk_ids:
            return
        self._counts.pop(collection_id, None)
        self._collection(collection_id).upsert(
            ids=[str(i) for i in chunk_ids],
            embeddings=[list(v) for v in vectors],
            metadatas=[{"file_id": f} for f in file_ids],
        )

    def delete_files(self, collection_id: int, file_ids: Sequence[int]) -> None:
        if file_ids:
            self._counts.pop(collection_id, None)
            self._collection(collection_id).delete(where={"file_id": {"$in": list(file_ids)}})

    def keep_only(self, collection_id: int, file_id: int, chunk_ids: Sequence[int]) -> None:
        """Drop the file's vectors that are not for `chunk_ids` (added after the last commit
        of a run that died)."""
        collection = self._collection(collection_id)
        found = collection.get(where={"file_id": file_id}, include=[])["ids"]
        extra = sorted(set(found) - {str(i) for i in chunk_ids})
        if extra:
            self._counts.pop(collection_id, None)
            collection.delete(ids=extra)

    def nearest(
        self, collection_id: int, vector: Sequence[float], count: int
    ) -> list[tuple[int, float]]:
        """(chunk id, cosine similarity), nearest first."""
        collection = self._collection(collection_id)
        total = self.count(collection_id)
        if total == 0:
            return []
        found = collection.query(
            query_embeddings=[list(vector)], n_results=min(count, total), include=["distances"]
        )
        return [
            (int(i), 1.0 - float(d))
            for i, d in zip(found["ids"][0], found["distances"][0], strict=True)
        ]

    def similarities(
        self, collection_id: int, vector: Sequence[float], chunk_ids: Sequence[int]
    ) -> dict[int, float]:
        """Cosine similarity of stored chunks to `vector` (both are unit length)."""
        if not chunk_ids:
            return {}
        import numpy

        got = self._collection(collection_id).get(
            ids=[str(i) for i in chunk_ids], include=["embeddings"]
        )
        if not len(got["ids"]):
            return {}
        scores = numpy.asarray(got["embeddings"], dtype=numpy.float32) @ numpy.asarray(
            vector, dtype=numpy.float32
        )
        return {int(i): float(s) for i, s in zip(got["ids"], scores, strict=True)}

    def vectors(self, collection_id: int, chunk_ids: Sequence[int]) -> dict[int, list[float]]:
        if not chunk_ids:
            return {}
        got = self._collection(collection_id).get(
            ids=[str(i) for i in chunk_ids], include=["embeddings"]
        )
        return {
            int(i): list(map(float, v)) for i, v in zip(got["ids"], got["embeddings"], strict=True)
        }

    def ids(self, collection_id: int) -> set[int]:
        got = self._collection(collection_id).get(include=[])
        return {int(i) for i in got["ids"]}

    def count(self, collection_id: int) -> int:
        if collection_id not in self._counts:
            self._counts[collection_id] = int(self._collection(collection_id).count())
        return self._counts[collection_id]

    def drop(self, collection_id: int) -> None:
        self._open.pop(collection_id, None)
        self._counts.pop(collection_id, None)
        with contextlib.suppress(Exception):  # never created
            self._client.delete_collection(f"hearth-c{collection_id}")
