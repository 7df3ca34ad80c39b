"""The extraction rules: what the import looks for in the document, and what it calls it.

Each rule is a phrase or regular expression that must match the text; when the document
changes so that one no longer matches, the import stops with an error naming the rule.
Edit these rules together with the document.
"""

import re

MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]
MONTH = "(?P<month>" + "|".join(MONTHS) + ")"

# "In April 2017", "On March 27 2020", "in December 2019".
EVENT_DATE_RE = re.compile(
    r"\b(?:[Ii]n|[Oo]n) " + MONTH + r"(?: (?P<day>\d{1,2}),?)? (?P<year>\d{4})\b"
)
# A caption's own date: "... (March 2020)".
CAPTION_DATE_RE = re.compile(r"\(" + MONTH + r" (?P<year>\d{4})\)$")
# Sentences end with a full stop followed by a capital letter or an opening quote.
SENTENCE_BREAK_RE = re.compile(r"(?<=\.)\s+(?=[A-Z“])")
PERSON_NAME_RE = re.compile(r"^[A-Z][a-z]+ [A-Z][a-z]+$")
CAPTION_MAX_LENGTH = 200
TITLE_MAX_LENGTH = 300
# A line that ends like a sentence is a paragraph, not a caption; the title ends in no full stop.
SENTENCE_ENDINGS = (".", "!", "?", "”", '"')
FULL_STOP = "."


# Organisations the document names. `match` is the phrase that must occur in the text.
ORGANISATION_RULES = [
    # slug, name, kind, short name, parent slug, match
    ("zhejiang-university", "Zhejiang University", "university", "ZJU", "", None),
    (
        "school-of-software-technology",
        "School of Software Technology",
        "school",
        "",
        "zhejiang-university",
        None,
    ),
    (
        "school-of-computer-science",
        "School of Computer Science",
        "school",
        "",
        "zhejiang-university",
        None,
    ),
    (
        "polytechnic-institute",
        "Polytechnic Institute of Zhejiang University",
        "school",
        "",
        "zhejiang-university",
        None,
    ),
    ("alibaba-group", "Alibaba Group", "company", "Alibaba", "", None),
    (
        "alibaba-damo-academy",
        "Alibaba DAMO Academy",
        "company_unit",
        "DAMO Academy",
        "alibaba-group",
        None,
    ),
    (
        "alibaba-cloud-intelligence",
        "Alibaba Cloud Intelligence",
        "company_unit",
        "",
        "alibaba-group",
        None,
    ),
    (
        "alibaba-cloud-marketing-public-affairs",
        "Marketing and Public Affairs Department, Alibaba Cloud Intelligence",
        "company_unit",
        "Marketing and Public Affairs",
        "alibaba-cloud-intelligence",
        "Marketing and Public Affairs Department at Alibaba Cloud Intelligence",
    ),
    (
        "joint-institute-of-frontier-technologies",
        "Alibaba-Zhejiang University Joint Institute of Frontier Technologies",
        "joint_institute",
        "Joint Institute of Frontier Technologies",
        "",
        None,
    ),
    (
        "zhejiang-ministry-of-education",
        "Ministry of Education of Zhejiang Province",
        "government",
        "",
        "",
        None,
    ),
]
INSTITUTE_SLUG = "joint-institute-of-frontier-technologies"

# The partner universities are listed by their short names; these are their full names.
PARTNER_UNIVERSITIES_RE = re.compile(
    r"students from (?P<list>.+?) and other world’s top universities"
)
UNIVERSITY_FULL_NAMES = {
    "Stanford": "Stanford University",
    "MIT": "Massachusetts Institute of Technology",
    "Harvard": "Harvard University",
    "Cambridge": "University of Cambridge",
    "NUS": "National University of Singapore",
}

# Ceremony sentences: "A, role, B, role, and C, role, attended the ceremony."
CEREMONY_RE = re.compile(
    r"^(?P<subject>.+?),? (?P<verb>attended the ceremony|signed the agreement on behalf of the "
    r"parties|hosted the ceremony)\.$"
)
CEREMONY_PARTS = {
    "attended the ceremony": "attended",
    "signed the agreement on behalf of the parties": "signed",
    "hosted the ceremony": "hosted",
}
DEPUTY_DIRECTOR_RE = re.compile(
    r"Professor (?P<name>[A-Z][a-z]+ [A-Z][a-z]+), (?P<role>[^,]+), took up the post of "
    r"(?:the )?(?P<post>[^,.]+?) of the institute"
)

AGREEMENT_CAPTION_RE = re.compile(
    r"^The signing ceremony of (?P<title>.+? Agreement) \(" + MONTH + r" (?P<year>\d{4})\)$"
)
CEREMONY_PLACE_RE = re.compile(r"was held in the (?P<place>[^,]+),")
PRINCIPLES_RE = re.compile(r"adhere to the principles of “(?P<list>[^”]+)”")
# Principles are phrases that start with a gerund: "offering mutual benefits".
PRINCIPLE_SPLIT_RE = re.compile(r",\s+(?:and\s+)?(?=\w+ing\b)")
COMMITMENTS_RE = re.compile(r"agreement signed on [^,]+? includes, inter alia, (?P<list>.+?)\.$")
LIST_SPLIT_RE = re.compile(r",\s+(?:and\s+)?")

