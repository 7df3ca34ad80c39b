"""The Chinese version of the document: read by its own rules, paired with the English facts,
and imported by the same command into the Chinese columns."""

from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from partnership.models import (
    AgreementPoint,
    KeyFigure,
    Milestone,
    NewsArticle,
    Organisation,
    Person,
)
from portal.document import DocumentError, parse_document, parse_translation
from portal.models import ImportRecord
from programs.models import Program
from tests.conftest import CHINESE_DOCUMENT, DOCUMENT
from tests.portal.test_import_document import snapshot

ENGLISH = parse_document(DOCUMENT.read_text())


def translate(text=None):
    return parse_translation(CHINESE_DOCUMENT.read_text() if text is None else text, ENGLISH)


def changed(old, new):
    text = CHINESE_DOCUMENT.read_text()
    assert old in text
    return text.replace(old, new)


# Parsing ----------------------------------------------------------------------------------------


def test_each_english_fact_has_its_chinese_text_under_the_same_key():
    chinese = translate()
    assert chinese.article["title"] == "浙江大学软件学院携手阿里巴巴集团深化校企合作"
    assert len(chinese.blocks) == len(ENGLISH.blocks) == 13
    assert chinese.blocks[1] == {
        "caption": "浙江大学-阿里巴巴集团全面战略合作框架协议签约仪式（2020年3月）"
    }
    assert chinese.people["Wu Zhaohui"] == {
        "name": "吴朝晖",
        "role": "浙江大学校长、中国科学院院士",
    }
    assert chinese.people["Zhang Jianfeng"]["role"] == "阿里巴巴达摩院院长、阿里云智能总裁"
    assert chinese.people["Bu Jiajun"]["role"].startswith("软件学院常务副院长；")
    assert chinese.organisations["joint-institute-of-frontier-technologies"]["name"] == (
        "阿里巴巴-浙江大学前沿技术联合研究中心"
    )
    assert chinese.organisations["stanford-university"]["name"] == "斯坦福大学"
    assert chinese.milestones["2017-04"]["text"].startswith("2017年4月，")
    assert set(chinese.milestones) == {m.key for m in ENGLISH.milestones}
    latest = ENGLISH.agreements[-1]
    assert chinese.agreements[latest.slug]["place"] == "阿里巴巴西溪园区"
    assert chinese.agreement_points[latest.slug]["principles"] == [
        "在办学、人才培养、创业与发展等方面合作",
        "互惠互利",
        "优势互补",
    ]
    assert len(chinese.agreement_points[latest.slug]["commitments"]) == 4
    assert chinese.research_fields["joint_research"][1] == "智慧海洋"
    assert [len(names) for names in chinese.research_fields.values()] == [6, 7, 4]
    assert chinese.key_figures["zierip-weeks"]["label"].startswith("周 ZIERIP")
    assert chinese.programs["zierip"]["title"] == "浙江大学国际软件工程产学研项目（ZIERIP）"


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        (
            "位阿里巴巴资深技术专家成为",
            "位阿里巴巴专家成为",
            "'Chinese key figure phd-supervisors'",
        ),
        ("坚持“", "遵循“", "'Chinese cooperation principles'"),
        ("等领域的联合研究", "方面的联合研究", "'Chinese research fields joint_research'"),
        ("教授出任研究中心", "教授担任研究中心", "'Chinese deputy director of the institute'"),
        ("浙江省教育厅", "省教育厅", "Chinese organisation rule 'zhejiang-ministry-of-education'"),
        (
            "国际研究生暑期学校",
            "国际暑期学校",
            "Chinese program rule 'international-graduate-summer-school'",
        ),
    ],
)
def test_a_chinese_rule_that_no_longer_matches_is_named(old, new, message):
    with pytest.raises(DocumentError, match=message):
        translate(changed(old, new))


