"""``python -m parser`` is the ``scoreline`` command."""

from .cli.main import main

raise SystemExit(main())
