"""The one pipeline for every uploaded picture: figures, program covers, supervisor photos and
applicants' photos are opened, turned upright, resized and re-encoded from their pixels alone.

Phones and cameras write the place a photo was taken, the camera and its serial number into
EXIF (and other metadata: ICC profiles, PNG text chunks). The portal never stores or serves an
upload as it came: only what `encode` wrote, which carries no metadata at all.
"""

from io import BytesIO
from pathlib import PurePath

from django.core.files.base import ContentFile
from PIL import Image, ImageOps

COVER_MAX_SIZE = (1600, 900)
COVER_CARD_SIZE = (640, 360)
PHOTO_MAX_SIZE = (800, 800)
PHOTO_THUMBNAIL_SIZE = (240, 240)
# News figures: the stored picture, then the widths the article's srcset offers (any height).
FIGURE_MAX_SIZE = (2400, 2400)
FIGURE_WEB_SIZE = (1200, 4800)
FIGURE_SMALL_SIZE = (480, 1920)

ENCODINGS = {"JPEG": "jpg", "PNG": "png"}


def upright(picture):
    """The loaded picture turned as its EXIF orientation says, in RGB, or RGBA if it has
    transparency."""
    picture = ImageOps.exif_transpose(picture)
    has_alpha = picture.mode in ("RGBA", "LA", "PA") or "transparency" in picture.info
    return picture.convert("RGBA" if has_alpha else "RGB")


def encode(picture, image_format=None):
    """(bytes, extension) of the picture's pixels and nothing else.

    JPEG unless the picture has transparency (then PNG), or `image_format` ("JPEG", "PNG").
    Pillow copies `info` (ICC profile, EXIF, text) into what it saves, so it is emptied first.
    """
    image_format = image_format or ("PNG" if picture.mode == "RGBA" else "JPEG")
    if image_format == "JPEG" and picture.mode not in ("RGB", "L"):
        picture = picture.convert("RGB")
    picture = picture.copy()
    picture.info = {}
    buffer = BytesIO()
    if image_format == "PNG":
        picture.save(buffer, format="PNG", optimize=True)
    else:
        picture.save(buffer, format="JPEG", quality=85, optimize=True, progressive=True)
    return buffer.getvalue(), ENCODINGS[image_format]


def rendition(source, *, size, crop=False):
    """Return (ContentFile, extension) for `source` fitted into `size`.

    `crop=True` fills the box exactly (centre crop), otherwise the picture shrinks to fit.
    """
    source.open("rb")
    source.seek(0)
    with Image.open(source) as original:
        picture = upright(original)
    if crop:
        picture = ImageOps.fit(picture, size, method=Image.Resampling.LANCZOS)
    else:
        picture.thumbnail(size, Image.Resampling.LANCZOS)
    content, extension = encode(picture)
    return ContentFile(content), extension


def replace_with_renditions(instance, field_name, renditions):
    """Re-encode a newly uploaded image in place and fill its rendition fields.

    `renditions` maps a field name to (size, crop); `field_name` itself is included to
    strip the original. Saving the files only; the caller saves the instance.
    """
    upload = getattr(instance, field_name)
    stem = PurePath(upload.name).stem
    files = {name: rendition(upload, size=size, crop=crop) for name, (size, crop) in renditions}
    upload.close()
    for name, (content, extension) in files.items():
        suffix = "" if name == field_name else f"-{name}"
        getattr(instance, name).save(f"{stem}{suffix}.{extension}", content, save=False)


def image_needs_renditions(field_file):
    """True when the field holds a file that was just assigned and not yet stored."""
    return bool(field_file) and not field_file._committed
