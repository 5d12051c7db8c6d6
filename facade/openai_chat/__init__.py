"""openai_chat: a fast, light client for the OpenAI Chat Completions API."""

__all__: list[str] = []
