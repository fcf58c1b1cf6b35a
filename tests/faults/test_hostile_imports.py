"""Fault probe: hostile import files, in the manner of SQLite's crash tests.

Each round (seeded, so a failure replays) writes a few files into a fresh `HEARTH_HOME`-like
folder: a Hearth export and a ChatGPT conversations.json that each mix good chats with hostile
ones (wrong types in every field, huge numbers, NaN and Infinity literals, lone surrogates,
non-object nodes, cyclic mappings of random shapes, parents and children pointing nowhere,
a damaged UTF-8 byte), written in UTF-8, UTF-8 with a BOM, UTF-16, Windows-1252 or Latin-1;
and one or two whole-file hostiles (deep nesting, truncated JSON, binary, wrong top-level
shapes, odd versions, an unterminated string of escaped quotes). Each file is read with
`read_import_file` and stored with `store_imports` in a real `ChatStore`; then every stored
chat is exported to Markdown, HTML, JSON and JSONL, and the JSON export is read back.

Counted: good chats lost (missing, or with different messages) must be 0; no exception but
ChatImportError/HearthError may escape; each round runs under its own pytest-timeout budget.
"""

from __future__ import annotations

import json
import random
from pathlib import Path
from typing import Any

import pytest

from app.core.chats.store import ChatStore
from app.core.chats.transfer import export_chats, gather, read_import_file, store_imports
from app.core.errors import ChatImportError
from app.core.text import Msg

ROUNDS = 24
SEED = 18_2026
T0 = 1_600_000_000.0

ALPHABETS = {
    "utf-8": "abc xyz 你好世界 crème ÿ 🙂 <b>&amp;</b> [{\"\\'}] `code` ## ",
    "utf-8-sig": "abc xyz 你好世界 crème ÿ 🙂 <b>&amp;</b> [{\"\\'}] `code` ## ",
    "utf-16": "abc xyz 你好世界 crème ÿ 🙂 <b>&amp;</b> [{\"\\'}] `code` ## ",
    "cp1252": "abc xyz crème brûlée “quoted” € – naïve ß [{\"\\'}] <i> ",
    "latin-1": "abc xyz crème brûlée naïve ß ñ ü ÿ [{\"\\'}] <i> ",
}

HOSTILE_VALUES: list[Any] = [
    42,
    -1,
    2.5,
    1e300,
    -1e300,
    float("nan"),
    float("inf"),
    float("-inf"),
    10**30,
    -(10**30),
    True,
    False,
    None,
    "",
    "x",
    "\ud800 lone",
    "1e300",
    [],
    [1, "a", None],
    {},
    {"a": {"b": [None, {"c": float("nan")}]}},
    [[[[[[]]]]]],
]

HEARTH_CHAT_FIELDS = [
    "title",
    "created_at",
    "updated_at",
    "model",
    "system_prompt",
    "prompt_id",
    "settings",
    "messages",
]
HEARTH_MESSAGE_FIELDS = [
    "role",
    "content",
    "status",
    "created_at",
    "model",
    "params",
    "timings",
    "prompt_tokens",
    "completion_tokens",
    "sources",
    "error",
]
SOURCE_FIELDS = ["file", "path", "page", "score", "snippet", "file_chunks", "whole", "chunk_id"]


class Tally:
    def __init__(self) -> None:
        self.rounds = 0
        self.files = 0
        self.refused = 0
        self.good = 0
        self.lost = 0
        self.skipped = 0
        self.exports = 0
        self.kinds: set[int] = set()


TALLY = Tally()


@pytest.fixture(scope="module", autouse=True)
def _report() -> Any:
    yield
    t = TALLY
    print(
        f"\nhostile imports: {t.rounds} rounds, {t.files} files ({t.refused} refused whole), "
        f"{t.good} good chats, lost {t.lost}, {t.skipped} hostile chats named, "
        f"{t.exports} exports written, {len(t.kinds)} of 13 kinds of whole-file hostile"
    )


# -- good chats ------------------------------------------------------------------------------


def words(rng: random.Random, alphabet: str, low: int = 1, high: int = 40) -> str:
    text = "".join(rng.choice(alphabet) for _ in range(rng.randint(low, high))).strip()
    return text or "ok"


