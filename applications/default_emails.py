"""The decision emails every portal starts with; managers edit them in admin.

After every `migrate` (and every test-database flush) a missing one is created; one that
exists, edited or not, is never touched.
"""

from django.apps import apps as global_apps
from django.db import DEFAULT_DB_ALIAS

ENGLISH_SIGNATURE = (
    "\n\nZJU–Alibaba Joint Training\nSchool of Software Technology, Zhejiang University"
)
CHINESE_SIGNATURE = "\n\n浙江大学软件学院 · 浙大–阿里巴巴联合培养"

ENGLISH = {
    "shortlisted": (
        "Your application {reference}: shortlisted",
        "Dear {name},\n\nGood news: your application to {program} ({intake}) has been "
        "shortlisted. We will write to you again when the final decision is made.\n\n"
        "Reference: {reference}" + ENGLISH_SIGNATURE,
    ),
    "offered": (
        "Offer of a place: {program} ({intake})",
        "Dear {name},\n\nWe are pleased to offer you a place in {program} ({intake}).\n\n"
        "Please accept or decline the offer on the “My applications” page of the portal "
        "before {deadline}. If we do not hear from you by then, the place may go to "
        "another applicant.\n\nReference: {reference}" + ENGLISH_SIGNATURE,
    ),
    "waitlisted": (
        "Your application {reference}: waiting list",
        "Dear {name},\n\nThank you for applying to {program} ({intake}). All places have "
        "been offered for now, and you are on our waiting list. If a place becomes free we "
        "will offer it to you by email.\n\nReference: {reference}" + ENGLISH_SIGNATURE,
    ),
    "rejected": (
        "Your application {reference}",
        "Dear {name},\n\nThank you for applying to {program} ({intake}). We received many "
        "strong applications and are sorry that we cannot offer you a place this time. "
        "We hope you will apply again.\n\nReference: {reference}" + ENGLISH_SIGNATURE,
    ),
}
CHINESE = {
    "shortlisted": (
        "您的申请 {reference}：已入围",
        "尊敬的 {name}：\n\n您好！很高兴地通知您，您对 {program}（{intake}）的申请已入围。"
        "最终结果确定后，我们将再次致信告知。\n\n申请编号：{reference}" + CHINESE_SIGNATURE,
    ),
    "offered": (
        "录取通知：{program}（{intake}）",
        "尊敬的 {name}：\n\n您好！我们很高兴地通知您，您已被 {program}（{intake}）录取。\n\n"
        "请于 {deadline} 前登录门户网站，在“我的申请”页面接受或拒绝录取。"
        "如届时仍未收到您的答复，该名额可能将提供给其他申请人。\n\n申请编号：{reference}"
        + CHINESE_SIGNATURE,
    ),
    "waitlisted": (
        "您的申请 {reference}：已列入候补名单",
        "尊敬的 {name}：\n\n您好！感谢您申请 {program}（{intake}）。目前录取名额已全部发出，"
        "您已被列入候补名单。如有名额空出，我们将通过电子邮件向您发出录取通知。\n\n"
        "申请编号：{reference}" + CHINESE_SIGNATURE,
    ),
    "rejected": (
        "关于您的申请 {reference}",
        "尊敬的 {name}：\n\n您好！感谢您申请 {program}（{intake}）。本次我们收到了众多优秀的申请，"
        "很遗憾未能为您提供录取名额。欢迎您今后再次申请。\n\n申请编号：{reference}"
        + CHINESE_SIGNATURE,
    ),
}
DEFAULT_DECISION_EMAILS = {"en": ENGLISH, "zh-hans": CHINESE}


def ensure_default_decision_emails(*, apps=global_apps, using=DEFAULT_DB_ALIAS):
    EmailTemplate = apps.get_model("applications", "EmailTemplate")
    for language, texts in DEFAULT_DECISION_EMAILS.items():
        for state, (subject, body) in texts.items():
            EmailTemplate.objects.using(using).get_or_create(
                state=state, language=language, defaults={"subject": subject, "body": body}
            )


def ensure_default_decision_emails_after_migrate(
    using=DEFAULT_DB_ALIAS, apps=global_apps, **kwargs
):
    """post_migrate receiver for this app; does nothing after migrating backwards, to a
    schema without the model."""
    try:
        apps.get_model("applications", "EmailTemplate")
    except LookupError:
        return
    ensure_default_decision_emails(apps=apps, using=using)
