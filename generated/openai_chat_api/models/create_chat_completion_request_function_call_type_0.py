from enum import StrEnum


class CreateChatCompletionRequestFunctionCallType0(StrEnum):
    AUTO = "auto"
    NONE = "none"

    def __str__(self) -> str:
        return str(self.value)
