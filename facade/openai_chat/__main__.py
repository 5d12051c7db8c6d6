"""``python -m openai_chat``: the ``openai-chat`` command."""

from .cli import main

raise SystemExit(main())
