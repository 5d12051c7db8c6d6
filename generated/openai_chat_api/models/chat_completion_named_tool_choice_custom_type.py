from enum import StrEnum


class ChatCompletionNamedToolChoiceCustomType(StrEnum):
    CUSTOM = "custom"

    def __str__(self) -> str:
        return str(self.value)
