#!/usr/bin/env python3
"""200 applicants booking 100 interview slots at once through their personal links (bench/interviews.sh).

Starts `rekrut serve` (REKRUT_BIN) on a fresh database of REKRUT_TEST_DATABASE (sqlite or postgresql)
through the black-box test harness, seeds the demo, and writes directly: 200 applications to the demo
case "Fuldmægtig til økonomienheden" with a personal link each (the hash of a random token, as the
product stores it), one interview round with 100 slots a month ahead, and every application invited.
Then `--clients` threads (default 32) book at once: each applicant opens their interview page and
posts one free slot, drawn at random; a 409 ("That time was just taken") makes them open the page
again and try another, until they hold a slot or none is free. Prints the latency of the booking POSTs
(p50, p99, max), the answers by status, and whether any slot or applicant ended up with two bookings;
exits 1 on a double booking, an answer other than 303/409, or slots left free while applicants lost."""

import argparse
import hashlib
import os
import queue
import random
import re
import secrets
import sys
import threading
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "tests", "http"))
from harness import Server, execute_sql  # noqa: E402

CASE_TITLE = "Fuldmægtig til økonomienheden"


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--applicants", type=int, default=200)
    parser.add_argument("--slots", type=int, default=100)
    parser.add_argument("--clients", type=int, default=32)
    options = parser.parse_args()

    server = Server(name="interview_bench", env={"REKRUT_LOG_ACCESS": "false"})
    for step in ("migrate", "seed-demo"):
        result = server.cli(step)
        if result.returncode != 0:
            raise SystemExit(f"rekrut {step} failed:\n{result.stdout}\n{result.stderr}")
    sql = lambda query: execute_sql(server.database_url, query)  # noqa: E731
    case_id, institution = sql(f"SELECT id, institution_id FROM recruitment_cases WHERE title = '{CASE_TITLE}'")[0]
    user = sql(f"SELECT MIN(id) FROM users WHERE institution_id = {institution}")[0][0]
    now = int(time.time())
    sql("INSERT INTO interview_rounds (institution_id, case_id, name, default_place, cutoff_hours, created_by,"
        f" created_at) VALUES ({institution}, {case_id}, 'Benchmark', 'Mødelokale 1', 24, {user}, {now})")
    round_id = sql(f"SELECT MAX(id) FROM interview_rounds WHERE case_id = {case_id}")[0][0]
    start = now + 30 * 86400
    values = ",".join(f"({institution}, {round_id}, {start + index * 1800}, 30, '', {now})"
                      for index in range(options.slots))
    sql(f"INSERT INTO interview_slots (institution_id, round_id, starts_at, minutes, place, created_at) VALUES {values}")
    links = []
    for index in range(options.applicants):
        key = secrets.token_hex(8)
        sql("INSERT INTO applications (idempotency_key, institution_id, case_id, full_name, email, received_at,"
            f" created_at, updated_at) VALUES ('{key}', {institution}, {case_id}, 'Bench Ansøger {index:03d}',"
            f" 'bench{index:03d}@example.test', {now}, {now}, {now})")
        application = sql(f"SELECT id FROM applications WHERE idempotency_key = '{key}'")[0][0]
        token = secrets.token_hex(32)
        digest = hashlib.blake2b(token.encode(), digest_size=32).hexdigest()
        sql("INSERT INTO application_links (application_id, token_hash, created_at, expires_at)"
            f" VALUES ({application}, '{digest}', {now}, {now + 86400 * 90})")
        sql("INSERT INTO interview_invitations (round_id, application_id, institution_id, invited_by, invited_at)"
            f" VALUES ({round_id}, {application}, {institution}, {user}, {now})")
        links.append(f"/application/{token}/interviews")
    server.start()
    try:
        work = queue.Queue()
        for link in links:
            work.put(link)
        latencies, statuses, lock = [], {}, threading.Lock()
        barrier = threading.Barrier(options.clients)
        slot_pattern = re.compile(r'name="slot_id" value="(\d+)"')

        def client_loop():
            client = server.client()
            barrier.wait()
            while True:
                try:
                    link = work.get_nowait()
                except queue.Empty:
                    return
                while True:
                    page = client.get(link)
                    free = slot_pattern.findall(page.text)
                    if not free:
                        break
                    began = time.perf_counter()
                    response = client.post(f"{link.rsplit('/interviews', 1)[0]}/interviews/{round_id}/book",
                                           {"slot_id": random.choice(free)})
                    took = time.perf_counter() - began
                    with lock:
                        latencies.append(took)
                        statuses[response.status] = statuses.get(response.status, 0) + 1
                    if response.status != 409:
                        break

        began = time.perf_counter()
        threads = [threading.Thread(target=client_loop) for _ in range(options.clients)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        elapsed = time.perf_counter() - began
    finally:
        server.stop()
    booked = int(sql(f"SELECT COUNT(*) FROM interview_bookings WHERE round_id = {round_id}")[0][0])
    slots = int(sql(f"SELECT COUNT(DISTINCT slot_id) FROM interview_bookings WHERE round_id = {round_id}")[0][0])
    people = int(sql(f"SELECT COUNT(DISTINCT application_id) FROM interview_bookings WHERE round_id = {round_id}")[0][0])
    latencies.sort()
    pick = lambda share: latencies[min(len(latencies) - 1, int(share * len(latencies)))] * 1000  # noqa: E731
    print(f"database={server.database_url.split(':')[0]} applicants={options.applicants} slots={options.slots} "
          f"clients={options.clients} elapsed={elapsed:.2f}s")
    print(f"booking POSTs={len(latencies)} statuses={dict(sorted(statuses.items()))} "
          f"p50={pick(0.50):.1f}ms p99={pick(0.99):.1f}ms max={latencies[-1] * 1000:.1f}ms")
    double = booked != slots or booked != people
    print(f"bookings={booked} distinct slots={slots} distinct applicants={people} double booking={'YES' if double else 'no'}")
    failed = double or set(statuses) - {303, 409} or booked != min(options.slots, options.applicants)
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
