"""Admin login throttling with django-axes: the client address a failed login is counted for,
and the answer to a locked-out attempt (settings: "Admin login throttling" in cms/settings/base.py,
docs/deployment.md)."""

import ipaddress
import math
from datetime import datetime

from axes import helpers
from axes.handlers.proxy import AxesProxyHandler
from django import http, shortcuts
from django.conf import settings
from django.utils.translation import ngettext

from cms.clients import forwarded_for


def _login_ip(text: str) -> str | None:
    """An address as axes stores it: IPv4 as is; IPv6 as its /64 network (the block one
    subscriber usually gets, so that hopping addresses inside it gives no fresh guesses);
    IPv4-mapped IPv6 as IPv4; a port written by a proxy dropped; None when it is no address."""
    text = (text or "").strip()
    if text.startswith("[") and "]" in text:
        text = text[1 : text.index("]")]
    elif text.count(":") == 1:
        text = text.split(":", 1)[0]
    try:
        ip = ipaddress.ip_address(text)
        if isinstance(ip, ipaddress.IPv6Address):
            if ip.ipv4_mapped is not None:
                return str(ip.ipv4_mapped)
            return str(ipaddress.IPv6Network((ip.exploded, 64), strict=False).network_address)
    except ValueError:
        return None
    return str(ip)


def client_ip(request) -> str | None:
    """AXES_CLIENT_IP_CALLABLE: the address a login attempt is counted for. REMOTE_ADDR, or,
    behind AXES_TRUSTED_PROXIES proxies that append to X-Forwarded-For, the address the outermost
    of them saw (the n-th entry from the right; entries further left are written by the client
    and never trusted). An entry that is no address counts as REMOTE_ADDR."""
    address = _login_ip(forwarded_for(request, getattr(settings, "AXES_TRUSTED_PROXIES", 0)))
    return address if address is not None else _login_ip(request.META.get("REMOTE_ADDR", ""))


def lockout_response(request, original_response=None, credentials=None):
    """AXES_LOCKOUT_CALLABLE: the answer to a login attempt axes flags as locked out.

    The failed attempt that reaches the limit was checked like any other, so it keeps its own
    answer (the login form with "wrong username or password"); the lockout refuses the attempts
    after it. Those get the admin's login page again, HTTP 429, with the lockout message in
    place of the form's error and Retry-After: the seconds until the lockout ends (the last
    counted failure plus the cool-off; refused attempts do not prolong it)."""
    failures = getattr(request, "axes_failures_since_start", None)
    if (
        isinstance(original_response, http.HttpResponse)
        and failures is not None
        and failures <= helpers.get_failure_limit(request, credentials)
    ):
        return original_response

    now = getattr(request, "axes_attempt_time", None) or datetime.now().astimezone()
    handler = AxesProxyHandler.get_implementation()
    last_failures = [
        moment
        for attempts in getattr(handler, "get_user_attempts", lambda *args: [])(
            request, credentials
        )
        for moment in attempts.values_list("attempt_time", flat=True)
    ]
    ends = max(last_failures, default=now) + helpers.get_cool_off(request)
    seconds = max(1, math.ceil((ends - now).total_seconds()))
    minutes = math.ceil(seconds / 60)
    message = ngettext(
        "Too many failed sign-in attempts for this account from your network. "
        "Try again in %(minutes)d minute.",
        "Too many failed sign-in attempts for this account from your network. "
        "Try again in %(minutes)d minutes.",
        minutes,
    ) % {"minutes": minutes}

    template = getattr(original_response, "template_name", None)
    context = getattr(original_response, "context_data", None) or {}
    form = context.get("form")
    if template and form is not None:
        # The admin's own login page: the username stays filled in, the error is the lockout.
        form.errors.clear()
        form.add_error(None, message)
        response = shortcuts.render(request, template, context, status=429)
    else:
        response = http.HttpResponse(message, status=429, content_type="text/plain; charset=utf-8")
    response["Retry-After"] = str(seconds)
    response["Cache-Control"] = "max-age=0, no-cache, no-store, must-revalidate, private"
    return response
