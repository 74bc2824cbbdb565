"""ACIP dose evaluation and forecast (CDC CDSi): rule tables from resources/acip, pure functions, no I/O."""
from .engine import (
    AdministeredDose,
    DoseResult,
    EvaluationError,
    Forecast,
    GroupResult,
    evaluate,
)

__all__ = ["AdministeredDose", "DoseResult", "EvaluationError", "Forecast", "GroupResult", "evaluate"]
