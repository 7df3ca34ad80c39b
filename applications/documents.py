"""Checking uploads by their content, cleaning photos before they are stored, and serving
stored documents to those allowed to read them."""

import io
import os
import re
import warnings
import zipfile

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.http import FileResponse, Http404, HttpResponse
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _
from PIL import Image, UnidentifiedImageError

from core import images

PDF_MAX_BYTES = 10 * 1024 * 1024
PHOTO_MAX_BYTES = 5 * 1024 * 1024
# Photos are shrunk to fit this box; enough for a printed ID photo.
PHOTO_MAX_SIZE = (1200, 1600)
PHOTO_FORMATS = {"JPEG": ("image/jpeg", ".jpg"), "PNG": ("image/png", ".png")}
# A PDF ends with %%EOF (and maybe a line break) within its last kilobyte.
PDF_END = re.compile(rb"%%EOF\s*$")
PDF_TAIL_BYTES = 1024
# Browsers decide what a file is from its first bytes: markup there makes a PDF a web page too.
MARKUP_AT_START = re.compile(rb"<\s*(html|script|body|svg|iframe)\b", re.IGNORECASE)
SNIFFED_BYTES = 1024
# What ends a picture's data; anything after it is another file riding along.
IMAGE_ENDS = {"PNG": b"IEND\xaeB`\x82", "JPEG": b"\xff\xd9"}


class CleanUpload:
    """What is stored: the bytes, a safe name and the content type we vouch for."""

    def __init__(self, content, original_name, content_type, extension):
        self.file = ContentFile(content, name=f"upload{extension}")
        self.original_name = os.path.basename(original_name)[:255] or "upload"
        self.content_type = content_type
        self.size = len(content)


def _read_limited(upload, max_bytes):
    if upload.size == 0:
        raise ValidationError(_("The file %(name)s is empty."), params={"name": upload.name})
    if upload.size > max_bytes:
        raise ValidationError(
            _("The file %(name)s is %(size)s; the limit is %(limit)s."),
            params={
                "name": upload.name,
                "size": filesizeformat(upload.size),
                "limit": filesizeformat(max_bytes),
            },
        )
    upload.seek(0)
    return upload.read()


def _combined(name):
    return ValidationError(
        _(
            "The file %(name)s is combined with another kind of file. Please save it again "
            "as a plain file (for example with “Print to PDF” or “Export”) and upload that."
        ),
        params={"name": name},
    )


def _is_zip(content):
    return zipfile.is_zipfile(io.BytesIO(content))


def clean_pdf(upload):
    """A PDF is a PDF by its bytes, whatever the file is called: it starts as one, ends as
    one (a cut-off copy does not), and is nothing else besides (a ZIP or a web page)."""
    content = _read_limited(upload, PDF_MAX_BYTES)
    if not content.startswith(b"%PDF-"):
        raise ValidationError(
            _("The file %(name)s is not a PDF document. Please upload a PDF."),
            params={"name": upload.name},
        )
    if _is_zip(content) or MARKUP_AT_START.search(content[:SNIFFED_BYTES]):
        raise _combined(upload.name)
    if not PDF_END.search(content[-PDF_TAIL_BYTES:]):
        raise ValidationError(
            _(
                "The file %(name)s is not a complete PDF: its end is missing, as when a "
                "download or a copy was cut off. Please upload it again."
            ),
            params={"name": upload.name},
        )
    return CleanUpload(content, upload.name, "application/pdf", ".pdf")


def clean_photo(upload):
    """Open, verify, reopen and re-encode: what is stored is pixels we wrote ourselves."""
    content = _read_limited(upload, PHOTO_MAX_BYTES)
    not_an_image = ValidationError(
        _("The file %(name)s is not a readable JPEG or PNG image."),
        params={"name": upload.name},
    )
    try:
        with warnings.catch_warnings():
            # Pillow only warns between MAX_IMAGE_PIXELS and twice that; refuse both.
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(io.BytesIO(content)) as probe:
                if probe.format not in PHOTO_FORMATS:
                    raise ValidationError(
                        _("The photo %(name)s is a %(format)s image; please upload JPEG or PNG."),
                        params={"name": upload.name, "format": probe.format},
                    )
                probe.verify()
            with Image.open(io.BytesIO(content)) as image:
                image_format = image.format
                image.load()
                image = images.upright(image)
    except (Image.DecompressionBombError, Image.DecompressionBombWarning) as error:
        raise ValidationError(
            _("The image %(name)s has too many pixels to be a photo."),
            params={"name": upload.name},
        ) from error
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError) as error:
        raise not_an_image from error

    if _is_zip(content) or not content.rstrip(b"\0\r\n").endswith(IMAGE_ENDS[image_format]):
        raise _combined(upload.name)
    image.thumbnail(PHOTO_MAX_SIZE)
    content_type, extension = PHOTO_FORMATS[image_format]
    # The same re-encoding as every other picture: no EXIF, no GPS position, no camera serial.
    content, _extension = images.encode(image, image_format)
    return CleanUpload(content, upload.name, content_type, extension)


def document_response(document):
    """The stored file as a download that no cache keeps; 404 when the file is gone.

    Callers check who asks: the student's own pages (applications.views) and the staff
    application page (selection.admin).
    """
    try:
        handle = document.file.open("rb")
    except FileNotFoundError as error:
        raise Http404 from error
    response = FileResponse(
        handle,
        as_attachment=True,
        filename=document.original_name,
        content_type=document.content_type,
    )
    response["Cache-Control"] = "private, no-store"
    return response


def letter_response(letter):
    """A referee's letter for staff: an uploaded PDF as a download, a written one as text.

    Callers check who asks (selection.admin, like documents); students never get one.
    """
    if letter.is_file:
        return document_response(letter)
    response = HttpResponse(letter.text, content_type="text/plain; charset=utf-8")
    response["Content-Disposition"] = 'inline; filename="letter.txt"'
    response["Cache-Control"] = "private, no-store"
    return response
