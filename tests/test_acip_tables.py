"""The ACIP rule tables: they match CDC's supporting data, and a broken table is refused with a clear message."""
from __future__ import annotations

import importlib.util
import json
import shutil
from pathlib import Path

import pytest

from immudesk import vaccines
from immudesk.acip import tables
from immudesk.acip.tables import TableError, load, load_from
from immudesk.resources import resource_path

REPO = Path(__file__).resolve().parents[1]
CDSI = Path(__file__).resolve().parents[2] / "shared" / "cdsi"
SUPPORTING_DATA = CDSI / "supporting-data-4.65"      # the current release, as JSON: what resources/acip/ is made from
SUPPORTING_DATA_XML = CDSI / "supporting-data"      # the previous release (4.64), as XML


def _derive_tool():
    spec = importlib.util.spec_from_file_location("derive_acip_tables", REPO / "tools" / "derive_acip_tables.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.skipif(not SUPPORTING_DATA.is_dir(), reason=f"CDC supporting data not found at {SUPPORTING_DATA} "
                                                          "(CI provides ../shared/cdsi)")
def test_committed_tables_are_what_the_generator_makes_from_cdc_data():
    tool = _derive_tool()
    fresh = tool.derive(SUPPORTING_DATA)
    assert set(fresh) == {f"antigens/{name}.json" for name in tables.ANTIGEN_NAMES} | {"schedule.json"}
    for relative, table in fresh.items():
        committed = resource_path("acip", *relative.split("/")).read_text(encoding="utf-8")
        assert committed == tool.dump(table), (
            f"resources/acip/{relative} differs from CDC's data; run tools/derive_acip_tables.py")
        assert "supporting data 4.65" in table["source"]


@pytest.mark.skipif(not SUPPORTING_DATA.is_dir(), reason=f"CDC supporting data not found at {SUPPORTING_DATA}")
def test_committed_cvx_table_is_what_the_generator_makes_from_cdc_data():
    spec = importlib.util.spec_from_file_location("derive_cvx_table", REPO / "tools" / "derive_cvx_table.py")
    tool = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(tool)
    fresh = tool.derive(SUPPORTING_DATA / "ScheduleSupportingData.json")
    assert resource_path("acip", "cvx.csv").read_text(encoding="utf-8") == fresh.replace("\r\n", "\n")


@pytest.mark.skipif(not (SUPPORTING_DATA.is_dir() and SUPPORTING_DATA_XML.is_dir()),
                    reason=f"CDC supporting data 4.64 (XML) and 4.65 (JSON) not both found in {CDSI}")
def test_the_xml_and_json_readers_see_only_what_cdc_changed_from_4_64_to_4_65():
    """Both formats go through one reader; what differs between the releases is what CDC's notes say changed."""
    tool = _derive_tool()
    old, new = tool.derive(SUPPORTING_DATA_XML), tool.derive(SUPPORTING_DATA)
    for name in ("Hib", "Pneumococcal", "Diphtheria", "Tetanus"):
        relative = f"antigens/{name}.json"
        assert old[relative]["series"] == new[relative]["series"], f"{name}: 4.64 and 4.65 agree for a healthy child"

    def hepb_cvx(tables_: dict, series_name: str) -> set[str]:
        series = next(s for s in tables_["antigens/HepB.json"]["series"] if s["name"] == series_name)
        return {v["cvx"] for dose in series["doses"] for v in dose.get("allowable", [])}

    assert "193" not in hepb_cvx(old, "HepB 3-dose series") and "193" in hepb_cvx(new, "HepB 3-dose series")
    conflicts = {(c["previous"], c["current"]): c["end"] for c in new["schedule.json"]["live_virus_conflicts"]}
    assert conflicts[("37", "03")] == "28 days"           # yellow fever before MMR: 28 days now, 30 before
    assert len(new["antigens/HepA.json"]["series"]) > len(old["antigens/HepA.json"]["series"])   # adult HepA series


def test_shipped_tables_cover_every_antigen_of_the_eight_groups():
    loaded = load()
    for group in vaccines.GROUP_NAMES:
        for antigen in vaccines.group(group).antigens:
            series = loaded.antigens[antigen].series
            assert series, antigen
            # Every series group a child can follow has a default series to fall back on (Table 8-3).
            assert any(s.default for s in series if s.group == "1"), antigen


