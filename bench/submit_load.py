#!/usr/bin/env python3
"""Load generator for bench/applications.sh: CONNECTIONS clients on keep-alive connections, each
POSTing the application form as multipart/form-data with a file, one request after the other, for
DURATION seconds. Every request carries a new form_key (the idempotency key: the run's random nonce
and a counter, 32 hex digits), so that each one is a new application and none is answered from an
earlier one.

wrk cannot do this at the rate needed: its Lua request() must return the whole request as a new
string, and LuaJIT takes about 35 ms to make a 1 MB string, so one wrk thread sends at most about 30
unique 1 MB requests a second. Here the file's bytes are one object, written to each socket as they
are, and only the form's small parts are built per request.

Prints the latencies' summary and a last line "RESULT <per second> <p50 ms> <p99 ms> <failed>
<requests>", where failed counts answers other than 303 and requests that got no answer.
"""

import argparse
import asyncio
import os
import statistics
import time

BOUNDARY = b"----rekrutbench7d1f3a"


def field(name, value):
    return (b"--" + BOUNDARY + b'\r\nContent-Disposition: form-data; name="' + name.encode() + b'"\r\n\r\n'
            + value.encode("utf-8") + b"\r\n")


async def client(args, parts, nonce, number, deadline, latencies, failures, statuses):
    head, middle, pdf, tail = parts
    length = len(head) + 32 + len(middle) + len(pdf) + len(tail)
    request_head = (f"POST {args.path} HTTP/1.1\r\nHost: {args.host}:{args.port}\r\n"
                    f"Content-Type: multipart/form-data; boundary={BOUNDARY.decode()}\r\n"
                    f"Cookie: rekrut_csrf={args.csrf}\r\nContent-Length: {length}\r\n\r\n").encode()
    reader = writer = None
    counter = 0
    while time.monotonic() < deadline:
        counter += 1
        key = f"{nonce}{number:04x}{counter:012x}".encode()
        start = time.monotonic()
        try:
            if writer is None:
                reader, writer = await asyncio.open_connection(args.host, args.port)
            writer.writelines((request_head, head, key, middle, pdf, tail))
            await writer.drain()
            status_line = await asyncio.wait_for(reader.readline(), args.timeout)
            if not status_line:
                raise ConnectionError("connection closed")
            status = int(status_line.split()[1])
            content_length, close = 0, False
            while True:
                line = await reader.readline()
                if line in (b"\r\n", b""):
                    break
                name, _, value = line.decode("latin-1").partition(":")
                if name.strip().lower() == "content-length":
                    content_length = int(value.strip())
                elif name.strip().lower() == "connection" and value.strip().lower() == "close":
                    close = True
            if content_length:
                await reader.readexactly(content_length)
            latencies.append(time.monotonic() - start)
            statuses[status] = statuses.get(status, 0) + 1
            if status != 303:
                failures.append(status)
            if close:
                writer.close()
                reader = writer = None
        except (OSError, ConnectionError, asyncio.TimeoutError, asyncio.IncompleteReadError, ValueError) as error:
            failures.append(type(error).__name__)
            if writer is not None:
                writer.close()
            reader = writer = None
    if writer is not None:
        writer.close()


async def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--path", required=True)
    parser.add_argument("--csrf", required=True)
    parser.add_argument("--pdf", required=True)
    parser.add_argument("--connections", type=int, default=32)
    parser.add_argument("--duration", type=float, default=60)
    parser.add_argument("--timeout", type=float, default=30)
    args = parser.parse_args()
    with open(args.pdf, "rb") as file:
        pdf = file.read()
    head = field("csrf_token", args.csrf) + b"--" + BOUNDARY + b'\r\nContent-Disposition: form-data; name="form_key"\r\n\r\n'
    middle = (b"\r\n" + field("full_name", "Bodil Testesen") + field("email", "bodil@example.test")
              + field("phone", "+45 12 34 56 78")
              + field("cover_letter", "Jeg søger stillingen, fordi jeg har erfaring med økonomi og offentlig forvaltning.")
              + field("consent_processing", "1") + field("send", "1")
              + b"--" + BOUNDARY + b'\r\nContent-Disposition: form-data; name="cv_file"; filename="CV Bodil.pdf"\r\n'
              + b"Content-Type: application/pdf\r\n\r\n")
    tail = b"\r\n--" + BOUNDARY + b"--\r\n"
    nonce = os.urandom(8).hex()
    latencies, failures, statuses = [], [], {}
    start = time.monotonic()
    deadline = start + args.duration
    await asyncio.gather(*(client(args, (head, middle, pdf, tail), nonce, number, deadline, latencies, failures,
                                  statuses) for number in range(args.connections)))
    elapsed = time.monotonic() - start
    latencies.sort()
    if not latencies:
        print("no answers")
        print(f"RESULT 0 0 0 {len(failures)} 0")
        return
    p50 = statistics.median(latencies) * 1000
    p99 = latencies[min(len(latencies) - 1, int(len(latencies) * 0.99))] * 1000
    print(f"{len(latencies)} answers in {elapsed:.1f} s, statuses {dict(sorted(statuses.items()))},"
          f" failed {len(failures)} {sorted(set(map(str, failures)))[:5]}, max {latencies[-1] * 1000:.1f} ms")
    print(f"RESULT {len(latencies) / elapsed:.1f} {p50:.2f} {p99:.2f} {len(failures)} {len(latencies)}")


if __name__ == "__main__":
    asyncio.run(main())
