"""Damage vs trouble: only a database SQLite calls damaged is kept aside, whole, with a notice
that lasts until dismissed; what is readable is salvaged. Locks, full disks and newer schemas
leave the file as it is."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from app.core.chats.opening import start_lock
from app.core.chats.recovery import RecoveryNotice, keep_aside, notices_file, write_notices
from app.core.chats.salvage import salvage_all, salvage_one
from app.core.chats.store import ChatStore
from app.core.errors import ChatStoreError
from app.core.text import Msg
from tests.faults.disks import fill_disk, small_tmpfs

PAGE = 4096
ROOT = Path(__file__).resolve().parents[3]


def _fill(path: Path, chats: int, messages: int) -> dict[str, list[str]]:
    """A database with `chats` chats of `messages` messages; returns title -> texts."""
    written: dict[str, list[str]] = {}
    with ChatStore(path) as store:
        for n in range(chats):
            chat = store.create_chat(f"chat {n}")
            texts = [f"message {n}.{i} " + "lorem ipsum " * 20 for i in range(messages)]
            for i, text in enumerate(texts):
                store.add_message(chat.id, "user" if i % 2 == 0 else "assistant", text)
            written[chat.title] = texts
    return written


def _damage_a_page_of(path: Path, table: str, which: float = 0.5) -> int:
    page = _leaf_page(path, table, which)
    _scribble(path, page)
    return page


def _leaf_page(path: Path, table: str, which: float) -> int:
    conn = sqlite3.connect(path)
    pages = [
        r[0]
        for r in conn.execute(
            "SELECT pageno FROM dbstat WHERE name = ? AND pagetype = 'leaf' ORDER BY pageno",
            (table,),
        )
    ]
    conn.close()
    return pages[int(len(pages) * which)]


def _scribble(path: Path, page: int) -> None:
    """Overwrite one page with noise, without SQLite (which would checkpoint the -wal)."""
    with path.open("r+b") as handle:
        handle.seek((page - 1) * PAGE)
        handle.write(os.urandom(PAGE))


def _contents(store: ChatStore) -> dict[str, list[str]]:
    return {c.title: [m.content for m in store.messages(c.id)] for c in store.list_chats()}


def test_a_file_that_is_not_a_database_is_kept_whole_and_the_notice_lasts(tmp_path: Path) -> None:
    path = tmp_path / "chats.sqlite3"
    path.write_bytes(b"this is not sqlite" * 500)
    (tmp_path / "chats.sqlite3-wal").write_bytes(b"wal bytes")
    with ChatStore(path) as store:
        assert store.recovery is not None and "not a database" in str(store.recovery)
        store.create_chat("fresh")
    (kept,) = tmp_path.glob("chats.sqlite3.damaged-*")
    assert (kept / "chats.sqlite3").read_bytes().startswith(b"this is not sqlite")
    assert (kept / "chats.sqlite3-wal").read_bytes() == b"wal bytes"  # kept together
    for _ in range(3):  # every later start still says so, and the new chats are there
        with ChatStore(path) as store:
            assert store.recovery is not None and str(kept) in str(store.recovery)
            assert [c.title for c in store.list_chats()] == ["fresh"]
    with ChatStore(path) as store:
        store.dismiss_notices()
    with ChatStore(path) as store:
        assert store.recovery is None
    assert (kept / "chats.sqlite3").exists()  # dismissing never deletes the kept file


def test_damaged_pages_are_detected_and_the_readable_chats_salvaged(tmp_path: Path) -> None:
    path = tmp_path / "chats.sqlite3"
    written = _fill(path, chats=40, messages=6)
    _damage_a_page_of(path, "messages")
    with ChatStore(path) as store:
        assert store.list_chats() == [] and len(store.notices) == 1
        (notice,) = salvage_all(store)
        back = _contents(store)
        again = salvage_all(store)  # a notice is salvaged once only
        assert _contents(store) == back and again == [notice]
    assert notice.salvaged_chats == 40 and "salvaged" in str(notice.text())
    total = sum(len(t) for t in written.values())
    assert notice.salvaged_messages is not None and notice.salvaged_messages >= total * 0.8
    for title, texts in back.items():  # what came back is exactly what was written
        assert set(texts) <= set(written[title])
        assert texts == sorted(texts, key=written[title].index)


def test_a_lost_chat_row_brings_its_messages_back_on_their_own(tmp_path: Path) -> None:
    path = tmp_path / "chats.sqlite3"
    _fill(path, chats=400, messages=1)
    _damage_a_page_of(path, "chats", which=0.3)
    with ChatStore(path) as store:
        salvage_all(store)
        titles = [c.title for c in store.list_chats()]
    assert any(t.startswith("Recovered messages (chat ") for t in titles)
    assert len(titles) == 400  # every chat's message came back, named or recovered


WAL_WRITER = """
import sys, os
from pathlib import Path
from app.core.chats.store import ChatStore
store = ChatStore(Path(sys.argv[1]))
store._conn.execute("PRAGMA wal_autocheckpoint = 0")
chat = store.create_chat("only in the log")
store.add_message(chat.id, "user", "the newest words")
os._exit(0)  # no checkpoint: the chat lives only in the -wal file
"""


def test_the_kept_copy_holds_what_was_only_in_the_write_ahead_log(tmp_path: Path) -> None:
    path = tmp_path / "chats.sqlite3"
    _fill(path, chats=30, messages=4)
    page = _leaf_page(path, "messages", 0.2)
    subprocess.run([sys.executable, "-c", WAL_WRITER, str(path)], check=True, cwd=ROOT)
    assert Path(f"{path}-wal").stat().st_size > 0
    _scribble(path, page)
    with ChatStore(path) as store:
        salvage_all(store)
        back = _contents(store)
    assert back["only in the log"] == ["the newest words"]


def test_a_newer_schema_is_refused_and_left_byte_for_byte(tmp_path: Path) -> None:
    path = tmp_path / "chats.sqlite3"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE future (x)")
    conn.execute("PRAGMA user_version = 99")
    conn.close()
    before = path.read_bytes()
    with pytest.raises(ChatStoreError, match="newer version"):
        ChatStore(path)
    assert path.read_bytes() == before  # not even switched to WAL
    assert not Path(f"{path}-wal").exists() and not notices_file(path).exists()


def _hold_exclusive(path: Path, seconds: float, ready: threading.Event) -> None:
    conn = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
    conn.execute("PRAGMA locking_mode = EXCLUSIVE")
    conn.execute("BEGIN EXCLUSIVE")
    conn.execute("INSERT INTO chats (title, created_at, updated_at) VALUES ('lock', 0, 0)")
    ready.set()
    time.sleep(seconds)
    conn.execute("ROLLBACK")
    conn.close()


def test_a_lock_is_waited_for_then_reported_and_never_moves_the_file(tmp_path: Path) -> None:
    path = tmp_path / "chats.sqlite3"
    written = _fill(path, chats=3, messages=2)
    for hold, timeout, opens in ((1.0, 5.0, True), (3.0, 0.5, False)):
        ready = threading.Event()
        holder = threading.Thread(target=_hold_exclusive, args=(path, hold, ready))
        holder.start()
        assert ready.wait(10), "the lock holder did not start"
        try:
            if opens:
                with ChatStore(path, busy_timeout=timeout) as store:
                    assert _contents(store) == written
            else:
                with pytest.raises(ChatStoreError, match="locked"):
                    ChatStore(path, busy_timeout=timeout)
        finally:
            holder.join()
    with ChatStore(path) as store:
        assert _contents(store) == written and store.recovery is None
    assert not list(tmp_path.glob("*.damaged-*"))


def test_racing_first_starts_share_one_schema(tmp_path: Path) -> None:
    path = tmp_path / "new" / "chats.sqlite3"
    errors: list[BaseException] = []
    barrier = threading.Barrier(6)

    def start(n: int) -> None:
        barrier.wait()
        try:
            with ChatStore(path) as store:
                store.create_chat(f"racer {n}")
        except BaseException as exc:
            errors.append(exc)

    threads = [threading.Thread(target=start, args=(n,)) for n in range(6)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    with ChatStore(path) as store:
        assert sorted(c.title for c in store.list_chats()) == [f"racer {n}" for n in range(6)]
        assert store.recovery is None


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[Path]:
    with small_tmpfs(tmp_path / "disk", "2m") as mount:
        yield mount


def test_a_full_disk_still_lists_every_chat_and_heals_when_space_returns(
    small_disk: Path,
) -> None:
    path = small_disk / "chats.sqlite3"
    written = _fill(path, chats=5, messages=3)
    filler = fill_disk(small_disk)
    with ChatStore(path) as store:
        assert store.read_only and store.trouble is not None and "full" in str(store.trouble)
        assert _contents(store) == written  # `chats list` shows every chat it showed before
        chat = store.list_chats()[0]
        with pytest.raises(ChatStoreError, match="full"):
            store.add_message(chat.id, "user", "no room")
        filler.unlink()
        store.add_message(chat.id, "user", "room again")  # reopens for writing by itself
        assert not store.read_only
    assert not list(small_disk.glob("*.damaged-*")) and not notices_file(path).exists()


def test_damage_on_a_full_disk_moves_nothing_and_says_why(small_disk: Path) -> None:
    path = small_disk / "chats.sqlite3"
    path.write_bytes(b"not a database at all" * 100)
    fill_disk(small_disk)
    with pytest.raises(ChatStoreError, match="cannot be kept aside"):
        ChatStore(path)
    assert path.read_bytes().startswith(b"not a database")
    assert not list(small_disk.glob("*.damaged-*")) and not notices_file(path).exists()


def test_a_keep_aside_cut_short_by_a_crash_is_finished_before_sqlite_looks(
    tmp_path: Path,
) -> None:
    """The crash came after the main file moved and before its -wal did: the next start
    moves the -wal after it, so the kept copy still holds what lived only in the log."""
    path = tmp_path / "chats.sqlite3"
    _fill(path, chats=20, messages=3)
    page = _leaf_page(path, "messages", 0.2)
    subprocess.run([sys.executable, "-c", WAL_WRITER, str(path)], check=True, cwd=ROOT)
    _scribble(path, page)
    folder = tmp_path / "chats.sqlite3.damaged-crash"
    folder.mkdir()
    notice = RecoveryNotice(
        str(folder), Msg.plain("database disk image is malformed"), time.time(), pending=True
    )
    write_notices(path, [notice])
    os.replace(path, folder / path.name)  # ... and the process died here
    assert Path(f"{path}-wal").exists()
    with ChatStore(path) as store:
        assert (folder / "chats.sqlite3-wal").stat().st_size > 0  # moved after its file
        (done,) = salvage_all(store)
        assert not done.pending and _contents(store)["only in the log"] == ["the newest words"]


def test_a_store_whose_file_was_kept_aside_refuses_to_write_into_the_copy(
    tmp_path: Path,
) -> None:
    path = tmp_path / "chats.sqlite3"
    first = ChatStore(path)
    chat = first.create_chat("before")
    with start_lock(path):  # another Hearth found the file damaged and kept it aside
        notice = keep_aside(path, Msg.plain("database disk image is malformed"))
    with ChatStore(path) as second:
        second.create_chat("in the new database")
    with pytest.raises(ChatStoreError, match="replaced"):
        first.add_message(chat.id, "user", "would vanish into the kept copy")
    first.close()
    kept = sqlite3.connect(Path(notice.kept) / path.name)
    assert kept.execute("SELECT count(*) FROM messages").fetchone()[0] == 0
    kept.close()


def test_dismissing_keeps_a_notice_that_arrived_since(tmp_path: Path) -> None:
    path = tmp_path / "chats.sqlite3"
    path.write_bytes(b"garbage " * 100)
    with ChatStore(path) as store:
        shown = store.notices
        path2 = Path(shown[0].kept)
        write_notices(
            path, [*shown, RecoveryNotice(str(path2) + "-later", Msg.plain("later"), time.time())]
        )
        store.dismiss_notices(shown)
        assert [str(n.reason) for n in store.notices] == ["later"]


def test_a_salvage_run_twice_adds_nothing_twice(tmp_path: Path) -> None:
    path = tmp_path / "chats.sqlite3"
    _fill(path, chats=12, messages=2)
    _damage_a_page_of(path, "messages")
    with ChatStore(path) as store:
        (notice,) = store.notices
        salvage_one(store, notice)  # as if the first run stopped before marking the notice
        first = _contents(store)
        salvage_all(store)
        assert _contents(store) == first and len(store.list_chats()) == 12


def test_impossible_stored_times_read_as_the_epoch(tmp_path: Path) -> None:
    with ChatStore(tmp_path / "chats.sqlite3") as store:
        chat = store.create_chat("old import")
        store.add_message(chat.id, "user", "hello")
        with store._write() as conn:
            conn.execute("UPDATE chats SET created_at = 1e300, updated_at = -5")
            conn.execute("UPDATE messages SET created_at = 9e99")
        (read,) = store.list_chats()
        assert (read.created_at, read.updated_at) == (0.0, 0.0)
        assert store.messages(chat.id)[0].created_at == 0.0


def test_a_read_only_view_sees_what_another_hearth_wrote_after_space_freed(
    small_disk: Path,
) -> None:
    path = small_disk / "chats.sqlite3"
    _fill(path, chats=2, messages=1)
    filler = fill_disk(small_disk)
    with ChatStore(path) as reader:
        assert reader.read_only and len(reader.list_chats()) == 2
        filler.unlink()
        with ChatStore(path) as writer:
            writer.create_chat("written meanwhile")
        assert "written meanwhile" in [c.title for c in reader.list_chats()]
