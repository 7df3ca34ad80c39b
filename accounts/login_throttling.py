"""How django-axes counts failed logins and what it shows when it refuses one.

Wired up in settings: AXES_USERNAME_CALLABLE, AXES_CLIENT_IP_CALLABLE, AXES_LOCKOUT_CALLABLE.
"""

import ipaddress
import math

from django.conf import settings
from django.shortcuts import render
from django.utils import timezone

from accounts.models import User


def cooloff_minutes():
    """The lock's length in whole minutes, as the lockout page and the privacy notice say it."""
    return math.ceil(settings.AXES_COOLOFF_TIME.total_seconds() / 60)


def login_locked_out(request, original_response=None, credentials=None):
    """Tell the visitor how long the lock lasts, in whole minutes and as a clock time.

    django-axes calls this (AXES_LOCKOUT_CALLABLE) for the site and the admin login alike.
    """
    context = {
        "failure_limit": settings.AXES_FAILURE_LIMIT,
        "cooloff_minutes": cooloff_minutes(),
        "unlocks_at": timezone.now() + settings.AXES_COOLOFF_TIME,
    }
    return render(
        request, "registration/lockout.html", context, status=settings.AXES_HTTP_RESPONSE_CODE
    )


def client_ip_address(request):
    """The visitor's address for login throttling.

    Only the last TRUSTED_PROXY_COUNT entries of X-Forwarded-For were written by our own proxies;
    anything further left came from the client and could be forged.
    """
    proxies = settings.TRUSTED_PROXY_COUNT
    if proxies > 0:
        forwarded = [
            part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")
        ]
        forwarded = [part for part in forwarded if part]
        if len(forwarded) >= proxies and _is_ip_address(forwarded[-proxies]):
            return forwarded[-proxies]
    return request.META.get("REMOTE_ADDR")


def _is_ip_address(value):
    try:
        ipaddress.ip_address(value)
    except ValueError:
        return False
    return True


# An email address has at most 254 characters; axes stores the name in a 255-character column.
USERNAME_MAX_LENGTH = 254


def login_username(request, credentials):
    """The account a login attempt is for, as the login matches it: case-insensitively.

    Otherwise "Alice@Example.org" would get a fresh count of failures for the same account.
    Django's login form does not enforce the email's length, so a 100,000-character "email"
    reaches this point: cut it (and NUL, which PostgreSQL refuses) before axes stores it.
    """
    username = (credentials or {}).get("username") or request.POST.get("username", "")
    username = str(username).replace("\x00", "")
    return User.objects.normalize_email(username)[:USERNAME_MAX_LENGTH]
