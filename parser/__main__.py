"""``python -m parser`` is the ``scoreline`` command."""

from .cli import main

raise SystemExit(main())
