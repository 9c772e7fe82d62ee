# One app process of the shared installation (compose.yaml runs two of them behind nginx, as scripts/run-shared.sh
# does on one machine). Built and run on a project machine on 2026-12-07 (a Debian 12 base made with debootstrap
# standing in for the image below, which the machine could not download): healthy, as uid 10001.
# The base image is pinned to Python 3.11 on Debian 12 (bookworm), the versions the project is tested on; for a
# production build, pin it further by digest (python:3.11-slim-bookworm@sha256:...) and update it deliberately.
FROM python:3.11-slim-bookworm

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1

# An account of its own: the app never runs as root (SECURITY.md)
RUN useradd --system --uid 10001 --create-home --home-dir /home/ladder --shell /usr/sbin/nologin ladder

WORKDIR /app
# The pinned requirements first, so a code change does not reinstall them
COPY requirements.txt .
RUN pip install --no-compile -r requirements.txt
# The code belongs to root and is only readable for the app: it cannot change itself
COPY . .
# The one folder the app writes to: the SQLite file when LADDER_DATABASE_URL is not set (one person, `docker run`);
# a volume, so the data outlives the container. Without it the app could not open its database (seen when run here).
RUN mkdir /app/data && chown 10001 /app/data
VOLUME /app/data

# ladder, made above; numeric, so Kubernetes and others can check that it is not root
USER 10001
EXPOSE 8501
# The same health check run-shared.sh waits for (python: the slim image has no curl)
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
  CMD ["python", "-c", "import sys, urllib.request; sys.exit(urllib.request.urlopen('http://127.0.0.1:8501/_stcore/health', timeout=4).read().strip() != b'ok')"]
# 0.0.0.0 inside the container: nginx reaches it over the compose network; compose.yaml publishes no port of the
# app itself, so from outside it is reachable only through the proxy (run-shared.sh uses 127.0.0.1 for the same).
# LADDER_DATABASE_URL and STREAMLIT_SERVER_COOKIE_SECRET come from the environment (compose.yaml).
CMD ["python", "-m", "streamlit", "run", "app.py", "--server.address", "0.0.0.0", "--server.port", "8501", \
     "--server.headless", "true", "--browser.gatherUsageStats", "false", "--server.fileWatcherType", "none"]
