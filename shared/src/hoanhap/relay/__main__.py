import sys

from hoanhap.relay.cli import main

sys.exit(main())
