"""QtCore controllers that run core calls off the UI thread and report back with signals."""
