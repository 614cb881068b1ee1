"""``python -m bot``: the same commands as the ``salesbot`` console script."""

from bot.cli import main

raise SystemExit(main())
