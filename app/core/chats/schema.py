"""The chat database schema and its migrations (the version lives in `PRAGMA user_version`).

Version 2 keeps every version of a message: a message names its parent (the message it
follows), so an edit or a regenerated answer is a sibling of the one it replaces, and the chat
names the message it shows last (`current_id`; the path from there up to the first message is
the conversation shown). Version-1 chats become a single line: each message's parent is the one
before it, and the current message is the last. Version 3 keeps a reasoning model's thinking
(`reasoning`) apart from its answer; older messages have none.
"""

from __future__ import annotations

import sqlite3

SCHEMA_VERSION = 3

_V1 = """
CREATE TABLE chats (
    id INTEGER PRIMARY KEY,
    title TEXT NOT NULL,
    created_at REAL NOT NULL,
    updated_at REAL NOT NULL,
    model TEXT,
    system_prompt TEXT,
    prompt_id TEXT,
    settings_json TEXT NOT NULL DEFAULT '{}'
);
CREATE TABLE messages (
    id INTEGER PRIMARY KEY,
    chat_id INTEGER NOT NULL REFERENCES chats(id) ON DELETE CASCADE,
    role TEXT NOT NULL CHECK (role IN ('system', 'user', 'assistant')),
    content TEXT NOT NULL,
    status TEXT NOT NULL DEFAULT 'complete'
        CHECK (status IN ('complete', 'cancelled', 'failed')),
    model TEXT,
    params_json TEXT,
    timings_json TEXT,
    prompt_tokens INTEGER,
    completion_tokens INTEGER,
    sources_json TEXT,
    error TEXT,
    created_at REAL NOT NULL
);
CREATE INDEX messages_by_chat ON messages(chat_id, id);
CREATE INDEX chats_by_update ON chats(updated_at DESC);
CREATE VIRTUAL TABLE messages_fts USING fts5(
    content, content='messages', content_rowid='id', tokenize='trigram'
);
CREATE TRIGGER messages_ai AFTER INSERT ON messages BEGIN
    INSERT INTO messages_fts(rowid, content) VALUES (new.id, new.content);
END;
CREATE TRIGGER messages_ad AFTER DELETE ON messages BEGIN
    INSERT INTO messages_fts(messages_fts, rowid, content) VALUES ('delete', old.id, old.content);
END;
CREATE TRIGGER messages_au AFTER UPDATE OF content ON messages BEGIN
    INSERT INTO messages_fts(messages_fts, rowid, content) VALUES ('delete', old.id, old.content);
    INSERT INTO messages_fts(rowid, content) VALUES (new.id, new.content);
END;
"""

_V2 = """
ALTER TABLE messages ADD COLUMN parent_id INTEGER REFERENCES messages(id) ON DELETE CASCADE;
UPDATE messages SET parent_id = (
    SELECT MAX(p.id) FROM messages p WHERE p.chat_id = messages.chat_id AND p.id < messages.id
);
CREATE INDEX messages_by_parent ON messages(parent_id);
ALTER TABLE chats ADD COLUMN current_id INTEGER;
UPDATE chats SET current_id = (SELECT MAX(m.id) FROM messages m WHERE m.chat_id = chats.id);
"""

# Version 3: a reasoning model's thinking is kept apart from its answer (None: no thinking).
_V3 = """
ALTER TABLE messages ADD COLUMN reasoning TEXT;
"""

# MIGRATIONS[n] takes a version-n database to version n + 1 (0 is an empty file).
MIGRATIONS: dict[int, str] = {0: _V1, 1: _V2, 2: _V3}


def migrate(conn: sqlite3.Connection) -> int:
    """Apply the migrations the database lacks, each in its own transaction; return the version
    found before. Raises `ValueError` for a database newer than this code."""
    found = int(conn.execute("PRAGMA user_version").fetchone()[0])
    if found > SCHEMA_VERSION:
        raise ValueError(f"database schema version {found} is newer than {SCHEMA_VERSION}")
    for version in range(found, SCHEMA_VERSION):
        conn.execute("BEGIN IMMEDIATE")
        try:
            for statement in _statements(MIGRATIONS[version]):
                conn.execute(statement)
            conn.execute(f"PRAGMA user_version = {version + 1}")
            conn.execute("COMMIT")
        except BaseException:
            # A signal can land just after COMMIT: then there is nothing left to undo, and a
            # ROLLBACK would raise in place of the signal's own exit.
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise
    return found


def _statements(script: str) -> list[str]:
    """Split a script into statements (triggers contain semicolons, so split with sqlite)."""
    statements, current = [], ""
    for line in script.splitlines(keepends=True):
        current += line
        if sqlite3.complete_statement(current):
            statements.append(current.strip())
            current = ""
    return [s for s in statements if s]
