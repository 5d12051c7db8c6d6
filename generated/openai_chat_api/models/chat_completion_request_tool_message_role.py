from enum import StrEnum


class ChatCompletionRequestToolMessageRole(StrEnum):
    TOOL = "tool"

    def __str__(self) -> str:
        return str(self.value)
