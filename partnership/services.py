"""Writes to the partnership content that are not the import: figure web sizes."""

import io
from pathlib import Path

from django.core.files.base import ContentFile
from PIL import Image, ImageOps

WEB_SIZES = {"image_web": 1200, "image_small": 480}


def figure_make_web_sizes(*, figure):
    """Make the web and small JPEG renditions of a figure's uploaded image.

    Pillow re-encodes the pixels only, so EXIF data (camera, GPS position) never reaches
    visitors; the orientation EXIF carried is applied first so photos stay upright.
    """
    if not figure.image:
        for name in WEB_SIZES:
            getattr(figure, name).delete(save=False)
        figure.save(update_fields=list(WEB_SIZES))
        return figure
    figure.image.open("rb")
    with Image.open(figure.image) as original:
        upright = ImageOps.exif_transpose(original).convert("RGB")
    figure.image.close()
    stem = Path(figure.image.name).stem
    for name, width in WEB_SIZES.items():
        rendition = upright.copy()
        rendition.thumbnail((width, width * 4))
        buffer = io.BytesIO()
        rendition.save(buffer, format="JPEG", quality=85, optimize=True, progressive=True)
        getattr(figure, name).save(
            f"{stem}-{width}.jpg", ContentFile(buffer.getvalue()), save=False
        )
    figure.save(update_fields=list(WEB_SIZES))
    return figure
