"""The PySide6 window of immudesk. Calls the core's operations; never writes SQL, never decides compliance."""
