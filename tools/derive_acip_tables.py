"""Derive immudesk's ACIP rule tables (resources/acip/antigens/*.json, resources/acip/schedule.json) from CDC CDSi data.

Run by a maintainer when CDC publishes new supporting data:
    python tools/derive_acip_tables.py ../shared/cdsi/supporting-data-4.65
It reads CDC's AntigenSupportingData-*.xml and ScheduleSupportingData.xml, or the same content as JSON
(AntigenSupportingData-*.json, ScheduleSupportingData.json: one key per XML element, a list for an element
that repeats), and writes facts only, in our own
compact JSON: the series a healthy person can follow (Standard and Evaluation Only series; Risk series need
medical conditions we do not record, so they are dropped), their doses, ages, intervals, conditional skips,
vaccines and series-selection attributes, evidence of immunity by birth date, and the live-virus conflicts
between vaccines we know (resources/acip/cvx.csv). tests/test_acip_tables.py regenerates the tables in memory
and compares them with the committed files, so the two cannot drift apart silently.
"""
from __future__ import annotations

import csv
import json
import re
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
OUT_DIR = REPO / "resources" / "acip"

# The twelve antigens behind the eight child-care vaccine groups (resources/vaccines.json).
ANTIGENS = ("Diphtheria", "Tetanus", "Pertussis", "Polio", "Hib", "Pneumococcal", "HepB",
            "Measles", "Mumps", "Rubella", "Varicella", "HepA")
KEPT_SERIES_TYPES = ("Standard", "Evaluation Only")


def _element(tag: str, value) -> ET.Element:
    """The JSON form of CDC's supporting data as the XML tree it mirrors, so one reader serves both formats."""
    element = ET.Element(tag)
    if isinstance(value, dict):
        for key, child in value.items():
            for item in child if isinstance(child, list) else [child]:
                element.append(_element(key, item))
    elif value is not None:
        element.text = str(value)
    return element


def read_root(path: Path) -> ET.Element:
    """The root element of a CDC supporting-data file, XML or JSON."""
    if path.suffix == ".json":
        (tag, content), = json.loads(path.read_text(encoding="utf-8")).items()
        return _element(tag, content)
    return ET.parse(path).getroot()


def data_file(folder: Path, stem: str) -> Path:
    """CDC's file `stem` in the folder, as XML or JSON (one of the two must be there)."""
    for suffix in (".xml", ".json"):
        if (folder / (stem + suffix)).is_file():
            return folder / (stem + suffix)
    raise FileNotFoundError(f"{folder} has neither {stem}.xml nor {stem}.json")


def _text(element, tag: str) -> str:
    found = element.find(tag) if element is not None else None
    return (found.text or "").strip() if found is not None and found.text else ""


def _cdc_date(text: str) -> str:
    """CDC's XML writes effective dates as YYYYMMDD and birth dates as MM/DD/YYYY, its JSON ISO dates; we keep ISO."""
    text = text.strip()
    if not text or (len(text) == 10 and text[4] == "-" and text[7] == "-"):
        return text
    if "/" in text:
        month, day, year = text.split("/")
        return f"{int(year):04d}-{int(month):02d}-{int(day):02d}"
    return f"{text[0:4]}-{text[4:6]}-{text[6:8]}"


def _cvx_list(text: str) -> list[str]:
    return [code.strip() for code in text.replace(",", ";").split(";") if code.strip()]


def _dose_number(text: str) -> int:
    return int(text.replace("Dose", "").strip())


def _compact(record: dict) -> dict:
    """Drop empty values so the tables stay short; the loader treats a missing key as 'not given'."""
    return {key: value for key, value in record.items() if value not in ("", None, [], False)}


def _age(element) -> dict:
    return _compact({
        "abs_min": _text(element, "absMinAge"), "min": _text(element, "minAge"),
        "earliest_rec": _text(element, "earliestRecAge"), "latest_rec": _text(element, "latestRecAge"),
        "max": _text(element, "maxAge"),
        "effective": _cdc_date(_text(element, "effectiveDate")), "cessation": _cdc_date(_text(element, "cessationDate")),
    })


