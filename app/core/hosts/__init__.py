"""Child-process hosts: the engine (and later the index) run apart from the window."""
