"""Who a request comes from, for counting it: the rate limit of the API and the admin's login
throttling both count per client address."""


def forwarded_for(request, trusted_proxies: int) -> str:
    """The client's address as text: REMOTE_ADDR, or, behind `trusted_proxies` proxies that
    append to X-Forwarded-For, the address the outermost of them saw (the n-th entry from the
    right; entries further left are written by the client and never trusted)."""
    if trusted_proxies > 0:
        forwarded = [
            part.strip()
            for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")
            if part.strip()
        ]
        if forwarded:
            return (
                forwarded[-trusted_proxies] if len(forwarded) >= trusted_proxies else forwarded[0]
            )
    return request.META.get("REMOTE_ADDR") or ""
