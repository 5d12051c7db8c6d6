from enum import StrEnum


class PredictionContentType(StrEnum):
    CONTENT = "content"

    def __str__(self) -> str:
        return str(self.value)
