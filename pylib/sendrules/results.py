"""Result types: every answer carries its working.

No rule in this package returns a bare date or boolean. It returns one of these
frozen dataclasses, holding:

* the answer itself (dates, a yes/no);
* ``governed_by`` / ``rule``: which rule decided it;
* ``steps``: the "because" chain, plain-English sentences a parent can follow;
* ``sources``: the legal provisions relied on (see :mod:`sendrules.sources`);
* ``alternatives``: any other defensible reading, with its date and why it
  exists, so that the earlier date can be shown and the later one named.

``to_dict()`` gives a JSON-ready dict (dates as ISO strings) for the command
line and for the browser.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from .sources import Source


@dataclass(frozen=True)
class Step:
    """One line of working: what was done, and optionally the date it gave."""

    text: str
    on: date | None = None
    source_id: str | None = None


@dataclass(frozen=True)
class Alternative:
    """Another defensible reading of the law, and the date it would give."""

    on: date
    reading: str
    why: str


def _jsonable(value: Any) -> Any:
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, Source):
        return value.to_dict()
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: _jsonable(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, (list, tuple, frozenset, set)):
        return [_jsonable(v) for v in value]
    if isinstance(value, dict):
        return {k: _jsonable(v) for k, v in value.items()}
    return value


@dataclass(frozen=True)
class Result:
    """Fields shared by every answer."""

    steps: tuple[Step, ...] = field(default=(), kw_only=True)
    sources: tuple[Source, ...] = field(default=(), kw_only=True)
    alternatives: tuple[Alternative, ...] = field(default=(), kw_only=True)
    notes: tuple[str, ...] = field(default=(), kw_only=True)

    def to_dict(self) -> dict[str, Any]:
        return _jsonable(self)
