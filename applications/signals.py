"""Events of applications that the apps above react to, so that applications never needs to
know about them (the staff side, for instance, tells its managers)."""

from django.dispatch import Signal

# Sent after commit when a student gives up an offered or accepted seat (withdrawing, or
# deleting their account); keyword argument `application_id`.
seat_released = Signal()
