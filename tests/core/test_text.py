"""Messages as ids with arguments: English wording, plurals, details, and the round trip to disk."""

from __future__ import annotations

import pickle
import re

from app.core.errors import HearthError, InvalidSetting, message_of
from app.core.text import (
    QT_TRANSLATE_NOOP,
    Decimal,
    Msg,
    Phrase,
    Seconds,
    Size,
    When,
    matching,
)

FILES = Phrase(
    "test.files",
    QT_TRANSLATE_NOOP("Messages", "{n} file in {name}"),
    QT_TRANSLATE_NOOP("Messages", "{n} files in {name}"),
)
DAMAGED = Phrase("test.damaged", QT_TRANSLATE_NOOP("Messages", "The PDF is damaged."))
TOOK = Phrase("test.took", "Took {time} for {size} at {rate} on {day}: {why}")


class Shouting:
    """A stand-in language that shows where each piece of a message comes from."""

    def translate(self, text: str) -> str:
        return re.sub(r"[^{}]+(?=\{|$)|(?<=\})[^{}]+", lambda m: m.group(0).upper(), text)

    def integer(self, value: int) -> str:
        return f"<{value}>"

    def decimal(self, value: float, places: int) -> str:
        return f"{value:.{places}f}"

    def size(self, value: int) -> str:
        return f"[{value} B]"

    def duration(self, seconds: float) -> str:
        return f"[{seconds} s]"

    def moment(self, timestamp: float) -> str:
        return f"[t={timestamp}]"


def test_english_wording_picks_the_plural_by_the_count() -> None:
    assert str(FILES(n=1, name="docs")) == "1 file in docs"
    assert str(FILES(n=1200, name="docs")) == "1,200 files in docs"


def test_every_argument_kind_is_formatted_by_the_language() -> None:
    msg = TOOK(
        time=Seconds(75), size=Size(98_200_000), rate=Decimal(2.5, 2), day=When(0), why=DAMAGED()
    )
    assert str(msg).startswith("Took 1 min for 98.2 MB at 2.50 on ")
    assert msg.render(Shouting()) == (
        "TOOK [75 s] FOR [98200000 B] AT 2.50 ON [t=0]: THE PDF IS DAMAGED."
    )


def test_a_library_detail_follows_the_sentence_untranslated() -> None:
    msg = DAMAGED(detail="Failed to load document (PDFium: Data format error).")
    assert msg.render(Shouting()) == (
        "THE PDF IS DAMAGED. (Failed to load document (PDFium: Data format error).)"
    )


def test_the_stored_form_reads_back_as_the_same_message() -> None:
    msg = TOOK(time=Seconds(3.0), size=Size(10), rate=0.7, day=When(5.0), why=DAMAGED(detail="x"))
    again = Msg.from_json(msg.to_json())
    assert again == msg
    assert again.render(Shouting()) == msg.render(Shouting())


def test_old_rows_and_unknown_ids_still_read_right() -> None:
    assert str(Msg.from_json("The file is empty.")) == "The file is empty."
    assert str(Msg.from_json("{not json")) == "{not json"
    gone = Msg.from_json('{"id":"gone.phrase","text":"Was {n} big","args":{"n":3}}')
    assert gone.render(Shouting()) == "WAS <3> BIG"


def test_english_text_matches_back_to_its_phrase() -> None:
    found = matching("12 files in my docs", [DAMAGED, FILES])
    assert found is not None and found.phrase is FILES
    assert dict(found.args) == {"n": "12", "name": "my docs"}
    assert matching("Something else", [DAMAGED, FILES]) is None


def test_errors_carry_their_message_across_processes() -> None:
    error = InvalidSetting("Threads", 0, 1, 8)
    again = pickle.loads(pickle.dumps(error))
    assert str(again) == "Threads cannot be 0: it must be between 1 and 8."
    assert again.msg == error.msg
    plain = pickle.loads(pickle.dumps(HearthError(DAMAGED())))
    assert plain.msg == DAMAGED()


def test_any_error_has_a_message_to_show() -> None:
    assert message_of(HearthError(DAMAGED())) == DAMAGED()
    assert "No such file" in str(message_of(FileNotFoundError(2, "No such file", "/x")))
    shown = message_of(ValueError("bad"))
    assert shown.detail == "ValueError: bad"


def test_stored_wording_from_a_file_cannot_ask_for_a_huge_string() -> None:
    hostile = (
        '{"id":"x.y","text":"{a:>300000000} {b}","args":{"a":"1","b":{"decimal":1,"places":99999}}}'
    )
    shown = str(Msg.from_json(hostile))
    assert shown == "{a:>300000000} 1.000000"
    deep = '{"id":"x","text":"{a}","args":{"a":' + '{"msg":' * 5000 + "1" + "}" * 5000 + "}}"
    assert str(Msg.from_json(deep)) == deep  # too deep to read: shown as the text it is
