from enum import StrEnum


class PromptCacheTTLEnum(StrEnum):
    VALUE_0 = "30m"

    def __str__(self) -> str:
        return str(self.value)
