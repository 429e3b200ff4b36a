"""``python -m newsmodel``: the command line."""

import sys

from newsmodel.cli import main

sys.exit(main())
