"""Turn a stream of token bytes into text: UTF-8 safe, with stop strings held back."""

from __future__ import annotations

import codecs
from collections.abc import Sequence


class TextStream:
    """Feed token bytes, get text that is safe to show.

    Bytes of a character split across tokens wait for the rest; text that could be the start of
    a stop string waits until it is clearly not one. `stopped` turns true when a stop string
    appears; the stop string itself is never emitted.
    """

    def __init__(self, stops: Sequence[str] = ()) -> None:
        self._decoder = codecs.getincrementaldecoder("utf-8")(errors="replace")
        self._stops = [s for s in stops if s]
        self._hold = max((len(s) for s in self._stops), default=1) - 1
        self._pending = ""
        self.text = ""
        self.stopped = False

    def feed(self, data: bytes) -> str:
        """Add token bytes; return the newly releasable text (maybe empty)."""
        if self.stopped:
            return ""
        self._pending += self._decoder.decode(data)
        for stop in self._stops:
            at = self._pending.find(stop)
            if at >= 0:
                self.stopped = True
                return self._release(self._pending[:at], rest="")
        if not self._stops:
            return self._release(self._pending, rest="")
        # A stop string not found yet can only start within its length of the end.
        cut = max(len(self._pending) - self._hold, 0)
        return self._release(self._pending[:cut], rest=self._pending[cut:])

    def flush(self) -> str:
        """Release what is held back (at the end of generation)."""
        if self.stopped:
            return ""
        tail = self._pending + self._decoder.decode(b"", final=True)
        return self._release(tail, rest="")

    def _release(self, out: str, rest: str) -> str:
        self._pending = rest
        self.text += out
        return out
