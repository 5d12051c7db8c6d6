from enum import StrEnum


class ChatCompletionRequestFunctionMessageRole(StrEnum):
    FUNCTION = "function"

    def __str__(self) -> str:
        return str(self.value)
