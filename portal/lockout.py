"""The page django-axes shows when a login is refused after too many failures."""

import math

from django.conf import settings
from django.shortcuts import render
from django.utils import timezone


def login_locked_out(request, original_response=None, credentials=None):
    """Tell the visitor how long the lock lasts, in whole minutes and as a clock time.

    django-axes calls this (AXES_LOCKOUT_CALLABLE) for the site and the admin login alike.
    """
    cooloff = settings.AXES_COOLOFF_TIME
    context = {
        "failure_limit": settings.AXES_FAILURE_LIMIT,
        "cooloff_minutes": math.ceil(cooloff.total_seconds() / 60),
        "unlocks_at": timezone.now() + cooloff,
    }
    return render(
        request, "registration/lockout.html", context, status=settings.AXES_HTTP_RESPONSE_CODE
    )
