"""Addresses of pages that take no arguments, worked out once per language."""

from functools import cache

from django.core.signals import setting_changed
from django.urls import get_script_prefix, get_urlconf, reverse
from django.utils import translation


def reverse_kept(url_name):
    """`reverse(url_name)` for a page without arguments, kept per language, script prefix and
    URLconf: what the address depends on. reverse() matches patterns anew on every call."""
    return _reverse(url_name, translation.get_language(), get_script_prefix(), get_urlconf())


@cache
def _reverse(url_name, language, script_prefix, urlconf):
    return reverse(url_name, urlconf=urlconf)


def forget_addresses(*, setting, **kwargs):
    """Tests change the URLconf at run time (override_settings)."""
    if setting == "ROOT_URLCONF":
        _reverse.cache_clear()


setting_changed.connect(forget_addresses, dispatch_uid="core.addresses.forget_addresses")
