"""A fast, defensive reader of GGUF headers.

`gguf.GGUFReader` builds a numpy view of every vocabulary string, which takes seconds per model
on a small machine; a model list needs milliseconds. This reader walks the header once over a
byte buffer, keeps scalars and short arrays, counts long arrays (the vocabulary) without keeping
them, and checks every length against the buffer so a corrupt or hostile file cannot make it
allocate or loop without bound. The `gguf` package still supplies the type tables.

The buffer can be a whole memory-mapped file or only its first bytes (an HTTP Range fetch):
`HeaderIncomplete` then says how many bytes are needed.
"""

from __future__ import annotations

import struct
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from app.core.errors import InvalidModelFile
from app.core.models import texts
from app.core.models.ggml_types import tensor_bytes

GGUF_MAGIC = b"GGUF"
MAX_TENSORS = 1_000_000
MAX_KV_PAIRS = 100_000
MAX_DIMS = 8
MAX_KEY_BYTES = 65_536
SHORT_ARRAY = 64  # arrays up to this length are kept; longer ones are only counted

# GGUFValueType codes → struct format of one element (strings, arrays and bools handled apart).
_SCALARS = {0: "B", 1: "b", 2: "H", 3: "h", 4: "I", 5: "i", 6: "f", 10: "Q", 11: "q", 12: "d"}
_BOOL, _STRING, _ARRAY = 7, 8, 9


class HeaderIncomplete(Exception):
    """The buffer ended inside the header; `needed` bytes from the start would be enough."""

    def __init__(self, needed: int) -> None:
        super().__init__(f"need at least {needed} bytes")
        self.needed = needed


@dataclass(frozen=True)
class TensorInfo:
    name: str
    shape: tuple[int, ...]
    type_code: int
    offset: int
    n_elements: int
    n_bytes: int


@dataclass(frozen=True)
class GGUFHeader:
    """What a GGUF file says about itself, without its weights."""

    version: int
    metadata: dict[str, Any]
    array_lengths: dict[str, int]
    tensors: Sequence[TensorInfo] = field(repr=False)
    data_offset: int = 0

    @property
    def data_end(self) -> int:
        """Where the last tensor ends: a file shorter than this is truncated."""
        ends = [t.offset + t.n_bytes for t in self.tensors]
        return self.data_offset + max(ends, default=0)


def parse_header(buf: bytes | memoryview, total_size: int | None = None) -> GGUFHeader:
    """Parse the GGUF header at the start of `buf`.

    Raises `InvalidModelFile` for anything that is not a sane GGUF header and `HeaderIncomplete`
    when `buf` is a prefix of a larger file (`total_size`) that ends inside the header.
    """
    total = len(buf) if total_size is None else total_size
    return _Parser(memoryview(buf), total).parse()


