"""The bundle's entry point: `madoguchi` (and `madoguchi-console` on Windows)."""

import sys

from ui.app import main

if __name__ == "__main__":
    sys.exit(main())
