"""Staff admin of the selection workflow; importing the modules registers their ModelAdmins."""

from selection.admin import applications, exports, intakes, records  # noqa: F401
