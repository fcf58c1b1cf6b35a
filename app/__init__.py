"""Hearth: chat with local language models, offline."""

__version__ = "0.1.0"
