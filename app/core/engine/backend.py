"""Which compute backend a llama.cpp build offers, and sensible defaults for this machine."""

from __future__ import annotations

import os
import sys

# Names as llama.cpp's system info prints them, in the order we prefer to report them.
_GPU_BACKENDS = (
    ("CUDA", "CUDA"),
    ("METAL", "Metal"),
    ("HIP", "ROCm"),
    ("VULKAN", "Vulkan"),
    ("SYCL", "SYCL"),
)


def backend_name(system_info: str, offload_supported: bool, gpu_layers: int) -> str:
    """ "CPU", "CUDA", "Metal", ...: the backend that will actually run the layers."""
    if not offload_supported or gpu_layers == 0:
        return "CPU"
    upper = system_info.upper()
    for marker, name in _GPU_BACKENDS:
        if marker in upper:
            return name
    return "Metal" if sys.platform == "darwin" else "GPU"


def effective_gpu_layers(requested: int, offload_supported: bool) -> int:
    """-1 (auto) means all layers on the GPU when there is one, none otherwise."""
    if not offload_supported:
        return 0
    return requested


def default_threads() -> int:
    """Physical cores: llama.cpp gains nothing from hyper-threads and the UI needs a core."""
    try:
        import psutil

        physical = psutil.cpu_count(logical=False)
    except ImportError:
        physical = None
    return max(1, physical or os.cpu_count() or 1)
