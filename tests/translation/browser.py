"""What the browser journeys of tests/translation share."""

import re

# The admin's workflow action views, for pages and for snippets.
APPROVAL = re.compile(r"/workflow/action/(.*/)?approve/")


def approve_from_the_dashboard(page, text, with_actions_open=lambda: None):
    """The reviewer approves the dashboard's "Awaiting your review" row holding `text`, and the
    dashboard the approval leads back to no longer lists it.

    It waits on the approval's own request, not on the dashboard's heading (other items may be
    awaiting review too), and says what came of it: an answer other than the redirect, or a
    dashboard that still lists the row (with the admin's messages)."""
    row = page.get_by_role("row").filter(has_text=text)
    row.get_by_role("button").last.click()
    approve = row.get_by_role("button", name="Approve", exact=True)
    approve.wait_for()
    with_actions_open()
    with page.expect_response(
        lambda response: response.request.method == "POST" and APPROVAL.search(response.url)
    ) as approval:
        approve.click()
    answer = approval.value
    # A redirect has no body to show; an error page has.
    assert answer.status == 302, f"{answer.status} {answer.url}: " + (
        answer.text()[:500] if answer.status >= 400 else ""
    )
    page.wait_for_load_state()
    try:
        row.wait_for(state="detached", timeout=30_000)
    except Exception as error:
        messages = page.locator(".messages").all_inner_texts()
        raise AssertionError(
            f"still awaiting review after the approval; messages: {messages}"
        ) from error
