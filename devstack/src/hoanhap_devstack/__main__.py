import sys

from hoanhap_devstack.cli import main

sys.exit(main())
