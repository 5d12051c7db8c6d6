from enum import StrEnum


class ChatCompletionRequestDeveloperMessageRole(StrEnum):
    DEVELOPER = "developer"

    def __str__(self) -> str:
        return str(self.value)
