"""ACIP dose evaluation and forecast (CDC CDSi): rule tables from resources/acip, pure functions, no I/O.

    results = evaluate(birth_date, [AdministeredDose(date, "107"), ...], assessment_date,
                       immunity=frozenset({"Varicella"}))      # antigens with evidence of immunity
    results["DTaP"].series_status      # "complete" | "not_complete" | "aged_out" | "immune" | "contraindicated"
    results["DTaP"].doses              # DoseResult(date, cvx, "valid"|"not_valid"|"extraneous", CDC reason)
    results["DTaP"].forecast           # Forecast(dose_number, earliest, recommended, past_due) or None

All eight groups are always present. Doses dated after the assessment date are not part of the record as of
that date and are left out. A valid dose has reason None, or "Grace period" when it counts only thanks to the
4-day grace period. EvaluationError (a ValueError) names input that cannot be evaluated: an unknown CVX, a dose
before birth, an assessment date before birth, an unknown antigen in `immunity`.
"""
from .engine import (
    AdministeredDose,
    DoseResult,
    EvaluationError,
    Forecast,
    GroupResult,
    evaluate,
)

__all__ = ["AdministeredDose", "DoseResult", "EvaluationError", "Forecast", "GroupResult", "evaluate"]
