import sys

from cardreader.cli import main

sys.exit(main())