RESEARCH_FIELD_RULES = [
    ("joint_research", re.compile(r"further the joint research on (?P<list>.+?) and other fields")),
    ("new_infrastructure", re.compile(r"research cooperation in (?P<list>.+?) and other fields")),
    ("exchange_domain", re.compile(r"in the domains like (?P<list>.+?), and promoted")),
]

ZIERIP_WEEKS_RE = re.compile(
    r"studied at Zhejiang University for (?P<study>\d+) weeks and did internships in "
    r"partner companies like Alibaba for (?P<internship>\d+) weeks"
)
KEY_FIGURE_RULES = [
    (
        "phd-supervisors",
        re.compile(
            r"(?P<value>\d+) Alibaba’s senior technical experts became "
            r"Zhejiang University’s part-time PhD supervisors"
        ),
        "{value}",
        "Alibaba senior technical experts are part-time PhD supervisors at Zhejiang University",
    ),
    (
        "interns",
        re.compile(
            r"some (?P<value>\d+) current postgraduate students of the school "
            r"did internships at Alibaba"
        ),
        "~{value}",
        "postgraduate students of the school recently did internships at Alibaba Group",
    ),
    (
        "graduates-hired",
        re.compile(r"more than (?P<value>\d+) fresh graduates joined the group every year"),
        "{value}+",
        "fresh graduates join Alibaba Group every year",
    ),
    (
        "zierip-weeks",
        ZIERIP_WEEKS_RE,
        "{study} + {internship}",
        "weeks of ZIERIP: study at Zhejiang University, then an internship at Alibaba "
        "or another partner company",
    ),
]

# Milestone titles: each rule must match exactly one dated (or planned) sentence.
MILESTONE_TITLE_RULES = [
    (
        r"signing ceremony of .+ Agreement was held",
        "Comprehensive strategic cooperation framework agreement signed",
    ),
    (
        r"Joint Institute of Frontier Technologies was founded",
        "Joint Institute of Frontier Technologies founded",
    ),
    (
        r"Zhejiang University and Alibaba Group signed a strategic cooperation agreement",
        "Strategic cooperation agreement signed",
    ),
    (
        r"enrollment brochure of .+ PhD program of Intelligent Internet Technology",
        "2020 PhD program of Intelligent Internet Technology announced",
    ),
    (
        r"Summer Camp of the School of Software Technology opened at Alibaba",
        "Summer Camp opens at Alibaba",
    ),
    (
        r"Young Fellow Camp for Engineering Postgraduates .* kicked off",
        "Alibaba Young Fellow Camp kicks off",
    ),
    (
        r"Joint Training Base for Innovative Talents .+ was approved",
        "Joint Training Base for Innovative Talents approved",
    ),
    (
        r"apply for National Model Joint Training Base for Engineering Postgraduates",
        "Application for a National Model Joint Training Base for Engineering Postgraduates",
    ),
]
PLANNED_SENTENCE_RE = re.compile(r"^In the future, ")
# How the errors of the two rules above show a sentence they look for.
DATED_SENTENCE_EXAMPLE = "In April 2017, …"
PLANNED_SENTENCE_EXAMPLE = "In the future,"

ZIERIP_NAME = (
    "Zhejiang University International Software Engineering Education-Research-Industry "
    "Program (ZIERIP)"
)
# The programs the document names, with the slugs the rest of the portal looks them up by.
PROGRAM_RULES = [
    # slug, kind, title, anchor phrase (must occur in the text), host slugs
    (
        "international-graduate-summer-school",
        "summer_school",
        "International Graduate Summer School",
        "International Graduate Summer School",
        ["school-of-software-technology", "alibaba-group"],
    ),
    (
        "zierip",
        "zierip",
        ZIERIP_NAME,
        ZIERIP_NAME,
        ["school-of-software-technology", "alibaba-group"],
    ),
    (
        "internship-at-alibaba",
        "internship",
        "Internship at Alibaba",
        "did internships at Alibaba Group",
        ["alibaba-group", "school-of-software-technology"],
    ),
    (
        "intelligent-internet-technology-phd",
        "phd",
        "PhD Program of Intelligent Internet Technology",
        "PhD program of Intelligent Internet Technology",
        ["school-of-computer-science", "school-of-software-technology", "alibaba-group"],
    ),
    (
        "summer-camp",
        "summer_camp",
        "Summer Camp of the School of Software Technology",
        "Summer Camp of the School of Software Technology",
        ["school-of-software-technology", "alibaba-group"],
    ),
    (
        "young-fellow-camp",
        "young_fellow_camp",
        "Alibaba Young Fellow Camp for Engineering Postgraduates",
        "Alibaba Young Fellow Camp for Engineering Postgraduates",
        ["alibaba-group", "school-of-software-technology"],
    ),
    (
        "joint-training-base",
        "training_base",
        "Zhejiang University-Alibaba Joint Training Base for Innovative Talents",
        "Joint Training Base for Innovative Talents",
        ["school-of-software-technology", "alibaba-group"],
    ),
]
SUMMARY_MAX_LENGTH = 400
