from django.http import JsonResponse


def minimal(request):
    """The server's ceiling: Django's request cycle and a JSON answer, no database."""
    return JsonResponse({"ok": True})
