"""ACIP dose evaluation and forecast (CDC CDSi): rule tables from resources/acip, pure functions, no I/O."""
