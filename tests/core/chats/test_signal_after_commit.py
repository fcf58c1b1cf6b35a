"""A stop signal that lands just after a COMMIT ends the command with the signal's own exit:
nothing is rolled back twice, and what was committed stays committed."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

import pytest

from app.core.chats import schema
from app.core.rag.catalog import Catalog


class _SignalAfterCommit(sqlite3.Connection):
    """A connection where a SIGTERM handler's SystemExit arrives right after COMMIT returns."""

    armed = True

    def execute(self, sql: str, *args: Any) -> sqlite3.Cursor:  # type: ignore[override]
        cursor = super().execute(sql, *args)
        if sql == "COMMIT" and self.armed:
            self.armed = False
            raise SystemExit(143)
        return cursor


def test_a_signal_after_a_migration_commits_exits_with_the_signal(tmp_path: Path) -> None:
    conn = sqlite3.connect(tmp_path / "chats.db", isolation_level=None, factory=_SignalAfterCommit)
    with pytest.raises(SystemExit) as stopped:
        schema.migrate(conn)
    assert stopped.value.code == 143
    assert conn.execute("PRAGMA user_version").fetchone()[0] == 1  # the first step is kept
    conn.close()


def test_a_signal_after_a_catalog_commit_exits_with_the_signal(tmp_path: Path) -> None:
    catalog = Catalog(tmp_path / "catalog.db")
    real = catalog._db
    catalog._db = sqlite3.connect(
        tmp_path / "catalog.db", isolation_level=None, factory=_SignalAfterCommit
    )
    real.close()
    with pytest.raises(SystemExit):
        catalog.create("notes", "minilm")
    catalog._db.close()
    again = Catalog(tmp_path / "catalog.db")
    assert [c.name for c in again.collections()] == ["notes"]
    again.close()
