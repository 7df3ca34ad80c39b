"""The extraction rules of the Chinese document: what the import looks for in each Chinese line.

The Chinese document translates the English one line by line. These rules find in it the
Chinese text of each fact `rules.py` finds in the English one, under the same keys (an
organisation's slug, a person's English name, a program's slug, a key figure's key). Each
rule must match: when the translation changes so that one no longer does, the import stops
with an error naming the rule. Edit these rules together with the Chinese document.
"""

import re

# "2017年4月", "2020年3月27日".
DATE = r"(?P<year>\d{4})年(?P<month>\d{1,2})月(?:(?P<day>\d{1,2})日)?"
EVENT_DATE_RE = re.compile(DATE)
# A caption's own date: "……（2020年3月）".
CAPTION_DATE_RE = re.compile(r"（(?P<year>\d{4})年(?P<month>\d{1,2})月）$")
# Sentences end with a Chinese full stop, exclamation or question mark.
SENTENCE_BREAK_RE = re.compile(r"(?<=[。！？])")
SENTENCE_ENDINGS = ("。", "！", "？", "”")
FULL_STOP = "。"
CAPTION_MAX_LENGTH = 100
TITLE_MAX_LENGTH = 150
# Lists are written "甲、乙、丙"; the two rules that list longer phrases say their own separator.
LIST_SPLIT_RE = re.compile(r"[、，]")


def date_label(day, *, day_known):
    """How the document writes a date: "2020年3月27日"; "2017年5月" when the day is unknown."""
    label = f"{day.year}年{day.month}月"
    return label + f"{day.day}日" if day_known else label


# The Chinese names of the organisations `rules.ORGANISATION_RULES` names, by slug.
ORGANISATION_RULES = [
    # slug, name, short name, match (the phrase that must occur in the text, if not the name)
    ("zhejiang-university", "浙江大学", "浙大", None),
    ("school-of-software-technology", "软件学院", "", "浙江大学软件学院"),
    ("school-of-computer-science", "计算机科学与技术学院", "", None),
    ("polytechnic-institute", "浙江大学工程师学院", "", None),
    ("alibaba-group", "阿里巴巴集团", "阿里巴巴", None),
    ("alibaba-damo-academy", "阿里巴巴达摩院", "达摩院", None),
    ("alibaba-cloud-intelligence", "阿里云智能", "", None),
    (
        "alibaba-cloud-marketing-public-affairs",
        "阿里云智能市场与公共事务部",
        "市场与公共事务部",
        None,
    ),
    (
        "joint-institute-of-frontier-technologies",
        "阿里巴巴-浙江大学前沿技术联合研究中心",
        "前沿技术联合研究中心",
        None,
    ),
    ("zhejiang-ministry-of-education", "浙江省教育厅", "", None),
]
PARTNER_UNIVERSITIES_RE = re.compile(r"来自(?P<list>[^。]+?)等世界顶尖高校的学生")
# By the short name the English document lists them by: (Chinese name, Chinese short name).
UNIVERSITY_NAMES = {
    "Stanford": ("斯坦福大学", ""),
    "MIT": ("麻省理工学院", ""),
    "Harvard": ("哈佛大学", ""),
    "Cambridge": ("剑桥大学", ""),
    "NUS": ("新加坡国立大学", ""),
}

# The people the document names, by their English names (the key of every person).
PERSON_NAMES = {
    "Wu Zhaohui": "吴朝晖",
    "Daniel Zhang": "张勇",
    "Luo Weidong": "罗卫东",
    "Hua Xiansheng": "华先胜",
    "Wang Lizhong": "王立忠",
    "Zhang Jianfeng": "张建锋",
    "Liu Xiangwen": "刘湘雯",
    "Bu Jiajun": "卜佳俊",
}
PERSON_NAME_RE = re.compile("|".join(map(re.escape, PERSON_NAMES.values())))
# Ceremony sentences name each person after their role:
# "浙江大学副校长王立忠与……张建锋代表双方签署协议。"
CEREMONY_RE = re.compile(
    r"^(?P<subject>.+?)(?P<verb>出席签约仪式|代表双方签署协议|主持签约仪式)。$"
)
CEREMONY_PARTS = {
    "出席签约仪式": "attended",
    "代表双方签署协议": "signed",
    "主持签约仪式": "hosted",
}
# What stands between one person and the next role.
ROLE_SEPARATORS = "，、与和及 "
DEPUTY_DIRECTOR_RE = re.compile(
    r"(?P<role>[^，。]+?)(?P<name>"
    + PERSON_NAME_RE.pattern
    + r")教授出任研究中心(?P<post>[^，。]+)"
)
DEPUTY_DIRECTOR_ROLE = "{role}；前沿技术联合研究中心{post}"

