import pytest


@pytest.fixture(autouse=True)
def _fast_and_uncollected(settings):
    """Tests hash passwords quickly and read static files from the source folders."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
