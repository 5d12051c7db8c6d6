"""A client library for accessing Chat Completions (openai-chat pinned surface)"""

from .client import AuthenticatedClient, Client

__all__ = (
    "AuthenticatedClient",
    "Client",
)
