"""Derive resources/acip/cvx.csv (which CVX codes protect against which antigens) from CDC's schedule data.

Run by a maintainer when CDC publishes new supporting data:
    python tools/derive_cvx_table.py ../shared/cdsi/supporting-data-4.65/ScheduleSupportingData.json
It reads ScheduleSupportingData as XML or JSON (tools/derive_acip_tables.py reads both), keeps only the twelve
antigens behind the eight child-care vaccine groups and writes facts only (code, antigens, the ages an
association holds), in our own compact table.
"""
from __future__ import annotations

import csv
import io
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from derive_acip_tables import ANTIGENS, OUT_DIR, data_version, read_root  # noqa: E402

DEFAULT_SOURCE = Path(__file__).resolve().parent.parent.parent / "shared" / "cdsi" / "supporting-data-4.65" \
    / "ScheduleSupportingData.json"


def _text(element, tag: str) -> str:
    return (element.findtext(tag) or "").strip()


def derive(path: Path) -> str:
    """The text of cvx.csv derived from CDC's ScheduleSupportingData file at path."""
    rows = []
    for entry in read_root(path).iter("cvxMap"):
        cvx, name = _text(entry, "cvx"), _text(entry, "shortDescription")
        for assoc in entry.findall("association"):
            antigen = _text(assoc, "antigen")
            if antigen in ANTIGENS:
                rows.append({"cvx": cvx, "description": name, "antigen": antigen,
                             "begin_age": _text(assoc, "associationBeginAge"),
                             "end_age": _text(assoc, "associationEndAge")})
    out = io.StringIO(newline="")
    out.write(f"# CVX code -> antigen it protects against. Derived from CDC CDSi ScheduleSupportingData "
              f"{data_version(path.parent)} (cvxToAntigenMap) by tools/derive_cvx_table.py.\n")
    writer = csv.DictWriter(out, fieldnames=["cvx", "description", "antigen", "begin_age", "end_age"],
                            lineterminator="\r\n")
    writer.writeheader()
    writer.writerows(sorted(rows, key=lambda r: (int(r["cvx"]), r["antigen"])))
    return out.getvalue()


def main(path: str) -> None:
    text = derive(Path(path))
    (OUT_DIR / "cvx.csv").write_text(text, encoding="utf-8", newline="")
    print(f"wrote {text.count(chr(10)) - 2} rows to {OUT_DIR / 'cvx.csv'}")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else str(DEFAULT_SOURCE))
