"""SEND appeal rights, mediation certificates and Tribunal deadlines in England.

The public API, importable from the package itself::

    from datetime import date
    from sendrules import appeal_deadline, certificate_needed

    answer = appeal_deadline(date(2025, 10, 1), date(2025, 11, 29), today=date(2025, 12, 1))
    answer.last_day            # date(2026, 1, 2)
    certificate_needed("plan-contents", ["I"]).needed   # False

Names are loaded from their modules the first time they are used, so
``import sendrules`` stays quick (it matters in the browser, where the package
starts inside a web worker).
"""

from __future__ import annotations

from importlib import import_module

__version__ = "0.1.0"

# Public name -> module that defines it.
_EXPORTS: dict[str, str] = {
    # time_limits
    "appeal_deadline": "time_limits",
    "dd_claim_deadline": "time_limits",
    "AppealDeadline": "time_limits",
    "DDClaimDeadline": "time_limits",
    # mediation
    "mediation_timeline": "mediation",
    "MediationTimeline": "mediation",
    "mediation_agreement_duties": "mediation",
    # appeals
    "DECISIONS": "appeals",
    "Decision": "appeals",
    "CertificateAnswer": "appeals",
    "AppealRight": "appeals",
    "NOT_APPEALABLE": "appeals",
    "certificate_needed": "appeals",
    "appeal_right": "appeals",
    "get_decision": "appeals",
    "parse_sections": "appeals",
    # forms
    "DateInputError": "forms",
    "parse_date_fields": "forms",
    "parse_iso_date": "forms",
    "date_from_fields": "forms",
    "check_not_future": "forms",
    "check_not_before": "forms",
    "long_date": "forms",
    # results
    "Result": "results",
    "Step": "results",
    "Alternative": "results",
    # sources
    "Source": "sources",
    "SOURCES": "sources",
    "cite": "sources",
    "RULES_LAST_CHECKED": "sources",
    # errors
    "SendRulesError": "errors",
    "InvalidDateError": "errors",
    "DateOrderError": "errors",
    "FutureDateError": "errors",
    "UnsupportedDateError": "errors",
    "BeyondHolidayDataError": "errors",
    "UnknownDecisionError": "errors",
}

_SUBMODULES = frozenset(
    {"appeals", "calendar", "cli", "errors", "forms", "mediation", "results", "sources", "time_limits"}
)

__all__ = ["__version__", *_EXPORTS]


def __getattr__(name: str) -> object:
    module = _EXPORTS.get(name)
    if module is not None:
        value = getattr(import_module(f".{module}", __name__), name)
        globals()[name] = value
        return value
    if name in _SUBMODULES:
        return import_module(f".{name}", __name__)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted({*globals(), *_EXPORTS, *_SUBMODULES})
