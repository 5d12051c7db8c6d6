from enum import StrEnum


class ChatCompletionMessageToolCallType(StrEnum):
    FUNCTION = "function"

    def __str__(self) -> str:
        return str(self.value)
