"""immudesk: immunization-compliance records for family child care homes (the core; no Qt here)."""

__version__ = "0.1.0"
