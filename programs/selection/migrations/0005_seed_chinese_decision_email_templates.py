"""Simplified Chinese versions of the decision emails of 0003; managers edit them in admin."""

from django.db import migrations

LANGUAGE = "zh-hans"
SIGNATURE = "\n\n浙江大学软件学院 · 浙大–阿里巴巴联合培养"

DEFAULTS = {
    "shortlisted": (
        "您的申请 {reference}：已入围",
        "尊敬的 {name}：\n\n您好！很高兴地通知您，您对 {program}（{intake}）的申请已入围。"
        "最终结果确定后，我们将再次致信告知。\n\n申请编号：{reference}" + SIGNATURE,
    ),
    "offered": (
        "录取通知：{program}（{intake}）",
        "尊敬的 {name}：\n\n您好！我们很高兴地通知您，您已被 {program}（{intake}）录取。\n\n"
        "请于 {deadline} 前登录门户网站，在“我的申请”页面接受或拒绝录取。"
        "如届时仍未收到您的答复，该名额可能将提供给其他申请人。\n\n申请编号：{reference}"
        + SIGNATURE,
    ),
    "waitlisted": (
        "您的申请 {reference}：已列入候补名单",
        "尊敬的 {name}：\n\n您好！感谢您申请 {program}（{intake}）。目前录取名额已全部发出，"
        "您已被列入候补名单。如有名额空出，我们将通过电子邮件向您发出录取通知。\n\n"
        "申请编号：{reference}" + SIGNATURE,
    ),
    "rejected": (
        "关于您的申请 {reference}",
        "尊敬的 {name}：\n\n您好！感谢您申请 {program}（{intake}）。本次我们收到了众多优秀的申请，"
        "很遗憾未能为您提供录取名额。欢迎您今后再次申请。\n\n申请编号：{reference}" + SIGNATURE,
    ),
}


def seed(apps, schema_editor):
    EmailTemplate = apps.get_model("selection", "EmailTemplate")
    for state, (subject, body) in DEFAULTS.items():
        EmailTemplate.objects.get_or_create(
            state=state, language=LANGUAGE, defaults={"subject": subject, "body": body}
        )


def unseed(apps, schema_editor):
    apps.get_model("selection", "EmailTemplate").objects.filter(
        state__in=DEFAULTS, language=LANGUAGE
    ).delete()


class Migration(migrations.Migration):
    dependencies = [("selection", "0004_email_template_language")]

    operations = [migrations.RunPython(seed, unseed)]
