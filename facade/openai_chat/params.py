"""Request parameter types (``TypedDict``s and ``Literal`` enums), generated from the spec.

``CreateParams`` types the keyword arguments of ``chat.create``; the others type its nested values::

    from openai_chat.params import ChatCompletionToolParam

    weather: ChatCompletionToolParam = {"type": "function", "function": {"name": "get_weather"}}
"""

from openai_chat_api.request_types import *  # noqa: F403
from openai_chat_api.request_types import __all__ as __all__
