"""Prompting: safe chat-template rendering and the library of system prompts and few-shot sets."""
