import sys

from hoanhap.devstack.cli import main

sys.exit(main())
