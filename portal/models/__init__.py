"""Partnership content shown to visitors and edited by staff.

Rows created by `manage.py import_document` carry a `source_key`; a re-import only
creates the keys that are missing, so whatever staff edit in admin stays as they left it.
Deletions too: each key the import created is kept in an `ImportRecord`, and a recorded key
whose row is gone is not created again (unless `--restore-deleted`).
"""

from portal.models.imports import ImportRecord
from portal.models.news import ArticleBlock, BlockKind, Figure, NewsArticle
from portal.models.organisations import Organisation, OrganisationKind
from portal.models.partnership import (
    Agreement,
    AgreementPoint,
    AgreementPointKind,
    CeremonyPart,
    CeremonyParticipant,
    KeyFigure,
    Milestone,
    Person,
    ResearchField,
    ResearchFieldKind,
)

__all__ = [
    "Agreement",
    "AgreementPoint",
    "AgreementPointKind",
    "ArticleBlock",
    "BlockKind",
    "CeremonyPart",
    "CeremonyParticipant",
    "Figure",
    "ImportRecord",
    "KeyFigure",
    "Milestone",
    "NewsArticle",
    "Organisation",
    "OrganisationKind",
    "Person",
    "ResearchField",
    "ResearchFieldKind",
]
