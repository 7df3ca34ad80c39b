"""State changes of accounts: sign-up, email verification and the language of our emails.

Verification links are signed with the secret key (django.core.signing) and name both
the user and the address, so a link stops working when it expires, when the address
changes, and in effect once the address is verified (opening it again changes nothing).
"""

import hashlib
import logging
from dataclasses import dataclass
from datetime import timedelta
from typing import Literal

from django.conf import settings
from django.contrib.auth.base_user import AbstractBaseUser
from django.contrib.auth.models import AnonymousUser
from django.core import signing
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.http import HttpRequest
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from accounts.models import StudentProfile, User, supported_language
from mail.services import email_send

logger = logging.getLogger(__name__)

VERIFICATION_SALT = "accounts.verify_email"
VERIFICATION_MAX_AGE = timedelta(days=3)
# A verification or password-reset email goes to an address at most once a minute and a few
# times a day: enough for a lost email, too little to use the portal to flood someone's inbox.
RESEND_COOLDOWN = timedelta(minutes=1)
RESEND_DAILY_LIMIT = 5

DUPLICATE_EMAIL_MESSAGE = _(
    "An account with this email address already exists. Log in, or reset your password "
    "if you have forgotten it."
)


class UserFacingError(Exception):
    """A refusal whose `message` is shown to the student as it is."""

    def __init__(self, message: str | Promise) -> None:
        super().__init__(message)
        self.message = message


class ResendRefused(UserFacingError):
    """Too many requests for a new link; `message` says when to try again."""


class VerificationError(UserFacingError):
    """A verification link that cannot be used; `message` tells the student why."""


@dataclass(frozen=True)
class VerificationResult:
    user: User
    already_verified: bool


@transaction.atomic
def user_sign_up(*, email: str, password: str, language: str | None = None) -> User:
    """Create a student account with an empty profile; our emails will be in `language`.

    The form has checked the address already; the database constraint still decides
    when two sign-ups with the same address race, and that becomes a form error too.
    """
    user = User(
        email=User.objects.normalize_email(email),
        language=supported_language(language) or settings.LANGUAGE_CODE,
    )
    user.set_password(password)
    try:
        user.full_clean(exclude=["password"])
        with transaction.atomic():
            user.save()
    except IntegrityError as error:
        raise ValidationError(
            {"email": DUPLICATE_EMAIL_MESSAGE},
            code="duplicate_email",
        ) from error
    StudentProfile.objects.create(user=user)
    return user


def user_set_language(*, user: User, language: str | None) -> bool:
    """Write our emails to `user` in `language` from now on; an unknown code changes nothing.

    Returns whether the stored language changed.
    """
    language = supported_language(language)
    if language is None or language == user.language:
        return False
    user.language = language
    user.save(update_fields=["language"])
    return True


def make_verification_token(user: User) -> str:
    return signing.dumps({"user": user.pk, "email": user.email}, salt=VERIFICATION_SALT)


def _cooldown_key(scope: str, subject: object) -> str:
    return f"accounts:{scope}:cooldown:{subject}"


def _take_email_slot(scope: str, subject: object) -> Literal["cooldown", "daily"] | None:
    """Count one email to `subject` (a user id, an address digest) in `scope`: None when it
    may go, else "cooldown" (less than RESEND_COOLDOWN since the last) or "daily" (over
    RESEND_DAILY_LIMIT today). The counters live in the cache; cache.add is atomic, so of two
    simultaneous requests only one gets through."""
    if not cache.add(
        _cooldown_key(scope, subject), 1, timeout=int(RESEND_COOLDOWN.total_seconds())
    ):
        return "cooldown"
    daily_key = f"accounts:{scope}:day:{subject}:{timezone.localdate().isoformat()}"
    cache.add(daily_key, 0, timeout=24 * 60 * 60)
    if cache.incr(daily_key) > RESEND_DAILY_LIMIT:
        return "daily"
    return None


