"""Derive resources/acip/cvx.csv (which CVX codes protect against which antigens) from CDC's schedule data.

Run by a maintainer when CDC publishes new supporting data:
    python tools/derive_cvx_table.py ../shared/cdsi/supporting-data/ScheduleSupportingData.xml
It keeps only the twelve antigens behind the eight child-care vaccine groups and writes facts only
(code, antigens, the ages an association holds), in our own compact table.
"""
from __future__ import annotations

import csv
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ANTIGENS = {"Diphtheria", "Tetanus", "Pertussis", "Polio", "Hib", "Pneumococcal", "HepB",
            "Measles", "Mumps", "Rubella", "Varicella", "HepA"}


def main(xml_path: str) -> None:
    root = ET.parse(xml_path).getroot()
    rows = []
    for entry in root.iter("cvxMap"):
        cvx = entry.findtext("cvx").strip()
        name = entry.findtext("shortDescription").strip()
        for assoc in entry.findall("association"):
            antigen = assoc.findtext("antigen").strip()
            if antigen in ANTIGENS:
                rows.append({"cvx": cvx, "description": name, "antigen": antigen,
                             "begin_age": (assoc.findtext("associationBeginAge") or "").strip(),
                             "end_age": (assoc.findtext("associationEndAge") or "").strip()})
    out = Path(__file__).resolve().parent.parent / "resources" / "acip" / "cvx.csv"
    with out.open("w", newline="", encoding="utf-8") as handle:
        handle.write("# CVX code -> antigen it protects against. Derived from CDC CDSi ScheduleSupportingData 4.64 "
                     "(cvxToAntigenMap) by tools/derive_cvx_table.py.\n")
        writer = csv.DictWriter(handle, fieldnames=["cvx", "description", "antigen", "begin_age", "end_age"])
        writer.writeheader()
        writer.writerows(sorted(rows, key=lambda r: (int(r["cvx"]), r["antigen"])))
    print(f"wrote {len(rows)} rows to {out}")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "../shared/cdsi/supporting-data/ScheduleSupportingData.xml")
