"""The bytes a delivery sends and the signature a receiver checks.

A receiver verifies with hmac.compare_digest(signature, "sha256=" + hmac(secret, body)).
"""

import hashlib
import hmac
import json


def encode(payload: dict) -> bytes:
    """The exact bytes sent and signed (stable, so every retry carries the same signature)."""
    return json.dumps(payload, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode()


def sign(secret: str, body: bytes) -> str:
    return "sha256=" + hmac.new(secret.encode(), body, hashlib.sha256).hexdigest()
