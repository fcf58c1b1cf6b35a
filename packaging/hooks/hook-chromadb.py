"""PyInstaller hook for chromadb: its settings name implementation classes as strings (the Rust
API, telemetry), which PyInstaller cannot follow, so every module of the library proper is
taken. Its tests, server, command line and protobufs are left out; so is onnxruntime, which
only its default embedding function loads (Hearth passes its own vectors)."""

from PyInstaller.utils.hooks import collect_data_files, collect_submodules

_LEFT_OUT = ("chromadb.test", "chromadb.server", "chromadb.cli", "chromadb.app", "chromadb.proto")

hiddenimports = collect_submodules("chromadb", filter=lambda name: not name.startswith(_LEFT_OUT))
datas = collect_data_files("chromadb", excludes=["test/**", "server/**", "proto/**"])
