"""How Chinese a Chinese page reads: Han characters and English words of its visible text.

Issue 10 measured, with the site switched to Chinese, 8 Chinese characters and 49 English words
on the news article and 50 and 399 on the timeline. This counts the same on the /zh-hans/
pages of the imported document (and the demo data of `make run`), and the English page beside.

    .venv/bin/python bench/chinese_share.py
"""

import re
from html.parser import HTMLParser
from io import StringIO

from harness import set_up_django, source_storages

HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff]")
WORD = re.compile(r"[A-Za-z]+(?:['’][A-Za-z]+)?")


class BodyText(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.in_body = False
        self.skipping = 0
        self.parts = []

    def handle_starttag(self, tag, attrs):
        self.in_body |= tag == "body"
        self.skipping += tag in {"script", "style"}

    def handle_endtag(self, tag):
        self.skipping -= tag in {"script", "style"}

    def handle_data(self, data):
        if self.in_body and not self.skipping:
            self.parts.append(data)


def counts(html):
    parser = BodyText()
    parser.feed(html)
    text = " ".join(parser.parts)
    return len(HAN.findall(text)), len(WORD.findall(text))


def main():
    set_up_django("chinese-share")
    from django.core.management import call_command
    from django.test import Client, override_settings

    from partnership.models import NewsArticle

    with override_settings(STORAGES=source_storages()):
        call_command(
            "import_document", "content/zju-alibaba-cooperation-2020.txt", stdout=StringIO()
        )
        call_command("seed_demo", stdout=StringIO())
        client = Client()
        article = NewsArticle.objects.get().get_absolute_url().removeprefix("/en")
        print(f"{'page':<32} {'Chinese characters':>18} {'English words':>14}")
        for label, path in [("news article", article), ("timeline", "/partnership/timeline/")]:
            for language in ("zh-hans", "en"):
                han, words = counts(client.get(f"/{language}{path}").content.decode())
                print(f"{label + ' /' + language + '/':<32} {han:>18} {words:>14}")


if __name__ == "__main__":
    main()
