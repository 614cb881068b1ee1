import sys

from bot.storage.migrations import main

raise SystemExit(main(sys.argv[1:]))
