#!/usr/bin/env bash
# Checks the Debian package that `make deb` builds, without installing it into this system:
# its control data (dependencies, conffile, maintainer scripts), its file list, the systemd unit,
# and a start of the extracted binary with the packaged configuration, which must serve /readyz,
# the career site (templates and Danish catalog) and the static assets from the installed layout.
# Not part of `make test` (the release build takes long). Usage:
#   make deb && tests/package/check_deb.sh [build/release/rekrut_<version>_<arch>.deb]
set -euo pipefail
cd "$(dirname "$0")/../.."

deb="${1:-}"
if [[ -z "$deb" ]]; then
  deb=$(find build/release -maxdepth 1 -name "rekrut_*.deb" -printf "%T@ %p\n" 2>/dev/null | sort -rn | head -n 1 | cut -d" " -f2-)
fi
if [[ -z "$deb" || ! -f "$deb" ]]; then
  echo "check_deb: no package; run make deb first (or name the .deb)" >&2
  exit 2
fi

failures=0
pass() { echo "ok   $*"; }
fail() {
  echo "FAIL $*" >&2
  failures=$((failures + 1))
}

work=$(mktemp -d)
server=""
cleanup() {
  if [[ -n "$server" ]] && kill -0 "$server" 2>/dev/null; then
    kill "$server" 2>/dev/null || true
    wait "$server" 2>/dev/null || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT

echo "check_deb: $deb"

# Control data.
info=$(dpkg-deb -I "$deb")
depends=$(dpkg-deb -f "$deb" Depends)
for library in libmicrohttpd12 libsodium23 libpq5 libsqlite3-0 libctemplate3 adduser; do
  if grep -q "\b$library\b" <<<"$depends"; then pass "Depends names $library"; else fail "Depends lacks $library: $depends"; fi
done
for script in postinst prerm postrm conffiles; do
  if grep -q " $script\b" <<<"$info"; then pass "control holds $script"; else fail "control lacks $script"; fi
done
dpkg-deb --ctrl-tarfile "$deb" | tar -x -C "$work" || true
touch "$work/conffiles" "$work/postinst"
if grep -qx /etc/rekrut/rekrut.toml "$work/conffiles"; then pass "/etc/rekrut/rekrut.toml is a conffile"; else fail "rekrut.toml is not a conffile"; fi
if sh -n "$work/postinst"; then pass "postinst parses"; else fail "postinst does not parse"; fi
if grep -q "adduser --system" "$work/postinst"; then pass "postinst creates the system user"; else fail "postinst makes no user"; fi

# File list.
listing=$(dpkg-deb -c "$deb" | awk '{print $NF}')
for path in ./usr/bin/rekrut ./etc/rekrut/rekrut.toml ./usr/lib/systemd/system/rekrut.service \
  ./usr/share/rekrut/templates/layouts/main.tpl ./usr/share/rekrut/migrations/ \
  ./usr/share/rekrut/web/static/rekrut.css ./usr/share/rekrut/web/node_modules/dkfds/dist/css/dkfds.min.css \
  ./usr/share/rekrut/locale/da/LC_MESSAGES/rekrut.mo ./usr/share/rekrut/locale/en/LC_MESSAGES/rekrut.mo \
  ./var/lib/rekrut/ ./var/log/rekrut/ ./usr/share/doc/rekrut/deployment.md; do
  if grep -qxF "$path" <<<"$listing"; then pass "holds $path"; else fail "lacks $path"; fi
done
if grep -q "^\./\(home\|root\|tmp\|work\)" <<<"$listing"; then fail "holds files outside the install layout"; else pass "nothing outside the install layout"; fi

# Extract into a throwaway root (never dpkg -i on this machine).
root="$work/root"
dpkg-deb -x "$deb" "$root"
unit="$root/usr/lib/systemd/system/rekrut.service"
if [[ ! -f "$unit" ]]; then
  fail "no unit to verify"
elif command -v systemd-analyze >/dev/null; then
  # The unit names /usr/bin/rekrut, which only the throwaway root holds: verify a copy that points there.
  mkdir -p "$work/unit"
  sed "s#/usr/bin/rekrut#$root/usr/bin/rekrut#g" "$unit" >"$work/unit/rekrut.service"
  if verify=$(systemd-analyze verify "$work/unit/rekrut.service" 2>&1) && [[ -z "$verify" ]]; then
    pass "systemd-analyze verify"
  else
    fail "systemd-analyze verify: $verify"
  fi
  exposure=$(systemd-analyze security --offline=yes "$work/unit/rekrut.service" 2>&1 | grep "Overall exposure" || true)
  echo "info $exposure"
else
  echo "skip systemd-analyze is not installed"
fi

# Start the extracted binary with the packaged configuration. The environment moves the state and
# the resources into the throwaway root; every other setting comes from the packaged file.
port=$(/usr/bin/python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
state="$work/state"
mkdir -p "$state/spool"
export REKRUT_LISTEN="127.0.0.1:$port"
export REKRUT_SERVER_PUBLIC_URL="http://127.0.0.1:$port"
export REKRUT_DATABASE_URL="sqlite:$state/rekrut.db"
export REKRUT_PATHS_RESOURCES="$root/usr/share/rekrut"
export REKRUT_PATHS_LOCALE="$root/usr/share/rekrut/locale"
export REKRUT_PATHS_UPLOADS="$state/spool"
export REKRUT_SECURITY_KEY_FILE="$state/rekrut.key"
export REKRUT_AUDIT_ANCHOR="$state/audit-anchor.log"
binary="$root/usr/bin/rekrut"
config="$root/etc/rekrut/rekrut.toml"
if (cd "$work" && "$binary" --config "$config" migrate >"$work/migrate.log" 2>&1); then
  pass "rekrut migrate with the packaged configuration"
else
  fail "rekrut migrate: $(tail -n 5 "$work/migrate.log")"
fi
(cd "$work" && exec "$binary" --config "$config" serve >"$work/serve.log" 2>&1) &
server=$!
ready=""
for _ in $(seq 300); do
  if ! kill -0 "$server" 2>/dev/null; then break; fi
  if [[ $(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/readyz") == 200 ]]; then
    ready=yes
    break
  fi
  sleep 0.2
done
if [[ -n "$ready" ]]; then pass "/readyz answers 200 from the installed layout"; else fail "/readyz never answered 200: $(tail -n 5 "$work/serve.log")"; fi
if [[ -n "$ready" ]]; then
  front=$(curl -s -H 'Accept-Language: da' "http://127.0.0.1:$port/")
  if grep -q "Ledige stillinger" <<<"$front" && grep -q "/static/dkfds/css/dkfds.min.css" <<<"$front"; then
    pass "the career site renders in Danish"
  else
    fail "the career site did not render from the packaged templates"
  fi
  for asset in /static/dkfds/css/dkfds.min.css /static/app/rekrut.css; do
    code=$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port$asset")
    if [[ $code == 200 ]]; then pass "serves $asset"; else fail "$asset answered $code"; fi
  done
  if [[ -f "$state/rekrut.key" && $(stat -c %a "$state/rekrut.key") == 600 ]]; then
    pass "the key was made with mode 0600"
  else
    fail "no key with mode 0600 in the state folder"
  fi
  kill -TERM "$server"
  if wait "$server"; then pass "stops cleanly on SIGTERM"; else fail "exit status $? after SIGTERM"; fi
  server=""
fi

if ((failures > 0)); then
  echo "check_deb: $failures failure(s)" >&2
  exit 1
fi
echo "check_deb: all checks passed"
