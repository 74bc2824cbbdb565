"""Annual reports, worksheets, letters, outbreak lists and record printouts: statuses in, PDF/CSV/JSON out."""
