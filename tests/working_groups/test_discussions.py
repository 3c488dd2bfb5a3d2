"""Discussions in the private space, and who may enter the space at all."""

from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

import pytest

from tests.factories.working_groups import MembershipFactory, PostFactory, ThreadFactory
from tests.helpers import dom
from working_groups import space
from working_groups.choices import ActivityKind
from working_groups.models import Activity, Notification, Post, Thread


def thread_url(thread):
    return thread.get_absolute_url()


def post_action(name, post):
    return reverse(
        f"working_groups:{name}", kwargs={"slug": post.thread.group.slug, "post_id": post.pk}
    )


def posts_on(response):
    return dom(response).find("ol", cls="posts").find_all("li", cls="post")


# Entering the space

SPACE_PAGES = [
    "space",
    "threads",
    "new_thread",
    "documents",
    "new_document",
    "meetings",
    "new_meeting",
]


@pytest.mark.parametrize("name", SPACE_PAGES)
def test_members_see_every_page_of_the_space(client, group, member, name):
    client.force_login(member)
    response = client.get(reverse(f"working_groups:{name}", kwargs={"slug": group.slug}))
    assert response.status_code == 200


@pytest.mark.parametrize("name", SPACE_PAGES)
@pytest.mark.parametrize("person", ["applicant", "outsider", "staff_editor"])
def test_signed_in_non_members_are_refused(client, request, group, person, name):
    client.force_login(request.getfixturevalue(person))
    response = client.get(reverse(f"working_groups:{name}", kwargs={"slug": group.slug}))
    assert response.status_code == 403


@pytest.mark.parametrize("name", SPACE_PAGES)
def test_anonymous_visitors_are_sent_to_sign_in(client, group, name):
    url = reverse(f"working_groups:{name}", kwargs={"slug": group.slug})
    response = client.get(url)
    assert response.status_code == 302
    assert response.url.startswith(reverse("account_login"))


def test_space_navigation_and_publish_link_for_coordinators(client, group, member, coordinator):
    client.force_login(member)
    nav = dom(client.get(reverse("working_groups:space", kwargs={"slug": group.slug})))
    labels = [a.text for a in nav.find("nav", cls="space-nav").find_all("a")]
    assert labels == ["Overview", "Discussions", "Documents", "Meetings", "Members"]

    client.force_login(coordinator)
    nav = dom(client.get(reverse("working_groups:space", kwargs={"slug": group.slug})))
    links = {a.text: a.attrs["href"] for a in nav.find("nav", cls="space-nav").find_all("a")}
    assert links["Publish an output"] == reverse(
        "working_groups:publish_output", kwargs={"slug": group.slug}
    )


def test_overview_shows_recent_work_and_the_feed(client, group, member, coordinator):
    thread = space.start_thread(group, coordinator, "Welcome to the group", "Hello all.")
    space.reply(thread, member, "Thanks!")
    client.force_login(member)

    response = client.get(reverse("working_groups:space", kwargs={"slug": group.slug}))

    page = dom(response)
    recent = page.find("section", **{"aria-labelledby": "threads-heading"})
    assert [a.text for a in recent.find("ul").find_all("a")] == ["Welcome to the group"]
    feed = [li.text for li in page.find("ol", cls="feed").find_all("li")]
    assert feed[0].startswith("Mia Member replied in “Welcome to the group”")
    assert feed[1].startswith("Cora Ordinator started the discussion “Welcome to the group”")
    preference = page.find("form", cls="notification-preference")
    assert preference.attrs["action"] == reverse(
        "working_groups:notifications", kwargs={"slug": group.slug}
    )
    assert preference.find("input", value="daily").attrs.get("checked") is not None


# Writing


def test_member_starts_a_discussion(client, group, member, coordinator):
    client.force_login(member)
    response = client.post(
        reverse("working_groups:new_thread", kwargs={"slug": group.slug}),
        {"title": "Waiting lists", "body": "How long are yours?"},
    )

    thread = Thread.objects.get(group=group)
    assert response.url == thread.get_absolute_url()
    assert thread.posts.get().body == "How long are yours?"
    activity = Activity.objects.get(group=group, kind=ActivityKind.THREAD)
    assert Notification.objects.filter(activity=activity).count() == 1, "the coordinator only"