def good_hearth_chat(rng: random.Random, title: str, alphabet: str) -> dict[str, Any]:
    t = T0 + rng.uniform(0, 10**8)
    messages = []
    for i in range(rng.randint(1, 6)):
        role = "user" if i % 2 == 0 else "assistant"
        m: dict[str, Any] = {
            "role": role,
            "content": words(rng, alphabet, 1, 200),
            "status": rng.choice(["complete", "complete", "cancelled", "failed"]),
            "created_at": t + i,
        }
        if role == "assistant" and rng.random() < 0.7:
            m.update(
                model=words(rng, alphabet, 1, 10),
                params={"temperature": rng.random(), "seed": rng.randint(0, 99)},
                timings={"tokens_per_s": rng.uniform(1, 90), "finish_reason": "stop"},
                prompt_tokens=rng.randint(0, 5000),
                completion_tokens=rng.randint(0, 5000),
                sources=[
                    {
                        "file": words(rng, alphabet, 1, 12) + ".pdf",
                        "page": rng.randint(1, 300),
                        "snippet": words(rng, alphabet),
                        "score": round(rng.random(), 3),
                        "file_chunks": rng.randint(0, 9),
                        "whole": rng.random() < 0.2,
                    }
                    for _ in range(rng.randint(0, 3))
                ],
                error=None,
            )
        messages.append(m)
    return {
        "title": title,
        "created_at": t,
        "updated_at": t + 100,
        "model": rng.choice([None, "smol"]),
        "system_prompt": rng.choice([None, words(rng, alphabet)]),
        "prompt_id": rng.choice([None, "concise"]),
        "settings": rng.choice([{}, {"sampling": {"temperature": 0.3}}]),
        "messages": messages,
    }


def expected_hearth(chat: dict[str, Any]) -> list[tuple[str, str, str]]:
    return [(m["role"], m["content"], m["status"]) for m in chat["messages"]]


def good_conversation(
    rng: random.Random, title: str, alphabet: str
) -> tuple[dict[str, Any], list[tuple[str, str, str]]]:
    """A tree with side branches; the branch shown is the one imported."""
    mapping: dict[str, Any] = {}
    counter = iter(range(10_000))

    def add(parent: str | None, role: str | None, text: str = "", hidden: bool = False) -> str:
        key = f"n{next(counter)}-{rng.randrange(10**6)}"
        message = None
        if role is not None:
            message = {
                "author": {"role": role},
                "content": {"content_type": "text", "parts": [text]},
                "create_time": rng.choice([None, T0 + rng.uniform(0, 10**8)]),
                "metadata": {"model_slug": "gpt-4o"}
                | ({"is_visually_hidden_from_conversation": True} if hidden else {}),
            }
        mapping[key] = {"id": key, "parent": parent, "children": [], "message": message}
        if parent is not None:
            mapping[parent]["children"].append(key)
        return key

    root = add(None, None)
    key = add(root, "system", "", hidden=True)
    expected: list[tuple[str, str, str]] = []
    for i in range(rng.randint(1, 6)):
        role = "user" if i % 2 == 0 else "assistant"
        if rng.random() < 0.3:  # a regenerated answer the user moved away from
            add(key, role, words(rng, alphabet))
        text = words(rng, alphabet)
        key = add(key, role, text)
        expected.append((role, text, "complete"))
        if rng.random() < 0.2:
            key = add(key, "tool", "tool output")  # not a chat message
    use_current = rng.random() < 0.6
    if not use_current:  # older exports: the branch is the last child all the way down
        for node in mapping.values():
            node["children"].sort(key=lambda c: _on_branch(mapping, c, key))
    conv: dict[str, Any] = {
        "title": title,
        "create_time": T0 + rng.uniform(0, 10**8),
        "update_time": rng.choice([None, T0 + 10**8]),
        "mapping": mapping,
        "default_model_slug": "gpt-4o",
    }
    if use_current:
        conv["current_node"] = key
    return conv, expected


def _on_branch(mapping: dict[str, Any], key: str, leaf: str) -> bool:
    node: str | None = leaf
    while node is not None:
        if node == key:
            return True
        node = mapping[node]["parent"]
    return False


# -- hostile chats ---------------------------------------------------------------------------


