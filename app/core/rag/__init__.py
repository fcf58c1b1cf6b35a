"""Local documents: extract, chunk, embed, store, retrieve and cite (issue "Local documents")."""
