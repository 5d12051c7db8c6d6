from enum import StrEnum


class ChatCompletionRequestSystemMessageRole(StrEnum):
    SYSTEM = "system"

    def __str__(self) -> str:
        return str(self.value)
