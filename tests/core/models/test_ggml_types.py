"""Hearth's own copy of GGML's type tables agrees with the `gguf` package it was written from."""

from __future__ import annotations

import pytest

from app.core.models.ggml_types import FILE_TYPES, TENSOR_TYPES, tensor_bytes

gguf = pytest.importorskip("gguf")


def test_tensor_types_match_gguf() -> None:
    theirs = {
        t.value: (t.name, *gguf.GGML_QUANT_SIZES[t])
        for t in gguf.GGMLQuantizationType
        if t in gguf.GGML_QUANT_SIZES
    }
    assert theirs == TENSOR_TYPES


def test_file_types_match_gguf() -> None:
    theirs = {
        t.value: t.name.removeprefix("MOSTLY_").replace("ALL_", "")
        for t in gguf.LlamaFileType
        if t.name != "GUESSED"
    }
    assert theirs == FILE_TYPES


def test_tensor_bytes() -> None:
    assert tensor_bytes(12, 4096 * 256) == 4096 * 144  # Q4_K: 144 bytes per 256 weights
    assert tensor_bytes(0, 10) == 40
    assert tensor_bytes(999, 10) is None
