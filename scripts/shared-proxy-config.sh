#!/usr/bin/env bash
# Writes the configuration of the shared installation's reverse proxy (Debian's nginx) into a runtime directory:
#   tls/cert.pem, tls/key.pem   a self-signed certificate (made once, kept on later starts)
#   nginx/nginx.conf            the main file: pid, logs and temporary paths all inside the runtime directory, so
#                               nginx runs as an ordinary user; it includes nginx/ladder.conf
#   nginx/ladder.conf           deploy/nginx/ladder.conf.template filled in: upstreams, port, certificate, security.txt
# Used by scripts/run-shared.sh and by the nginx container (deploy/nginx/Dockerfile), so both run the same proxy.
#   bash scripts/shared-proxy-config.sh RUNTIME_DIR HTTPS_PORT SERVER_NAME HOST:PORT [HOST:PORT ...]
# LADDER_SECURITY_CONTACT (a mailto: or https: URI) goes into security.txt; without it, a placeholder.
# LADDER_PROXY_ERROR_LOG: where nginx writes its errors (default logs/nginx-error.log; "stderr" in a container).
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
template="${LADDER_PROXY_TEMPLATE:-$here/deploy/nginx/ladder.conf.template}"

[ $# -ge 4 ] || { echo "Usage: $0 RUNTIME_DIR HTTPS_PORT SERVER_NAME HOST:PORT [HOST:PORT ...]" >&2; exit 2; }
runtime="$1" https_port="$2" server_name="$3"
shift 3
# What goes into the nginx file must not be able to change its meaning: plain names, numbers, URIs.
[[ "$https_port" =~ ^[0-9]{1,5}$ ]] || { echo "Not a port: $https_port" >&2; exit 2; }
[[ "$server_name" =~ ^[A-Za-z0-9.-]+$ ]] || { echo "Not a host name: $server_name" >&2; exit 2; }
upstreams=""
for upstream in "$@"; do
  [[ "$upstream" =~ ^[A-Za-z0-9.-]+:[0-9]{1,5}$ ]] || { echo "Not HOST:PORT: $upstream" >&2; exit 2; }
  # max_fails/fail_timeout: a process that does not answer is skipped for 10 s, its browsers go to another one
  upstreams+="    server $upstream max_fails=1 fail_timeout=10s;"$'\n'
done
# The placeholder is a valid URI, so the file stays well-formed, and says what to do in its own words.
placeholder="mailto:TO-BE-FILLED-IN-security-contact@example.invalid"
contact="${LADDER_SECURITY_CONTACT:-$placeholder}"
[[ "$contact" =~ ^(mailto:|https://)[A-Za-z0-9@._+/:%=?-]+$ ]] \
  || { echo "LADDER_SECURITY_CONTACT must be a mailto: or https:// URI, got: $contact" >&2; exit 2; }
[ "$contact" != "$placeholder" ] || echo "Note: security.txt names a placeholder contact; set LADDER_SECURITY_CONTACT" \
  "to the address for security reports (the one SECURITY.md names)." >&2

umask 077  # the private key and everything else here: only the account that runs the proxy
mkdir -p "$runtime/tls" "$runtime/nginx/tmp" "$runtime/logs"
runtime="$(cd "$runtime" && pwd)"  # nginx wants absolute paths

if [ ! -s "$runtime/tls/key.pem" ] || [ ! -s "$runtime/tls/cert.pem" ]; then
  # Self-signed, for a trial or a trusted internal network; a real installation puts the municipality's own
  # certificate here. P-256: quick to make, accepted by every browser. Names: the server name and the loopback.
  openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -days 365 \
    -subj "/CN=$server_name" -addext "subjectAltName=DNS:$server_name,DNS:localhost,IP:127.0.0.1" \
    -keyout "$runtime/tls/key.pem" -out "$runtime/tls/cert.pem" 2>/dev/null
fi

# RFC 9116: Contact and Expires are required; Expires less than a year ahead (renewed at every start, so the
# administrator is asked to look at it again only through the placeholder above).
expires="$(date -u -d '+180 days' +%Y-%m-%dT%H:%M:%SZ)"
canonical="https://$server_name"
[ "$https_port" = 443 ] || canonical+=":$https_port"
security_txt="# Participatieladder 3.0: how to report a vulnerability in this installation (RFC 9116)\n"
security_txt+="Contact: $contact\nExpires: $expires\nPreferred-Languages: nl, en\n"
security_txt+="Canonical: $canonical/.well-known/security.txt\n"

# Bash 5.2 would put the matched text in place of every & in a replacement; these are plain text.
shopt -u patsub_replacement 2>/dev/null || true
conf="$(cat "$template")"
conf="${conf//@UPSTREAM_SERVERS@/${upstreams%$'\n'}}"
conf="${conf//@HTTPS_PORT@/$https_port}"
conf="${conf//@SERVER_NAME@/$server_name}"
conf="${conf//@TLS_DIR@/$runtime/tls}"
conf="${conf//@LOG_DIR@/$runtime/logs}"
conf="${conf//@SECURITY_TXT@/$security_txt}"
printf '%s\n' "$conf" > "$runtime/nginx/ladder.conf"

# Run as root, nginx's workers switch to nobody (they need no file here: see ladder.conf); run as an ordinary
# user, nginx stays that user and the directive would only draw a warning.
user_line=""
[ "$(id -u)" -ne 0 ] || user_line="user nobody nogroup;"
cat > "$runtime/nginx/nginx.conf" <<CONF
# Written by scripts/shared-proxy-config.sh; changes are lost at the next start.
$user_line
worker_processes 1;
pid $runtime/nginx/nginx.pid;
error_log ${LADDER_PROXY_ERROR_LOG:-$runtime/logs/nginx-error.log} warn;
events { worker_connections 1024; }
http {
    # Debian's defaults point into /var/lib/nginx, which an ordinary user cannot write
    client_body_temp_path $runtime/nginx/tmp/body;
    proxy_temp_path $runtime/nginx/tmp/proxy;
    fastcgi_temp_path $runtime/nginx/tmp/fastcgi;
    uwsgi_temp_path $runtime/nginx/tmp/uwsgi;
    scgi_temp_path $runtime/nginx/tmp/scgi;
    include $runtime/nginx/ladder.conf;
}
CONF
