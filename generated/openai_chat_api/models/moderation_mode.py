from enum import StrEnum


class ModerationMode(StrEnum):
    BLOCK = "block"
    SCORE = "score"

    def __str__(self) -> str:
        return str(self.value)
