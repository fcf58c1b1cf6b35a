"""The Documents window: collections of local documents and their indexing."""
