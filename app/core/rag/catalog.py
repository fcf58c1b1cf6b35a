"""The documents catalog in SQLite: collections, their folders, every file seen (size, mtime,
content hash, state, the reason it was skipped), every chunk's text and place, and an FTS5
trigram index over the chunks for keyword search (Chinese included).

A skip reason is stored as `Msg.to_json()` (its phrase id and arguments), so it is shown in
the language the user reads now, not the one in use when it was recorded. The schema's
version is SQLite's `user_version`; step 1 turned the English reasons older versions stored
into messages (those it does not recognise stay as they are, and are shown as they are);
step 2 added each file's count of letters and of Chinese, Japanese or Korean ones (counted
from the chunks already stored), from which a collection's language hint is made.

Chroma holds the vectors; this file is the manifest that says which vectors should exist.
A file is `writing` while its chunks go in: if the process dies there, the next run finds it,
drops whatever reached Chroma for it, and indexes it again.
"""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from app.core.errors import CollectionNotFound, DocumentsError, IndexUnavailable
from app.core.rag import texts
from app.core.rag.languages import script_counts
from app.core.rag.types import Chunk
from app.core.text import Msg

SCHEMA_VERSION = 2

SCHEMA = """
CREATE TABLE IF NOT EXISTS collections (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE,
    embedder TEXT NOT NULL,
    created_at REAL NOT NULL,
    indexed_at REAL
);
CREATE TABLE IF NOT EXISTS sources (
    id INTEGER PRIMARY KEY,
    collection_id INTEGER NOT NULL REFERENCES collections(id) ON DELETE CASCADE,
    path TEXT NOT NULL,
    UNIQUE (collection_id, path)
);
CREATE TABLE IF NOT EXISTS files (
    id INTEGER PRIMARY KEY,
    collection_id INTEGER NOT NULL REFERENCES collections(id) ON DELETE CASCADE,
    path TEXT NOT NULL,
    size INTEGER NOT NULL,
    mtime_ns INTEGER NOT NULL,
    hash TEXT,
    state TEXT NOT NULL CHECK (state IN ('indexed', 'skipped', 'writing')),
    reason TEXT,
    chunks INTEGER NOT NULL DEFAULT 0,
    indexed_at REAL,
    letters INTEGER NOT NULL DEFAULT 0,
    cjk INTEGER NOT NULL DEFAULT 0,
    UNIQUE (collection_id, path)
);
CREATE TABLE IF NOT EXISTS chunks (
    id INTEGER PRIMARY KEY,
    collection_id INTEGER NOT NULL,
    file_id INTEGER NOT NULL REFERENCES files(id) ON DELETE CASCADE,
    ordinal INTEGER NOT NULL,
    page INTEGER,
    heading TEXT NOT NULL DEFAULT '',
    text TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS chunks_by_file ON chunks(file_id);
CREATE VIRTUAL TABLE IF NOT EXISTS chunks_fts USING fts5(
    text, content='chunks', content_rowid='id', tokenize='trigram'
);
CREATE TRIGGER IF NOT EXISTS chunks_ai AFTER INSERT ON chunks BEGIN
    INSERT INTO chunks_fts(rowid, text) VALUES (new.id, new.text);
END;
CREATE TRIGGER IF NOT EXISTS chunks_ad AFTER DELETE ON chunks BEGIN
    INSERT INTO chunks_fts(chunks_fts, rowid, text) VALUES ('delete', old.id, old.text);
END;
"""


@dataclass(frozen=True)
class CollectionRow:
    id: int
    name: str
    embedder: str
    created_at: float
    indexed_at: float | None


@dataclass(frozen=True)
class FileRow:
    id: int
    path: str
    size: int
    mtime_ns: int
    hash: str | None
    state: str
    reason: str | None  # as stored: a Msg's JSON (see `Catalog.problems`)
    chunks: int


