import sys

from hoanhap.consumers.cli import main

sys.exit(main())
