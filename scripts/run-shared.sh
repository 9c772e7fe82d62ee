#!/usr/bin/env bash
# A shared installation on this machine, from one command (issue 14):
#   PostgreSQL         scripts/ensure-postgres.sh, or the server in LADDER_DATABASE_URL; the app migrates it at start
#   2 app processes    streamlit run app.py on 127.0.0.1 only (ports 8601 and 8602), both on the same PostgreSQL
#   nginx              Debian's nginx in front: https with a self-signed certificate, websockets, sticky sessions,
#                      /.well-known/security.txt (scripts/shared-proxy-config.sh, deploy/nginx/ladder.conf.template)
#   login              LADDER_AUTH=oidc: everyone logs in through OpenID Connect (st.login). With LADDER_SECRETS_FILE
#                      (a secrets.toml with the municipality's [auth] section) the apps use that provider; without
#                      it, a demo provider (oidc-provider-mock on 127.0.0.1:9400) with three demo accounts, one per
#                      role, each a one-click login: demo-medewerker, demo-begeleider, demo-beheerder.
# It waits until every process answers /_stcore/health, prints the https URL and stays in the foreground.
#   bash scripts/run-shared.sh          start; Ctrl-C stops everything it started
#   bash scripts/run-shared.sh stop     stops a running one from another terminal
# Runs as an ordinary user (nginx on an unprivileged port, its files in the runtime directory). The demo provider
# lets anyone log in as anyone: it is for trying the installation, never for real use (SECURITY.md).
# Settings (environment): LADDER_HTTPS_PORT (8443), LADDER_APP_PORTS ("8601 8602"), LADDER_SERVER_NAME
# (localhost), LADDER_RUNTIME_DIR (.shared-runtime in the repository, ignored by git), LADDER_DATABASE_URL,
# LADDER_SECURITY_CONTACT (for security.txt), LADDER_STARTUP_TIMEOUT (seconds, 120), LADDER_SECRETS_FILE,
# LADDER_DEMO_OIDC_PORT (9400), LADDER_ORGANISATION (the demo accounts' municipality: voorbeeldgemeente).
set -euo pipefail
cd "$(dirname "$0")/.."
root_dir="$(pwd)"

https_port="${LADDER_HTTPS_PORT:-8443}"
read -r -a app_ports <<< "${LADDER_APP_PORTS:-8601 8602}"
server_name="${LADDER_SERVER_NAME:-localhost}"
# absolute (-m: it need not exist yet): nginx wants it so, and `stop` finds processes by it
runtime="$(realpath -m "${LADDER_RUNTIME_DIR:-$root_dir/.shared-runtime}")"
startup_timeout="${LADDER_STARTUP_TIMEOUT:-120}"
secrets_file="${LADDER_SECRETS_FILE:-}"
demo_login=no
demo_oidc_port="${LADDER_DEMO_OIDC_PORT:-9400}"
organisation="${LADDER_ORGANISATION:-voorbeeldgemeente}"
main_pid_file="$runtime/run-shared.pid"
say() { echo "run-shared: $*" >&2; }  # progress on stderr; stdout gets only the "ready" line with the URL

