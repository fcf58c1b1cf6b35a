"""The llama.cpp runtime: load a GGUF, stream a chat or a completion, cancel, report timings."""
