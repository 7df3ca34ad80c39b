"""Parse the partnership source document into plain data, without touching the database.

The document is plain text: the first line is the title, every other non-empty line is a
paragraph, except short lines without closing punctuation, which are photo captions placed
between paragraphs (a trailing "(March 2020)" dates the photo).

Everything else is found by the extraction rules in `rules.py`; the Chinese version of the
document is read by `chinese.py` with `rules_zh.py`, through the functions here that take a
`rules` module. Each rule is a regular expression
that must match the text: when the document changes so that a rule no longer matches,
parsing stops with a DocumentError that names the rule, instead of importing half a story.
"""

import re
from dataclasses import dataclass, field
from datetime import date

from django.utils.text import slugify

from portal.document import rules as english_rules
from portal.document.rules import (
    AGREEMENT_CAPTION_RE,
    CEREMONY_PARTS,
    CEREMONY_PLACE_RE,
    CEREMONY_RE,
    COMMITMENTS_RE,
    DEPUTY_DIRECTOR_RE,
    INSTITUTE_SLUG,
    KEY_FIGURE_RULES,
    LIST_SPLIT_RE,
    MONTHS,
    ORGANISATION_RULES,
    PARTNER_UNIVERSITIES_RE,
    PERSON_NAME_RE,
    PRINCIPLE_SPLIT_RE,
    PRINCIPLES_RE,
    PROGRAM_RULES,
    RESEARCH_FIELD_RULES,
    SUMMARY_MAX_LENGTH,
    UNIVERSITY_FULL_NAMES,
    ZIERIP_WEEKS_RE,
)

# An untitled milestone is named by the opening of its sentence.
UNTITLED_MILESTONE_LENGTH = 80


class DocumentError(ValueError):
    """The text does not have the shape the import expects; the message says where."""


@dataclass
class Block:
    kind: str  # "paragraph" or "figure"
    text: str
    taken_in: date | None = None


@dataclass
class MilestoneData:
    key: str
    title: str
    text: str
    block_index: int
    happened_on: date | None = None
    day_known: bool = False
    is_planned: bool = False
    organisation_slugs: list[str] = field(default_factory=list)


@dataclass
class OrganisationData:
    slug: str
    name: str
    kind: str
    short_name: str = ""
    parent_slug: str = ""
    description: str = ""
    match_phrase: str = ""  # how the document names it


@dataclass
class ParticipantData:
    name: str
    role: str
    part: str  # a CeremonyPart value
    organisation_slug: str = ""


@dataclass
class AgreementData:
    slug: str
    title: str
    signed_on: date
    day_known: bool
    place: str
    summary: str
    principles: list[str] = field(default_factory=list)
    commitments: list[str] = field(default_factory=list)
    participants: list[ParticipantData] = field(default_factory=list)


@dataclass
class KeyFigureData:
    key: str
    value: str
    label: str


@dataclass
class ProgramData:
    slug: str
    kind: str
    title: str
    summary: str
    description: str
    host_slugs: list[str]
    partner_slugs: list[str] = field(default_factory=list)
    study_weeks: int | None = None
    internship_weeks: int | None = None


@dataclass
class ParsedDocument:
    title: str
    blocks: list[Block]
    milestones: list[MilestoneData]
    organisations: list[OrganisationData]
    people: list[ParticipantData]
    agreements: list[AgreementData]
    research_fields: dict[str, list[str]]
    key_figures: list[KeyFigureData]
    programs: list[ProgramData]

    @property
    def published_on(self):
        """The article is dated by the latest event it reports."""
        return max(m.happened_on for m in self.milestones if m.happened_on)

    @property
    def summary(self):
        return sentences(self.blocks[self._first_paragraph].text)[0]

    @property
    def _first_paragraph(self):
        return next(i for i, b in enumerate(self.blocks) if b.kind == "paragraph")


def sentences(paragraph, rules=english_rules):
    return [s.strip() for s in rules.SENTENCE_BREAK_RE.split(paragraph) if s.strip()]


def split_list(text, pattern=LIST_SPLIT_RE):
    return [item.strip() for item in pattern.split(text) if item.strip()]


def shorten(text, length):
    """`text` cut to at most `length` characters, at a space if it has any (Chinese has none)."""
    if len(text) <= length:
        return text
    cut = text[: length - 1]
    return (cut.rsplit(" ", 1)[0] if " " in cut else cut) + "…"


def match_rule(pattern, text, rule_name):
    match = pattern.search(text)
    if match is None:
        raise DocumentError(f"Extraction rule {rule_name!r} no longer matches the document.")
    return match


def decode(raw):
    if b"\x00" in raw:
        raise DocumentError("The file is binary, not a text document.")
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise DocumentError(
            f"The file is not UTF-8 text ({error.reason} at byte {error.start})."
        ) from None


