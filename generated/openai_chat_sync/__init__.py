"""The sync façade, generated from ``openai_chat._async`` by scripts/unasync.py."""
