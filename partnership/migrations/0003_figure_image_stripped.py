from pathlib import PurePath

from django.db import migrations, models

from core import images


def strip_uploaded_figures(apps, schema_editor):
    """Figures uploaded before were stored as they came, EXIF and all, under
    figures/original/ and served from there: re-encode each one and remove the original."""
    Figure = apps.get_model("partnership", "Figure")
    for figure in Figure.objects.exclude(image=""):
        original = figure.image.name
        if not figure.image.storage.exists(original):
            continue
        content, extension = images.rendition(figure.image, size=images.FIGURE_MAX_SIZE)
        figure.image.close()
        figure.image.save(f"{PurePath(original).stem}.{extension}", content, save=False)
        figure.save(update_fields=["image"])
        figure.image.storage.delete(original)


class Migration(migrations.Migration):
    dependencies = [
        ("partnership", "0002_rename_tables"),
    ]

    operations = [
        migrations.AlterField(
            model_name="figure",
            name="image",
            field=models.ImageField(
                blank=True,
                help_text="Resized and stripped of EXIF metadata (such as location) on save.",
                upload_to="figures/full/",
                verbose_name="image",
            ),
        ),
        migrations.RunPython(strip_uploaded_figures, migrations.RunPython.noop),
    ]
