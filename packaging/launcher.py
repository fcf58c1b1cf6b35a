"""The packaged app's entry point (PyInstaller runs this file as `__main__`)."""

import multiprocessing
import sys

if __name__ == "__main__":
    multiprocessing.freeze_support()  # the engine host is a spawned child of this executable
    from app.launch import main

    sys.exit(main())
