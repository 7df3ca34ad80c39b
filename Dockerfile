# The portal's image: gunicorn serving portal.wsgi on port 8000, static files collected at build
# and served by WhiteNoise. compose.yaml runs it with PostgreSQL and Redis (README, "Deploying
# with Docker"). Settings come from the environment, as everywhere (README, "Configuration").
# The tag follows Python 3.11's patch releases and Debian's security updates; the packages are
# fixed by the lock.
FROM python:3.11-slim

# Output unbuffered, so `docker logs` shows each line as it is written. No .pyc files beside the
# code: the build would leave them in the image, and at run time the portal cannot write there.
ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1

# An unprivileged user with a fixed id, so the owner of files in volumes is predictable.
RUN groupadd --system --gid 10001 portal \
    && useradd --system --uid 10001 --gid portal --no-create-home --home-dir /nonexistent \
        --shell /usr/sbin/nologin portal

WORKDIR /app

# The lock before the code, so a change to the code alone reuses the installed packages. Every
# package must match a hash of the lock.
COPY requirements.txt .
RUN pip install --require-hashes -r requirements.txt

COPY . .

# collectstatic reads the settings, which refuse to load without a SECRET_KEY; this one signs
# nothing and is gone with the build step.
RUN SECRET_KEY=collectstatic-only-not-a-secret \
    python manage.py collectstatic --noinput --verbosity 0

# /data is the one folder the portal writes to (uploads; compose mounts a volume there). The code
# and static files stay root's, so the portal cannot change them.
RUN mkdir -p /data/media /data/private_media && chown -R portal:portal /data
ENV MEDIA_ROOT=/data/media \
    PRIVATE_MEDIA_ROOT=/data/private_media \
    CELERY_QUEUE_DIR=/data/queue

# By id rather than name, so the runtime can tell it is not root without reading /etc/passwd.
USER 10001:10001
EXPOSE 8000
HEALTHCHECK --interval=30s --timeout=10s --start-period=60s --retries=3 \
    CMD ["python", "/app/docker/healthcheck.py"]
# gunicorn takes its number of workers from WEB_CONCURRENCY (set it to change them). Threaded
# workers: gunicorn's timeout then bounds a silent worker, not one request, so a streamed CSV
# export of 100,000 applications (about a minute) is not killed at 30 seconds.
ENV WEB_CONCURRENCY=3
CMD ["gunicorn", "portal.wsgi:application", "--bind", "0.0.0.0:8000", "--worker-class", "gthread", "--threads", "4", "--access-logfile", "-"]
