"""State law on top of ACIP: requirement tables, grace periods, report periods, statuses (one data file per state)."""
