#!/usr/bin/env python
"""Django's command-line utility; `humandesk` (the installed CLI) does the same and more."""
import sys

from humandesk.cli import main

if __name__ == "__main__":
    sys.exit(main(["manage", *sys.argv[1:]]))
