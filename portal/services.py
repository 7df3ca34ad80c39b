"""Writes to the partnership content: the document import and figure web sizes."""

import io
from dataclasses import dataclass, field
from pathlib import Path

from django.core.files.base import ContentFile
from django.db import transaction
from django.utils.text import slugify
from PIL import Image, ImageOps

from portal.document import DocumentError, decode, parse_document
from portal.models import (
    Agreement,
    AgreementPoint,
    AgreementPointKind,
    ArticleBlock,
    BlockKind,
    CeremonyParticipant,
    Figure,
    KeyFigure,
    Milestone,
    NewsArticle,
    Organisation,
    Person,
    ResearchField,
)
from programs.models import Program

ARTICLE_SLUG_MAX_LENGTH = 80
WEB_SIZES = {"image_web": 1200, "image_small": 480}


@dataclass
class ImportReport:
    """How many rows of each kind the import created (zero everywhere on a re-import)."""

    created: dict[str, int] = field(default_factory=dict)

    def count(self, label, was_created):
        self.created[label] = self.created.get(label, 0) + int(was_created)

    @property
    def total(self):
        return sum(self.created.values())


def document_import(*, path):
    """Create whatever the document describes and the database lacks; never update a row.

    Rows are found by their `source_key` (organisations and programs also by slug), so what
    staff edited in admin stays as it is. Parsing happens before the transaction, and the
    writes happen in one transaction: a bad file or a failed write changes nothing.
    """
    path = Path(path)
    try:
        raw = path.read_bytes()
    except OSError as error:
        raise DocumentError(f"Cannot read {path}: {error.strerror or error}.") from None

    parsed = parse_document(decode(raw))
    doc_key = f"document:{path.stem}"
    report = ImportReport()
    with transaction.atomic():
        organisations = _import_organisations(parsed, report)
        article, blocks = _import_article(parsed, doc_key, report)
        _import_milestones(parsed, doc_key, blocks, organisations, report)
        people = _import_people(parsed, organisations, report)
        _import_agreements(parsed, people, report)
        _import_research_fields(parsed, report)
        _import_key_figures(parsed, report)
        _import_programs(parsed, organisations, report)
    return report


def _get_or_create(model, report, *, source_key, defaults, **lookup):
    """The row with this source key (or, failing that, `lookup`); created when missing."""
    row = model.objects.filter(source_key=source_key).first()
    if row is None and lookup:
        row = model.objects.filter(**lookup).first()
    created = row is None
    if created:
        row = model(source_key=source_key, **lookup, **defaults)
        row.full_clean()
        row.save()
    report.count(model._meta.verbose_name_plural, created)
    return row


def _import_organisations(parsed, report):
    organisations = {}
    for data in parsed.organisations:
        parent = organisations.get(data.parent_slug)
        organisations[data.slug] = _get_or_create(
            Organisation,
            report,
            source_key=f"organisation:{data.slug}",
            slug=data.slug,
            defaults={
                "name": data.name,
                "short_name": data.short_name,
                "kind": data.kind,
                "parent": parent,
                "description": data.description,
            },
        )
    return organisations


def _article_slug(title):
    slug = slugify(title)
    if len(slug) > ARTICLE_SLUG_MAX_LENGTH:
        slug = slug[: ARTICLE_SLUG_MAX_LENGTH + 1].rsplit("-", 1)[0]
    candidate, n = slug, 2
    while NewsArticle.objects.filter(slug=candidate).exists():
        candidate, n = f"{slug}-{n}", n + 1
    return candidate


def _import_article(parsed, doc_key, report):
    article = NewsArticle.objects.filter(source_key=doc_key).first()
    if article is None:
        article = _get_or_create(
            NewsArticle,
            report,
            source_key=doc_key,
            defaults={
                "title": parsed.title,
                "slug": _article_slug(parsed.title),
                "published_on": parsed.published_on,
                "summary": parsed.summary,
            },
        )
    blocks = {}
    for index, data in enumerate(parsed.blocks):
        key = f"{doc_key}:block:{index}"
        figure = None
        if data.kind == BlockKind.FIGURE:
            figure = _get_or_create(
                Figure,
                report,
                source_key=f"{doc_key}:figure:{index}",
                defaults={"caption": data.text, "taken_in": data.taken_in},
            )
        blocks[index] = _get_or_create(
            ArticleBlock,
            report,
            source_key=key,
            defaults={
                "article": article,
                "position": index + 1,
                "kind": data.kind,
                "text": data.text if data.kind == BlockKind.PARAGRAPH else "",
                "figure": figure,
            },
        )
    return article, blocks


