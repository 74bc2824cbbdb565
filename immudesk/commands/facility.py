"""`immudesk facility [--state CODE] [--name ...] ...`: set the facility's fields and print them as JSON."""
from __future__ import annotations

import json
import sys
from dataclasses import asdict

from ..errors import UserError
from ..i18n import N_, _
from ..model import FACILITY_FIELDS, Facility
from ..states import state_codes

# What each field is for (`facility --help`); the NC form's field numbers are those of DHHS 2900A.
FIELD_HELP = {
    "state": N_("the state whose law applies everywhere (statuses, letters, the report): one of {states}"),
    "name": N_("the facility's name as on its license (2900A field 3a)"),
    "facility_id": N_("the license number (2900A field 2)"),
    "county": N_("the county the facility is in (2900A field 1)"),
    "care_type": N_("the type of care, e.g. 'Family Child Care Home'; several separated by ';' (2900A field 3)"),
    "operator": N_("the operator's (director's) name, for letters and the report (2900A field 7)"),
    "email": N_("the facility's (operator's) e-mail address (2900A field 8)"),
    "phone": N_("the facility's phone number (2900A field 6)"),
    "address": N_("the street address (2900A field 3b)"),
    "mailing_address": N_("the mailing address when it differs from the street address (2900A field 3c)"),
    "city": N_("the city (2900A field 4)"),
    "zip": N_("the ZIP code (2900A field 5)"),
    "reporter_name": N_("who completes the report, when not the operator (2900A field 9)"),
    "reporter_email": N_("that person's e-mail address, when not the facility's (2900A field 10)"),
}


def register(subparsers) -> None:
    states = ", ".join(state_codes())   # one data file each in resources/states/
    parser = subparsers.add_parser(
        "facility", help=_("set the facility's details (the state decides the law)"),
        description=_("Set the given fields of the facility's details and print them all as JSON. With no option, "
                      "just print them. The state decides which law applies; the annual report and the e-mail to "
                      "the state need the fields the state's form asks for. "
                      "States immudesk knows: {states}.").format(states=states))
    for name in FACILITY_FIELDS:
        option = "--" + name.replace("_", "-")
        parser.add_argument(option, dest=name, metavar="CODE" if name == "state" else "TEXT",
                            help=_(FIELD_HELP[name]).format(states=states))
    parser.set_defaults(run=run)


def run(args, context) -> int:
    fields = {name: getattr(args, name).strip() for name in FACILITY_FIELDS if getattr(args, name) is not None}
    if "state" in fields:
        fields["state"] = fields["state"].upper()
        if fields["state"] not in state_codes():
            raise UserError(f"--state {fields['state']!r}: " + _("immudesk knows the law of {states}").format(
                states=", ".join(state_codes())))
    with context.open_store() as store:
        facility = store.update_facility(**fields)
    print(json.dumps(asdict(facility), indent=2, ensure_ascii=False))
    return 0


def _set_with(names) -> str:
    command = "immudesk facility " + " ".join(f"--{name.replace('_', '-')} " + ("CODE" if name == "state" else "...")
                                              for name in names)
    return command + (" (" + _("CODE: one of {states}").format(states=", ".join(state_codes())) + ")"
                      if "state" in names else "")


def note_if_state_not_set(store) -> None:
    """Commands that judge by state law say so when nobody chose the state (the default law is applied)."""
    if not store.facility_state_chosen():
        print("immudesk: " + _("no state is set for the facility, so {state} law (the default) was applied; set "
                               "yours with: {command}").format(state=Facility().state, command=_set_with(["state"])),
              file=sys.stderr)


def require_form_fields(store, what: str) -> None:
    """The annual report and the e-mail to the state go only with the facility fields the state's form asks for
    (its state file's report.facility_fields): one line naming what is missing and how to set it."""
    from ..states import load_state

    if not store.facility_state_chosen():
        raise UserError(f"{what} follows the state's form, and no state is set for the facility; "
                        f"set it first with: {_set_with(['state'])}")
    facility = store.facility()
    try:
        rules = load_state(facility.state)
    except ValueError as error:   # StateRulesError: a state with no file, or a broken one
        raise UserError(str(error)) from None
    missing = [name for name in rules.report_facility_fields if not getattr(facility, name).strip()]
    if missing:
        words = ", ".join(name.replace("_", " ").replace("facility id", "facility ID") for name in missing)
        raise UserError(f"{what} needs the facility's {words} ({rules.code}'s form asks for them); "
                        f"set them with: {_set_with(missing)}")
