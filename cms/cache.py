"""The shared cache: Django's Redis cache, which a Redis outage turns into "uncached", never errors.

CACHES (cms/settings/base.py) uses `ResilientRedisCache` when REDIS_URL is set. Everything that
uses the cache (the GraphQL response cache and its content version, persisted queries, rate limit
counters, Wagtail's own caching) treats it as an optimisation, so while Redis cannot be reached:

- reads miss: `get` gives the default, `get_many` nothing, `has_key` False;
- writes do nothing: `set`, `add`, `touch`, `delete`… report that nothing was stored;
- `incr` answers as for a new counter (the rate limit lets the request through: fail open).

Only connection and timeout errors are absorbed; a command Redis refuses (a bug) still raises.
The sockets time out quickly (OPTIONS `socket_connect_timeout`, `socket_timeout`), and after a
failure the server is not tried again for RETRY_AFTER_SECONDS (an OPTIONS key of ours, default 2),
so an outage costs one timeout per process per interval, not one per cache call. A WARNING is
logged once when an outage starts and an INFO line when Redis answers again.
"""

import logging
import threading
import time

from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.redis import RedisCache, RedisCacheClient
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError

from cms.logs import one_line

logger = logging.getLogger("cms.cache")

OUTAGE_ERRORS = (RedisConnectionError, RedisTimeoutError)
DEFAULT_RETRY_AFTER_SECONDS = 2.0


class Outage:
    """Whether one Redis server is failing; shared by every thread (Django's caches are
    per thread, an outage is per server)."""

    def __init__(self, location: str, retry_after: float):
        self.location = location
        self.retry_after = retry_after
        self.failing = False
        self.retry_at = 0.0
        self.lock = threading.Lock()

    def skip(self) -> bool:
        """True while the server failed less than retry_after seconds ago."""
        return self.failing and time.monotonic() < self.retry_at

    def failed(self, error: Exception) -> None:
        with self.lock:
            self.retry_at = time.monotonic() + self.retry_after
            if self.failing:
                return
            self.failing = True
        logger.warning(
            "Redis cache unavailable (%s: %s); serving uncached until it answers again",
            type(error).__name__,
            one_line(error, 200),
        )

    def answered(self) -> None:
        if not self.failing:
            return
        with self.lock:
            was_failing, self.failing = self.failing, False
        if was_failing:
            logger.info("Redis cache available again")


_outages: dict[str, Outage] = {}
_outages_lock = threading.Lock()


def outage_of(location: str, retry_after: float) -> Outage:
    with _outages_lock:
        outage = _outages.get(location)
        if outage is None:
            outage = _outages[location] = Outage(location, retry_after)
        outage.retry_after = retry_after
        return outage


class PooledClientRedisCacheClient(RedisCacheClient):
    """Django's Redis client, with one redis.Redis per connection pool instead of a new one at
    every cache call (its construction was a measurable part of a response-cache hit). A
    redis.Redis given a pool holds nothing else of its own and is thread-safe."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._clients = {}

    def get_client(self, key=None, *, write=False):
        pool = self._get_connection_pool(write)
        client = self._clients.get(pool)
        if client is None:
            client = self._clients[pool] = self._client(connection_pool=pool)
        return client


class ResilientRedisCache(RedisCache):
    """Django's RedisCache whose connection and timeout errors are answered as cache misses."""

    def __init__(self, server, params):
        options = dict(params.get("OPTIONS") or {})
        retry_after = float(options.pop("RETRY_AFTER_SECONDS", DEFAULT_RETRY_AFTER_SECONDS))
        super().__init__(server, {**params, "OPTIONS": options})
        self._class = PooledClientRedisCacheClient
        self._outage = outage_of(",".join(self._servers), retry_after)

    def _try(self, fallback, method, *args, **kwargs):
        if self._outage.skip():
            return fallback
        try:
            result = method(*args, **kwargs)
        except OUTAGE_ERRORS as error:
            self._outage.failed(error)
            return fallback
        self._outage.answered()
        return result

    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        return self._try(False, super().add, key, value, timeout, version)

    def get(self, key, default=None, version=None):
        return self._try(default, super().get, key, default, version)

    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        self._try(None, super().set, key, value, timeout, version)

    def touch(self, key, timeout=DEFAULT_TIMEOUT, version=None):
        return self._try(False, super().touch, key, timeout, version)

    def delete(self, key, version=None):
        return self._try(False, super().delete, key, version)

    def get_many(self, keys, version=None):
        return self._try({}, super().get_many, keys, version)

    def has_key(self, key, version=None):
        return self._try(False, super().has_key, key, version)

    def incr(self, key, delta=1, version=None):
        # Fail open: as if the counter had just been created.
        return self._try(delta, super().incr, key, delta, version)

    def set_many(self, data, timeout=DEFAULT_TIMEOUT, version=None):
        return self._try(list(data), super().set_many, data, timeout, version)

    def delete_many(self, keys, version=None):
        self._try(None, super().delete_many, keys, version)

    def clear(self):
        return self._try(False, super().clear)
