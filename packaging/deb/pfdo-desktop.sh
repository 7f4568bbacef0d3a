#!/bin/sh
# /usr/bin/pfdo-desktop: the one-folder build lives in /opt/pfdo-desktop; the CLI and the GUI are one program.
exec /opt/pfdo-desktop/pfdo-desktop "$@"