def split_blocks(text, rules=english_rules):
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    if not lines:
        raise DocumentError("The document is empty.")
    title, body = lines[0], lines[1:]
    if len(title) > rules.TITLE_MAX_LENGTH or title.endswith(rules.FULL_STOP):
        raise DocumentError("The first line must be the title: one short line without a full stop.")
    blocks = []
    for line in body:
        if len(line) <= rules.CAPTION_MAX_LENGTH and not line.endswith(rules.SENTENCE_ENDINGS):
            found = rules.CAPTION_DATE_RE.search(line)
            taken_in = month_of(found) if found else None
            blocks.append(Block("figure", line, taken_in))
        else:
            blocks.append(Block("paragraph", line))
    if not any(b.kind == "paragraph" for b in blocks):
        raise DocumentError("The document has a title but no paragraphs.")
    return title, blocks


def month_of(match):
    """The first of the month a date rule matched: a month's name (English) or number (Chinese)."""
    month = match["month"]
    number = int(month) if month.isdigit() else MONTHS.index(month) + 1
    try:
        return date(int(match["year"]), number, 1)
    except ValueError:
        raise DocumentError(f"Invalid date in the document: {match.group(0)!r}.") from None


def _event_date(match):
    day = match["day"]
    month_start = month_of(match)
    if day is None:
        return month_start, False
    try:
        return month_start.replace(day=int(day)), True
    except ValueError:
        raise DocumentError(f"Invalid date in the document: {match.group(0)!r}.") from None


def _organisations_in(text, organisations):
    """Slugs of the organisations named in `text`, in order of first mention."""
    found = []
    for org in organisations:
        phrase = org.match_phrase
        position = text.find(phrase)
        if position >= 0:
            found.append((position, -len(phrase), org.slug))
    return [slug for _, _, slug in sorted(found)]


def parse_organisations(text, paragraphs):
    organisations = []
    for slug, name, kind, short_name, parent_slug, match in ORGANISATION_RULES:
        phrase = match or name
        if phrase not in text:
            raise DocumentError(f"Organisation rule {slug!r}: {phrase!r} is not in the document.")
        organisations.append(
            OrganisationData(slug, name, kind, short_name, parent_slug, match_phrase=phrase)
        )
    universities = split_list(
        match_rule(PARTNER_UNIVERSITIES_RE, text, "partner universities")["list"]
    )
    for short in universities:
        org = OrganisationData(
            slugify(UNIVERSITY_FULL_NAMES.get(short, short)),
            UNIVERSITY_FULL_NAMES.get(short, short),
            "partner_university",
            short if short.isupper() else "",  # abbreviations such as MIT
            match_phrase=short,
        )
        organisations.append(org)
    institute = next(o for o in organisations if o.slug == INSTITUTE_SLUG)
    institute.description = "\n\n".join(
        s for p in paragraphs for s in sentences(p) if institute.match_phrase in s
    )
    return organisations


def parse_people(all_sentences, organisations):
    people = []
    for sentence in all_sentences:
        match = CEREMONY_RE.match(sentence)
        if not match:
            continue
        items = [item.removeprefix("and ").strip() for item in match["subject"].split(", ")]
        if len(items) % 2:
            raise DocumentError(f"Cannot pair names and roles in: {sentence!r}.")
        for name, role in zip(items[::2], items[1::2], strict=True):
            if not PERSON_NAME_RE.match(name):
                raise DocumentError(
                    f"{name!r} does not look like a person's name in: {sentence!r}."
                )
            orgs = _organisations_in(role, organisations)
            people.append(
                ParticipantData(name, role, CEREMONY_PARTS[match["verb"]], orgs[0] if orgs else "")
            )
    for part in CEREMONY_PARTS.values():
        if not any(p.part == part for p in people):
            raise DocumentError(f"Ceremony rule: nobody is named as having {part} the ceremony.")
    return people


def parse_deputy_director(text):
    match = match_rule(DEPUTY_DIRECTOR_RE, text, "deputy director of the institute")
    role = f"{match['role']}; {match['post']} of the Joint Institute of Frontier Technologies"
    return ParticipantData(match["name"], role, "", INSTITUTE_SLUG)


def parse_milestones(blocks, rules=english_rules):
    milestones, seen_dates = [], set()
    for index, block in enumerate(blocks):
        if block.kind != "paragraph":
            continue
        for sentence in sentences(block.text, rules):
            if rules.PLANNED_SENTENCE_RE.match(sentence):
                milestones.append(
                    MilestoneData(
                        f"planned-{len(milestones)}", "", sentence, index, is_planned=True
                    )
                )
                continue
            match = rules.EVENT_DATE_RE.search(sentence)
            if not match:
                continue
            happened_on, day_known = _event_date(match)
            # A later mention of the same date refers back to the same event.
            if (happened_on, day_known) in seen_dates:
                continue
            seen_dates.add((happened_on, day_known))
            key = happened_on.isoformat() if day_known else happened_on.isoformat()[:7]
            milestones.append(MilestoneData(key, "", sentence, index, happened_on, day_known))
    if not any(m.happened_on for m in milestones):
        raise DocumentError(
            f"Milestone rule: no sentence is dated like {rules.DATED_SENTENCE_EXAMPLE!r}."
        )
    if not any(m.is_planned for m in milestones):
        raise DocumentError(
            f"Planned milestone rule: no sentence starts with {rules.PLANNED_SENTENCE_EXAMPLE!r}."
        )
    for pattern, title in rules.MILESTONE_TITLE_RULES:
        matching = [m for m in milestones if re.search(pattern, m.text)]
        if len(matching) != 1:
            raise DocumentError(
                f"Milestone title rule {pattern!r} matches {len(matching)} sentences, not one."
            )
        matching[0].title = title
    for milestone in milestones:
        if not milestone.title:  # a dated sentence no rule names: its first words will do
            milestone.title = shorten(milestone.text, UNTITLED_MILESTONE_LENGTH)
    return sorted(milestones, key=lambda m: (m.is_planned, m.happened_on or date.max))


