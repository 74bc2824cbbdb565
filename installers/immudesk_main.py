"""The script PyInstaller freezes: the same entry point as the `immudesk` command of the wheel (ui/launcher.py's
main, installed as immudesk_ui.launcher:main), so the bundled program accepts every CLI command, `gui`, and
`--smoke-test`. The bundle keeps ui/ as `ui`: nothing else shares its folder."""
from ui.launcher import main

if __name__ == "__main__":
    main()
