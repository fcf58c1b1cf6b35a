"""Will this model run here? A verdict from the file size, the KV cache for the chosen context,
and this machine's RAM and VRAM. Pure arithmetic apart from `detect_hardware`.

Memory needed ≈ weights (the file size) + KV cache + a compute buffer:
    KV bytes = 2 (K and V) × layers × context × KV heads × head dim × 2 bytes (f16 cache)
The compute buffer grows with the context and the vocabulary; 5% of the weights plus
64 KB per context token (scratch for one batch of logits and activations) is a fair floor.
"""

from __future__ import annotations

import platform
from dataclasses import dataclass
from enum import StrEnum

from app.core.models import texts
from app.core.models.quants import QuantChoice
from app.core.text import Msg, Size

GIB = 1024**3
KV_BYTES_PER_ELEMENT = 2  # llama.cpp keeps the KV cache in f16 by default
GPU_USABLE = 0.90  # leave room for the desktop and the driver
RAM_COMFORTABLE = 0.70  # beyond this the rest of the machine starts to swap
RAM_TIGHT = 0.90
METAL_SHARE = 0.75  # macOS lets the GPU wire about this much of unified memory


class Verdict(StrEnum):
    FITS_GPU = "fits_gpu"
    FITS_RAM = "fits_ram"
    TIGHT = "tight"
    TOO_BIG = "too_big"

    @property
    def words(self) -> Msg:
        """ "Fits in GPU", "Fits in RAM", "Tight", "Too big", to show in the user's language."""
        return _VERDICT_WORDS[self]()


_VERDICT_WORDS = {
    Verdict.FITS_GPU: texts.FITS_GPU,
    Verdict.FITS_RAM: texts.FITS_RAM,
    Verdict.TIGHT: texts.TIGHT,
    Verdict.TOO_BIG: texts.TOO_BIG,
}


@dataclass(frozen=True)
class Hardware:
    ram_bytes: int
    vram_bytes: int = 0  # 0: no usable GPU (or not known)
    gpu_name: str = ""
    unified_memory: bool = False  # Apple silicon: the GPU shares RAM

    @property
    def gpu_budget(self) -> int:
        if self.unified_memory:
            return int(self.ram_bytes * METAL_SHARE)
        return int(self.vram_bytes * GPU_USABLE)


@dataclass(frozen=True)
class ModelDims:
    """The shape that decides the KV cache; read from a GGUF header (local or Range-fetched)."""

    n_layers: int
    n_kv_heads: int
    head_dim: int


@dataclass(frozen=True)
class FitEstimate:
    verdict: Verdict
    needed_bytes: int
    kv_bytes: int
    kv_known: bool

    def explanation(self, context: int) -> Msg:
        """What the verdict counts: the file, the KV cache for `context` tokens, working
        memory (or only a floor while the model's shape is not known)."""
        if not self.kv_known:
            return texts.NEEDS_AT_LEAST(needed=Size(self.needed_bytes))
        return texts.NEEDS_ABOUT(
            needed=Size(self.needed_bytes), kv=Size(self.kv_bytes), context=context
        )


def kv_cache_bytes(dims: ModelDims, context: int) -> int:
    return 2 * dims.n_layers * context * dims.n_kv_heads * dims.head_dim * KV_BYTES_PER_ELEMENT


def estimate(
    file_size: int, dims: ModelDims | None, context: int, hardware: Hardware
) -> FitEstimate:
    """The verdict for one model file (or the sum of a split model's parts)."""
    kv = kv_cache_bytes(dims, context) if dims else 0
    needed = file_size + kv + int(file_size * 0.05) + context * 64 * 1024
    if hardware.gpu_budget and needed <= hardware.gpu_budget:
        verdict = Verdict.FITS_GPU
    elif needed <= hardware.ram_bytes * RAM_COMFORTABLE:
        verdict = Verdict.FITS_RAM
    elif needed <= hardware.ram_bytes * RAM_TIGHT:
        verdict = Verdict.TIGHT
    else:
        verdict = Verdict.TOO_BIG
    return FitEstimate(verdict, needed, kv, dims is not None)


def best_choice(
    choices: list[QuantChoice], dims: ModelDims | None, context: int, hardware: Hardware
) -> QuantChoice | None:
    """The highest-quality model choice that fits comfortably (GPU first, then RAM)."""
    for wanted in (Verdict.FITS_GPU, Verdict.FITS_RAM):
        fitting = [
            c
            for c in choices
            if not c.is_projector and estimate(c.size, dims, context, hardware).verdict == wanted
        ]
        if fitting:
            return max(fitting, key=lambda c: (c.bits_per_weight or 0.0, c.size))
    return None


def detect_hardware() -> Hardware:
    """RAM from psutil; NVIDIA VRAM from nvidia-ml-py when it is installed; Apple silicon
    counts as unified memory."""
    import psutil

    ram = int(psutil.virtual_memory().total)
    if platform.system() == "Darwin" and platform.machine() == "arm64":
        return Hardware(ram, gpu_name="Apple GPU (Metal)", unified_memory=True)
    vram, name = _nvidia_vram()
    return Hardware(ram, vram, name)


def _nvidia_vram() -> tuple[int, str]:
    try:
        import pynvml  # type: ignore[import-not-found]
    except ImportError:
        return 0, ""
    try:
        pynvml.nvmlInit()
        try:
            handle = pynvml.nvmlDeviceGetHandleByIndex(0)
            name = pynvml.nvmlDeviceGetName(handle)
            total = int(pynvml.nvmlDeviceGetMemoryInfo(handle).total)
        finally:
            pynvml.nvmlShutdown()
    except Exception:  # no driver, no device: no GPU to count on
        return 0, ""
    return total, name.decode() if isinstance(name, bytes) else str(name)
