from django.conf import settings
from django.contrib import admin
from django.urls import include, path

from community import export_views, metrics_endpoint, people_views, views

members = [
    path("<int:pk>/", views.profile_detail, name="profile_detail"),
    path(
        "<int:pk>/mute/", people_views.keep_away, {"kind": "mute"}, name="mute_member"
    ),
    path(
        "<int:pk>/block/",
        people_views.keep_away,
        {"kind": "block"},
        name="block_member",
    ),
    path("<int:pk>/let-back/", people_views.let_back, name="let_back"),
]
account = [
    path("profile/", views.profile_edit, name="profile_edit"),
    path("export/", export_views.export_page, name="data_export"),
    path(
        "export/<int:pk>/download/",
        export_views.export_download,
        name="data_export_download",
    ),
    path("delete/", views.account_delete, name="account_delete"),
    path(
        "delete/requested/",
        views.account_delete_requested,
        name="account_delete_requested",
    ),
    path(
        "delete/cancel/<str:token>/",
        views.account_delete_cancel,
        name="account_delete_cancel",
    ),
    path("people/", people_views.people, name="people"),
    path("suspended/", views.suspended, name="suspended"),
]

# Each app's patterns are grouped by the path's first segment: Django tries a
# path against the patterns in order, and a group whose prefix doesn't match
# costs one test, where its patterns cost one each (and a list of what was
# tried, built for the 404 page). Ungrouped, an article page tried 76 patterns,
# a sixth of a cached article's time in the app server.
community_patterns = [
    path("", views.home, name="home"),
    # Unnamed on purpose: not a page, so the tests that walk every named page
    # (crisis banner, headers) leave it out. Load balancers call the path.
    path("healthz/", views.healthz),
    # Unnamed too: for Prometheus, and a 404 to anyone but an operator.
    path("metrics/", metrics_endpoint.metrics),
    path("welcome/", views.welcome, name="welcome"),
    path("help/", views.help_page, name="help"),
    path("guidelines/", views.guidelines, name="guidelines"),
    path("privacy/", views.privacy, name="privacy"),
    path("about/", views.about, name="about"),
    path("members/", include(members)),
    path("account/", include(account)),
    path(
        "email/unsubscribe/<str:token>/",
        views.unsubscribe_from_email,
        name="email_unsubscribe",
    ),
    path("contact-moderators/", views.contact_moderators, name="contact_moderators"),
]

admin.site.site_header = f"{settings.SITE_NAME} administration"
admin.site.site_title = settings.SITE_NAME

urlpatterns = [
    path("", include((community_patterns, "community"))),
    path("", include("forum.urls")),
    path("", include("articles.urls")),
    path("accounts/", include("allauth.urls")),
    # Django's own set_language (as django.conf.urls.i18n mounts it), which also
    # saves a signed-in member's choice on their profile.
    path("i18n/setlang/", views.set_language, name="set_language"),
    path("admin/", admin.site.urls),
]

handler500 = "community.views.server_error"
