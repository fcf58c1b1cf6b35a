"""PyInstaller hook for llama-cpp-python: its ggml/llama shared libraries live in
`llama_cpp/lib/` and are opened with ctypes by path, which PyInstaller cannot see by itself.

The Linux wheel carries three identical copies of each library (`libx.so`, `libx.so.0`,
`libx.so.0.N.M`); the bundle keeps the name llama_cpp opens and the soname the others link to.
"""

import re

from PyInstaller.utils.hooks import collect_dynamic_libs

_FULL_VERSION = re.compile(r"\.so\.\d+\.\d+")  # libllama.so.0.5.0: a third copy, never opened

binaries = [
    (src, dest) for src, dest in collect_dynamic_libs("llama_cpp") if not _FULL_VERSION.search(src)
]
