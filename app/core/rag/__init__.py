"""Local documents: extract → chunk → embed → store (Chroma + SQLite FTS5) → retrieve → cite.

`service.DocsService` ties the pieces together; it runs in the index host
(`app.core.hosts.index_client`), and in-process for tests and benchmarks.
"""
