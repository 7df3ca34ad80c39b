"""Read the Chinese version of the document, pairing each of its facts with the English one's.

The Chinese file translates the English file line by line. Its facts are found by the rules in
`rules_zh.py` and keyed as the English parse keys them, so the import can write each Chinese
text next to its English one: organisations and programs by slug, people by their English
name, milestones by their date, agreements by slug (paired through the month of their
caption), agreement points, research fields and blocks by position, key figures by key.
An English fact without a Chinese counterpart (or the other way round) is a DocumentError:
the import would otherwise show it in one language only.
"""

from dataclasses import dataclass

from portal.document import rules_zh as rules
from portal.document.parser import (
    INSTITUTE_SLUG,
    SUMMARY_MAX_LENGTH,
    DocumentError,
    match_rule,
    month_of,
    parse_milestones,
    sentences,
    shorten,
    split_blocks,
    split_list,
)


@dataclass
class Translation:
    """The Chinese texts of a ParsedDocument, each a dict of field name to text."""

    article: dict
    blocks: list[dict]  # by the English block's index: its text, or its figure's caption
    organisations: dict[str, dict]  # by slug
    people: dict[str, dict]  # by English name
    milestones: dict[str, dict]  # by milestone key
    agreements: dict[str, dict]  # by slug
    agreement_points: dict[str, dict[str, list[str]]]  # by slug: "principles", "commitments"
    research_fields: dict[str, list[str]]  # by kind, in the English order
    key_figures: dict[str, dict]  # by key
    programs: dict[str, dict]  # by slug


def _require_same_keys(what, english_keys, chinese_keys):
    # An extra fact first: it may shift the keys after it (planned milestones are numbered).
    extra = [key for key in chinese_keys if key not in english_keys]
    if extra:
        raise DocumentError(
            f"The Chinese document names a {what} the English one lacks: {', '.join(extra)}."
        )
    missing = [key for key in english_keys if key not in chinese_keys]
    if missing:
        raise DocumentError(f"The Chinese document has no {what} for {', '.join(missing)}.")


def _same_length(what, english, chinese):
    if len(english) != len(chinese):
        raise DocumentError(
            f"The Chinese document lists {len(chinese)} {what}, the English one {len(english)}."
        )


def _blocks(text, english):
    title, blocks = split_blocks(text, rules)
    if len(blocks) != len(english.blocks):
        raise DocumentError(
            f"The Chinese document has {len(blocks) + 1} lines and the English one "
            f"{len(english.blocks) + 1}: each line of one translates the same line of the other."
        )
    for index, (chinese, original) in enumerate(zip(blocks, english.blocks, strict=True)):
        if chinese.kind != original.kind:
            raise DocumentError(
                f"Line {index + 2} is a {original.kind} in English but a {chinese.kind} in Chinese."
            )
    return title, blocks


def _organisations(text, paragraphs, english):
    organisations = {}
    for slug, name, short_name, match in rules.ORGANISATION_RULES:
        phrase = match or name
        if phrase not in text:
            raise DocumentError(
                f"Chinese organisation rule {slug!r}: {phrase!r} is not in the document."
            )
        organisations[slug] = {"name": name, "short_name": short_name, "description": ""}
    listed = split_list(
        match_rule(rules.PARTNER_UNIVERSITIES_RE, text, "Chinese partner universities")["list"],
        rules.LIST_SPLIT_RE,
    )
    for org in english.organisations:
        if org.kind != "partner_university":
            continue
        name, short_name = rules.UNIVERSITY_NAMES.get(org.match_phrase, ("", ""))
        if name not in listed:
            raise DocumentError(
                f"Chinese partner universities rule: {org.name} ({name or 'no Chinese name'}) "
                "is not among the universities the Chinese document lists."
            )
        organisations[org.slug] = {"name": name, "short_name": short_name, "description": ""}
    _require_same_keys("organisation", [o.slug for o in english.organisations], organisations)
    institute = organisations[INSTITUTE_SLUG]
    institute["description"] = "\n\n".join(
        s for p in paragraphs for s in sentences(p, rules) if institute["name"] in s
    )
    return organisations


def _people(all_sentences, body, english):
    """People by English name. Chinese names follow their roles, so a role is what precedes."""
    english_names = {chinese: name for name, chinese in rules.PERSON_NAMES.items()}
    people, parts = {}, {}
    for sentence in all_sentences:
        match = rules.CEREMONY_RE.match(sentence)
        if not match:
            continue
        subject, start = match["subject"], 0
        for found in rules.PERSON_NAME_RE.finditer(subject):
            name = english_names[found[0]]
            role = subject[start : found.start()].strip(rules.ROLE_SEPARATORS)
            people[name] = {"name": found[0], "role": role}
            parts[name] = rules.CEREMONY_PARTS[match["verb"]]
            start = found.end()
        if start == 0 or subject[start:].strip(rules.ROLE_SEPARATORS):
            raise DocumentError(f"Cannot pair names and roles in: {sentence!r}.")
    deputy = match_rule(rules.DEPUTY_DIRECTOR_RE, body, "Chinese deputy director of the institute")
    people[english_names[deputy["name"]]] = {
        "name": deputy["name"],
        "role": rules.DEPUTY_DIRECTOR_ROLE.format(role=deputy["role"], post=deputy["post"]),
    }
    _require_same_keys("person", [p.name for p in english.people], people)
    for person in english.people:
        if person.part and parts.get(person.name) != person.part:
            raise DocumentError(
                f"Chinese ceremony rule: {person.name} has not {person.part} the ceremony in the "
                "Chinese document."
            )
    return people