class _Parser:
    def __init__(self, buf: memoryview, total: int) -> None:
        self.buf = buf
        self.total = total
        self.pos = 0
        self.endian = "<"

    def parse(self) -> GGUFHeader:
        if bytes(self.buf[:4]) != GGUF_MAGIC[: len(self.buf[:4])] or self.total < 4:
            raise InvalidModelFile(texts.BAD_MAGIC())
        if self.total < 24:
            raise InvalidModelFile(texts.TOO_SMALL(size=self.total))
        self._take(4)
        version = self._version()
        n_tensors, n_kv = self._unpack("Q"), self._unpack("Q")
        if n_tensors > MAX_TENSORS or n_kv > MAX_KV_PAIRS:
            raise InvalidModelFile(texts.CLAIMS_TOO_MUCH(tensors=n_tensors, entries=n_kv))
        metadata: dict[str, Any] = {}
        lengths: dict[str, int] = {}
        for _ in range(n_kv):
            key = self._string(MAX_KEY_BYTES)
            value, length = self._value(self._unpack("I"))
            metadata[key] = value
            if length is not None:
                lengths[key] = length
        tensors = [self._tensor() for _ in range(n_tensors)]
        alignment = metadata.get("general.alignment", 32)
        if not isinstance(alignment, int) or alignment <= 0 or alignment & (alignment - 1):
            raise InvalidModelFile(texts.BAD_ALIGNMENT(alignment=repr(alignment)))
        data_offset = -(-self.pos // alignment) * alignment
        return GGUFHeader(version, metadata, lengths, tensors, data_offset)

    # -- primitives --------------------------------------------------------------------------

    def _take(self, n: int) -> memoryview:
        end = self.pos + n
        if end > len(self.buf):
            if end <= self.total:
                raise HeaderIncomplete(max(end, 2 * len(self.buf)))
            raise InvalidModelFile(texts.ENDS_IN_HEADER())
        view = self.buf[self.pos : end]
        self.pos = end
        return view

    def _unpack(self, fmt: str) -> Any:
        size = struct.calcsize(fmt)
        return struct.unpack(self.endian + fmt, self._take(size))[0]

    def _version(self) -> int:
        raw = bytes(self._take(4))
        version = int.from_bytes(raw, "little")
        if version & 0xFFFF == 0 and int.from_bytes(raw, "big") in (2, 3):
            self.endian, version = ">", int.from_bytes(raw, "big")
        if version not in (2, 3):
            raise InvalidModelFile(texts.BAD_VERSION(version=str(version)))
        return version

    def _string(self, limit: int | None = None) -> str:
        length = self._unpack("Q")
        if length > self.total - self.pos or (limit is not None and length > limit):
            raise InvalidModelFile(texts.LONG_STRING(length=length))
        return bytes(self._take(length)).decode("utf-8", errors="replace")

    def _value(self, vtype: int) -> tuple[Any, int | None]:
        if vtype in _SCALARS:
            return self._unpack(_SCALARS[vtype]), None
        if vtype == _BOOL:
            return bool(self._unpack("B")), None
        if vtype == _STRING:
            return self._string(), None
        if vtype == _ARRAY:
            return self._array()
        raise InvalidModelFile(texts.BAD_VALUE_TYPE(type=str(vtype)))

    def _array(self) -> tuple[Any, int]:
        etype, count = self._unpack("I"), self._unpack("Q")
        if count > self.total - self.pos:
            raise InvalidModelFile(texts.LONG_ARRAY(n=count))
        if etype in _SCALARS or etype == _BOOL:
            fmt = _SCALARS.get(etype, "B")
            raw = self._take(count * struct.calcsize(fmt))
            if count > SHORT_ARRAY:
                return None, count
            return list(struct.unpack(f"{self.endian}{count}{fmt}", raw)), count
        if etype == _STRING and count > SHORT_ARRAY:
            self._skip_strings(count)
            return None, count
        if etype == _STRING:
            return [self._string() for _ in range(count)], count
        raise InvalidModelFile(texts.BAD_ARRAY_TYPE(type=str(etype)))

    def _skip_strings(self, count: int) -> None:
        """Step over `count` length-prefixed strings without decoding them (the vocabulary)."""
        unpack = struct.Struct(self.endian + "Q").unpack_from
        buf, pos, end = self.buf, self.pos, len(self.buf) - 8
        for _ in range(count):
            if pos > end:
                break
            pos += 8 + unpack(buf, pos)[0]
        else:
            if pos <= len(self.buf):
                self.pos = pos
                return
        self.pos = min(pos, len(self.buf))
        self._take(max(pos - self.pos, 8))  # raises HeaderIncomplete or InvalidModelFile

    def _tensor(self) -> TensorInfo:
        name = self._string(MAX_KEY_BYTES)
        n_dims = self._unpack("I")
        if n_dims > MAX_DIMS:
            raise InvalidModelFile(texts.TOO_MANY_DIMS(name=name, dims=n_dims))
        shape = tuple(self._unpack("Q") for _ in range(n_dims))
        type_code, offset = self._unpack("I"), self._unpack("Q")
        n_elements = 1
        for dim in shape:
            n_elements *= dim
        return TensorInfo(
            name, shape, type_code, offset, n_elements, _tensor_bytes(type_code, n_elements)
        )


def _tensor_bytes(type_code: int, n_elements: int) -> int:
    size = tensor_bytes(type_code, n_elements)
    if size is None:
        raise InvalidModelFile(texts.UNKNOWN_TENSOR_TYPE(type=str(type_code)))
    return size
