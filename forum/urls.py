from django.urls import path

from forum import views

app_name = "forum"

urlpatterns = [
    path("community/", views.feed, name="feed"),
    path("community/post/", views.update_create, name="update_create"),
    path(
        "conversations/<int:pk>/", views.conversation_detail, name="conversation_detail"
    ),
    path(
        "conversations/<int:pk>/print/",
        views.conversation_print,
        name="conversation_print",
    ),
    path("conversations/<int:pk>/post/", views.comment_create, name="comment_create"),
    path("posts/<int:pk>/", views.post_detail, name="post_detail"),
    path("posts/<int:pk>/reply/", views.post_reply, name="post_reply"),
    path("posts/<int:pk>/edit/", views.post_edit, name="post_edit"),
    path("posts/<int:pk>/history/", views.post_history, name="post_history"),
    path("posts/<int:pk>/delete/", views.post_delete, name="post_delete"),
    path("posts/<int:pk>/react/", views.post_react, name="post_react"),
    path("posts/<int:pk>/follow/", views.thread_follow, name="thread_follow"),
    path(
        "posts/<int:pk>/picture/",
        views.post_picture,
        {"size": "full"},
        name="post_picture",
    ),
    path(
        "posts/<int:pk>/thumbnail/",
        views.post_picture,
        {"size": "thumbnail"},
        name="post_thumbnail",
    ),
    path("questions/", views.question_list, name="question_list"),
    path("questions/ask/", views.question_create, name="question_create"),
    path("questions/received/", views.question_received, name="question_received"),
    path(
        "questions/yours/<str:token>/", views.visitor_question, name="visitor_question"
    ),
    path("notifications/", views.notification_list, name="notifications"),
    path("notifications/read/", views.notifications_read, name="notifications_read"),
    path("posts/<int:pk>/report/", views.post_report, name="post_report"),
    path("moderation/", views.moderation_queue, name="moderation_queue"),
    path(
        "moderation/posts/<int:pk>/<slug:action>/",
        views.queue_action,
        name="queue_action",
    ),
    path(
        "moderation/items/<int:pk>/close/",
        views.queue_item_close,
        name="queue_item_close",
    ),
    path(
        "moderation/conversations/<int:pk>/lock/",
        views.conversation_lock,
        name="conversation_lock",
    ),
    path("moderation/members/<int:pk>/", views.member_sanction, name="member_sanction"),
    path(
        "moderation/sanctions/<int:pk>/lift/", views.sanction_lift, name="sanction_lift"
    ),
    path("moderation/log/", views.moderation_log, name="moderation_log"),
    path(
        "moderation/crisis-matches/<int:pk>/false-alarm/",
        views.crisis_match_false_alarm,
        name="crisis_match_false_alarm",
    ),
    path(
        "moderation/crisis-false-alarms/",
        views.crisis_false_alarms,
        name="crisis_false_alarms",
    ),
    path("moderation/watched-words/", views.watched_words, name="watched_words"),
    path(
        "moderation/watched-words/<int:pk>/delete/",
        views.watched_word_delete,
        name="watched_word_delete",
    ),
    path("moderation/overview/", views.moderation_overview, name="moderation_overview"),
    path("moderation/messages/", views.moderator_messages, name="moderator_messages"),
    path("messages/", views.message_inbox, name="message_inbox"),
    path("messages/new/", views.message_start, name="message_start"),
    path("messages/<int:pk>/", views.private_conversation, name="private_conversation"),
    path(
        "messages/<int:pk>/leave/",
        views.private_conversation_leave,
        name="private_conversation_leave",
    ),
    path(
        "messages/<int:pk>/delete/",
        views.private_conversation_delete,
        name="private_conversation_delete",
    ),
    path("messages/sent/<int:pk>/report/", views.message_report, name="message_report"),
    path(
        "messages/sent/<int:pk>/picture/",
        views.message_picture,
        {"size": "full"},
        name="message_picture",
    ),
    path(
        "messages/sent/<int:pk>/thumbnail/",
        views.message_picture,
        {"size": "thumbnail"},
        name="message_thumbnail",
    ),
    path("moderation/private-messages/", views.message_reviews, name="message_reviews"),
    path(
        "moderation/private-messages/<int:pk>/",
        views.message_review,
        name="message_review",
    ),
    path(
        "moderation/private-messages/<int:pk>/<slug:action>/",
        views.message_review_decide,
        name="message_review_decide",
    ),
]
