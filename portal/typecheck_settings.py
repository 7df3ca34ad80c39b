"""The project's settings as mypy's Django plugin loads them: modeltranslation's registrations off.

Registering a model for translation swaps its managers for classes modeltranslation makes at
run time, which the plugin cannot name (typeddjango/django-stubs#1023): it would report every
translated model and type `Program.objects` as a bare `Manager[Any]`, so calls such as
`.published()` would go unchecked. Without the registrations the plugin sees the managers the
models declare. The per-language columns (`title_en`, `title_zh_hans`) are then unknown to it;
typed code reaches them by name, through `build_localized_fieldname`, not as attributes. The
admin is installed without its autodiscovery, whose translation admins need the registrations.
"""

from portal.settings import *  # noqa: F403
from portal.settings import INSTALLED_APPS

MODELTRANSLATION_ENABLE_REGISTRATIONS = False
INSTALLED_APPS = [
    "django.contrib.admin.apps.SimpleAdminConfig" if app == "django.contrib.admin" else app
    for app in INSTALLED_APPS
]
