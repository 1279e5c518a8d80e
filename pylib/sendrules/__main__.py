"""``python -m sendrules``: the command line (see :mod:`sendrules.cli`)."""

from .cli import main

raise SystemExit(main())
