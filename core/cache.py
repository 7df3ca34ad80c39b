"""A Redis cache that degrades: while Redis is down, reads miss and writes are dropped.

Nothing the portal keeps only in the cache is needed to answer a page (sessions are in the
database, feeds are rebuilt on a miss), so a Redis outage costs speed, not the site. A
throttle that cannot count refuses (`add` reports the key taken), so a rate-limited email
waits for Redis rather than going out unlimited. Each failure is logged as a warning.
"""

import functools
import logging

from django.core.cache.backends.redis import RedisCache
from redis.exceptions import RedisError

logger = logging.getLogger(__name__)


def _degrading(fallback):
    """Runs a cache operation; on a Redis error logs it and returns `fallback(args)`."""

    def decorate(method):
        @functools.wraps(method)
        def wrapper(self, *args, **kwargs):
            try:
                return method(self, *args, **kwargs)
            except RedisError as error:
                logger.warning("Cache unavailable during %s: %s", method.__name__, error)
                return fallback(*args, **kwargs)

        return wrapper

    return decorate


def _none(*args, **kwargs):
    return None


def _false(*args, **kwargs):
    return False


def _default(key, default=None, *args, **kwargs):
    return default


def _delta(key, delta=1, *args, **kwargs):
    return delta


def _empty_dict(*args, **kwargs):
    return {}


def _no_keys_stored(data, *args, **kwargs):
    return list(data)


class DegradingRedisCache(RedisCache):
    """django.core.cache.backends.redis.RedisCache whose errors become misses."""

    get = _degrading(_default)(RedisCache.get)
    get_many = _degrading(_empty_dict)(RedisCache.get_many)
    has_key = _degrading(_false)(RedisCache.has_key)
    set = _degrading(_none)(RedisCache.set)
    set_many = _degrading(_no_keys_stored)(RedisCache.set_many)
    add = _degrading(_false)(RedisCache.add)
    touch = _degrading(_false)(RedisCache.touch)
    delete = _degrading(_false)(RedisCache.delete)
    delete_many = _degrading(_none)(RedisCache.delete_many)
    clear = _degrading(_false)(RedisCache.clear)
    incr = _degrading(_delta)(RedisCache.incr)