def _interval(element, allowable: bool = False) -> dict:
    target = _text(element, "fromTargetDose")
    record = {
        "from_previous": _text(element, "fromPrevious") == "Y",
        "from_target_dose": int(target) if target else None,
        "from_most_recent": _cvx_list(_text(element, "fromMostRecent")),
        "abs_min": _text(element, "absMinInt"),
    }
    if not allowable:
        record.update({
            "min": _text(element, "minInt"), "earliest_rec": _text(element, "earliestRecInt"),
            "latest_rec": _text(element, "latestRecInt"),
            "priority_flag": _text(element, "intervalPriority") == "override",
        })
    record.update({"effective": _cdc_date(_text(element, "effectiveDate")),
                   "cessation": _cdc_date(_text(element, "cessationDate"))})
    return _compact(record)


def _vaccines(dose, tag: str) -> list[dict]:
    vaccines = []
    for element in dose.findall(tag):
        cvx = _text(element, "cvx")
        if not cvx:
            continue
        vaccines.append(_compact({
            "cvx": cvx, "begin_age": _text(element, "beginAge"), "end_age": _text(element, "endAge"),
            "forecast": _text(element, "forecastVaccineType") == "Y",
        }))
    return vaccines


def _condition(element) -> dict:
    count = _text(element, "doseCount")
    return _compact({
        "type": _text(element, "conditionType").lower(),   # "age", "interval", "vaccine count by age", ...
        "begin_age": _text(element, "beginAge"), "end_age": _text(element, "endAge"),
        "start_date": _cdc_date(_text(element, "startDate")), "end_date": _cdc_date(_text(element, "endDate")),
        "interval": _text(element, "interval"),
        "dose_count": int(count) if count else None,
        "dose_type": _text(element, "doseType").lower(),          # "valid" or "total"
        "count_logic": _text(element, "doseCountLogic").lower(),  # "greater than", "equal to", "less than"
        "cvx": _cvx_list(_text(element, "vaccineTypes")),
        "series_groups": _cvx_list(_text(element, "seriesGroups")),
    })


def _skip(element) -> dict:
    sets = []
    for set_element in element.findall("set"):
        sets.append(_compact({
            "logic": (_text(set_element, "conditionLogic") or "AND").upper(),
            "effective": _cdc_date(_text(set_element, "effectiveDate")),
            "cessation": _cdc_date(_text(set_element, "cessationDate")),
            "conditions": [_condition(c) for c in set_element.findall("condition")],
        }))
    set_logic = _text(element, "setLogic").upper()
    return {"context": _text(element, "context").lower(), "set_logic": "OR" if set_logic == "OR" else "AND",
            "sets": sets}


def _dose(element) -> dict:
    skips = [_skip(s) for s in element.findall("conditionalSkip") if _text(s, "context")]
    return _compact({
        "number": _dose_number(_text(element, "doseNumber")),
        # An empty <age/> (the XML's way of saying "no age rule") is left out, as the JSON leaves it out.
        "ages": [age for age in map(_age, element.findall("age")) if age],
        "intervals": [_interval(i) for i in element.findall("interval") if _text(i, "absMinInt") or _text(i, "minInt")],
        "allowable_intervals": [_interval(i, allowable=True) for i in element.findall("allowableInterval")
                                if _text(i, "absMinInt")],
        "preferable": _vaccines(element, "preferableVaccine"),
        "allowable": _vaccines(element, "allowableVaccine"),
        "inadvertent": [_text(i, "cvx") for i in element.findall("inadvertentVaccine") if _text(i, "cvx")],
        "skips": skips,
        "recurring": _text(element, "recurringDose") == "Yes",
    })


def _series(element) -> dict:
    select = element.find("selectSeries")
    equivalent = _text(element, "equivalentSeriesGroups")
    return _compact({
        "name": _text(element, "seriesName"),
        "type": _text(element, "seriesType"),
        "group": _text(select, "seriesGroup"),
        "equivalent_group": equivalent,
        "default": _text(select, "defaultSeries") == "Yes",
        "product_path": _text(select, "productPath") == "Yes",
        "preference": int(_text(select, "seriesPreference") or 1),
        "priority": _text(select, "seriesPriority"),
        "min_age_to_start": _text(select, "minAgeToStart"),
        "max_age_to_start": _text(select, "maxAgeToStart"),
        "doses": [_dose(d) for d in element.findall("seriesDose")],
    })