def hostile_hearth_chat(rng: random.Random, title: str, alphabet: str) -> Any:
    chat = good_hearth_chat(rng, title, alphabet)
    for _ in range(rng.randint(1, 3)):
        target = rng.random()
        value = rng.choice(HOSTILE_VALUES)
        if target < 0.05:
            return value  # not a chat at all
        if target < 0.35:
            chat[rng.choice(HEARTH_CHAT_FIELDS)] = value
            continue
        messages = chat.get("messages")
        if not isinstance(messages, list) or not messages:
            continue
        i = rng.randrange(len(messages))
        if target < 0.4:
            messages[i] = value
        elif target < 0.8 and isinstance(messages[i], dict):
            messages[i][rng.choice(HEARTH_MESSAGE_FIELDS)] = value
        elif isinstance(messages[i], dict):
            sources = messages[i].setdefault("sources", [{"file": "a.pdf"}])
            if isinstance(sources, list) and sources and isinstance(sources[0], dict):
                sources[0][rng.choice(SOURCE_FIELDS)] = value
            else:
                messages[i]["sources"] = value
    if rng.random() < 0.1:  # many messages, each text long: stays within the limits
        chat["messages"] = [
            {"role": "user", "content": "y" * 1000, "created_at": T0} for _ in range(300)
        ]
    return chat


def hostile_conversation(rng: random.Random, title: str) -> Any:
    kind = rng.random()
    if kind < 0.5:  # a random graph: cycles, self loops, parents and children to nowhere
        keys = [f"k{i}" for i in range(rng.randint(1, 9))]
        pool: list[Any] = [*keys, None, "nowhere"]
        mapping: dict[str, Any] = {}
        for k in keys:
            message = None
            if rng.random() < 0.7:
                message = {
                    "author": {"role": rng.choice(["user", "assistant", "system", "tool"])},
                    "content": {"parts": [f"hostile text {k}"]},
                }
            mapping[k] = {
                "parent": rng.choice(pool),
                "children": rng.sample(pool, rng.randint(0, min(4, len(pool)))),
                "message": message,
            }
        conv: dict[str, Any] = {"title": title, "mapping": mapping}
        if rng.random() < 0.5:
            conv["current_node"] = rng.choice(pool)
        return conv
    conv, _ = good_conversation(rng, title, "abc")
    mapping = conv["mapping"]
    key = rng.choice(list(mapping))
    value = rng.choice(HOSTILE_VALUES)
    where = rng.randrange(9)
    if where == 0:
        mapping[key] = value  # a node that is not an object
    elif where == 1:
        mapping[key]["parent"] = value
    elif where == 2:
        mapping[key]["children"] = value
    elif where == 3:
        mapping[key]["message"] = value
    elif where == 4 and isinstance(mapping[key].get("message"), dict):
        mapping[key]["message"][rng.choice(["author", "content", "create_time", "metadata"])] = (
            value
        )
    elif where == 5:
        conv[rng.choice(["title", "create_time", "update_time", "current_node"])] = value
    elif where == 6:
        conv["mapping"] = value
    elif where == 7:
        return value  # not a conversation
    else:
        for node in mapping.values():  # every node its own parent and child
            node["parent"], node["children"] = key, [key]
    return conv


def whole_file_hostile(rng: random.Random, good_text: str) -> bytes:
    kind = rng.randrange(13)
    TALLY.kinds.add(kind)
    if kind == 0:
        depth = rng.randint(65, 50_000)
        opener, closer = rng.choice([("[", "]"), ('{"a":', "}"), ('[{"b":', "}]")])
        return (opener * depth + "1" + closer * depth * rng.randint(0, 1)).encode()
    if kind == 1:
        return good_text[: rng.randrange(1, max(2, len(good_text) - 1))].encode()
    if kind == 2:
        return bytes(rng.randrange(256) for _ in range(rng.randint(1, 4000))) + b"\x00"
    if kind == 3:
        return rng.choice([b'{"chats": 5}', b"5", b"null", b'"text"', b"[1, 2, 3]", b"{}"])
    if kind == 4:
        chats = rng.choice(HOSTILE_VALUES[:-3])
        return json.dumps({"format": "hearth.chats", "version": 1, "chats": chats}).encode()
    if kind == 5:
        version = rng.choice(["1x", None, 99, "99", [1], {}, -3, 1.5, True])
        return json.dumps({"format": "hearth.chats", "version": version, "chats": []}).encode()
    if kind == 6:
        return b'{"format": "hearth.chats", "version": 1, "chats": [{"created_at": 1e999}]}'
    if kind == 7:
        return b'[{"mapping": {"a": {"parent": ' + b"9" * 6000 + b"}}}]"  # int too long
    if kind == 8:
        return b'[{"mapping": {"a": NaN, "b": Infinity, "c": -Infinity}}]'
    if kind == 9:
        return ("[" * 64 + "]" * 64).encode()  # deep, but within the limit: not chats
    if kind == 10:
        return rng.choice([b"", b"   ", b"\xef\xbb\xbf", b"\xff\xfe", b"\x00\x00\x00"])
    if kind == 11:  # a string cut short, full of escaped quotes (once quadratic to scan)
        return ('[{"mapping": "' + '\\"' * rng.randint(10_000, 300_000)).encode()
    return bytes(rng.randrange(1, 256) for _ in range(rng.randint(1, 4000)))


