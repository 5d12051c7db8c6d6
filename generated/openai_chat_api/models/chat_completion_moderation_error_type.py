from enum import StrEnum


class ChatCompletionModerationErrorType(StrEnum):
    ERROR = "error"

    def __str__(self) -> str:
        return str(self.value)
