"""What a GGUF file name says: its quantization, whether it is one part of a split model, and
whether it is a vision projector rather than a chat model. Pure functions, no I/O.

Repos name files freely ("Llama-3.2-1B-Instruct-Q4_K_M.gguf", "model.q8_0.gguf",
"qwen2.5-7b-q4_k_m-00001-of-00002.gguf", "mmproj-model-f16.gguf"), so the quantization is the
last token of the name that looks like one. Split parts are grouped into one choice.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from app.core.models import texts
from app.core.text import Msg, Phrase

_SPLIT = re.compile(r"-(\d{5})-of-(\d{5})$")
_QUANT = re.compile(
    r"(?<![A-Za-z0-9])(I?Q\d(?:_[A-Z0-9]{1,4})*|BF16|F16|F32|TQ\d_\d|MXFP4(?:_MOE)?)(?![A-Za-z0-9])",
    re.IGNORECASE,
)

# name → (nominal bits per weight, quality note as a phrase). Bits are llama.cpp's typical
# figures for a 7–8B model; small models carry more unquantized tensors and come out a little
# higher.
QUANT_TABLE: dict[str, tuple[float, Phrase]] = {
    "F32": (32.0, texts.NOTE_F32),
    "F16": (16.0, texts.NOTE_F16),
    "BF16": (16.0, texts.NOTE_BF16),
    "Q8_0": (8.5, texts.NOTE_Q8_0),
    "Q6_K": (6.56, texts.NOTE_Q6_K),
    "Q5_K_M": (5.69, texts.NOTE_Q5_K_M),
    "Q5_K_S": (5.54, texts.NOTE_Q5_K_S),
    "Q5_1": (6.0, texts.NOTE_Q5_1),
    "Q5_0": (5.5, texts.NOTE_Q5_0),
    "Q4_K_M": (4.89, texts.NOTE_Q4_K_M),
    "Q4_K_S": (4.58, texts.NOTE_Q4_K_S),
    "Q4_1": (5.0, texts.NOTE_Q4_1),
    "Q4_0": (4.55, texts.NOTE_Q4_0),
    "IQ4_NL": (4.5, texts.NOTE_IQ4_NL),
    "IQ4_XS": (4.25, texts.NOTE_IQ4_XS),
    "Q3_K_L": (4.27, texts.NOTE_NOTICEABLE),
    "Q3_K_M": (3.91, texts.NOTE_NOTICEABLE),
    "Q3_K_S": (3.5, texts.NOTE_CLEAR),
    "IQ3_M": (3.66, texts.NOTE_IQ3_M),
    "IQ3_S": (3.44, texts.NOTE_CLEAR),
    "IQ3_XS": (3.3, texts.NOTE_CLEAR),
    "IQ3_XXS": (3.06, texts.NOTE_IQ3_XXS),
    "Q2_K": (2.96, texts.NOTE_LAST_RESORT),
    "Q2_K_S": (2.7, texts.NOTE_LAST_RESORT),
    "IQ2_M": (2.7, texts.NOTE_HEAVY_LARGE),
    "IQ2_S": (2.5, texts.NOTE_HEAVY_LARGE),
    "IQ2_XS": (2.31, texts.NOTE_SEVERE_LARGE),
    "IQ2_XXS": (2.06, texts.NOTE_SEVERE_LARGE),
    "IQ1_M": (1.75, texts.NOTE_EXPERIMENTS),
    "IQ1_S": (1.56, texts.NOTE_EXPERIMENTS),
    "TQ1_0": (1.69, texts.NOTE_TERNARY),
    "TQ2_0": (2.06, texts.NOTE_TERNARY),
    "MXFP4": (4.25, texts.NOTE_MXFP4),
    "MXFP4_MOE": (4.25, texts.NOTE_MXFP4_MOE),
}


@dataclass(frozen=True)
class GGUFName:
    """What one file name says."""

    path: str
    quant: str  # "Q4_K_M", or "" when the name does not say
    part: int  # 1-based; 1 for a single file
    parts: int
    is_projector: bool
    group: str  # the same for every part of one split model


@dataclass(frozen=True)
class RemoteFile:
    """A file in a Hugging Face repo, as the hub lists it."""

    path: str
    size: int
    sha256: str | None = None  # LFS files: the content's sha256
    blob_id: str | None = None  # small files kept in git itself: the git blob's sha1


@dataclass(frozen=True)
class QuantChoice:
    """One downloadable model in a repo: a single GGUF or all parts of a split one."""

    quant: str
    files: tuple[RemoteFile, ...]
    is_projector: bool = False

    @property
    def size(self) -> int:
        return sum(f.size for f in self.files)

    @property
    def first(self) -> RemoteFile:
        return self.files[0]

    @property
    def label(self) -> str:
        if self.is_projector:
            return f"mmproj {self.quant}".strip()
        return self.quant or PurePosixPath(self.first.path).stem

    @property
    def bits_per_weight(self) -> float | None:
        known = QUANT_TABLE.get(self.quant.upper())
        return known[0] if known else None

    @property
    def note(self) -> Msg:
        """The quality note, as a phrase to show in the user's language."""
        if self.is_projector:
            return texts.NOTE_PROJECTOR()
        known = QUANT_TABLE.get(self.quant.upper())
        return known[1]() if known else texts.NOTE_UNKNOWN()


def parse_name(path: str) -> GGUFName:
    """Read quantization, split part and projector flag from a GGUF path in a repo."""
    pure = PurePosixPath(path)
    stem = pure.name[: -len(".gguf")] if pure.name.lower().endswith(".gguf") else pure.name
    part, parts = 1, 1
    split = _SPLIT.search(stem)
    if split:
        part, parts = int(split.group(1)), int(split.group(2))
        stem = stem[: split.start()]
    found = _QUANT.findall(stem)
    quant = found[-1].upper() if found else ""
    group = str(pure.parent / stem) if str(pure.parent) != "." else stem
    return GGUFName(path, quant, part, parts, "mmproj" in pure.name.lower(), group)


def split_parts(path: Path) -> list[Path]:
    """A local model's file, or every part of a split model named by any of its parts."""
    name = parse_name(path.name)
    if name.parts <= 1:
        return [path]
    stem = path.name[: -len(f"-{name.part:05d}-of-{name.parts:05d}.gguf")]
    return [
        path.with_name(f"{stem}-{i:05d}-of-{name.parts:05d}.gguf") for i in range(1, name.parts + 1)
    ]


def group_choices(files: list[RemoteFile]) -> list[QuantChoice]:
    """The repo's GGUF files as choices: split parts joined (only when all are present),
    models before projectors, smallest first."""
    groups: dict[str, list[tuple[GGUFName, RemoteFile]]] = {}
    for remote in files:
        if remote.path.lower().endswith(".gguf"):
            name = parse_name(remote.path)
            groups.setdefault(name.group, []).append((name, remote))
    choices = []
    for members in groups.values():
        members.sort(key=lambda m: m[0].part)
        first = members[0][0]
        if [m[0].part for m in members] != list(range(1, first.parts + 1)):
            continue  # a split model with parts missing cannot be loaded
        files_ = tuple(m[1] for m in members)
        choices.append(QuantChoice(first.quant, files_, first.is_projector))
    return sorted(choices, key=lambda c: (c.is_projector, c.size, c.label))
