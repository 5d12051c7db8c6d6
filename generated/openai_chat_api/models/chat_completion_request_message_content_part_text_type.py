from enum import StrEnum


class ChatCompletionRequestMessageContentPartTextType(StrEnum):
    TEXT = "text"

    def __str__(self) -> str:
        return str(self.value)
