"""The private bucket of STORAGE_BACKEND=s3, apart so that boto3 loads only when it is used."""

from storages.backends.s3 import S3Storage

from applications.storage import NO_URL


class PrivateS3Storage(S3Storage):
    """Objects are written with the private ACL and never linked to: no signed URL either."""

    def url(self, name, parameters=None, expire=None, http_method=None):
        raise ValueError(NO_URL)