AGREEMENT_CAPTION_RE = re.compile(
    r"^(?P<title>.+?协议)签约仪式（(?P<year>\d{4})年(?P<month>\d{1,2})月）$"
)
CEREMONY_PLACE_RE = re.compile(r"签约仪式在(?P<place>[^，。]+?)举行")
PRINCIPLES_RE = re.compile(r"坚持“(?P<list>[^”]+)”的原则")
PRINCIPLE_SPLIT_RE = re.compile(r"，")
COMMITMENTS_RE = re.compile(r"签署的[^。]*?协议内容包括：(?P<list>[^。]+?)等?。$")
COMMITMENT_SPLIT_RE = re.compile(r"；")

RESEARCH_FIELD_RULES = [
    ("joint_research", re.compile(r"深化(?P<list>[^。]+?)等领域的联合研究")),
    ("new_infrastructure", re.compile(r"积极在(?P<list>[^。]+?)等领域开展科研合作")),
    ("exchange_domain", re.compile(r"在(?P<list>[^。，]+?)等领域开展全方位交流")),
]

# key, rule, value (as the English rule writes it: the two must agree), label.
KEY_FIGURE_RULES = [
    (
        "phd-supervisors",
        re.compile(r"(?P<value>\d+)位阿里巴巴资深技术专家成为浙江大学兼职博士生导师"),
        "{value}",
        "位阿里巴巴资深技术专家担任浙江大学兼职博士生导师",
    ),
    (
        "interns",
        re.compile(r"(?P<value>\d+)余名在读研究生在阿里巴巴集团实习"),
        "~{value}",
        "名软件学院在读研究生近期在阿里巴巴集团实习",
    ),
    (
        "graduates-hired",
        re.compile(r"每年有(?P<value>\d+)余名应届毕业生加入阿里巴巴集团"),
        "{value}+",
        "名应届毕业生每年加入阿里巴巴集团",
    ),
    (
        "zierip-weeks",
        re.compile(
            r"在浙江大学学习(?P<study>\d+)周，并在阿里巴巴等合作企业实习(?P<internship>\d+)周"
        ),
        "{study} + {internship}",
        "周 ZIERIP：先在浙江大学学习，再到阿里巴巴等合作企业实习",
    ),
]

# Milestone titles: each rule must match exactly one dated (or planned) sentence.
MILESTONE_TITLE_RULES = [
    (r"全面战略合作框架协议签约仪式在.+举行", "签署全面战略合作框架协议"),
    (r"前沿技术联合研究中心成立", "前沿技术联合研究中心成立"),
    (r"浙江大学与阿里巴巴集团签署战略合作协议", "签署战略合作协议"),
    (r"智能互联网技术博士项目招生简章", "发布2020年智能互联网技术博士项目"),
    (r"软件学院夏令营在阿里巴巴开营", "软件学院夏令营在阿里巴巴开营"),
    (r"青年学者营启动", "阿里巴巴青年学者营启动"),
    (r"创新人才联合培养基地.+批准", "创新人才联合培养基地获批"),
    (
        r"申报国家示范性工程专业学位研究生联合培养基地",
        "申报国家示范性工程专业学位研究生联合培养基地",
    ),
]
PLANNED_SENTENCE_RE = re.compile(r"^未来，")
DATED_SENTENCE_EXAMPLE = "2017年4月，……"
PLANNED_SENTENCE_EXAMPLE = "未来，"

ZIERIP_NAME = "浙江大学国际软件工程产学研项目（ZIERIP）"
# The Chinese titles of the programs `rules.PROGRAM_RULES` names, by slug.
PROGRAM_RULES = [
    # slug, title, anchor phrase (must occur in the text)
    ("international-graduate-summer-school", "国际研究生暑期学校", "国际研究生暑期学校"),
    ("zierip", ZIERIP_NAME, ZIERIP_NAME),
    ("internship-at-alibaba", "阿里巴巴实习", "在阿里巴巴集团实习"),
    ("intelligent-internet-technology-phd", "智能互联网技术博士项目", "智能互联网技术博士项目"),
    ("summer-camp", "软件学院夏令营", "软件学院夏令营"),
    ("young-fellow-camp", "阿里巴巴工程类研究生青年学者营", "阿里巴巴工程类研究生青年学者营"),
    (
        "joint-training-base",
        "浙江大学-阿里巴巴创新人才联合培养基地",
        "创新人才联合培养基地",
    ),
]