def test_a_chinese_document_of_another_length_is_refused():
    lines = CHINESE_DOCUMENT.read_text().splitlines()
    with pytest.raises(DocumentError, match="13 lines and the English one 14"):
        translate("\n".join(lines[:-1]))


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        ("，浙江大学副校长罗卫东", "", "no person for Luo Weidong"),
        ("近两年，", "2018年6月起，", "names a milestone the English one lacks: 2018-06"),
        ("、剑桥大学", "", "University of Cambridge .* is not among the universities"),
        ("、智慧物流", "", "lists 6 research fields new_infrastructure, the English one 7"),
        (
            "已有11位",
            "已有12位",
            "phd-supervisors: the Chinese document says 12, the English one 11",
        ),
        ("主持签约仪式。", "出席签约仪式。", "Liu Xiangwen has not hosted the ceremony"),
    ],
)
def test_an_english_fact_without_its_chinese_counterpart_is_refused(old, new, message):
    with pytest.raises(DocumentError, match=message):
        translate(changed(old, new))


# Importing --------------------------------------------------------------------------------------


def run_import(path=DOCUMENT, *options):
    out = StringIO()
    call_command("import_document", str(path), *options, stdout=out)
    return out.getvalue()


def test_one_import_writes_both_languages(imported):
    article = NewsArticle.objects.get()
    assert article.title_zh_hans == "浙江大学软件学院携手阿里巴巴集团深化校企合作"
    assert article.title_en.startswith("The School of Software Technology")
    assert Person.objects.get(name_en="Daniel Zhang").name_zh_hans == "张勇"
    assert Organisation.objects.get(slug="alibaba-group").short_name_zh_hans == "阿里巴巴"
    assert Milestone.objects.get(source_key="milestone:2019-07").title_zh_hans == (
        "软件学院夏令营在阿里巴巴开营"
    )
    assert AgreementPoint.objects.get(kind="principle", position=1).text_zh_hans == "互惠互利"
    assert KeyFigure.objects.get(value="11").label_zh_hans.startswith("位阿里巴巴资深技术专家")
    assert Program.objects.get(slug="zierip").title_zh_hans.startswith("浙江大学国际软件工程")


def test_importing_both_languages_twice_changes_nothing(imported):
    before = snapshot()
    assert "everything was already there, nothing changed" in run_import()
    assert snapshot() == before


def test_rows_imported_before_the_chinese_document_get_their_chinese_once(
    imported_in_english_only,
):
    assert not NewsArticle.objects.get().title_zh_hans
    Person.objects.filter(name_en="Wu Zhaohui").update(name_zh_hans="吴校长")  # staff wrote it

    output = run_import()

    assert output.endswith(
        "added the Chinese texts of 15 organisations, 1 news articles, 8 article blocks, "
        "5 figures, 8 milestones, 8 people, 2 agreements, 7 agreement points, "
        "17 research fields, 4 key figures, 7 programs.\n"
    )
    assert NewsArticle.objects.get().title_zh_hans.startswith("浙江大学软件学院")
    wu = Person.objects.get(name_en="Wu Zhaohui")
    assert (wu.name_zh_hans, wu.role_zh_hans) == ("吴校长", "浙江大学校长、中国科学院院士")
    # Once: a Chinese text staff clear afterwards stays cleared.
    Milestone.objects.filter(source_key="milestone:2019-07").update(title_zh_hans="")
    before = snapshot()
    assert "everything was already there, nothing changed" in run_import()
    assert snapshot() == before


def test_a_row_staff_deleted_stays_deleted_with_both_languages(imported):
    Person.objects.get(name_en="Wang Lizhong").delete()
    before = snapshot()
    assert run_import().endswith(
        "nothing changed; kept 1 row staff deleted (1 people; "
        "use --restore-deleted to bring them back).\n"
    )
    assert snapshot() == before
    assert "created 1 people, 1 ceremony participants." in run_import(DOCUMENT, "--restore-deleted")
    assert Person.objects.get(name_en="Wang Lizhong").name_zh_hans == "王立忠"


def test_a_chinese_document_that_does_not_pair_changes_nothing(imported, tmp_path):
    before = snapshot()
    (tmp_path / DOCUMENT.name).write_bytes(DOCUMENT.read_bytes())
    (tmp_path / CHINESE_DOCUMENT.name).write_text(changed("，浙江大学副校长罗卫东", ""))
    with pytest.raises(CommandError, match="no person for Luo Weidong.* Nothing was imported"):
        run_import(tmp_path / DOCUMENT.name)
    assert snapshot() == before


def test_the_chinese_document_is_not_imported_on_its_own(db):
    with pytest.raises(CommandError, match="This is the Chinese version: import the English"):
        run_import(CHINESE_DOCUMENT)
    assert not ImportRecord.objects.exists()
