"""GGUF header reading and validation, against real files and damaged copies of them."""

from __future__ import annotations

import contextlib
import random
import struct
from pathlib import Path

import pytest

from app.core.errors import InvalidModelFile
from app.core.models.gguf_header import HeaderIncomplete, parse_header
from app.core.models.model_info import read_model_info


def test_smollm2_metadata(smollm2: Path) -> None:
    info = read_model_info(smollm2)
    assert info.architecture == "llama"
    assert info.quantization == "Q4_1"
    assert 130e6 < info.parameters < 140e6
    assert info.parameters_label == "135M"
    assert info.context_length == 8192
    assert (info.n_layers, info.n_heads, info.n_kv_heads, info.head_dim) == (30, 9, 3, 64)
    assert info.vocab_size == 49152
    assert info.chat_template and "<|im_start|>" in info.chat_template
    assert not info.is_base
    assert info.file_size == smollm2.stat().st_size


def test_gemma_is_a_base_model(gemma: Path) -> None:
    info = read_model_info(gemma)
    assert info.architecture == "gemma3"
    assert info.quantization == "Q4_K_M"
    assert info.is_base and info.chat_template is None
    assert info.vocab_size > 200_000


def test_agrees_with_the_reference_reader(smollm2: Path) -> None:
    """The fast reader must say what gguf's own GGUFReader says."""
    from gguf import GGUFReader

    reference = GGUFReader(smollm2)
    with smollm2.open("rb") as handle:
        header = parse_header(handle.read(8 << 20), smollm2.stat().st_size)
    for key in (
        "general.architecture",
        "llama.block_count",
        "llama.context_length",
        "tokenizer.chat_template",
        "general.file_type",
    ):
        assert header.metadata[key] == reference.fields[key].contents()
    assert len(header.tensors) == len(reference.tensors)
    for mine, theirs in zip(header.tensors, reference.tensors, strict=True):
        assert mine.name == theirs.name
        assert mine.n_elements == theirs.n_elements
        assert header.data_offset + mine.offset == theirs.data_offset
        assert mine.n_bytes == theirs.n_bytes


def test_prefix_asks_for_more_bytes(smollm2: Path) -> None:
    size = smollm2.stat().st_size
    with smollm2.open("rb") as handle:
        prefix = handle.read(4096)
    with pytest.raises(HeaderIncomplete) as short:
        parse_header(prefix, size)
    assert short.value.needed > 4096


@pytest.mark.parametrize(
    ("make", "phrase"),
    [
        (lambda p, src: p.write_text("just some text, not a model\n" * 10), "not a GGUF"),
        (lambda p, src: p.write_bytes(b""), "empty"),
        (lambda p, src: p.write_bytes(src.read_bytes()[:50_000_000]), "truncated"),
        (lambda p, src: p.write_bytes(src.read_bytes()[:1_000_000]), "truncated"),
        (lambda p, src: p.mkdir(), "folder"),
        (lambda p, src: None, "no file"),
    ],
    ids=["not-gguf", "empty", "truncated-data", "truncated-header", "directory", "missing"],
)
def test_bad_files_give_typed_errors(tmp_path: Path, smollm2: Path, make, phrase: str) -> None:
    target = tmp_path / "model.gguf"
    make(target, smollm2)
    with pytest.raises(InvalidModelFile, match=phrase):
        read_model_info(target)


def test_absurd_counts_are_refused(tmp_path: Path) -> None:
    target = tmp_path / "absurd.gguf"
    target.write_bytes(b"GGUF" + struct.pack("<IQQ", 3, 1 << 40, 1 << 40) + b"\0" * 64)
    with pytest.raises(InvalidModelFile, match="corrupt"):
        read_model_info(target)


def test_huge_string_length_is_refused(tmp_path: Path) -> None:
    body = struct.pack("<IQQ", 3, 0, 1) + struct.pack("<Q", 1 << 50) + b"x" * 64
    target = tmp_path / "string.gguf"
    target.write_bytes(b"GGUF" + body)
    with pytest.raises(InvalidModelFile):
        read_model_info(target)


def test_random_corruption_never_escapes_as_another_error(smollm2: Path) -> None:
    """Flip bytes all over the header: the reader only ever answers InvalidModelFile."""
    with smollm2.open("rb") as handle:
        original = bytearray(handle.read(2 << 20))
    rng = random.Random(1234)
    for _ in range(150):
        damaged = bytearray(original)
        for _ in range(rng.randint(1, 8)):
            damaged[rng.randrange(4, 20_000)] = rng.randrange(256)
        with contextlib.suppress(InvalidModelFile):
            parse_header(bytes(damaged))
