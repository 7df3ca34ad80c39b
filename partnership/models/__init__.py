"""Partnership content shown to visitors and edited by staff.

Rows created by `manage.py import_document` (portal.importer) carry a `source_key`; a
re-import only creates the keys that are missing, so whatever staff edit in admin stays as
they left it. Deletions too: each key the import created is kept in a
`portal.ImportRecord`, and a recorded key whose row is gone is not created again (unless
`--restore-deleted`).
"""

from partnership.models.news import ArticleBlock, BlockKind, Figure, NewsArticle
from partnership.models.organisations import Organisation, OrganisationKind
from partnership.models.partnership import (
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
    "KeyFigure",
    "Milestone",
    "NewsArticle",
    "Organisation",
    "OrganisationKind",
    "Person",
    "ResearchField",
    "ResearchFieldKind",
]
