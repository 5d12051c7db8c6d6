from enum import StrEnum


class ChatCompletionModerationResultsType(StrEnum):
    MODERATION_RESULTS = "moderation_results"

    def __str__(self) -> str:
        return str(self.value)
