import sys

from app.enrolment.cli import main

sys.exit(main())
