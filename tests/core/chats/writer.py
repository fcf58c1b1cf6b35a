"""Helper for the kill -9 test: append messages forever, printing each id once stored."""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[3]))

from app.core.chats.store import ChatStore

store = ChatStore(Path(sys.argv[1]))
chat = store.create_chat("writer")
n = 0
while True:
    message = store.add_message(chat.id, "assistant", f"message {n} " + "text " * 50)
    print(message.id, flush=True)
    n += 1
