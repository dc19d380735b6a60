"""The bundle's `madoguchi-card-demo`: `python -m cardreader.virtual` of the source tree."""

import sys

from cardreader.virtual.__main__ import main

if __name__ == "__main__":
    sys.exit(main())
