"""``python -m openleaf``: the ``publish`` command."""

from .publish import command

command()
