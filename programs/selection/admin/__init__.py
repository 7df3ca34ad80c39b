"""Staff admin of the selection workflow; importing the modules registers their ModelAdmins."""

from programs.selection.admin import applications, records  # noqa: F401
