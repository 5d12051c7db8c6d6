"""The async façade: the source of both clients (the sync one is generated from it by scripts/unasync.py)."""
