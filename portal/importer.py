"""The document import: the partnership content and the programs the source document describes.

It lives in the project package because it writes to two apps (partnership, programs).
The English document may have a Chinese version beside it (`<name>.zh-hans.txt`, line by line
the same): the same run then writes each row's Chinese texts into its `_zh_hans` columns.
"""

from dataclasses import dataclass, field
from pathlib import Path

from django.db import transaction
from django.utils.text import slugify

from partnership.models import (
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
from portal.document import DocumentError, decode, parse_document, parse_translation
from portal.models import ImportRecord
from programs.models import Program

ARTICLE_SLUG_MAX_LENGTH = 80
CHINESE_SUFFIX = ".zh-hans"


@dataclass
class ImportReport:
    """How many rows of each kind the import created, gave their Chinese texts (rows imported
    before the Chinese document was), and how many staff deleted it kept so.

    On a plain re-import `created` and `translated` are zero everywhere.
    """

    created: dict[str, int] = field(default_factory=dict)
    translated: dict[str, int] = field(default_factory=dict)
    kept_deleted: dict[str, int] = field(default_factory=dict)

    def count(self, label, was_created):
        self.created[label] = self.created.get(label, 0) + int(was_created)

    def count_translated(self, label):
        self.translated[label] = self.translated.get(label, 0) + 1

    def count_kept_deleted(self, label):
        self.kept_deleted[label] = self.kept_deleted.get(label, 0) + 1

    @property
    def total(self):
        return sum(self.created.values())

    @property
    def total_translated(self):
        return sum(self.translated.values())

    @property
    def total_kept_deleted(self):
        return sum(self.kept_deleted.values())


class _ImportRun:
    """One run's state: the keys earlier runs recorded (one query), the keys to record now."""

    def __init__(self, *, restore_deleted, chinese=None):
        self.report = ImportReport()
        self.restore_deleted = restore_deleted
        self.chinese = chinese  # a portal.document.Translation, or None
        self.recorded = set(ImportRecord.objects.values_list("source_key", flat=True))
        self.new_records = []

    def record(self, source_key):
        if source_key not in self.recorded:
            self.recorded.add(source_key)
            self.new_records.append(ImportRecord(source_key=source_key))

    def in_chinese(self, part, *path, field=None):
        """The Chinese texts of one row ({field: text}), or {} without a Chinese document.

        `part` names the Translation's attribute and `path` the row in it; when that is a
        single text, `field` names its column.
        """
        if self.chinese is None:
            return {}
        texts = getattr(self.chinese, part)
        for step in path:
            texts = texts[step]
        return {field: texts} if field else texts

    def save_records(self):
        ImportRecord.objects.bulk_create(self.new_records)


def chinese_version(path):
    """Where the Chinese version of the document at `path` is: beside it, `<name>.zh-hans.txt`."""
    return path.with_name(f"{path.stem}{CHINESE_SUFFIX}{path.suffix}")


def _read(path):
    try:
        return decode(path.read_bytes())
    except OSError as error:
        raise DocumentError(f"Cannot read {path}: {error.strerror or error}.") from None


def document_import(*, path, restore_deleted=False):
    """Create whatever the document describes and the database lacks; never update a row.

    Rows are found by their `source_key` (organisations and programs also by slug), so what
    staff edited in admin stays as it is. Deleting is editing too: every key the import
    creates is recorded (`ImportRecord`), and a recorded key whose row is gone is not
    created again, nor anything that hangs off it, unless `restore_deleted`. Parsing
    happens before the transaction, and the writes happen in one transaction: a bad file or
    a failed write changes nothing.

    With a Chinese version beside the document, rows are created with their Chinese texts too.
    A row that is already there gets them once, in the columns that are empty (a Chinese text
    staff wrote stays); that too is recorded (`<key>:zh-hans`), so a Chinese text staff
    cleared later stays cleared. A Chinese document that does not pair with the English one
    is a DocumentError, like a bad English one.
    """
    path = Path(path)
    if path.stem.endswith(CHINESE_SUFFIX):
        raise DocumentError(
            "This is the Chinese version: import the English document, the Chinese one beside "
            "it is read with it."
        )
    parsed = parse_document(_read(path))
    chinese_path = chinese_version(path)
    chinese = parse_translation(_read(chinese_path), parsed) if chinese_path.exists() else None
    doc_key = f"document:{path.stem}"
    with transaction.atomic():
        run = _ImportRun(restore_deleted=restore_deleted, chinese=chinese)
        organisations = _import_organisations(parsed, run)
        blocks = _import_article(parsed, doc_key, run)
        _import_milestones(parsed, blocks, organisations, run)
        people = _import_people(parsed, organisations, run)
        _import_agreements(parsed, people, run)
        _import_research_fields(parsed, run)
        _import_key_figures(parsed, run)
        _import_programs(parsed, organisations, run)
        run.save_records()
    return run.report


def _get_or_create(model, run, *, source_key, defaults, chinese=None, many_to_many=None, **lookup):
    """The row with this source key (or, failing that, `lookup`); created when missing.

    None when an earlier run recorded the key and the row is gone: staff deleted it, and a
    deletion is an edit the import keeps (unless the run restores deleted rows). The key of
    every row found or created is recorded, so rows imported before records existed get
    theirs now. A model without a `source_key` column (Program) is found by `lookup` alone.
    `many_to_many` is set on a row this call creates, never on one that was there.
    `chinese` (field: Chinese text) goes in the row's `_zh_hans` columns: see `_translate`.
    """
    chinese = {f"{name}_zh_hans": text for name, text in (chinese or {}).items()}
    has_key_column = any(f.name == "source_key" for f in model._meta.concrete_fields)
    row = model.objects.filter(source_key=source_key).first() if has_key_column else None
    imported_before = row is not None or source_key in run.recorded
    if row is None and lookup:
        row = model.objects.filter(**lookup).first()
    label = model._meta.verbose_name_plural
    if row is None and source_key in run.recorded and not run.restore_deleted:
        run.report.count_kept_deleted(label)
        return None
    created = row is None
    if created:
        key_column = {"source_key": source_key} if has_key_column else {}
        row = model(**key_column, **lookup, **defaults, **chinese)
        row.full_clean()
        row.save()
        for name, values in (many_to_many or {}).items():
            getattr(row, name).set(values)
    elif chinese and imported_before:
        _translate(row, run, source_key, chinese)
    if chinese:
        run.record(f"{source_key}:zh-hans")
    run.record(source_key)
    run.report.count(label, created)
    return row


def _translate(row, run, source_key, chinese):
    """Give a row imported before the Chinese document its Chinese texts, once.

    Only empty columns are filled, and only the first time (`<key>:zh-hans` is recorded):
    the Chinese texts staff wrote or cleared stay as they are. A row found by slug that the
    import never created (a program another app made) is not ours to translate.
    """
    if f"{source_key}:zh-hans" in run.recorded:
        return
    empty = [column for column, text in chinese.items() if text and not getattr(row, column)]
    if not empty:
        return
    for column in empty:
        setattr(row, column, chinese[column])
    row.full_clean(exclude=[f.name for f in row._meta.fields if f.name not in empty])
    row.save(update_fields=empty)
    run.report.count_translated(row._meta.verbose_name_plural)


def _still_there(rows, keys):
    """The rows named by `keys` that are still there (`rows` holds None for a deleted one)."""
    return [rows[key] for key in keys if rows[key] is not None]


def _import_organisations(parsed, run):
    """Organisations by slug; None for one staff deleted (rows then name no parent for it)."""
    organisations = {}
    for data in parsed.organisations:
        parent = organisations.get(data.parent_slug)
        organisations[data.slug] = _get_or_create(
            Organisation,
            run,
            source_key=f"organisation:{data.slug}",
            slug=data.slug,
            chinese=run.in_chinese("organisations", data.slug),
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


def _import_article(parsed, doc_key, run):
    """The article's blocks by index; None for one staff deleted (all, with the article)."""
    article = _get_or_create(
        NewsArticle,
        run,
        source_key=doc_key,
        chinese=run.in_chinese("article"),
        defaults={
            "title": parsed.title,
            "slug": _article_slug(parsed.title),
            "published_on": parsed.published_on,
            "summary": parsed.summary,
        },
    )
    if article is None:
        return dict.fromkeys(range(len(parsed.blocks)))
    blocks = {}
    for index, data in enumerate(parsed.blocks):
        key = f"{doc_key}:block:{index}"
        figure = None
        if data.kind == BlockKind.FIGURE:
            figure = _get_or_create(
                Figure,
                run,
                source_key=f"{doc_key}:figure:{index}",
                chinese=run.in_chinese("blocks", index),
                defaults={"caption": data.text, "taken_in": data.taken_in},
            )
        blocks[index] = _get_or_create(
            ArticleBlock,
            run,
            source_key=key,
            chinese=run.in_chinese("blocks", index) if data.kind == BlockKind.PARAGRAPH else None,
            defaults={
                "article": article,
                "position": index + 1,
                "kind": data.kind,
                "text": data.text if data.kind == BlockKind.PARAGRAPH else "",
                "figure": figure,
            },
        )
    return blocks


def _import_milestones(parsed, blocks, organisations, run):
    for data in parsed.milestones:
        _get_or_create(
            Milestone,
            run,
            source_key=f"milestone:{data.key}",
            chinese=run.in_chinese("milestones", data.key),
            defaults={
                "happened_on": data.happened_on,
                "day_known": data.day_known,
                "is_planned": data.is_planned,
                "title": data.title,
                "text": data.text,
                "source_block": blocks[data.block_index],
            },
            many_to_many={"organisations": _still_there(organisations, data.organisation_slugs)},
        )


def _import_people(parsed, organisations, run):
    """People by source key; None for one staff deleted."""
    people = {}
    for position, data in enumerate(parsed.people):
        key = f"person:{slugify(data.name)}"
        if key in people:  # named twice: one person
            continue
        people[key] = _get_or_create(
            Person,
            run,
            source_key=key,
            chinese=run.in_chinese("people", data.name),
            defaults={
                "name": data.name,
                "role": data.role,
                "organisation": organisations.get(data.organisation_slug),
                "position": position,
            },
        )
    return people


def _import_agreements(parsed, people, run):
    """Points and participants go with a deleted agreement, participants with a deleted person."""
    for data in parsed.agreements:
        agreement = _get_or_create(
            Agreement,
            run,
            source_key=f"agreement:{data.slug}",
            chinese=run.in_chinese("agreements", data.slug),
            defaults={
                "title": data.title,
                "slug": data.slug,
                "signed_on": data.signed_on,
                "day_known": data.day_known,
                "place": data.place,
                "summary": data.summary,
            },
        )
        if agreement is None:
            continue
        for kind, texts, points in (
            (AgreementPointKind.PRINCIPLE, data.principles, "principles"),
            (AgreementPointKind.COMMITMENT, data.commitments, "commitments"),
        ):
            for position, text in enumerate(texts):
                _get_or_create(
                    AgreementPoint,
                    run,
                    source_key=f"point:{data.slug}:{kind}:{position}",
                    chinese=run.in_chinese(
                        "agreement_points", data.slug, points, position, field="text"
                    ),
                    defaults={
                        "agreement": agreement,
                        "kind": kind,
                        "text": text,
                        "position": position,
                    },
                )
        for position, participant in enumerate(data.participants):
            person = people[f"person:{slugify(participant.name)}"]
            if person is None:
                continue
            _get_or_create(
                CeremonyParticipant,
                run,
                source_key=f"participant:{data.slug}:{person.source_key}:{participant.part}",
                defaults={
                    "agreement": agreement,
                    "person": person,
                    "part": participant.part,
                    "position": position,
                },
            )


def _import_research_fields(parsed, run):
    for kind, names in parsed.research_fields.items():
        for position, name in enumerate(names):
            _get_or_create(
                ResearchField,
                run,
                source_key=f"field:{kind}:{slugify(name)}",
                chinese=run.in_chinese("research_fields", kind, position, field="name"),
                defaults={"name": name, "kind": kind, "position": position},
            )


def _import_key_figures(parsed, run):
    for position, data in enumerate(parsed.key_figures):
        _get_or_create(
            KeyFigure,
            run,
            source_key=f"key-figure:{data.key}",
            chinese=run.in_chinese("key_figures", data.key),
            defaults={"value": data.value, "label": data.label, "position": position},
        )


def _import_programs(parsed, organisations, run):
    """Programs are looked up by slug only: other parts of the portal own them afterwards.

    Program has no `source_key` column; the import records `program:<slug>` instead.
    """
    for data in parsed.programs:
        _get_or_create(
            Program,
            run,
            source_key=f"program:{data.slug}",
            slug=data.slug,
            chinese=run.in_chinese("programs", data.slug),
            defaults={
                "kind": data.kind,
                "title": data.title,
                "summary": data.summary,
                "description": data.description,
                "study_weeks": data.study_weeks,
                "internship_weeks": data.internship_weeks,
            },
            many_to_many={
                "host_organisations": _still_there(organisations, data.host_slugs),
                "partner_organisations": _still_there(organisations, data.partner_slugs),
            },
        )