# --- stop ------------------------------------------------------------------------------------------------------------
# Each started process has a pid file; a pid is only signalled while its command line is still the one started
# (after a crash the number may belong to another program by now): the app on its port, nginx with this runtime
# directory, this script.
ours() {  # pid file -> the pid, if that process is still one of ours
  local pid name expected
  pid="$(cat "$1" 2>/dev/null)" || return 1
  [ -n "$pid" ] && [ -r "/proc/$pid/cmdline" ] || return 1
  name="$(basename "$1" .pid)"
  case "$name" in
    app-*) expected="streamlit run app.py --server.address 127.0.0.1 --server.port ${name#app-} " ;;
    nginx) expected="-p $runtime/nginx " ;;
    oidc) expected="-m oidc_provider_mock --port $demo_oidc_port " ;;
    *) expected="run-shared.sh" ;;
  esac
  tr '\0' ' ' < "/proc/$pid/cmdline" | grep -q -F -e "$expected" || return 1
  echo "$pid"
}
stop_children() {
  local file pid
  for file in "$runtime"/pids/*.pid; do
    [ -e "$file" ] || continue
    if pid="$(ours "$file")"; then
      kill -TERM "$pid" 2>/dev/null || true
      # Streamlit and nginx stop within a second or two; give them 10 s, then no more choice
      for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.2; done
      kill -KILL "$pid" 2>/dev/null || true
    fi
    rm -f "$file"
  done
  if [ -e "$runtime/started-postgres" ]; then
    # PostgreSQL was not running before this script started it: stop it again (as ensure-postgres.sh started it)
    say "stopping the PostgreSQL server it started"
    "${as_root[@]}" pg_ctlcluster --skip-systemctl-redirect "$(cat "$runtime/started-postgres")" main stop || true
    rm -f "$runtime/started-postgres"
  fi
}
as_root=()
[ "$(id -u)" -eq 0 ] || as_root=(sudo -n)

if [ "${1:-start}" = stop ]; then
  if pid="$(ours "$main_pid_file")"; then
    kill -TERM "$pid"  # its trap stops the rest
    for _ in $(seq 1 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.2; done
  fi
  stop_children  # what is left if the main script itself was killed
  rm -f "$main_pid_file"
  say "stopped"
  exit 0
fi
[ "${1:-start}" = start ] || { echo "Usage: $0 [start|stop]" >&2; exit 2; }

if ours "$main_pid_file" >/dev/null; then
  say "already running (pid $(cat "$main_pid_file")); stop it with: bash scripts/run-shared.sh stop"
  exit 1
fi
# A port that something else holds would only show up later as a process that exits: say so now
ports=("${app_ports[@]}" "$https_port")
[ -n "$secrets_file" ] || ports+=("$demo_oidc_port")
for port in "${ports[@]}"; do
  if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
    say "port $port is already in use; choose others with LADDER_APP_PORTS or LADDER_HTTPS_PORT"
    exit 1
  fi
done

[ "$(id -u)" -ne 0 ] || say "warning: running as root. For real use, start it as an ordinary account (SECURITY.md)."

# --- what it needs ---------------------------------------------------------------------------------------------------
bash scripts/setup.sh >&2  # .venv with the pinned requirements (quick when done before)
bash scripts/install-system-packages.sh shared  # nginx and openssl, only when missing
nginx_bin="$(command -v nginx || echo /usr/sbin/nginx)"  # /usr/sbin is not on every user's PATH
python=.venv/bin/python

umask 077  # logs, the certificate's key and the cookie secret: only this account
mkdir -p "$runtime/pids" "$runtime/logs"

# --- PostgreSQL ------------------------------------------------------------------------------------------------------
if [ -n "${LADDER_DATABASE_URL:-}" ]; then
  database_url="$LADDER_DATABASE_URL"  # the administrator's own server: used as it is
else
  postgres_answers() {
    "$python" -c 'import psycopg; psycopg.connect("postgresql://postgres@127.0.0.1:5432/postgres", connect_timeout=3).close()' \
      >/dev/null 2>&1
  }
  rm -f "$runtime/started-postgres"  # a note left by a run that was killed outright does not hold any more
  was_running=yes
  postgres_answers || was_running=no
  server_url="$(bash scripts/ensure-postgres.sh)"
  if [ "$was_running" = no ] && [ -d /etc/postgresql ]; then
    ls /etc/postgresql | sort -V | tail -1 > "$runtime/started-postgres"
  fi
  # Its own database on that server, never the tests' `test` database
  database_url="${server_url%/*}/participatieladder"
  "$python" - "$server_url" <<'PY' >&2
import sys, psycopg
with psycopg.connect(sys.argv[1], autocommit=True) as conn:
    if not conn.execute("SELECT 1 FROM pg_database WHERE datname = 'participatieladder'").fetchone():
        conn.execute("CREATE DATABASE participatieladder")
        print("run-shared: created database participatieladder")
PY
fi

# --- the proxy's files -----------------------------------------------------------------------------------------------
upstreams=()
for port in "${app_ports[@]}"; do upstreams+=("127.0.0.1:$port"); done
bash scripts/shared-proxy-config.sh "$runtime" "$https_port" "$server_name" "${upstreams[@]}"
# -e: Debian's nginx would otherwise first open /var/log/nginx/error.log, which an ordinary user cannot
nginx_args=(-p "$runtime/nginx" -c "$runtime/nginx/nginx.conf" -e "$runtime/logs/nginx-error.log")
"$nginx_bin" -t -q "${nginx_args[@]}"

# One cookie secret for all app processes: Streamlit signs its XSRF cookie (and the demo's login cookie) with it,
# and by default every process makes its own at start. Kept in the runtime directory, given by environment (the
# command line would show it in `ps`).
[ -s "$runtime/cookie-secret" ] || openssl rand -hex 32 > "$runtime/cookie-secret"

# --- login -----------------------------------------------------------------------------------------------------------
if [ -n "$secrets_file" ]; then
  [ -r "$secrets_file" ] && grep -q '^\[auth\]' "$secrets_file" || {
    say "LADDER_SECRETS_FILE ($secrets_file) must be a readable secrets.toml with an [auth] section (README)"; exit 1; }
else
  # The demo: a provider on this machine, and a secrets.toml that points the apps to it. The cookie secret signs
  # Streamlit's login cookie; it is the one all app processes share (below), so a login holds on either process.
  secrets_file="$runtime/secrets.toml"
  demo_login=yes
  cat > "$secrets_file" <<TOML
[auth]
redirect_uri = "https://$server_name:$https_port/oauth2callback"
cookie_secret = "$(cat "$runtime/cookie-secret")"
client_id = "participatieladder-demo"
client_secret = "$(openssl rand -hex 16)"
server_metadata_url = "http://127.0.0.1:$demo_oidc_port/.well-known/openid-configuration"
TOML
fi

# --- start -----------------------------------------------------------------------------------------------------------
echo $$ > "$main_pid_file"
cleanup() {
  trap - INT TERM EXIT
  say "stopping ..."
  stop_children
  rm -f "$main_pid_file"
  say "stopped"
}
trap 'cleanup; exit 0' INT TERM
trap cleanup EXIT

for port in "${app_ports[@]}"; do
  # setpriv --pdeathsig: if this script is killed outright (kill -9), the kernel still stops its processes
  LADDER_DATABASE_URL="$database_url" STREAMLIT_SERVER_COOKIE_SECRET="$(cat "$runtime/cookie-secret")" \
    LADDER_AUTH=oidc setpriv --pdeathsig TERM "$python" -m streamlit run app.py \
      --server.address 127.0.0.1 --server.port "$port" --server.headless true \
      --browser.gatherUsageStats false --server.fileWatcherType none --secrets.files "$secrets_file" \
      > "$runtime/logs/app-$port.log" 2>&1 &
  echo $! > "$runtime/pids/app-$port.pid"
done
if [ "$demo_login" = yes ]; then
  demo_account() { printf '{"sub": "demo-%s", "name": "Demo %s", "roles": ["%s"], "organisation": "%s"}' "$1" "$1" "$1" \
    "$organisation"; }
  setpriv --pdeathsig TERM "$python" -m oidc_provider_mock --port "$demo_oidc_port" --host 127.0.0.1 \
    --user-claims "$(demo_account medewerker)" --user-claims "$(demo_account begeleider)" \
    --user-claims "$(demo_account beheerder)" > "$runtime/logs/oidc.log" 2>&1 &
  echo $! > "$runtime/pids/oidc.pid"
fi
setpriv --pdeathsig TERM "$nginx_bin" "${nginx_args[@]}" -g "daemon off;" >> "$runtime/logs/nginx-error.log" 2>&1 &
echo $! > "$runtime/pids/nginx.pid"

# --- ready? ----------------------------------------------------------------------------------------------------------
healthy() { [ "$(curl --silent --max-time 2 "$@" 2>/dev/null)" = ok ]; }
deadline=$((SECONDS + startup_timeout))
check_alive() {
  local file
  for file in "$runtime"/pids/*.pid; do
    if ! kill -0 "$(cat "$file")" 2>/dev/null; then
      say "$(basename "$file" .pid) exited during start. Its log:"
      tail -n 40 "$runtime/logs/$(basename "$file" .pid).log" "$runtime/logs/nginx-error.log" >&2 2>/dev/null || true
      exit 1
    fi
  done
  [ "$SECONDS" -lt "$deadline" ] || { say "not healthy after $startup_timeout s (logs in $runtime/logs)"; exit 1; }
}
for port in "${app_ports[@]}"; do
  until healthy "http://127.0.0.1:$port/_stcore/health"; do check_alive; sleep 0.3; done
  say "app process on 127.0.0.1:$port is healthy"
done
# And through the proxy (--insecure: the certificate is the self-signed one made above)
until healthy --insecure "https://127.0.0.1:$https_port/_stcore/health"; do check_alive; sleep 0.3; done
if [ -e "$runtime/pids/oidc.pid" ]; then
  until curl --silent --fail --max-time 2 "http://127.0.0.1:$demo_oidc_port/.well-known/openid-configuration" \
    > /dev/null; do check_alive; sleep 0.3; done
  say "demo login provider on 127.0.0.1:$demo_oidc_port (accounts demo-medewerker, demo-begeleider, demo-beheerder)"
fi
url="https://$server_name:$https_port/"
say "nginx on port $https_port is healthy; logs in $runtime/logs. Stop with Ctrl-C or: bash scripts/run-shared.sh stop"
echo "ready: $url"

# Stay in the foreground; when any process ends by itself, stop the rest: a half installation helps nobody.
wait -n || true
say "a process ended by itself; see $runtime/logs"
exit 1