def _import_milestones(parsed, doc_key, blocks, organisations, report):
    for data in parsed.milestones:
        key = f"milestone:{data.key}"
        exists = Milestone.objects.filter(source_key=key).exists()
        milestone = _get_or_create(
            Milestone,
            report,
            source_key=key,
            defaults={
                "happened_on": data.happened_on,
                "day_known": data.day_known,
                "is_planned": data.is_planned,
                "title": data.title,
                "text": data.text,
                "source_block": blocks[data.block_index],
            },
        )
        if not exists:
            milestone.organisations.set([organisations[s] for s in data.organisation_slugs])


def _import_people(parsed, organisations, report):
    people = {}
    for position, data in enumerate(parsed.people):
        key = f"person:{slugify(data.name)}"
        if key in people:  # named twice: one person
            continue
        people[key] = _get_or_create(
            Person,
            report,
            source_key=key,
            defaults={
                "name": data.name,
                "role": data.role,
                "organisation": organisations.get(data.organisation_slug),
                "position": position,
            },
        )
    return people


def _import_agreements(parsed, people, report):
    for data in parsed.agreements:
        agreement = _get_or_create(
            Agreement,
            report,
            source_key=f"agreement:{data.slug}",
            defaults={
                "title": data.title,
                "slug": data.slug,
                "signed_on": data.signed_on,
                "day_known": data.day_known,
                "place": data.place,
                "summary": data.summary,
            },
        )
        for kind, texts in (
            (AgreementPointKind.PRINCIPLE, data.principles),
            (AgreementPointKind.COMMITMENT, data.commitments),
        ):
            for position, text in enumerate(texts):
                _get_or_create(
                    AgreementPoint,
                    report,
                    source_key=f"point:{data.slug}:{kind}:{position}",
                    defaults={
                        "agreement": agreement,
                        "kind": kind,
                        "text": text,
                        "position": position,
                    },
                )
        for position, participant in enumerate(data.participants):
            person = people[f"person:{slugify(participant.name)}"]
            _get_or_create(
                CeremonyParticipant,
                report,
                source_key=f"participant:{data.slug}:{person.source_key}:{participant.part}",
                defaults={
                    "agreement": agreement,
                    "person": person,
                    "part": participant.part,
                    "position": position,
                },
            )


def _import_research_fields(parsed, report):
    for kind, names in parsed.research_fields.items():
        for position, name in enumerate(names):
            _get_or_create(
                ResearchField,
                report,
                source_key=f"field:{kind}:{slugify(name)}",
                defaults={"name": name, "kind": kind, "position": position},
            )


def _import_key_figures(parsed, report):
    for position, data in enumerate(parsed.key_figures):
        _get_or_create(
            KeyFigure,
            report,
            source_key=f"key-figure:{data.key}",
            defaults={"value": data.value, "label": data.label, "position": position},
        )


def _import_programs(parsed, organisations, report):
    """Programs are looked up by slug only: other parts of the portal own them afterwards."""
    for data in parsed.programs:
        created = not Program.objects.filter(slug=data.slug).exists()
        report.count(Program._meta.verbose_name_plural, created)
        if not created:
            continue
        program = Program(
            slug=data.slug,
            kind=data.kind,
            title=data.title,
            summary=data.summary,
            description=data.description,
            study_weeks=data.study_weeks,
            internship_weeks=data.internship_weeks,
        )
        program.full_clean()
        program.save()
        program.host_organisations.set([organisations[s] for s in data.host_slugs])
        program.partner_organisations.set([organisations[s] for s in data.partner_slugs])


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