def _resend_cooldown_key(user: User) -> str:
    return _cooldown_key("verify-resend", user.pk)


def user_send_verification_email(*, user: User, request: HttpRequest) -> None:
    """Queue an email with a fresh verification link (the worker sends it, retrying while the
    mail server fails); confidential in the email log, since the link confirms the address.

    Also starts the resend cooldown, so "send it again" right after sign-up waits too.
    """
    with translation.override(user.language):  # the email and its link in the user's language
        path = reverse("accounts:verify_email", kwargs={"token": make_verification_token(user)})
        context = {
            "user": user,
            "verify_url": request.build_absolute_uri(path),
            "valid_days": VERIFICATION_MAX_AGE.days,
        }
        subject = "".join(
            render_to_string("accounts/email/verify_email_subject.txt", context).splitlines()
        )
        body = render_to_string("accounts/email/verify_email.txt", context)
    email_send(to=user.email, subject=subject, body=body, recipient=user, confidential=True)
    cache.set(_resend_cooldown_key(user), 1, timeout=int(RESEND_COOLDOWN.total_seconds()))


def user_resend_verification_email(*, user: User, request: HttpRequest) -> None:
    """Send another link unless this user asked too recently or too often today.

    Raises ResendRefused when throttled.
    """
    refused = _take_email_slot("verify-resend", user.pk)
    if refused == "cooldown":
        raise ResendRefused(
            _(
                "We sent you a link less than a minute ago. Please check your inbox and "
                "spam folder, or try again in a minute."
            )
        )
    if refused == "daily":
        raise ResendRefused(
            _("You have asked for %(limit)d links today. Please try again tomorrow.")
            % {"limit": RESEND_DAILY_LIMIT}
        )
    user_send_verification_email(user=user, request=request)


def password_reset_email_allowed(email: str) -> bool:
    """Whether a password-reset email may go to `email` now (same limits as verification
    links). Refusals are silent to the visitor, like unknown addresses, so the reset page
    tells nobody whether an account exists; they are logged."""
    address = User.objects.normalize_email(email).casefold()
    digest = hashlib.sha256(address.encode()).hexdigest()[:32]
    refused = _take_email_slot("password-reset", digest)
    if refused:
        logger.warning("Password reset email to %s… not sent: %s limit", digest[:8], refused)
    return refused is None


def user_verify_email(
    *, token: str, current_user: AbstractBaseUser | AnonymousUser | None = None
) -> VerificationResult:
    """Check a verification link and mark its address as verified.

    `current_user` is whoever is logged in: a link for another account is refused, so a
    shared computer cannot verify the wrong person.
    """
    try:
        data = signing.loads(token, salt=VERIFICATION_SALT, max_age=VERIFICATION_MAX_AGE)
    except signing.SignatureExpired as error:
        raise VerificationError(
            _("This verification link has expired. Log in and ask for a new one.")
        ) from error
    except signing.BadSignature as error:
        raise VerificationError(
            _("This verification link is not valid. Check that you copied all of it.")
        ) from error

    user = User.objects.filter(pk=data.get("user"), is_active=True).first()
    if user is None or user.email != data.get("email"):
        raise VerificationError(
            _("This verification link is for an address that is no longer in use.")
        )
    if current_user is not None and current_user.is_authenticated and current_user != user:
        raise VerificationError(
            _(
                "This verification link belongs to a different account. Log out and open "
                "the link again."
            )
        )
    if user.is_email_verified:
        return VerificationResult(user=user, already_verified=True)
    user_mark_email_verified(user=user)
    return VerificationResult(user=user, already_verified=False)


def user_mark_email_verified(*, user: User) -> bool:
    """Record when the address was confirmed; the first confirmation is the one kept."""
    updated = User.objects.filter(pk=user.pk, email_verified_at__isnull=True).update(
        email_verified_at=timezone.now()
    )
    user.refresh_from_db(fields=["email_verified_at"])
    return bool(updated)