def test_shipped_tables_hold_the_facts_providers_know():
    loaded = load()
    hib = {s.name: s for s in loaded.antigens["Hib"].series}
    assert hib["Hib PRP-OMP 3-dose series"].product_path
    assert len(hib["Hib PRP-OMP 3-dose series"].doses) == 3
    booster = hib["Hib start at 2 months 4-dose series"].doses[3]
    assert "146" in booster.allowable and "146" not in booster.preferable      # Vaxelis only allowable as booster
    assert booster.fixed_age.min == tables.Span(12, 0)
    polio_dose_4 = {s.name: s for s in loaded.antigens["Polio"].series}["Polio 4-dose series"].doses[3]
    assert len(polio_dose_4.ages) == 2                                           # effective-dated 2009-08-07 rule
    mmr_to_varicella = loaded.live_virus_conflicts[("03", "21")]
    assert mmr_to_varicella.min_end == mmr_to_varicella.end == tables.Span(0, 28)   # no grace between live vaccines
    assert loaded.antigens["Measles"].immune_if_born_before.isoformat() == "1957-01-01"


@pytest.fixture
def table_copy(tmp_path) -> Path:
    folder = tmp_path / "acip"
    shutil.copytree(resource_path("acip"), folder)
    return folder


def _edit(folder: Path, relative: str, change):
    path = folder / relative
    data = json.loads(path.read_text(encoding="utf-8"))
    change(data)
    path.write_text(json.dumps(data), encoding="utf-8")


def test_an_untouched_copy_loads(table_copy):
    assert set(load_from(table_copy).antigens) == set(tables.ANTIGEN_NAMES)


def test_an_unknown_cvx_is_refused(table_copy):
    _edit(table_copy, "antigens/Hib.json",
          lambda d: d["series"][0]["doses"][0]["preferable"].append({"cvx": "9999"}))
    with pytest.raises(TableError, match=r"Hib\.json: Hib start at 2 months 4-dose series, dose 1: CVX 9999 is not in"):
        load_from(table_copy)


def test_a_vaccine_that_does_not_protect_against_the_antigen_is_refused(table_copy):
    # MMR (CVX 03) listed as a Hib vaccine: cvx.csv knows 03, but not as Hib.
    _edit(table_copy, "antigens/Hib.json",
          lambda d: d["series"][0]["doses"][0]["allowable"].append({"cvx": "03"}))
    with pytest.raises(TableError, match="CVX 03 counts for Hib, but cvx.csv says it protects against Measles, Mumps"):
        load_from(table_copy)


def test_an_unreadable_duration_is_refused(table_copy):
    _edit(table_copy, "antigens/Polio.json",
          lambda d: d["series"][0]["doses"][1]["intervals"][0].update(min="four weeks"))
    with pytest.raises(TableError, match=r"Polio\.json: Polio 4-dose series, dose 2: min 'four weeks'"):
        load_from(table_copy)


def test_an_interval_from_a_dose_that_does_not_come_first_is_refused(table_copy):
    _edit(table_copy, "antigens/HepB.json",
          lambda d: d["series"][0]["doses"][2]["intervals"].append({"from_target_dose": 5, "abs_min": "4 weeks"}))
    with pytest.raises(TableError, match="interval from dose 5, which does not come before dose 3"):
        load_from(table_copy)


def test_an_unknown_condition_type_is_refused(table_copy):
    def change(data):
        condition = data["series"][0]["doses"][1]["skips"][0]["sets"][0]["conditions"][0]
        condition["type"] = "completed series"
    _edit(table_copy, "antigens/Hib.json", change)
    with pytest.raises(TableError, match="condition type 'completed series' is not one the engine knows"):
        load_from(table_copy)


def test_doses_out_of_order_are_refused(table_copy):
    _edit(table_copy, "antigens/HepA.json", lambda d: d["series"][0]["doses"].reverse())
    with pytest.raises(TableError, match="doses must be numbered 1, 2, 3"):
        load_from(table_copy)


def test_a_live_virus_conflict_with_an_unknown_vaccine_is_refused(table_copy):
    _edit(table_copy, "schedule.json", lambda d: d["live_virus_conflicts"][0].update(current="8888"))
    with pytest.raises(TableError, match=r"schedule\.json: live virus conflict 1: CVX 8888 is not in"):
        load_from(table_copy)


def test_a_missing_or_damaged_file_is_named(table_copy):
    (table_copy / "antigens" / "Varicella.json").write_text("{", encoding="utf-8")
    with pytest.raises(TableError, match=r"Varicella\.json: not valid JSON"):
        load_from(table_copy)
    (table_copy / "antigens" / "Varicella.json").unlink()
    with pytest.raises(TableError, match=r"Varicella\.json: missing; run tools/derive_acip_tables\.py"):
        load_from(table_copy)
