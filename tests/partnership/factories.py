"""Factories for the partnership content."""

from datetime import date, timedelta

import factory

from partnership.models import ArticleBlock, Figure, Milestone, NewsArticle


class NewsArticleFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = NewsArticle

    title = factory.Sequence(lambda n: f"News story {n}")
    slug = factory.Sequence(lambda n: f"news-story-{n}")
    published_on = factory.Sequence(lambda n: date(2020, 1, 1) + timedelta(days=n))
    summary = factory.Faker("sentence")


class FigureFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Figure

    caption = factory.Sequence(lambda n: f"Photo caption {n}")
    taken_in = date(2020, 3, 1)


class ParagraphFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ArticleBlock

    article = factory.SubFactory(NewsArticleFactory)
    position = factory.Sequence(lambda n: n + 1)
    kind = "paragraph"
    text = factory.Faker("paragraph")


class FigureBlockFactory(ParagraphFactory):
    kind = "figure"
    text = ""
    figure = factory.SubFactory(FigureFactory)


class MilestoneFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Milestone

    happened_on = factory.Sequence(lambda n: date(2000, 1, 1) + timedelta(days=31 * n))
    title = factory.Sequence(lambda n: f"Milestone {n}")
    text = factory.Faker("sentence")
