"""Private file storage: the "private" entry of STORAGES, never served by URL, random names.

Applicants' documents and referees' letters are read only through the views that check who
asks (applications.documents.document_response streams them through Django), so neither
backend hands out a URL: on disk the folder is outside MEDIA_ROOT, on S3 the bucket is private.
"""

import os
import uuid

from django.conf import settings
from django.core.files.storage import FileSystemStorage, storages
from django.core.signals import setting_changed
from django.dispatch import receiver
from django.utils.functional import LazyObject, empty

NO_URL = "Private files have no URL; serve them through the views that check who asks."


class PrivateFileSystemStorage(FileSystemStorage):
    """Reads PRIVATE_MEDIA_ROOT on every use, so tests can point it at a temporary folder."""

    def __init__(self):
        super().__init__(base_url=None)

    @property
    def base_location(self):
        return str(settings.PRIVATE_MEDIA_ROOT)

    @property
    def location(self):
        return os.path.abspath(self.base_location)

    def url(self, name):
        raise ValueError(NO_URL)


class PrivateStorage(LazyObject):
    """STORAGES["private"], looked up on first use (and again when the setting changes), so the
    models' file fields follow STORAGE_BACKEND without a migration per backend."""

    def _setup(self):
        self._wrapped = storages["private"]


private_storage = PrivateStorage()


@receiver(setting_changed)
def _forget_private_storage(*, setting, **kwargs):
    if setting == "STORAGES":
        private_storage._wrapped = empty


def get_private_storage():
    return private_storage


def random_document_name(instance, filename):
    """A name that says nothing about the student and cannot be guessed."""
    extension = os.path.splitext(filename)[1].lower()
    return f"applications/{uuid.uuid4().hex}{extension}"
