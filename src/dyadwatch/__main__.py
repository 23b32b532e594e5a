"""`python -m dyadwatch` runs the command line."""

from dyadwatch.cli import app

app(prog_name="dyadwatch")