def data_version(folder: Path) -> str:
    """CDC's release number, from the folder's name ("supporting-data-4.65"); the files themselves carry none."""
    found = re.search(r"(\d+\.\d+)$", folder.resolve().name)
    return found.group(1) if found else "(version not in the folder name)"


def _source(path: Path) -> str:
    return f"CDC CDSi supporting data {data_version(path.parent)}, {path.name}"


def derive_antigen(path: Path) -> dict:
    root = read_root(path)
    series = [s for s in root.findall("series") if _text(s, "seriesType") in KEPT_SERIES_TYPES]
    antigen = _text(series[0], "targetDisease")
    immunity = root.find("immunity")
    birth = immunity.find("dateOfBirth") if immunity is not None else None
    return _compact({
        "antigen": antigen,
        "source": _source(path),
        # Born before this date counts as immune (e.g. measles before 1957) unless the person is in an excluded
        # group; a birth-country condition (varicella: U.S.-born before 1980) needs a fact we do not record, so
        # that rule is kept apart and not applied on its own.
        "immune_if_born_before": _cdc_date(_text(birth, "immunityBirthDate")) if birth is not None and not _text(birth, "birthCountry") else "",
        "immune_if_born_before_in": ({"date": _cdc_date(_text(birth, "immunityBirthDate")), "country": _text(birth, "birthCountry")}
                                     if birth is not None and _text(birth, "birthCountry") else None),
        "series": [_series(s) for s in series],
    })


def _known_cvx() -> set[str]:
    with (OUT_DIR / "cvx.csv").open(encoding="utf-8") as handle:
        return {row["cvx"] for row in csv.DictReader(line for line in handle if not line.startswith("#"))}


def derive_schedule(path: Path, known_cvx: set[str]) -> dict:
    """Live-virus conflicts that can invalidate a child-care vaccine.

    The current (impacted) vaccine is always one of ours; the earlier one may be another live vaccine, such as
    nasal flu vaccine (LAIV, CVX 111/149) before MMR. Those are listed as "other live vaccines" so a history can
    name them: they count for spacing only and belong to no child-care group.
    """
    root = read_root(path)
    conflicts = []
    other_live = {}
    for element in root.iter("liveVirusConflict"):
        previous, current = _text(element.find("previous"), "cvx"), _text(element.find("current"), "cvx")
        if current in known_cvx:
            if previous not in known_cvx:
                other_live[previous] = _text(element.find("previous"), "vaccineType")
            conflicts.append({"previous": previous, "current": current,
                              "begin": _text(element, "conflictBeginInterval"),
                              "min_end": _text(element, "minConflictEndInterval"),
                              "end": _text(element, "conflictEndInterval")})
    conflicts.sort(key=lambda c: (int(c["previous"]), int(c["current"])))
    # Whether a forecast for a multi-antigen group names the lowest dose number (MMR: give the whole vaccine)
    # or the highest (DTaP/Tdap/Td).
    administer_full = {_text(g, "name"): _text(g, "administerFullVaccineGroup") == "Yes"
                       for g in root.iter("vaccineGroup") if _text(g, "administerFullVaccineGroup")}
    return {"source": f"{_source(path)} (liveVirusConflicts, vaccineGroups)",
            "administer_full_vaccine_group": administer_full,
            "other_live_vaccines": dict(sorted(other_live.items(), key=lambda item: int(item[0]))),
            "live_virus_conflicts": conflicts}


def derive(supporting_data: Path) -> dict[str, dict]:
    """Every table, keyed by its path under resources/acip/ (used by main() and by the drift test)."""
    tables = {}
    for antigen in ANTIGENS:
        tables[f"antigens/{antigen}.json"] = derive_antigen(data_file(supporting_data, f"AntigenSupportingData-{antigen}-508"))
    tables["schedule.json"] = derive_schedule(data_file(supporting_data, "ScheduleSupportingData"), _known_cvx())
    return tables


def dump(table: dict) -> str:
    return json.dumps(table, indent=1, ensure_ascii=False) + "\n"


def main(folder: str) -> None:
    tables = derive(Path(folder))
    for relative, table in tables.items():
        path = OUT_DIR / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(dump(table), encoding="utf-8")
        print(f"wrote {path.relative_to(REPO)}")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else str(REPO.parent / "shared" / "cdsi" / "supporting-data-4.65"))
