"""Public partnership pages: news, the partnership, its timeline and the joint institute."""

from django.urls import path

from partnership import views
from partnership.feeds import LatestNewsFeed

app_name = "partnership"

urlpatterns = [
    path("news/", views.NewsListView.as_view(), name="news_list"),
    path("news/feed/", LatestNewsFeed(), name="news_feed"),
    path("news/<slug:slug>/", views.NewsDetailView.as_view(), name="news_detail"),
    path("partnership/", views.PartnershipView.as_view(), name="overview"),
    path("partnership/timeline/", views.TimelineView.as_view(), name="timeline"),
    path("partnership/institute/", views.InstituteView.as_view(), name="institute"),
]