def test_reply_moves_the_thread_up_and_is_recorded(client, group, member):
    older = ThreadFactory(group=group, author=member)
    newer = ThreadFactory(group=group, author=member)
    client.force_login(member)

    response = client.post(thread_url(older), {"body": "Back to this one."})

    reply = older.posts.last()
    assert response.url == f"{older.get_absolute_url()}#post-{reply.pk}"
    assert list(Thread.objects.filter(group=group)) == [older, newer]
    assert Activity.objects.filter(kind=ActivityKind.REPLY, url=response.url).exists()


def test_markdown_is_rendered(client, group, member):
    thread = space.start_thread(
        group, member, "Formatting", "Some **bold** words and [a guide](https://example.org/guide)."
    )
    client.force_login(member)

    body = posts_on(client.get(thread_url(thread)))[0].find("div", cls="post__body")

    assert body.find("strong").text == "bold"
    link = body.find("a")
    assert link.attrs["href"] == "https://example.org/guide"
    assert "nofollow" in link.attrs["rel"]


def test_raw_html_scripts_and_javascript_links_are_neutralised(client, group, member):
    hostile = (
        "<script>alert('x')</script>\n\n"
        '<img src="x" onerror="alert(1)">\n\n'
        '[click me](javascript:alert(1)) and <a href="javascript:alert(2)">here</a>'
    )
    thread = space.start_thread(group, member, "Hostile", hostile)
    client.force_login(member)

    response = client.get(thread_url(thread))

    body = posts_on(response)[0].find("div", cls="post__body")
    assert not body.find_all("script")
    assert not body.find_all("img")
    assert not [e for e in body.iter() if any(a.startswith("on") for a in e.attrs)]
    assert all(
        not (a.attrs.get("href") or "").lower().startswith("javascript:")
        for a in body.find_all("a")
    )
    assert "<script>alert('x')</script>" in body.text, "shown as text, not run"


def test_author_edits_own_post(client, group, member):
    thread = space.start_thread(group, member, "Typo", "Teh first post.")
    post = thread.posts.get()
    client.force_login(member)

    form = dom(client.get(post_action("edit_post", post)))
    assert form.find("textarea", id="id_body").text == "Teh first post."
    response = client.post(post_action("edit_post", post), {"body": "The *first* post."})

    post.refresh_from_db()
    assert response.status_code == 302
    assert post.body == "The *first* post."
    assert "<em>first</em>" in post.body_html
    assert post.edited_at is not None
    shown = posts_on(client.get(thread_url(thread)))[0]
    assert "edited" in shown.find("header").text


def test_nobody_edits_someone_elses_post(client, group, member, coordinator):
    thread = space.start_thread(group, coordinator, "Policy", "Coordinator's words.")
    post = thread.posts.get()
    client.force_login(member)

    assert client.get(post_action("edit_post", post)).status_code == 403
    assert client.post(post_action("edit_post", post), {"body": "Hijacked"}).status_code == 403
    post.refresh_from_db()
    assert post.body == "Coordinator's words."
    actions = posts_on(client.get(thread_url(thread)))[0].find_all("p", cls="post__actions")
    assert actions == [], "no edit or delete buttons on others' posts"


def test_coordinator_removes_a_post_and_the_thread_keeps_its_shape(
    client, group, member, coordinator
):
    thread = space.start_thread(group, member, "Off topic", "Something inappropriate.")
    reply = PostFactory(thread=thread, author=member, body="A reply that stays.")
    opening = thread.posts.first()
    client.force_login(coordinator)

    assert client.post(post_action("edit_post", opening), {"body": "x"}).status_code == 403
    response = client.post(post_action("delete_post", opening))

    assert response.status_code == 302
    opening.refresh_from_db()
    assert opening.is_removed and opening.removed_by_moderator
    assert opening.body == "" and opening.body_html == ""
    shown = posts_on(client.get(thread_url(thread)))
    assert len(shown) == 2
    assert "This post was removed by a coordinator." in shown[0].text
    assert "Something inappropriate" not in shown[0].text
    assert "A reply that stays." in shown[1].text
    assert Post.objects.filter(pk=reply.pk, removed_at__isnull=True).exists()


