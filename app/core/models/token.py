"""The user's Hugging Face access token, kept in a file only the user can read.

`<config>/hf_token`, mode 0600, written atomically. Hearth never logs it, never puts it in an
error message, and never reads the token other tools saved (huggingface-cli's): the user gives
it to Hearth on purpose, for gated models. (An OS keyring was left out: on Linux without a
running secret service it fails, and this file is what it would fall back to anyway.)
"""

from __future__ import annotations

import os
from pathlib import Path

FILE_NAME = "hf_token"


def token_path(config_dir: Path) -> Path:
    return config_dir / FILE_NAME


def load_token(config_dir: Path) -> str | None:
    try:
        text = token_path(config_dir).read_text(encoding="utf-8").strip()
    except OSError:
        return None
    return text or None


def save_token(config_dir: Path, token: str) -> None:
    """Store `token` (or remove the file when it is empty), readable by this user only."""
    path = token_path(config_dir)
    token = token.strip()
    if not token:
        path.unlink(missing_ok=True)
        return
    config_dir.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{FILE_NAME}.tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as handle:
        handle.write(token)
    os.chmod(tmp, 0o600)
    os.replace(tmp, path)
