"""The CLI's commands, one module each. Add a module here to add a command (see immudesk/cli.py)."""
from . import demo, facility, gui, roster, status

COMMAND_MODULES = [roster, facility, demo, gui, status]
