from enum import StrEnum


class PromptCacheModeEnum(StrEnum):
    EXPLICIT = "explicit"
    IMPLICIT = "implicit"

    def __str__(self) -> str:
        return str(self.value)
