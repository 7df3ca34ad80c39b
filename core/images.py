"""Web renditions of uploaded pictures: resized, upright and without EXIF metadata.

Phones write the place a photo was taken into its EXIF data; the portal never serves
an upload as it came, only pixels re-encoded by Pillow.
"""

from io import BytesIO
from pathlib import PurePath

from django.core.files.base import ContentFile
from PIL import Image, ImageOps

COVER_MAX_SIZE = (1600, 900)
COVER_CARD_SIZE = (640, 360)
PHOTO_MAX_SIZE = (800, 800)
PHOTO_THUMBNAIL_SIZE = (240, 240)


def rendition(source, *, size, crop=False):
    """Return (ContentFile, extension) for `source` fitted into `size`.

    `crop=True` fills the box exactly (centre crop), otherwise the picture shrinks to fit.
    """
    source.open("rb")
    source.seek(0)
    with Image.open(source) as original:
        picture = ImageOps.exif_transpose(original)
        has_alpha = picture.mode in ("RGBA", "LA") or "transparency" in picture.info
        picture = picture.convert("RGBA" if has_alpha else "RGB")
        if crop:
            picture = ImageOps.fit(picture, size, method=Image.Resampling.LANCZOS)
        else:
            picture.thumbnail(size, Image.Resampling.LANCZOS)
    buffer = BytesIO()
    # A fresh image has no `info`, so nothing but pixels is written.
    if has_alpha:
        picture.save(buffer, format="PNG", optimize=True)
        extension = "png"
    else:
        picture.save(buffer, format="JPEG", quality=85, optimize=True, progressive=True)
        extension = "jpg"
    return ContentFile(buffer.getvalue()), extension


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
