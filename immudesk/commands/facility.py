"""`immudesk facility [--state NC|MN] [--name ...] ...`: set the facility's fields and print them as JSON."""
from __future__ import annotations

import json
from dataclasses import asdict

from ..errors import UserError
from ..model import FACILITY_FIELDS
from ..states import state_codes


def register(subparsers) -> None:
    parser = subparsers.add_parser("facility", help="set the facility's details (the state decides the law)")
    for name in FACILITY_FIELDS:
        option = "--" + name.replace("_", "-")
        parser.add_argument(option, dest=name, metavar=name.upper())
    parser.set_defaults(run=run)


def run(args, context) -> int:
    fields = {name: getattr(args, name).strip() for name in FACILITY_FIELDS if getattr(args, name) is not None}
    if "state" in fields:
        fields["state"] = fields["state"].upper()
        if fields["state"] not in state_codes():
            raise UserError(f"--state {fields['state']!r}: immudesk knows the law of " + ", ".join(state_codes()))
    with context.open_store() as store:
        facility = store.update_facility(**fields)
    print(json.dumps(asdict(facility), indent=2, ensure_ascii=False))
    return 0
