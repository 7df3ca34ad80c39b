"""Private file storage: outside MEDIA_ROOT, never served by URL, random file names."""

import os
import uuid

from django.conf import settings
from django.core.files.storage import FileSystemStorage


class PrivateStorage(FileSystemStorage):
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
        raise ValueError("Private files have no URL; serve them through applications:document.")


private_storage = PrivateStorage()


def get_private_storage():
    return private_storage


def random_document_name(instance, filename):
    """A name that says nothing about the student and cannot be guessed."""
    extension = os.path.splitext(filename)[1].lower()
    return f"applications/{uuid.uuid4().hex}{extension}"
