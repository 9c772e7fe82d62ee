#!/usr/bin/env bash
# Starts the proxy in the nginx container of compose.yaml: the same files as scripts/run-shared.sh writes
# (a self-signed certificate unless one is already in tls/, nginx.conf, ladder.conf), then nginx in the foreground.
# The settings default to the container's: /run/ladder, port 8443, the services app1 and app2.
set -euo pipefail
here="$(cd "$(dirname "$0")/../.." && pwd)"
runtime="${LADDER_RUNTIME_DIR:-/run/ladder}"
read -r -a upstreams <<< "${LADDER_UPSTREAMS:-app1:8501 app2:8501}"

# A container's logs belong on its stdout and stderr (docker compose logs), not in a file inside it. nginx writes
# errors to "stderr" itself; the access log has no such keyword, so its file is a link to the container's stdout.
export LADDER_PROXY_ERROR_LOG=stderr
mkdir -p "$runtime/logs"
ln -sf /dev/stdout "$runtime/logs/nginx-access.log"

bash "$here/scripts/shared-proxy-config.sh" "$runtime" "${LADDER_HTTPS_PORT:-8443}" \
  "${LADDER_SERVER_NAME:-localhost}" "${upstreams[@]}"
exec "$(command -v nginx || echo /usr/sbin/nginx)" -p "$runtime/nginx" -c "$runtime/nginx/nginx.conf" \
  -e stderr -g "daemon off;"
