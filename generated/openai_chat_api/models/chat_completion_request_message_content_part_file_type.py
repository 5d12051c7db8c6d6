from enum import StrEnum


class ChatCompletionRequestMessageContentPartFileType(StrEnum):
    FILE = "file"

    def __str__(self) -> str:
        return str(self.value)
