from enum import StrEnum


class CustomToolChatCompletionsType(StrEnum):
    CUSTOM = "custom"

    def __str__(self) -> str:
        return str(self.value)
