"""Where static files are kept and how pages name them."""

from django.conf import settings
from whitenoise.storage import CompressedManifestStaticFilesStorage


class StaticFilesStorage(CompressedManifestStaticFilesStorage):
    """WhiteNoise's compressed, hashed files, whose addresses are worked out once per process:
    the manifest does not change while it runs, and each `{% static %}` otherwise looked it up
    and joined the address again (about 12 us, five times per page)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._addresses = {}

    def url(self, name, force=False):
        key = (name, force, settings.DEBUG)  # with DEBUG on, Django names the unhashed file
        try:
            return self._addresses[key]
        except KeyError:
            address = self._addresses[key] = super().url(name, force)
            return address
