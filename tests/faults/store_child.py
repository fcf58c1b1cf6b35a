"""A child for the store fault probes: open the store, add messages, print each acknowledged id.

    python store_child.py DB COUNT [FSIZE_LIMIT]

Prints `ack <id>` once a message is stored (the store's promise: it is on disk), `error <text>`
for a clear `ChatStoreError`, and exits 0; anything else is a traceback and exit 1. With
FSIZE_LIMIT, files may not grow past that many bytes (a full disk without root).
"""

import resource
import signal
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from app.core.chats.store import ChatStore
from app.core.errors import ChatStoreError


def main() -> None:
    path, count = Path(sys.argv[1]), int(sys.argv[2])
    if len(sys.argv) > 3:
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # writes fail with EFBIG instead
        limit = int(sys.argv[3])
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))
    try:
        with ChatStore(path) as store:
            chat = store.create_chat(f"child {count}")
            for n in range(count):
                message = store.add_message(chat.id, "user", f"message {n} " + "text " * 40)
                print(f"ack {message.id}", flush=True)
    except ChatStoreError as exc:
        print(f"error {exc}", flush=True)


main()