def parse_agreements(blocks, milestones, all_sentences, participants):
    agreements = {}
    for block in blocks:
        match = AGREEMENT_CAPTION_RE.match(block.text) if block.kind == "figure" else None
        if match and match["title"] not in agreements:
            month = month_of(match)
            dated = [
                m for m in milestones if m.happened_on and m.happened_on.replace(day=1) == month
            ]
            day_known = any(m.day_known for m in dated)
            signed_on = next((m.happened_on for m in dated if m.day_known), month)
            agreements[match["title"]] = AgreementData(
                slug=slugify(f"{match['title']} {match['year']}")[:200],
                title=match["title"],
                signed_on=signed_on,
                day_known=day_known,
                place="",
                summary="",
            )
    if not agreements:
        raise DocumentError(
            "Agreement rule: no caption 'The signing ceremony of … Agreement (Month Year)'."
        )
    for agreement in agreements.values():
        label = f"{MONTHS[agreement.signed_on.month - 1]} "
        label += f"{agreement.signed_on.day} " if agreement.day_known else ""
        label += str(agreement.signed_on.year)
        mentions = [s for s in all_sentences if label in s]
        agreement.summary = " ".join(mentions)
        place = next(
            (CEREMONY_PLACE_RE.search(s) for s in mentions if CEREMONY_PLACE_RE.search(s)), None
        )
        agreement.place = place["place"] if place else ""
    ordered = sorted(agreements.values(), key=lambda a: a.signed_on)
    latest = ordered[-1]
    # "According to the agreement …" and the ceremony refer to the latest agreement.
    text = " ".join(all_sentences)
    latest.principles = split_list(
        match_rule(PRINCIPLES_RE, text, "cooperation principles")["list"], PRINCIPLE_SPLIT_RE
    )
    commitments = next(filter(None, map(COMMITMENTS_RE.search, all_sentences)), None)
    if commitments is None:
        raise DocumentError(
            "Extraction rule 'agreement commitments' no longer matches the document."
        )
    latest.commitments = [item[0].upper() + item[1:] for item in split_list(commitments["list"])]
    latest.participants = participants
    return ordered


def parse_key_figures(text):
    figures = []
    for key, pattern, value, label in KEY_FIGURE_RULES:
        match = match_rule(pattern, text, f"key figure {key}")
        figures.append(KeyFigureData(key, value.format(**match.groupdict()), label))
    return figures


def parse_programs(text, all_sentences, organisations):
    universities = [o.slug for o in organisations if o.kind == "partner_university"]
    weeks = match_rule(ZIERIP_WEEKS_RE, text, "ZIERIP weeks")
    programs = []
    for slug, kind, title, anchor, hosts in PROGRAM_RULES:
        mentions = [s for s in all_sentences if anchor in s]
        if not mentions:
            raise DocumentError(f"Program rule {slug!r}: {anchor!r} is not in the document.")
        summary = shorten(mentions[0], SUMMARY_MAX_LENGTH)
        program = ProgramData(slug, kind, title, summary, " ".join(mentions), hosts)
        if kind == "zierip":
            program.partner_slugs = universities
            program.study_weeks = int(weeks["study"])
            program.internship_weeks = int(weeks["internship"])
        programs.append(program)
    return programs


def parse_document(text):
    title, blocks = split_blocks(text)
    paragraphs = [b.text for b in blocks if b.kind == "paragraph"]
    all_sentences = [s for p in paragraphs for s in sentences(p)]
    body = "\n".join(paragraphs)
    organisations = parse_organisations(text, paragraphs)
    milestones = parse_milestones(blocks)
    for milestone in milestones:
        milestone.organisation_slugs = _organisations_in(milestone.text, organisations)
    participants = parse_people(all_sentences, organisations)
    people = [*participants, parse_deputy_director(body)]
    research_fields = {
        kind: split_list(match_rule(pattern, body, f"research fields {kind}")["list"])
        for kind, pattern in RESEARCH_FIELD_RULES
    }
    return ParsedDocument(
        title=title,
        blocks=blocks,
        milestones=milestones,
        organisations=organisations,
        people=people,
        agreements=parse_agreements(blocks, milestones, all_sentences, participants),
        research_fields=research_fields,
        key_figures=parse_key_figures(body),
        programs=parse_programs(body, all_sentences, organisations),
    )
