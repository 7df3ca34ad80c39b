"""Real files for upload tests: PDFs, PNGs and JPEGs (with EXIF), and a decompression bomb."""

import io
import struct
import zlib
from io import BytesIO

from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image


def jpeg_upload(name="photo.jpg", size=(3000, 2000), *, exif=True):
    """A real JPEG made by Pillow, with camera and GPS-like EXIF tags unless exif=False."""
    picture = Image.new("RGB", size, (200, 40, 40))
    buffer = BytesIO()
    metadata = Image.Exif()
    if exif:
        metadata[0x010F] = "ExampleCam"  # Make
        metadata[0x0131] = "SecretSoftware 1.0"  # Software
        metadata[0x0112] = 1  # Orientation
    picture.save(buffer, format="JPEG", exif=metadata.tobytes())
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="image/jpeg")


def minimal_pdf():
    """A small but valid one-page PDF, built with correct cross-reference offsets."""
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >>",
    ]
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n%s\nendobj\n" % (number, body))
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    for offset in offsets:
        out.write(b"%010d 00000 n \n" % offset)
    out.write(b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (4, xref))
    return out.getvalue()


def png_bytes(size=(64, 48), colour=(200, 30, 30), image_format="PNG", **save_args):
    out = io.BytesIO()
    Image.new("RGB", size, colour).save(out, image_format, **save_args)
    return out.getvalue()


def png_bomb(width=100_000, height=100_000):
    """A tiny PNG whose header claims 10 billion pixels: Pillow must refuse it on open."""
    data = bytearray(png_bytes((1, 1)))
    # IHDR's data starts at byte 16: width, height (big-endian), then 5 more bytes; CRC after.
    data[16:24] = struct.pack(">II", width, height)
    data[29:33] = struct.pack(">I", zlib.crc32(bytes(data[12:29])))
    return bytes(data)