def _milestones(blocks, english):
    milestones = {
        m.key: {"title": m.title, "text": m.text} for m in parse_milestones(blocks, rules)
    }
    _require_same_keys("milestone", [m.key for m in english.milestones], milestones)
    return milestones


def _agreements(blocks, all_sentences, english):
    titles = {}
    for block in blocks:
        match = rules.AGREEMENT_CAPTION_RE.match(block.text) if block.kind == "figure" else None
        if match:
            titles.setdefault(month_of(match), match["title"])
    text = "".join(all_sentences)
    agreements, points = {}, {}
    for agreement in english.agreements:
        title = titles.get(agreement.signed_on.replace(day=1))
        if title is None:
            raise DocumentError(
                f"Chinese agreement rule: no caption names the agreement {agreement.title!r}."
            )
        label = rules.date_label(agreement.signed_on, day_known=agreement.day_known)
        mentions = [s for s in all_sentences if label in s]
        place = next(filter(None, map(rules.CEREMONY_PLACE_RE.search, mentions)), None)
        agreements[agreement.slug] = {
            "title": title,
            "place": place["place"] if place else "",
            "summary": "".join(mentions),
        }
        points[agreement.slug] = {"principles": [], "commitments": []}
        if agreement.principles:
            found = match_rule(rules.PRINCIPLES_RE, text, "Chinese cooperation principles")
            principles = split_list(found["list"], rules.PRINCIPLE_SPLIT_RE)
            _same_length("principles", agreement.principles, principles)
            points[agreement.slug]["principles"] = principles
        if agreement.commitments:
            found = next(filter(None, map(rules.COMMITMENTS_RE.search, all_sentences)), None)
            if found is None:
                raise DocumentError(
                    "Extraction rule 'Chinese agreement commitments' no longer matches the "
                    "document."
                )
            commitments = split_list(found["list"], rules.COMMITMENT_SPLIT_RE)
            _same_length("commitments", agreement.commitments, commitments)
            points[agreement.slug]["commitments"] = commitments
    return agreements, points


def _research_fields(body, english):
    fields = {}
    for kind, pattern in rules.RESEARCH_FIELD_RULES:
        found = match_rule(pattern, body, f"Chinese research fields {kind}")
        fields[kind] = split_list(found["list"], rules.LIST_SPLIT_RE)
    _require_same_keys("research field list", list(english.research_fields), fields)
    for kind, names in english.research_fields.items():
        _same_length(f"research fields {kind}", names, fields[kind])
    return fields


def _key_figures(body, english):
    english_values = {f.key: f.value for f in english.key_figures}
    figures = {}
    for key, pattern, value, label in rules.KEY_FIGURE_RULES:
        found = match_rule(pattern, body, f"Chinese key figure {key}")
        chinese_value = value.format(**found.groupdict())
        if key in english_values and chinese_value != english_values[key]:
            raise DocumentError(
                f"Key figure {key}: the Chinese document says {chinese_value}, "
                f"the English one {english_values[key]}."
            )
        figures[key] = {"label": label}
    _require_same_keys("key figure", list(english_values), figures)
    return figures


def _programs(all_sentences, english):
    programs = {}
    for slug, title, anchor in rules.PROGRAM_RULES:
        mentions = [s for s in all_sentences if anchor in s]
        if not mentions:
            raise DocumentError(
                f"Chinese program rule {slug!r}: {anchor!r} is not in the document."
            )
        programs[slug] = {
            "title": title,
            "summary": shorten(mentions[0], SUMMARY_MAX_LENGTH),
            "description": "".join(mentions),
        }
    _require_same_keys("program", [p.slug for p in english.programs], programs)
    return programs


def parse_translation(text, english):
    """The Chinese texts of `english` (a ParsedDocument) that `text` gives, by the English keys."""
    title, blocks = _blocks(text, english)
    paragraphs = [b.text for b in blocks if b.kind == "paragraph"]
    all_sentences = [s for p in paragraphs for s in sentences(p, rules)]
    body = "\n".join(paragraphs)
    first_paragraph = next(b.text for b in blocks if b.kind == "paragraph")
    agreements, points = _agreements(blocks, all_sentences, english)
    return Translation(
        article={"title": title, "summary": sentences(first_paragraph, rules)[0]},
        blocks=[{"text": b.text} if b.kind == "paragraph" else {"caption": b.text} for b in blocks],
        organisations=_organisations(text, paragraphs, english),
        people=_people(all_sentences, body, english),
        milestones=_milestones(blocks, english),
        agreements=agreements,
        agreement_points=points,
        research_fields=_research_fields(body, english),
        key_figures=_key_figures(body, english),
        programs=_programs(all_sentences, english),
    )
