"""Describe and validate a local GGUF file without loading its weights."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from app.core.errors import InvalidModelFile
from app.core.models import texts
from app.core.models.fit import ModelDims
from app.core.models.ggml_types import FILE_TYPES, TENSOR_TYPES
from app.core.models.gguf_header import GGUFHeader, HeaderIncomplete, parse_header
from app.core.models.quants import split_parts

FIRST_READ = 8 * 1024 * 1024  # most headers (vocabulary included) fit in this


@dataclass(frozen=True)
class ModelInfo:
    """What the model list shows, and what the engine and fit estimate need."""

    path: Path
    name: str
    architecture: str
    parameters: int
    quantization: str
    context_length: int
    n_layers: int
    n_heads: int
    n_kv_heads: int
    head_dim: int
    vocab_size: int
    chat_template: str | None
    file_size: int

    @property
    def dims(self) -> ModelDims:
        return ModelDims(self.n_layers, self.n_kv_heads, self.head_dim)

    @property
    def is_base(self) -> bool:
        """A model without a chat template is a base model: it continues text, it does not chat."""
        return not self.chat_template

    @property
    def parameters_label(self) -> str:
        return format_count(self.parameters)


def read_model_info(path: Path) -> ModelInfo:
    """Validate `path` as a GGUF model and describe it; raises `InvalidModelFile` with a reason."""
    size = _checked_size(path)
    header = _read_file_header(path, size)
    info = describe(path, header, size)
    if _int(header.metadata.get("split.count"), 1) > 1:
        info = _with_other_parts(info)
    return info


def _with_other_parts(first: ModelInfo) -> ModelInfo:
    """A split model: check every part is there and whole; count all their weights."""
    parts = split_parts(first.path)
    if len(parts) == 1:
        raise InvalidModelFile(texts.UNNAMED_PART(name=first.path.name))
    parameters, total = 0, 0
    for index, part in enumerate(parts, start=1):
        if not part.is_file():
            raise InvalidModelFile(
                texts.PART_MISSING(
                    index=index, parts=len(parts), name=first.path.name, part=part.name
                )
            )
        size = part.stat().st_size
        header = _read_file_header(part, size)
        if size < header.data_end:
            raise InvalidModelFile(texts.PART_TRUNCATED(name=part.name))
        parameters += sum(t.n_elements for t in header.tensors)
        total += size
    return replace(first, parameters=parameters, file_size=total)


def _read_file_header(path: Path, size: int) -> GGUFHeader:
    try:
        with path.open("rb") as handle:
            return read_header(handle.read, size)
    except OSError as exc:
        raise InvalidModelFile(
            texts.UNREADABLE(path=str(path), detail=exc.strerror or str(exc))
        ) from exc


def read_header(read: Callable[[int], bytes], size: int) -> GGUFHeader:
    """Parse a header from a stream positioned at its start, reading more until it fits."""
    buf = read(min(size, FIRST_READ))
    while True:
        try:
            return parse_header(buf, size)
        except HeaderIncomplete as short:
            more = read(min(size, short.needed) - len(buf))
            if not more:
                raise InvalidModelFile(texts.HEADER_ENDED()) from None
            buf += more


def describe(path: Path, header: GGUFHeader, file_size: int) -> ModelInfo:
    """Turn a parsed header into a `ModelInfo`, checking that the file holds all its tensors."""
    if not header.tensors:
        raise InvalidModelFile(texts.NO_TENSORS(name=path.name))
    split_count = _int(header.metadata.get("split.count"), 1)
    if split_count <= 1 and file_size < header.data_end:
        raise InvalidModelFile(
            texts.TRUNCATED(name=path.name, size=file_size, needed=header.data_end)
        )
    meta = header.metadata
    arch = str(meta.get("general.architecture", "unknown"))
    n_heads = _int(meta.get(f"{arch}.attention.head_count"), 0)
    dims = dims_from_header(header)
    template = meta.get("tokenizer.chat_template")
    return ModelInfo(
        path=path,
        name=str(meta.get("general.name") or path.stem),
        architecture=arch,
        parameters=sum(t.n_elements for t in header.tensors),
        quantization=quantization_name(header),
        context_length=_int(meta.get(f"{arch}.context_length"), 0),
        n_layers=dims.n_layers,
        n_heads=n_heads,
        n_kv_heads=dims.n_kv_heads,
        head_dim=dims.head_dim,
        vocab_size=header.array_lengths.get("tokenizer.ggml.tokens", 0),
        chat_template=template if isinstance(template, str) and template.strip() else None,
        file_size=file_size,
    )


def dims_from_header(header: GGUFHeader) -> ModelDims:
    """Layers, KV heads and head size: what the KV cache estimate needs."""
    meta = header.metadata
    arch = str(meta.get("general.architecture", "unknown"))
    n_heads = _int(meta.get(f"{arch}.attention.head_count"), 0)
    embedding = _int(meta.get(f"{arch}.embedding_length"), 0)
    head_dim = _int(
        meta.get(f"{arch}.attention.key_length"), embedding // n_heads if n_heads else 0
    )
    return ModelDims(
        n_layers=_int(meta.get(f"{arch}.block_count"), 0),
        n_kv_heads=_int(meta.get(f"{arch}.attention.head_count_kv"), n_heads),
        head_dim=head_dim,
    )


def quantization_name(header: GGUFHeader) -> str:
    """ "Q4_K_M", "Q8_0", ...: from `general.file_type`, else the most common tensor type."""
    file_type = header.metadata.get("general.file_type")
    if isinstance(file_type, int) and file_type in FILE_TYPES:
        return FILE_TYPES[file_type]
    weights = Counter(t.type_code for t in header.tensors if len(t.shape) >= 2)
    if not weights:
        return "unknown"
    known = TENSOR_TYPES.get(weights.most_common(1)[0][0])
    return known[0] if known else "unknown"


def format_count(n: int) -> str:
    for unit, scale in (("T", 10**12), ("B", 10**9), ("M", 10**6), ("K", 10**3)):
        if n >= scale:
            return f"{n / scale:.3g}{unit}"
    return str(n)


def _checked_size(path: Path) -> int:
    if not path.exists():
        raise InvalidModelFile(texts.NO_FILE(path=str(path)))
    if path.is_dir():
        raise InvalidModelFile(texts.IS_FOLDER(path=str(path)))
    size = path.stat().st_size
    if size == 0:
        raise InvalidModelFile(texts.EMPTY_FILE(name=path.name))
    return size


def _int(value: Any, default: int) -> int:
    return value if isinstance(value, int) and not isinstance(value, bool) else default
