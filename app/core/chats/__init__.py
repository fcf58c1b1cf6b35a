"""Chats on disk (SQLite): the store, its schema and search."""
