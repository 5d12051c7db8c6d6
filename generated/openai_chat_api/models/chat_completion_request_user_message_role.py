from enum import StrEnum


class ChatCompletionRequestUserMessageRole(StrEnum):
    USER = "user"

    def __str__(self) -> str:
        return str(self.value)
