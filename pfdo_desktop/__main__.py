import sys

from pfdo_desktop.cli import main

sys.exit(main())
