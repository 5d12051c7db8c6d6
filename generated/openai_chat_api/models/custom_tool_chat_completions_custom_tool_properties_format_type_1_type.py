from enum import StrEnum


class CustomToolChatCompletionsCustomToolPropertiesFormatType1Type(StrEnum):
    GRAMMAR = "grammar"

    def __str__(self) -> str:
        return str(self.value)