def encode(rng: random.Random, document: Any, encoding: str) -> bytes:
    if encoding in ("latin-1", "cp1252"):
        text = json.dumps(document, ensure_ascii=False)
        return text.encode(encoding, "backslashreplace")  # a lone surrogate: \ud800
    if encoding == "utf-16":
        return json.dumps(document, ensure_ascii=False).encode("utf-16", "surrogatepass")
    text = json.dumps(document, ensure_ascii=rng.random() < 0.5)
    data = text.encode("utf-8", "surrogatepass")  # a lone surrogate: a damaged UTF-8 byte
    return (b"\xef\xbb\xbf" if encoding == "utf-8-sig" else b"") + data


# -- the probe -------------------------------------------------------------------------------


@pytest.mark.timeout(90)
@pytest.mark.parametrize("round_no", range(ROUNDS))
def test_hostile_import_round(tmp_path: Path, round_no: int) -> None:
    rng = random.Random(SEED + round_no)
    expected: dict[str, list[tuple[str, str, str]]] = {}
    files: list[tuple[Path, bool]] = []  # (path, holds good chats)

    encoding = rng.choice(list(ALPHABETS))
    alphabet = ALPHABETS[encoding]
    chats: list[Any] = []
    for i in range(rng.randint(2, 6)):
        title = f"good-h-{round_no}-{i}"
        chat = good_hearth_chat(rng, title, alphabet)
        expected[title] = expected_hearth(chat)
        chats.append(chat)
        for j in range(rng.randint(0, 3)):
            chats.append(hostile_hearth_chat(rng, f"hostile-h-{round_no}-{i}-{j}", alphabet))
    document = {"format": "hearth.chats", "version": rng.choice([1, "1"]), "chats": chats}
    path = tmp_path / f"hearth-{encoding}.json"
    path.write_bytes(encode(rng, document, encoding))
    files.append((path, True))

    encoding = rng.choice(list(ALPHABETS))
    conversations: list[Any] = []
    for i in range(rng.randint(2, 6)):
        title = f"good-g-{round_no}-{i}"
        conv, messages = good_conversation(rng, title, ALPHABETS[encoding])
        expected[title] = messages
        conversations.append(conv)
        for j in range(rng.randint(0, 3)):
            conversations.append(hostile_conversation(rng, f"hostile-g-{round_no}-{i}-{j}"))
    path = tmp_path / f"conversations-{encoding}.json"
    path.write_bytes(encode(rng, conversations, encoding))
    files.append((path, True))

    good_text = json.dumps(document)
    for k in range(rng.randint(1, 2)):
        path = tmp_path / f"hostile-{k}.json"
        path.write_bytes(whole_file_hostile(rng, good_text))
        files.append((path, False))

    with ChatStore(tmp_path / "home" / "chats.sqlite3") as store:
        for path, has_good in files:
            TALLY.files += 1
            try:
                result = read_import_file(path)
            except ChatImportError as exc:
                assert not has_good, f"{path.name}: a file with good chats was refused: {exc}"
                assert str(exc) and "Traceback" not in str(exc)
                TALLY.refused += 1
                continue
            outcome = store_imports(store, result)
            TALLY.skipped += len(outcome.skipped)
            assert all(isinstance(s, Msg) and str(s) for s in outcome.skipped)

        stored = {c.id: c for c in store.list_chats()}
        by_title: dict[str, list[tuple[str, str, str]]] = {}
        for chat in stored.values():
            by_title[chat.title] = [(m.role, m.content, m.status) for m in store.messages(chat.id)]
        lost = sum(1 for title, msgs in expected.items() if by_title.get(title) != msgs)
        exports, problems = gather(store, None)
    assert not problems
    for fmt in ("md", "html", "json", "jsonl"):
        export_chats(exports, fmt, tmp_path / f"all.{fmt}")
        TALLY.exports += 1
    back = read_import_file(tmp_path / "all.json")  # what went in comes back out, and in
    assert len(back.chats) == len(exports) and not back.skipped

    TALLY.rounds += 1
    TALLY.good += len(expected)
    TALLY.lost += lost
    print(f"round {round_no}: {len(files)} files, {len(expected)} good chats, lost {lost}")
    assert lost == 0, sorted(t for t, m in expected.items() if by_title.get(t) != m)