def test_author_deletes_the_opening_post(client, group, member):
    thread = space.start_thread(group, member, "Oops", "Posted in the wrong group.")
    post = thread.posts.get()
    client.force_login(member)

    confirm = client.get(post_action("delete_post", post))
    assert confirm.status_code == 200
    post.refresh_from_db()
    assert not post.is_removed, "the confirmation page changes nothing"
    client.post(post_action("delete_post", post))

    post.refresh_from_db()
    assert post.is_removed and not post.removed_by_moderator
    response = client.get(thread_url(thread))
    assert response.status_code == 200
    assert "This post was deleted." in posts_on(response)[0].text
    assert client.post(post_action("delete_post", post)).status_code == 403


def test_member_cannot_remove_others_posts(client, group, member, coordinator):
    thread = space.start_thread(group, coordinator, "Agenda", "Items please.")
    client.force_login(member)
    assert client.post(post_action("delete_post", thread.posts.get())).status_code == 403


def test_deleted_account_shows_as_former_member(client, group, member, coordinator):
    leaver = PostFactory(thread__group=group, thread__author=coordinator, body="My advice.").author
    thread = Thread.objects.get(group=group)
    leaver.delete()
    client.force_login(member)

    shown = posts_on(client.get(thread_url(thread)))

    assert shown[1].find("span", cls="post__author").text == "former member"
    assert "My advice." in shown[1].text


def test_another_groups_thread_and_posts_are_not_found(client, group, other_group, member):
    theirs = ThreadFactory(group=other_group)
    client.force_login(member)

    in_our_space = reverse(
        "working_groups:thread", kwargs={"slug": group.slug, "thread_id": theirs.pk}
    )
    edit = reverse(
        "working_groups:edit_post", kwargs={"slug": group.slug, "post_id": theirs.posts.get().pk}
    )
    assert client.get(in_our_space).status_code == 404
    assert client.get(edit).status_code == 404


def test_replies_need_a_csrf_token(group, member):
    thread = ThreadFactory(group=group, author=member)
    client = Client(enforce_csrf_checks=True)
    client.force_login(member)

    response = client.post(thread_url(thread), {"body": "Forged"})

    assert response.status_code == 403
    assert thread.posts.count() == 1


def test_empty_reply_shows_an_error(client, group, member):
    thread = ThreadFactory(group=group, author=member)
    client.force_login(member)

    response = client.post(thread_url(thread), {"body": ""})

    assert response.status_code == 200
    assert "This field is required." in dom(response).find(id="id_body_error").text


def test_thread_list_counts_replies(client, group, member):
    thread = space.start_thread(group, member, "Supervision", "Who supervises you?")
    space.reply(thread, member, "An external psychologist.")
    client.force_login(member)

    response = client.get(reverse("working_groups:threads", kwargs={"slug": group.slug}))

    item = dom(response).find("li", cls="thread-list__item")
    assert "Supervision" in item.text
    assert "Started by Mia Member · 1 reply" in item.text


def test_thread_page_queries_do_not_grow_with_posts(
    client, group, member, coordinator, django_assert_max_num_queries
):
    thread = space.start_thread(group, member, "Busy", "First.")
    client.force_login(coordinator)
    with CaptureQueriesContext(connection) as few:
        client.get(thread_url(thread))
    for number in range(8):
        space.reply(thread, member if number % 2 else coordinator, f"Reply {number}")

    with django_assert_max_num_queries(len(few.captured_queries)):
        client.get(thread_url(thread))


def test_posts_show_the_authors_name_never_their_address(client, group, member):
    nameless = MembershipFactory(group=group, user__first_name="", user__last_name="").user
    thread = ThreadFactory(group=group, author=nameless, body="Hello from someone unnamed.")
    client.force_login(member)
    content = client.get(thread.get_absolute_url()).content.decode()
    assert "Hello from someone unnamed." in content
    assert nameless.email not in content
    assert "Unnamed member" in content


def test_the_activity_feed_names_people_without_their_address(group, member):
    nameless = MembershipFactory(group=group, user__first_name="", user__last_name="").user
    space.start_thread(group, nameless, "Hello", "Hi all.")
    (activity,) = Activity.objects.filter(group=group, kind=ActivityKind.THREAD)
    assert nameless.email not in activity.summary
    assert nameless.email not in activity.text
    assert activity.text.startswith("Unnamed member")
