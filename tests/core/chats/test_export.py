"""Export to Markdown, HTML, JSON and JSONL; import Hearth JSON (no loss) and ChatGPT's file."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest

from app.core.chats.export import (
    ChatExport,
    message_json,
    to_html,
    to_json,
    to_jsonl,
    to_markdown,
    write_export,
)
from app.core.chats.importing import read_chats
from app.core.chats.store import ChatStore
from app.core.chats.transfer import export_chats, gather, read_import_file, store_imports
from app.core.errors import ChatImportError, HearthError
from app.core.text import Msg

HOSTILE = 'Try <script>alert("x")</script> <img src=x onerror=alert(1)> [l](javascript:alert(1))'
REPLY = (
    "Here is code:\n\n```python\nprint('你好，世界')\n```\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n"
    "![diagram](http://example.com/d.png)"
)
SOURCES = [{"file": "notes.pdf", "page": 3, "snippet": "the keeper lit the lamp", "score": 0.82}]


@pytest.fixture
def store(tmp_path: Path) -> ChatStore:
    with ChatStore(tmp_path / "chats.sqlite3") as s:
        chat = s.create_chat(
            "代码 & code",
            model="smol",
            system_prompt="Be brief.",
            prompt_id="concise",
            settings={"sampling": {"temperature": 0.2}, "few_shot": None},
        )
        s.add_message(chat.id, "user", "用 Python 打招呼")
        s.add_message(
            chat.id,
            "assistant",
            REPLY,
            model="smol",
            params={"temperature": 0.2, "seed": 7},
            timings={"tokens_per_s": 51.5, "first_token_s": 0.04},
            prompt_tokens=31,
            completion_tokens=40,
            sources=SOURCES,
        )
        s.add_message(chat.id, "user", HOSTILE)
        s.add_message(chat.id, "assistant", "I was cut", "cancelled", model="smol")
        s.add_message(chat.id, "user", "one more?")
        other = s.create_chat("Second")
        s.add_message(other.id, "user", "hi")
        s.add_message(other.id, "assistant", "hello", error=None)
        yield s


def snapshot(chats: list[ChatExport]) -> list[dict]:
    """Everything an export carries, without the database ids."""
    return [json.loads(to_json([c]))["chats"][0] for c in chats]


def test_json_round_trip_loses_nothing(store: ChatStore, tmp_path: Path) -> None:
    exported = gather(store, None)[0]
    text = to_json(exported)
    document = json.loads(text)
    assert document["format"] == "hearth.chats" and document["version"] == 1
    result = read_chats(text)
    assert result.source == "Hearth" and not result.skipped
    with ChatStore(tmp_path / "other.sqlite3") as fresh:
        for chat in result.chats:
            fresh.import_chat(chat.chat, chat.messages)
        again = gather(fresh, None)[0]
    assert snapshot(again) == snapshot(exported)
    reply = again[0].messages[1]
    assert reply.sources == SOURCES and reply.timings == {
        "tokens_per_s": 51.5,
        "first_token_s": 0.04,
    }
    assert again[0].messages[3].status == "cancelled"
    assert again[0].chat.created_at == exported[0].chat.created_at


def test_html_is_self_contained_and_escapes_what_was_written(store: ChatStore) -> None:
    page = to_html(gather(store, None)[0])
    body = page.split("<body>")[1]
    assert "<script" not in body and "&lt;script&gt;alert" in body  # shown as text, not run
    assert "<img" not in body and "[image: diagram]" in body  # nothing loads from the web
    assert 'href="javascript:' not in body  # a javascript: link stays plain text
    assert "http" not in page.split("<body>")[0]  # no remote style sheets or fonts
    assert "你好" in page and "<table>" in page and "Stopped before the end." in page
    assert "notes.pdf, page 3" in page and "color:" in page  # sources; highlighted code
    assert page.count("<article>") == 2
    printed = to_html(gather(store, None)[0], printed=True)  # what Qt draws into the PDF
    body = printed.split("<body>")[1]
    assert "<script" not in body and "<img" not in body and "&lt;script&gt;alert" in body
    assert "background-color: #f3f4f6" in body and 'class="message' not in body


def test_markdown_keeps_code_sources_and_the_cancelled_mark(store: ChatStore) -> None:
    text = to_markdown(gather(store, None)[0][0])
    assert text.startswith("# 代码 & code")
    assert "```python\nprint('你好，世界')\n```" in text
    assert "> **System prompt:** Be brief." in text
    assert "- notes.pdf, page 3 — “the keeper lit the lamp”" in text
    assert "*Stopped before the end.*" in text and "## Assistant · smol" in text


def test_markdown_shows_html_in_a_message_as_text(store: ChatStore) -> None:
    """Rendered by a CommonMark renderer that allows raw HTML (as many Markdown apps do), the
    message still reads as written; the HTML in the code block is untouched."""
    from markdown_it import MarkdownIt

    text = to_markdown(gather(store, None)[0][0])
    assert '\\<script>alert("x")\\</script>' in text  # readable in the source too
    page = MarkdownIt("commonmark", {"html": True}).render(text)
    assert "<script" not in page and "<img src=x" not in page  # (the reply has a real image)
    assert "&lt;script&gt;alert" in page and "&lt;img src=x onerror" in page


def test_jsonl_holds_complete_turns_for_fine_tuning(store: ChatStore) -> None:
    lines = [json.loads(line) for line in to_jsonl(gather(store, None)[0]).splitlines()]
    assert len(lines) == 2
    roles = [m["role"] for m in lines[0]["messages"]]
    assert roles == ["system", "user", "assistant"]  # the unanswered last question is dropped
    assert lines[0]["messages"][0] == {"role": "system", "content": "Be brief."}
    assert all(set(m) == {"role", "content"} for m in lines[0]["messages"])
    assert "I was cut" not in json.dumps(lines)  # a cancelled reply is not a training example
    assert lines[1] == {
        "messages": [{"role": "user", "content": "hi"}, {"role": "assistant", "content": "hello"}]
    }


def test_export_names_a_missing_chat_and_writes_atomically(
    store: ChatStore, tmp_path: Path
) -> None:
    chats, problems = gather(store, [1, 999, 2])
    assert [c.chat.id for c in chats] == [1, 2]
    assert [str(p) for p in problems] == ["Chat 999 no longer exists and was left out."]
    outcome = export_chats(chats, "md", tmp_path / "two.md", problems)
    assert outcome.exported == 2 and outcome.problems == problems
    out = write_export(chats[:1], "md", tmp_path / "one.md")
    assert out.read_text(encoding="utf-8").startswith("# 代码")
    assert out.stat().st_mode & 0o777 == 0o644
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]
    with pytest.raises(HearthError, match="no chats to export"):
        export_chats([], "md", tmp_path / "none.md", [Msg.plain("Chat 5 could not be read")])
    with pytest.raises(HearthError, match="could not be written"):
        export_chats(chats, "md", out / "x.md")  # under a file, not a folder
    assert not (tmp_path / "none.md").exists()


def test_import_adds_each_chat_and_names_the_ones_that_fail(
    store: ChatStore, tmp_path: Path
) -> None:
    """Through the file, as the CLI and the window do: a chat the store refuses (here a role
    the schema does not allow) is named; the others go in."""
    chats, _ = gather(store, None)
    (tmp_path / "in.json").write_text(to_json(chats), encoding="utf-8")
    with ChatStore(tmp_path / "other.sqlite3") as fresh:
        broken = read_import_file(tmp_path / "in.json")
        broken.chats[1].messages[0] = replace(broken.chats[1].messages[0], role="robot")
        outcome = store_imports(fresh, broken)
        assert [c.title for c in outcome.added] == ["代码 & code"]
        assert len(outcome.skipped) == 1 and str(outcome.skipped[0]).startswith(
            "“Second” could not"
        )
        assert [c.title for c in fresh.list_chats()] == ["代码 & code"]  # nothing half-added
    (tmp_path / "bin.json").write_bytes(b"\xff\xfe\x00garbage")
    with pytest.raises(HearthError, match="not a text file"):
        read_import_file(tmp_path / "bin.json")
    with pytest.raises(HearthError, match="could not be read"):
        read_import_file(tmp_path / "missing.json")


def chatgpt_conversation() -> dict:
    def node(
        nid: str,
        parent: str | None,
        children: list[str],
        role: str | None,
        text: str,
        **meta: object,
    ) -> dict:
        message = None
        if role is not None:
            message = {
                "author": {"role": role},
                "content": {"content_type": "text", "parts": [text]},
                "create_time": 1_700_000_000 + len(nid),
                "metadata": meta,
            }
        return {"id": nid, "parent": parent, "children": children, "message": message}

    mapping = {
        "root": node("root", None, ["sys"], None, ""),
        "sys": node("sys", "root", ["q"], "system", "", is_visually_hidden_from_conversation=True),
        "q": node("q", "sys", ["a1", "a2"], "user", "What is a lighthouse?"),
        "a1": node("a1", "q", [], "assistant", "First try", model_slug="gpt-4o"),
        "a2": node("a2", "q", ["t"], "assistant", "A tower with a light.", model_slug="gpt-4o"),
        "t": node("t", "a2", [], "tool", "search results"),
    }
    return {
        "title": "Lighthouses",
        "create_time": 1_700_000_000.0,
        "update_time": 1_700_000_100.0,
        "mapping": mapping,
        "current_node": "t",
        "default_model_slug": "gpt-4o",
    }


def test_chatgpt_export_imports_the_branch_the_user_last_saw(tmp_path: Path) -> None:
    broken = {
        "title": "Broken",
        "mapping": {"x": {"message": {"author": "oops"}}},
        "current_node": "x",
    }
    result = read_chats(json.dumps([chatgpt_conversation(), broken]))
    assert result.source == "ChatGPT"
    (chat,) = result.chats
    assert chat.chat.title == "Lighthouses" and chat.chat.created_at == 1_700_000_000.0
    assert [(m.role, m.content) for m in chat.messages] == [
        ("user", "What is a lighthouse?"),
        ("assistant", "A tower with a light."),
    ]
    assert chat.messages[1].model == "gpt-4o"
    assert len(result.skipped) == 1 and "Broken" in str(result.skipped[0])
    with ChatStore(tmp_path / "c.sqlite3") as fresh:
        stored = fresh.import_chat(chat.chat, chat.messages)
        assert [message_json(m)["content"] for m in fresh.messages(stored.id)][
            1
        ] == "A tower with a light."


@pytest.mark.parametrize(
    ("text", "match"),
    [
        ("not json at all", "not JSON"),
        ('{"hello": 1}', "not a chat export Hearth can read"),
        ('{"format": "hearth.chats", "version": 99, "chats": []}', "newer Hearth"),
    ],
)
def test_files_that_are_not_chat_exports_are_refused_clearly(text: str, match: str) -> None:
    with pytest.raises(ChatImportError, match=match):
        read_chats(text)


def test_a_damaged_chat_in_a_hearth_export_is_skipped_and_named(store: ChatStore) -> None:
    document = json.loads(to_json(gather(store, None)[0]))
    document["chats"][1]["messages"][0]["role"] = "wizard"
    result = read_chats(json.dumps(document))
    assert len(result.chats) == 1
    skipped = [str(s) for s in result.skipped]
    assert skipped and '"Second"' in skipped[0] and "wizard" in skipped[0]


@pytest.mark.parametrize("created_at", [1e300, float("nan"), float("inf"), -1e20])
@pytest.mark.parametrize("sources", [42, "notes.pdf", {"file": "a"}, [1, None, {"page": []}]])
def test_an_old_database_with_bad_details_still_exports(
    tmp_path: Path, created_at: float, sources: object
) -> None:
    """What an older Hearth may have stored before imports were checked: the bad detail is
    left out (or shown as text), the export never fails."""
    import sqlite3

    with ChatStore(tmp_path / "old.sqlite3") as s:
        chat = s.create_chat("Old")
        s.add_message(chat.id, "user", "question")
        s.add_message(chat.id, "assistant", "answer", sources=[{"file": "x.pdf"}])
    conn = sqlite3.connect(tmp_path / "old.sqlite3")
    with conn:
        stored_time = None if created_at != created_at else created_at  # SQLite: NaN is NULL
        if stored_time is not None:
            conn.execute("UPDATE chats SET created_at = ?", (stored_time,))
        conn.execute(
            "UPDATE messages SET sources_json = ?, timings_json = '\"fast\"', "
            "params_json = '[1]', created_at = ?",
            (json.dumps(sources), stored_time or 0.0),
        )
    conn.close()
    with ChatStore(tmp_path / "old.sqlite3") as s:
        chats, problems = gather(s, None)
    if stored_time is None:  # NaN only in memory (a chat read some other way)
        chats = [ChatExport(replace(chats[0].chat, created_at=created_at), chats[0].messages)]
    assert len(chats) == 1 and not problems
    for fmt in ("md", "html", "json", "jsonl"):
        out = write_export(chats, fmt, tmp_path / f"out.{fmt}")
        assert "answer" in out.read_text(encoding="utf-8")
    page = to_html(chats, printed=True)
    assert "Hearth chat · unknown date" in page
    if not isinstance(sources, list):
        assert "Sources" not in to_markdown(chats[0])  # not a list: left out


def test_a_time_no_platform_can_show_reads_unknown_date() -> None:
    from app.core.chats.export import local_time

    assert local_time(float("nan")) == "unknown date"
    assert local_time(1e300) == "unknown date"
    assert local_time("soon") == "unknown date"
    assert local_time(0.0) == "unknown date"  # how the store reads back an impossible time
    assert local_time(86_400.0)[:2] == "19"  # 1970


def test_good_data_exports_as_before(store: ChatStore) -> None:
    """The robustness above changes nothing for good data: sources and the date read as ever."""
    text = to_markdown(gather(store, None)[0][0])
    assert "**Sources**\n\n- notes.pdf, page 3 — “the keeper lit the lamp”\n" in text
    assert "unknown date" not in text and text.splitlines()[2].startswith("*Hearth chat · 20")
