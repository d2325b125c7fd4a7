#!/usr/bin/env python
"""The peers project's manage.py, for `makemigrations cards` after changing cards/models.py:
`.venv-bench/bin/python benchmarks/peers/manage.py makemigrations cards` (with SECRET_KEY and
MEDIA_ROOT set)."""

import os
import sys

from django.core.management import execute_from_command_line

if __name__ == "__main__":
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "peers.settings")
    execute_from_command_line(sys.argv)
