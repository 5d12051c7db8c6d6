from enum import StrEnum


class ChatCompletionRequestMessageContentPartRefusalType(StrEnum):
    REFUSAL = "refusal"

    def __str__(self) -> str:
        return str(self.value)
