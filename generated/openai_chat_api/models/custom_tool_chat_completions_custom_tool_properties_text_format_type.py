from enum import StrEnum


class CustomToolChatCompletionsCustomToolPropertiesTextFormatType(StrEnum):
    TEXT = "text"

    def __str__(self) -> str:
        return str(self.value)
