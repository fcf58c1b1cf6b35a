"""The Models window: find and download models from Hugging Face, and manage the local ones."""