@dataclass(frozen=True)
class ChunkRow:
    id: int
    collection_id: int
    path: str
    page: int | None
    heading: str
    text: str
    file_chunks: int = 0


class Catalog:
    """One connection, used by one thread (the index host's)."""

    def __init__(self, path: Path) -> None:
        self._depth = 0
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            self._db = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
            self._db.execute("PRAGMA journal_mode=WAL")
            self._db.execute("PRAGMA synchronous=FULL")
            self._db.execute("PRAGMA foreign_keys=ON")
            self._db.executescript(SCHEMA)
            self._upgrade()
            self._db.execute(
                "CREATE VIRTUAL TABLE IF NOT EXISTS temp.chunks_vocab "
                "USING fts5vocab(main, chunks_fts, 'row')"
            )
        except sqlite3.DatabaseError as exc:
            raise IndexUnavailable(texts.INDEX_UNOPENABLE(detail=str(exc), path=str(path))) from exc
        # How many chunks hold each trigram, and in all: valid while `_vocab_key` holds.
        self._vocab: dict[str, int] = {}
        self._vocab_total = 0
        self._vocab_key: tuple[int, int] = (-1, -1)

    def close(self) -> None:
        self._db.close()

    def _upgrade(self) -> None:
        """Bring an older catalog up to `SCHEMA_VERSION`, one step at a time."""
        version = int(self._db.execute("PRAGMA user_version").fetchone()[0])
        if version >= SCHEMA_VERSION:
            return
        with self.transaction():
            if version < 1:
                self._reasons_to_messages()
            if version < 2:
                self._count_scripts()
            self._db.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")

    def _reasons_to_messages(self) -> None:
        """Step 1: the English skip reasons become messages with ids."""
        rows = self._db.execute(
            "SELECT id, reason FROM files WHERE reason IS NOT NULL AND reason NOT LIKE '{%'"
        ).fetchall()
        for file_id, reason in rows:
            found = texts.old_reason(reason)
            if found is not None:
                self._db.execute(
                    "UPDATE files SET reason = ? WHERE id = ?", (found.to_json(), file_id)
                )

    def _count_scripts(self) -> None:
        """Step 2: every file's letters, and how many are Chinese, Japanese or Korean, counted
        from its stored chunks (a catalog made by this version has the columns already)."""
        columns = {row[1] for row in self._db.execute("PRAGMA table_info(files)")}
        if "letters" not in columns:
            self._db.execute("ALTER TABLE files ADD COLUMN letters INTEGER NOT NULL DEFAULT 0")
            self._db.execute("ALTER TABLE files ADD COLUMN cjk INTEGER NOT NULL DEFAULT 0")
        totals: dict[int, list[int]] = {}
        for file_id, text in self._db.execute("SELECT file_id, text FROM chunks"):
            letters, cjk = script_counts(text)
            total = totals.setdefault(file_id, [0, 0])
            total[0] += letters
            total[1] += cjk
        self._db.executemany(
            "UPDATE files SET letters = ?, cjk = ? WHERE id = ?",
            [(letters, cjk, file_id) for file_id, (letters, cjk) in totals.items()],
        )

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """All or nothing; nested uses join the outer transaction."""
        if self._depth:
            self._depth += 1
            try:
                yield
            finally:
                self._depth -= 1
            return
        self._db.execute("BEGIN IMMEDIATE")
        self._depth = 1
        try:
            yield
            self._db.execute("COMMIT")
        except BaseException:
            if self._db.in_transaction:  # not after a COMMIT that a signal followed at once
                self._db.execute("ROLLBACK")
            raise
        finally:
            self._depth = 0

    # Collections and their folders

    def create(self, name: str, embedder: str) -> CollectionRow:
        try:
            with self.transaction():
                self._db.execute(
                    "INSERT INTO collections(name, embedder, created_at) VALUES (?, ?, ?)",
                    (name, embedder, time.time()),
                )
        except sqlite3.IntegrityError:
            raise DocumentsError(texts.NAME_TAKEN(name=name)) from None
        return self.collection(name)

    def collections(self) -> list[CollectionRow]:
        rows = self._db.execute("SELECT * FROM collections ORDER BY name COLLATE NOCASE")
        return [CollectionRow(*row) for row in rows]

    def collection(self, name: str) -> CollectionRow:
        row = self._db.execute("SELECT * FROM collections WHERE name = ?", (name,)).fetchone()
        if row is None:
            raise CollectionNotFound(texts.NO_COLLECTION(name=name))
        return CollectionRow(*row)

    def rename(self, name: str, new_name: str) -> None:
        collection = self.collection(name)
        try:
            with self.transaction():
                self._db.execute(
                    "UPDATE collections SET name = ? WHERE id = ?", (new_name, collection.id)
                )
        except sqlite3.IntegrityError:
            raise DocumentsError(texts.NAME_TAKEN(name=new_name)) from None

    def set_embedder(self, collection_id: int, embedder: str) -> None:
        with self.transaction():
            self._db.execute(
                "UPDATE collections SET embedder = ?, indexed_at = NULL WHERE id = ?",
                (embedder, collection_id),
            )
            self._db.execute("DELETE FROM files WHERE collection_id = ?", (collection_id,))

    def remove(self, collection_id: int) -> None:
        with self.transaction():
            self._db.execute("DELETE FROM collections WHERE id = ?", (collection_id,))

    def mark_indexed(self, collection_id: int) -> None:
        with self.transaction():
            self._db.execute(
                "UPDATE collections SET indexed_at = ? WHERE id = ?", (time.time(), collection_id)
            )

    def sources(self, collection_id: int) -> list[str]:
        rows = self._db.execute(
            "SELECT path FROM sources WHERE collection_id = ? ORDER BY path", (collection_id,)
        )
        return [row[0] for row in rows]

    def add_source(self, collection_id: int, path: str) -> None:
        with self.transaction():
            self._db.execute(
                "INSERT OR IGNORE INTO sources(collection_id, path) VALUES (?, ?)",
                (collection_id, path),
            )

    def remove_source(self, collection_id: int, path: str) -> bool:
        with self.transaction():
            cursor = self._db.execute(
                "DELETE FROM sources WHERE collection_id = ? AND path = ?", (collection_id, path)
            )
        return cursor.rowcount > 0

    # Files

    def files(self, collection_id: int) -> dict[str, FileRow]:
        rows = self._db.execute(
            "SELECT id, path, size, mtime_ns, hash, state, reason, chunks FROM files "
            "WHERE collection_id = ?",
            (collection_id,),
        )
        return {row[1]: FileRow(*row) for row in rows}

    def file(self, collection_id: int, path: str) -> FileRow | None:
        row = self._db.execute(
            "SELECT id, path, size, mtime_ns, hash, state, reason, chunks FROM files "
            "WHERE collection_id = ? AND path = ?",
            (collection_id, path),
        ).fetchone()
        return FileRow(*row) if row is not None else None

    def touch(self, file_id: int, size: int, mtime_ns: int) -> None:
        """An unchanged file's new mtime (its content hash matched)."""
        with self.transaction():
            self._db.execute(
                "UPDATE files SET size = ?, mtime_ns = ? WHERE id = ?", (size, mtime_ns, file_id)
            )

    def start_writing(
        self, collection_id: int, path: str, size: int, mtime_ns: int, digest: str | None = None
    ) -> int:
        """Mark a file as being (re)written from `digest`'s content and drop its old chunks;
        returns its id."""
        with self.transaction():
            self._db.execute(
                "INSERT INTO files(collection_id, path, size, mtime_ns, hash, state) "
                "VALUES (?, ?, ?, ?, ?, 'writing') ON CONFLICT(collection_id, path) DO UPDATE "
                "SET size = excluded.size, mtime_ns = excluded.mtime_ns, hash = excluded.hash, "
                "state = 'writing', reason = NULL, chunks = 0, letters = 0, cjk = 0",
                (collection_id, path, size, mtime_ns, digest),
            )
            file_id: int = self._db.execute(
                "SELECT id FROM files WHERE collection_id = ? AND path = ?", (collection_id, path)
            ).fetchone()[0]
            self._db.execute("DELETE FROM chunks WHERE file_id = ?", (file_id,))
        return file_id

    def add_chunks(self, collection_id: int, file_id: int, chunks: Sequence[Chunk]) -> list[int]:
        """Insert a file's chunks (inside the caller's transaction), counting their letters;
        returns their ids."""
        ids = []
        letters = cjk = 0
        for chunk in chunks:
            counted = script_counts(chunk.text)
            letters, cjk = letters + counted[0], cjk + counted[1]
            cursor = self._db.execute(
                "INSERT INTO chunks(collection_id, file_id, ordinal, page, heading, text) "
                "VALUES (?, ?, ?, ?, ?, ?)",
                (collection_id, file_id, chunk.ordinal, chunk.page, chunk.heading, chunk.text),
            )
            ids.append(int(cursor.lastrowid or 0))
        self._db.execute(
            "UPDATE files SET letters = letters + ?, cjk = cjk + ? WHERE id = ?",
            (letters, cjk, file_id),
        )
        return ids

    def finish(self, file_id: int, digest: str, chunks: int) -> None:
        self._db.execute(
            "UPDATE files SET state = 'indexed', hash = ?, chunks = ?, indexed_at = ? WHERE id = ?",
            (digest, chunks, time.time(), file_id),
        )

    def skip(self, file_id: int, digest: str | None, reason: Msg) -> None:
        """The file cannot be indexed; `reason` is kept as its id and arguments."""
        with self.transaction():
            self._db.execute(
                "UPDATE files SET state = 'skipped', hash = ?, reason = ?, chunks = 0, "
                "indexed_at = ? WHERE id = ?",
                (digest, reason.to_json(), time.time(), file_id),
            )

    def forget(self, file_ids: Sequence[int]) -> None:
        """Files gone from disk (or from the collection): their rows and chunks go."""
        with self.transaction():
            self._db.executemany("DELETE FROM files WHERE id = ?", [(i,) for i in file_ids])

    def chunk_ids(self, file_id: int) -> list[int]:
        return [
            row[0]
            for row in self._db.execute("SELECT id FROM chunks WHERE file_id = ?", (file_id,))
        ]

    def chunk_texts(self, file_id: int) -> dict[int, str]:
        """A file's stored chunks, by ordinal."""
        rows = self._db.execute("SELECT ordinal, text FROM chunks WHERE file_id = ?", (file_id,))
        return {row[0]: row[1] for row in rows}

    def unfinished(self, collection_id: int) -> list[int]:
        rows = self._db.execute(
            "SELECT id FROM files WHERE collection_id = ? AND state = 'writing'", (collection_id,)
        )
        return [row[0] for row in rows]

    # Chunks and keyword search

    def chunk_rows(self, ids: Sequence[int]) -> dict[int, ChunkRow]:
        marks = ",".join("?" * len(ids))
        rows = self._db.execute(
            "SELECT c.id, c.collection_id, f.path, c.page, c.heading, c.text, f.chunks "
            "FROM chunks c "
            f"JOIN files f ON f.id = c.file_id WHERE c.id IN ({marks})",
            list(ids),
        )
        return {row[0]: ChunkRow(*row) for row in rows}

    def match(self, collection_ids: Sequence[int], fts_query: str, limit: int) -> list[int]:
        """Chunk ids for an FTS5 query, best first (bm25)."""
        marks = ",".join("?" * len(collection_ids))
        rows = self._db.execute(
            "SELECT c.id FROM chunks_fts JOIN chunks c ON c.id = chunks_fts.rowid "
            f"WHERE chunks_fts MATCH ? AND c.collection_id IN ({marks}) "
            "ORDER BY bm25(chunks_fts) LIMIT ?",
            [fts_query, *collection_ids, limit],
        )
        return [row[0] for row in rows]

    def trigram_counts(self, trigrams: Sequence[str]) -> tuple[dict[str, int], int]:
        """How many chunks (of every collection) hold each trigram, and how many chunks there
        are: what tells a rare search term from a common one. Counting a common trigram reads
        its whole list, so the counts are kept until the index changes."""
        key = (self._db.total_changes, self._db.execute("PRAGMA data_version").fetchone()[0])
        if key != self._vocab_key:
            self._vocab.clear()
            self._vocab_total = self._db.execute("SELECT COUNT(*) FROM chunks").fetchone()[0]
            self._vocab_key = key
        wanted = [t for t in dict.fromkeys(trigrams) if t not in self._vocab]
        if wanted:
            marks = ",".join("?" * len(wanted))
            found = dict(
                self._db.execute(
                    f"SELECT term, doc FROM temp.chunks_vocab WHERE term IN ({marks})", wanted
                ).fetchall()
            )
            self._vocab.update({t: int(found.get(t, 0)) for t in wanted})
        return {t: self._vocab[t] for t in trigrams}, self._vocab_total

    def contains(self, collection_ids: Sequence[int], needle: str, limit: int) -> list[int]:
        """Chunk ids whose text contains `needle` (for words too short for trigrams)."""
        marks = ",".join("?" * len(collection_ids))
        escaped = needle.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
        rows = self._db.execute(
            f"SELECT id FROM chunks WHERE collection_id IN ({marks}) "
            "AND text LIKE ? ESCAPE '\\' LIMIT ?",
            [*collection_ids, f"%{escaped}%", limit],
        )
        return [row[0] for row in rows]

    def counts(self, collection_id: int) -> tuple[int, int]:
        """(files indexed, chunks stored), counting the chunks already stored for files a
        run is still writing (they are searchable)."""
        row = self._db.execute(
            "SELECT COUNT(*), COALESCE(SUM(chunks), 0) FROM files "
            "WHERE collection_id = ? AND state = 'indexed'",
            (collection_id,),
        ).fetchone()
        writing = self._db.execute(
            "SELECT COUNT(*) FROM chunks c JOIN files f ON f.id = c.file_id "
            "WHERE f.collection_id = ? AND f.state = 'writing'",
            (collection_id,),
        ).fetchone()
        return int(row[0]), int(row[1]) + int(writing[0])

    def scripts(self, collection_id: int) -> tuple[int, int]:
        """(letters, of which Chinese, Japanese or Korean) in the collection's stored text."""
        row = self._db.execute(
            "SELECT COALESCE(SUM(letters), 0), COALESCE(SUM(cjk), 0) FROM files "
            "WHERE collection_id = ? AND state IN ('indexed', 'writing')",
            (collection_id,),
        ).fetchone()
        return int(row[0]), int(row[1])

    def problems(self, collection_id: int) -> list[tuple[str, Msg]]:
        """The skipped files and why, as messages (an old reason not recognised comes back as
        its text)."""
        rows = self._db.execute(
            "SELECT path, reason FROM files WHERE collection_id = ? AND state = 'skipped' "
            "ORDER BY path",
            (collection_id,),
        )
        return [(row[0], _reason(row[1])) for row in rows]


def _reason(stored: str | None) -> Msg:
    """A stored skip reason: ids with arguments, or English that an older Hearth wrote after
    the migration (a downgrade and back), matched again on reading, else shown as it is."""
    if stored and not stored.startswith("{"):
        found = texts.old_reason(stored)
        if found is not None:
            return found
    return Msg.from_json(stored)
