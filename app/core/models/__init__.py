"""The local model library: GGUF metadata, validation, starter models (and, later, downloads)."""
