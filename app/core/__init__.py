"""Hearth's core: pure Python, no Qt. Everything the window and the CLI share lives here."""
