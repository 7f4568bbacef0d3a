"""The user's preferences, for the screens: the module is ``pfdo_desktop/preferences.py`` (the
workspace and the command line read the data folder from it too); this name stays for the UI."""

from pfdo_desktop.preferences import (
    LANGUAGES,
    SYNC_EVERY_MINUTES,
    Preferences,
    chosen_data_dir,
    load,
    preferences_path,
    save,
    update,
)

__all__ = ["LANGUAGES", "SYNC_EVERY_MINUTES", "Preferences", "chosen_data_dir", "load", "preferences_path",
           "save", "update"]
