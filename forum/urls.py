from django.urls import include, path

from forum import views

app_name = "forum"

# Grouped by the path's first segment, so that resolving a path tries one pattern
# per group, not every pattern of every group before it (community/urls.py).
community = [
    path("", views.feed, name="feed"),
    path("post/", views.update_create, name="update_create"),
]
conversations = [
    path("<int:pk>/", views.conversation_detail, name="conversation_detail"),
    path("<int:pk>/print/", views.conversation_print, name="conversation_print"),
    path("<int:pk>/post/", views.comment_create, name="comment_create"),
]
posts = [
    path("<int:pk>/", views.post_detail, name="post_detail"),
    path("<int:pk>/reply/", views.post_reply, name="post_reply"),
    path("<int:pk>/edit/", views.post_edit, name="post_edit"),
    path("<int:pk>/history/", views.post_history, name="post_history"),
    path("<int:pk>/delete/", views.post_delete, name="post_delete"),
    path("<int:pk>/react/", views.post_react, name="post_react"),
    path("<int:pk>/follow/", views.thread_follow, name="thread_follow"),
    path(
        "<int:pk>/picture/", views.post_picture, {"size": "full"}, name="post_picture"
    ),
    path(
        "<int:pk>/thumbnail/",
        views.post_picture,
        {"size": "thumbnail"},
        name="post_thumbnail",
    ),
    path("<int:pk>/report/", views.post_report, name="post_report"),
]
questions = [
    path("", views.question_list, name="question_list"),
    path("ask/", views.question_create, name="question_create"),
    path("received/", views.question_received, name="question_received"),
    path("yours/<str:token>/", views.visitor_question, name="visitor_question"),
]
notifications = [
    path("", views.notification_list, name="notifications"),
    path("read/", views.notifications_read, name="notifications_read"),
]
moderation = [
    path("", views.moderation_queue, name="moderation_queue"),
    path("posts/<int:pk>/<slug:action>/", views.queue_action, name="queue_action"),
    path("items/<int:pk>/close/", views.queue_item_close, name="queue_item_close"),
    path(
        "conversations/<int:pk>/lock/",
        views.conversation_lock,
        name="conversation_lock",
    ),
    path("members/<int:pk>/", views.member_sanction, name="member_sanction"),
    path("sanctions/<int:pk>/lift/", views.sanction_lift, name="sanction_lift"),
    path("log/", views.moderation_log, name="moderation_log"),
    path(
        "crisis-matches/<int:pk>/false-alarm/",
        views.crisis_match_false_alarm,
        name="crisis_match_false_alarm",
    ),
    path(
        "crisis-false-alarms/",
        views.crisis_false_alarms,
        name="crisis_false_alarms",
    ),
    path("watched-words/", views.watched_words, name="watched_words"),
    path(
        "watched-words/<int:pk>/delete/",
        views.watched_word_delete,
        name="watched_word_delete",
    ),
    path("overview/", views.moderation_overview, name="moderation_overview"),
    path("messages/", views.moderator_messages, name="moderator_messages"),
    path("private-messages/", views.message_reviews, name="message_reviews"),
    path("private-messages/<int:pk>/", views.message_review, name="message_review"),
    path(
        "private-messages/<int:pk>/<slug:action>/",
        views.message_review_decide,
        name="message_review_decide",
    ),
]
messages = [
    path("", views.message_inbox, name="message_inbox"),
    path("new/", views.message_start, name="message_start"),
    path("<int:pk>/", views.private_conversation, name="private_conversation"),
    path(
        "<int:pk>/leave/",
        views.private_conversation_leave,
        name="private_conversation_leave",
    ),
    path(
        "<int:pk>/delete/",
        views.private_conversation_delete,
        name="private_conversation_delete",
    ),
    path("sent/<int:pk>/report/", views.message_report, name="message_report"),
    path(
        "sent/<int:pk>/picture/",
        views.message_picture,
        {"size": "full"},
        name="message_picture",
    ),
    path(
        "sent/<int:pk>/thumbnail/",
        views.message_picture,
        {"size": "thumbnail"},
        name="message_thumbnail",
    ),
]

urlpatterns = [
    path("community/", include(community)),
    path("conversations/", include(conversations)),
    path("posts/", include(posts)),
    path("questions/", include(questions)),
    path("notifications/", include(notifications)),
    path("moderation/", include(moderation)),
    path("messages/", include(messages)),
]
