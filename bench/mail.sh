#!/usr/bin/env bash
# Bulk mail: 1,000 personalised rejections queued in one mailing, then delivered to a local SMTP
# server, on SQLite. Run by `make bench` after bench/applications.sh; results are recorded in
# docs/benchmarks.md.
#
#   bench/mail.sh           1,000 mails
#   bench/mail.sh --quick   200 mails (a smoke test of the script)
#
# What it does: `rekrut migrate` and `rekrut seed-demo` on a fresh SQLite file, then
# build/release/rekrut_mail_bench (bench/mail_bench.cpp), which adds the applications, times
# Mailings::send (target: under 1 s for 1,000) and OutboxSender delivering to aiosmtpd on loopback,
# which discards what it receives (target: at least 200 mails/s).
# The reference, in the same run: Python's smtplib sending as many mails of the same size to the
# same aiosmtpd over one connection, which is what the sink itself can take.
set -euo pipefail
shopt -s inherit_errexit
cd "$(dirname "$0")/.."

mails=1000
case "${1:-}" in
"") ;;
--quick) mails=200 ;;
*)
    echo "usage: bench/mail.sh [--quick]" >&2
    exit 2
    ;;
esac

binary="${REKRUT_BIN:-$PWD/build/release/rekrut}"
bench_binary="$(dirname "$binary")/rekrut_mail_bench"
for tool in "$binary" "$bench_binary" /usr/bin/python3; do
    if [[ ! -x $tool ]]; then
        echo "bench: $tool is missing (run \`make build-release\`)" >&2
        exit 1
    fi
done

work_dir="$(mktemp -d /tmp/rekrut-mail.XXXXXX)"
sink_pid=""
cleanup() {
    if [[ -n $sink_pid ]]; then kill "$sink_pid" 2>/dev/null || true; fi
    rm -rf "$work_dir"
}
trap cleanup EXIT

port="$(/usr/bin/python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
/usr/bin/python3 -m aiosmtpd -n -l "127.0.0.1:$port" -c aiosmtpd.handlers.Sink >"$work_dir/sink.log" 2>&1 &
sink_pid=$!
for _ in $(seq 100); do
    if /usr/bin/python3 -c "import socket; socket.create_connection(('127.0.0.1', $port), 1)" 2>/dev/null; then break; fi
    sleep 0.1
done

export REKRUT_DATABASE_URL="sqlite:$work_dir/rekrut.db"
export REKRUT_SECURITY_KEY_FILE="$work_dir/rekrut.key"
export REKRUT_AUDIT_ANCHOR=""
"$binary" migrate >/dev/null
"$binary" seed-demo >/dev/null

echo "== Reference: smtplib, $mails mails of about 3 KB over one connection to the same sink"
reference="$(/usr/bin/python3 - "$port" "$mails" <<'PYTHON'
import smtplib, sys, time
from email.message import EmailMessage
port, count = int(sys.argv[1]), int(sys.argv[2])
body = "Kære ansøger\n\n" + "Tak for din ansøgning. " * 60
start = time.monotonic()
with smtplib.SMTP("127.0.0.1", port) as smtp:
    for n in range(count):
        message = EmailMessage()
        message["From"], message["To"], message["Subject"] = "noreply@example.test", f"ref{n}@example.test", "Din ansøgning"
        message.set_content(body)
        message.add_alternative("<p>" + body + "</p>", subtype="html")
        smtp.send_message(message)
print(f"{count / (time.monotonic() - start):.0f}")
PYTHON
)"
echo "   $reference mails/s"

echo "== Rekrut: $mails personalised rejections, queued and delivered (SQLite)"
"$bench_binary" "$REKRUT_DATABASE_URL" "$REKRUT_SECURITY_KEY_FILE" "smtp://127.0.0.1:$port" "$mails" | tee "$work_dir/result.log"
read -r _ _ queued queue_seconds < <(grep '^RESULT queue' "$work_dir/result.log")
read -r _ _ delivered deliver_seconds < <(grep '^RESULT deliver' "$work_dir/result.log")
/usr/bin/python3 - "$queued" "$queue_seconds" "$delivered" "$deliver_seconds" "$reference" <<'PYTHON'
import sys
queued, queue_s, delivered, deliver_s, reference = int(sys.argv[1]), float(sys.argv[2]), int(sys.argv[3]), float(sys.argv[4]), float(sys.argv[5])
print(f"   queued {queued} mails in {queue_s:.2f} s (target under 1 s for 1,000)")
print(f"   delivered {delivered} mails in {deliver_s:.2f} s: {delivered / deliver_s:.0f} mails/s "
      f"(target at least 200; the sink takes {reference:.0f}/s from smtplib)")
PYTHON
