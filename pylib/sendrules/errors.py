"""Errors a parent can act on.

Every exception raised for bad input is a :class:`SendRulesError`. Its message
follows the GOV.UK error-message pattern: it says what is wrong and how to fix
it, in plain English, with no jargon and no traceback. ``field`` names the
input at fault (``letter-sent``, ``certificate-issued``, ``conduct``,
``told-adviser``, ``decision``, ``sections`` ...) so a form can put the message
beside the right question.
"""

from __future__ import annotations


class SendRulesError(ValueError):
    """Base class: bad input, explained. ``str(err)`` is the message to show."""

    def __init__(self, message: str, *, field: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.field = field


class InvalidDateError(SendRulesError):
    """A date that is missing, incomplete or impossible (31 February)."""


class DateOrderError(SendRulesError):
    """Two dates in an order that cannot happen (certificate before letter)."""


class FutureDateError(SendRulesError):
    """A date that should be today or in the past, but is after ``today``."""


class UnsupportedDateError(SendRulesError):
    """A date outside what the rules cover (before 21 July 2020)."""


class BeyondHolidayDataError(SendRulesError):
    """A date beyond the bank-holiday data, where a working day cannot be known."""


class UnknownDecisionError(SendRulesError):
    """A decision or section the rules do not know."""
