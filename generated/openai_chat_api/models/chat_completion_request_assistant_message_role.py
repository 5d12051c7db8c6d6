from enum import StrEnum


class ChatCompletionRequestAssistantMessageRole(StrEnum):
    ASSISTANT = "assistant"

    def __str__(self) -> str:
        return str(self.value)
