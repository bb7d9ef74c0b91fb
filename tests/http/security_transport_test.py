"""The HTTP layer under hostile or careless clients: bodies nobody wants are refused before they are
read, framing the server cannot follow is answered at once, secrets stay out of the access log,
metrics stay off the public listener, and the client address behind a reverse proxy is the one the
trusted proxy saw, never one a client claims.

Most tests talk raw HTTP over a socket so that they can send the headers of a request and wait for
the answer without sending its body. `Client.raw` returns what arrived before the server closed the
connection or five quiet seconds passed; a server that waits for the body answers nothing, and the
test fails on the missing status line.

Runs against SQLite or PostgreSQL (REKRUT_TEST_DATABASE)."""

import json
import os
import socket
import sys
import time
import unittest
import uuid

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))  # also runnable from the repository root

from accounts import DEMO_PASSWORD, PROJEKTLEDER, SUPERBRUGER, login
from harness import ServerTestCase, encode_multipart, execute_sql, free_port, raw_status

MIB = 1024 * 1024
TOKEN = "7" * 64  # shaped like a password reset token; no such reset exists


def header_value(reply: bytes, name: str):
    """A header of a raw reply, or None."""
    head = reply.partition(b"\r\n\r\n")[0].decode("latin-1")
    for line in head.split("\r\n")[1:]:
        key, _, value = line.partition(":")
        if key.strip().lower() == name.lower():
            return value.strip()
    return None


def read_one_response(connection: socket.socket) -> bytes:
    """Reads one response with a Content-Length from a kept-alive connection."""
    data = b""
    while b"\r\n\r\n" not in data:
        chunk = connection.recv(65536)
        if not chunk:
            return data
        data += chunk
    head, _, body = data.partition(b"\r\n\r\n")
    length = int(header_value(data, "Content-Length") or 0)
    while len(body) < length:
        chunk = connection.recv(65536)
        if not chunk:
            break
        body += chunk
    return head + b"\r\n\r\n" + body


class TransportTestCase(ServerTestCase):
    """Raw requests with the client's CSRF cookie, and a wait for log lines."""

    server_env = {"REKRUT_LOG_LEVEL": "info"}

    def post_head(self, client, path, length, content_type="application/x-www-form-urlencoded", extra=""):
        """The request line and headers of a POST (with the client's cookies, the CSRF cookie among
        them), closing after the answer."""
        client.csrf_token()
        cookies = "; ".join(f"{name}={value}" for name, value in client.cookies.items())
        return (f"POST {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nCookie: {cookies}\r\n"
                f"Content-Type: {content_type}\r\nContent-Length: {length}\r\nConnection: close\r\n"
                f"{extra}\r\n").encode()

    def assertAnsweredUnread(self, reply, status):
        self.assertEqual(raw_status(reply), status,
                         f"expected {status} before the body was sent; got: {reply[:300]!r}")

    def access_log_line(self, request_id):
        """The access-log line of one request, waiting for the server to write it."""
        deadline = time.monotonic() + 10
        while True:
            for line in self.server.log().splitlines():
                if '"logger":"access"' in line and f'"request_id":"{request_id}"' in line:
                    return line
            if time.monotonic() > deadline:
                self.fail(f"no access-log line for request {request_id}")
            time.sleep(0.05)

    def assertHealthy(self):
        self.assertStatus(self.client().get("/healthz"), 200, "the server is no longer healthy")


class UnwantedBodyTest(TransportTestCase):
    """Route, guard, file uploads and body limits are decided from the headers, before the body."""

    def test_post_to_an_unknown_path_is_404_before_the_body(self):
        client = self.client()
        reply = client.raw(self.post_head(client, "/no-such-page", 10 * MIB))
        self.assertAnsweredUnread(reply, 404)
        self.assertIn("Siden findes ikke".encode(), reply)
        self.assertHealthy()

    def test_post_to_a_page_that_takes_no_post_is_405_before_the_body(self):
        client = self.client()
        reply = client.raw(self.post_head(client, "/", 10 * MIB))
        self.assertAnsweredUnread(reply, 405)
        self.assertIn("GET", header_value(reply, "Allow") or "", "405 without an Allow header")

    def test_signed_in_route_without_a_session_is_401_before_the_body(self):
        client = self.client()
        for path in ["/cases", "/setup/units", "/cases/1/ad", "/logout"]:
            with self.subTest(path=path):
                reply = client.raw(self.post_head(client, path, MIB))
                self.assertAnsweredUnread(reply, 401)

    def test_declared_body_over_the_routes_limit_is_413_before_the_body(self):
        # 1 MiB is far below the server-wide 40 MiB, but a login form is a few hundred bytes.
        client = self.client()
        reply = client.raw(self.post_head(client, "/login", MIB))
        self.assertAnsweredUnread(reply, 413)
        self.assertIn("Det sendte er for stort".encode(), reply)

    def test_chunked_body_over_the_routes_limit_is_413(self):
        client = self.client()
        body = f"csrf_token={client.csrf_token()}&email=".encode() + b"a" * (100 * 1024)
        chunks = b"".join(b"%x\r\n%s\r\n" % (len(body[i:i + 8192]), body[i:i + 8192])
                          for i in range(0, len(body), 8192)) + b"0\r\n\r\n"
        head = self.post_head(client, "/password/forgot", 0).replace(b"Content-Length: 0\r\n",
                                                                     b"Transfer-Encoding: chunked\r\n")
        reply = client.raw(head + chunks)
        self.assertEqual(raw_status(reply), 413, reply[:300])

    def test_multipart_is_415_where_no_route_takes_files(self):
        client = self.client()
        body, content_type = encode_multipart([("csrf_token", client.csrf_token()), ("email", "x@example.test")],
                                              {"cv": ("cv.pdf", b"%PDF-1.4\n" + b"0" * 4000, "application/pdf")})
        reply = client.raw(self.post_head(client, "/password/forgot", len(body), content_type))
        self.assertAnsweredUnread(reply, 415)
        self.assertIn("Filer modtages ikke her".encode(), reply)
        # Sent whole, with the fields alone, it is refused the same way: no file reaches the disk.
        response = client.post("/password/forgot", {"email": "x@example.test"},
                               files={"cv": ("cv.pdf", b"%PDF-1.4", "application/pdf")})
        self.assertStatus(response, 415)

    def test_form_with_more_than_1000_fields_is_413(self):
        client = self.client()
        fields = [("email", "nobody@example.test")] + [("f", "1")] * 999
        self.assertStatus(client.post("/password/forgot", fields), 413, "1,001 fields were accepted")
        fields = [("email", "nobody@example.test")] + [("f", "1")] * 997
        self.assertStatus(client.post("/password/forgot", fields), 200, "999 fields were refused")

    def test_ordinary_forms_still_work(self):
        client = self.client()
        self.assertStatus(client.post("/password/forgot", {"email": "nobody@example.test"}), 200)
        self.assertStatus(client.post("/login", {"email": "nobody@example.test", "password": "wrong"}), 400)

    def test_connections_from_one_address_are_limited_by_default(self):
        held = []
        try:
            for _ in range(64):
                connection = socket.create_connection((self.server.host, self.server.port), timeout=5)
                held.append(connection)
                connection.sendall(b"GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n")
                self.assertEqual(raw_status(read_one_response(connection)), 200)
            extra = self.client().raw(b"GET /healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
            self.assertIsNone(raw_status(extra), "a 65th connection from one address was served")
        finally:
            for connection in held:
                connection.close()
        deadline = time.monotonic() + 10
        while raw_status(self.client().raw(b"GET /healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")) != 200:
            self.assertLess(time.monotonic(), deadline, "the address was not served again after closing")
            time.sleep(0.1)


class SessionBeforeBodyTest(TransportTestCase):
    """On a signed-in route the session is looked up before the body is read: a session cookie is
    no reason to read a body."""

    seed_demo = True

    def test_a_made_up_session_cookie_is_401_before_the_body(self):
        client = self.client()
        client.set_cookie("rekrut_session", "5" * 64)
        for path in ["/cases", "/cases/1/ad", "/logout"]:
            with self.subTest(path=path):
                self.assertAnsweredUnread(client.raw(self.post_head(client, path, MIB)), 401)

    def test_a_password_only_session_is_401_before_the_body_where_the_second_factor_is_needed(self):
        client = self.client()
        response = client.post("/login", {"email": SUPERBRUGER, "password": DEMO_PASSWORD})
        self.assertEqual(response.location, "/login/second-factor")
        # Within the form's 64 KiB, so that only the session can refuse it.
        self.assertAnsweredUnread(client.raw(self.post_head(client, "/cases", 60 * 1024)), 401)

    def test_a_real_session_still_sends_its_form(self):
        client = self.client()
        login(client, PROJEKTLEDER, totp=False)
        self.assertStatus(client.post("/profile/name", {"name": "Pia Projektleder"}), 303)
        # With Expect: 100-continue the client waits for the go-ahead, which comes after the lookup.
        body = f"csrf_token={client.csrf_token()}&name=Pia+Projektleder".encode()
        head = self.post_head(client, "/profile/name", len(body), extra="Expect: 100-continue\r\n")
        with socket.create_connection((self.server.host, self.server.port), timeout=10) as connection:
            connection.sendall(head)
            interim = connection.recv(65536)
            self.assertTrue(interim.startswith(b"HTTP/1.1 100"), interim[:200])
            connection.sendall(body)
            reply = b""
            while chunk := connection.recv(65536):
                reply += chunk
        self.assertEqual(raw_status(reply), 303, reply[:300])

    def test_an_empty_body_with_a_real_session_is_answered(self):
        client = self.client()
        login(client, PROJEKTLEDER, totp=False)
        reply = client.raw(self.post_head(client, "/profile/name", 0))
        self.assertEqual(raw_status(reply), 403, reply[:300])  # no CSRF token: the form was empty


class FramingTest(TransportTestCase):
    """Requests libmicrohttpd cannot finish on its own are answered at once, not held open."""

    def query_request(self, count):
        query = "&".join(["a"] * count)
        return f"GET /healthz?{query} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n".encode()

    def test_hundreds_of_query_parameters_are_answered(self):
        reply = self.client().raw(self.query_request(600))
        self.assertEqual(raw_status(reply), 200, reply[:300])

    def test_more_than_1000_query_parameters_are_400(self):
        reply = self.client().raw(self.query_request(1001))
        self.assertEqual(raw_status(reply), 400, reply[:300])
        self.assertHealthy()

    def test_query_values_still_reach_the_handler(self):
        response = self.client().get("/language/en?return=%2Fpassword%2Fforgot&x=1")
        self.assertStatus(response, 303)
        self.assertEqual(response.header("Location"), "/password/forgot")

    def test_transfer_codings_other_than_chunked_are_refused_at_once(self):
        client = self.client()
        cases = {"gzip, chunked": 501, "identity": 501, "chunked, gzip": 501, "": 400}
        for coding, status in cases.items():
            with self.subTest(coding=coding):
                head = self.post_head(client, "/password/forgot", 0).replace(
                    b"Content-Length: 0\r\n", f"Transfer-Encoding: {coding}\r\n".encode())
                reply = client.raw(head + b"5\r\nemail\r\n0\r\n\r\n")
                self.assertEqual(raw_status(reply), status, reply[:300])
        self.assertHealthy()

    def test_a_second_transfer_encoding_line_cannot_hide_a_coding(self):
        client = self.client()
        head = self.post_head(client, "/password/forgot", 0).replace(
            b"Content-Length: 0\r\n", b"Transfer-Encoding: gzip\r\nTransfer-Encoding: chunked\r\n")
        reply = client.raw(head + b"5\r\nemail\r\n0\r\n\r\n")
        self.assertEqual(raw_status(reply), 501, reply[:300])

    def test_chunked_with_a_content_length_is_400(self):
        client = self.client()
        head = self.post_head(client, "/password/forgot", 5, extra="Transfer-Encoding: chunked\r\n")
        reply = client.raw(head + b"5\r\nemail\r\n0\r\n\r\n")
        self.assertEqual(raw_status(reply), 400, reply[:300])

    def test_plain_chunked_still_works(self):
        client = self.client()
        body = f"csrf_token={client.csrf_token()}&email=nobody%40example.test".encode()
        head = self.post_head(client, "/password/forgot", 0).replace(b"Content-Length: 0\r\n",
                                                                     b"Transfer-Encoding: Chunked\r\n")
        reply = client.raw(head + b"%x\r\n%s\r\n0\r\n\r\n" % (len(body), body))
        self.assertEqual(raw_status(reply), 200, reply[:300])


class AccessLogTest(TransportTestCase):
    """The access log names the route, never the concrete path or the query."""

    def test_a_reset_token_in_the_path_is_not_logged(self):
        response = self.client().get(f"/password/reset/{TOKEN}?next=secret-query-value")
        self.assertStatus(response, 410)
        line = self.access_log_line(response.header("X-Request-Id"))
        self.assertEqual(json.loads(line).get("route"), "/password/reset/:token")
        self.assertNotIn(TOKEN, self.server.log())
        self.assertNotIn("secret-query-value", self.server.log())

    def test_a_posted_token_is_not_logged_either(self):
        client = self.client()
        response = client.post(f"/password/reset/{TOKEN}", {"password": "x", "repeat_password": "y"})
        line = self.access_log_line(response.header("X-Request-Id"))
        self.assertEqual(json.loads(line).get("route"), "/password/reset/:token")
        self.assertNotIn(TOKEN, self.server.log())

    def test_unknown_paths_are_logged_as_a_fixed_marker(self):
        marker = "no-such-page-" + uuid.uuid4().hex
        for method in ("GET", "POST"):
            with self.subTest(method=method):
                response = self.client().request(method, f"/{marker}?q={marker}",
                                                 body=b"" if method == "POST" else None)
                self.assertStatus(response, 404)
                line = json.loads(self.access_log_line(response.header("X-Request-Id")))
                self.assertEqual(line.get("route"), "unmatched")
        self.assertNotIn(marker, self.server.log())


class PublicMetricsTest(TransportTestCase):
    """Without server.metrics_listen, metrics are served nowhere."""

    def test_metrics_are_not_on_the_public_listener(self):
        self.assertStatus(self.client().get("/metrics"), 404)


class MetricsListenerTest(TransportTestCase):
    """server.metrics_listen: Prometheus metrics on an internal address of their own."""

    METRICS_PORT = free_port()
    server_env = {"REKRUT_SERVER_METRICS_LISTEN": f"127.0.0.1:{METRICS_PORT}"}

    def metrics_raw(self, request_line):
        with socket.create_connection(("127.0.0.1", self.METRICS_PORT), timeout=5) as connection:
            connection.sendall(f"{request_line}\r\nHost: x\r\nConnection: close\r\n\r\n".encode())
            reply = b""
            while chunk := connection.recv(65536):
                reply += chunk
        return reply

    def test_metrics_are_served_on_the_internal_listener_only(self):
        self.assertStatus(self.client().get("/healthz"), 200)
        reply = self.metrics_raw("GET /metrics HTTP/1.1")
        self.assertEqual(raw_status(reply), 200, reply[:300])
        self.assertIn(b'rekrut_http_requests_total{route="/healthz",method="GET",status="200"}', reply)
        self.assertIn(b"rekrut_db_pool_size", reply)
        self.assertStatus(self.client().get("/metrics"), 404)

    def test_the_internal_listener_serves_nothing_else(self):
        self.assertEqual(raw_status(self.metrics_raw("GET / HTTP/1.1")), 404)
        self.assertEqual(raw_status(self.metrics_raw("GET /healthz HTTP/1.1")), 404)
        reply = self.metrics_raw("DELETE /metrics HTTP/1.1")
        self.assertEqual(raw_status(reply), 405)
        self.assertEqual(header_value(reply, "Allow"), "GET, HEAD")


class ClientAddressTestCase(TransportTestCase):
    """A failed login records the client's address in the audit trail, the login throttle and the
    access log."""

    def failed_login(self, headers):
        """Fails one login with `headers`; returns the addresses the server recorded for it."""
        email = f"nobody-{uuid.uuid4().hex[:12]}@example.test"
        response = self.client().post("/login", {"email": email, "password": "wrong"}, headers=headers)
        self.assertStatus(response, 400)
        request_id = response.header("X-Request-Id")
        audited = [[event["ip"]] for event in self.server.audit_events(action="login.failed")
                   if event["request_id"] == request_id]
        logged = json.loads(self.access_log_line(request_id)).get("ip")
        throttled = [row[0] for row in execute_sql(self.server.database_url,
                                                   "SELECT throttle_key FROM login_throttle")]
        return audited[0][0] if audited else None, logged, throttled


class UntrustedPeerTest(ClientAddressTestCase):
    """By default no peer is trusted: forwarding headers are a client's claim and are ignored."""

    def test_spoofed_forwarding_headers_do_not_change_the_client_address(self):
        audited, logged, throttled = self.failed_login({"X-Forwarded-For": "203.0.113.50",
                                                        "Forwarded": "for=203.0.113.51"})
        self.assertEqual(audited, "127.0.0.1")
        self.assertEqual(logged, "127.0.0.1")
        self.assertIn("ip:127.0.0.1", throttled)
        self.assertFalse([key for key in throttled if "203.0.113." in key], throttled)


class TrustedProxyTest(ClientAddressTestCase):
    """server.trusted_proxies: behind a trusted proxy, its X-Forwarded-For names the client."""

    server_env = {"REKRUT_LOG_LEVEL": "info", "REKRUT_SERVER_TRUSTED_PROXIES": "127.0.0.0/8, ::1"}

    def test_the_trusted_proxys_header_names_the_client(self):
        # The client claimed 192.0.2.99; the proxy appended the address it saw.
        audited, logged, throttled = self.failed_login({"X-Forwarded-For": "192.0.2.99, 203.0.113.60"})
        self.assertEqual(audited, "203.0.113.60")
        self.assertEqual(logged, "203.0.113.60")
        self.assertIn("ip:203.0.113.60", throttled)
        self.assertNotIn("ip:192.0.2.99", throttled)

    def test_hops_that_are_trusted_proxies_are_skipped(self):
        audited, _, _ = self.failed_login({"X-Forwarded-For": "2001:db8::61, 127.0.0.5"})
        self.assertEqual(audited, "2001:db8::61")

    def test_without_a_header_the_peer_is_the_client(self):
        audited, logged, _ = self.failed_login({})
        self.assertEqual((audited, logged), ("127.0.0.1", "127.0.0.1"))

    def test_the_forwarded_header_is_not_read_unless_configured(self):
        audited, _, _ = self.failed_login({"Forwarded": "for=203.0.113.62"})
        self.assertEqual(audited, "127.0.0.1")


class ForwardedHeaderTest(ClientAddressTestCase):
    """server.forwarded_header = Forwarded: the RFC 7239 header instead of X-Forwarded-For."""

    server_env = {"REKRUT_LOG_LEVEL": "info", "REKRUT_SERVER_TRUSTED_PROXIES": "127.0.0.1",
                  "REKRUT_SERVER_FORWARDED_HEADER": "Forwarded"}

    def test_the_forwarded_header_names_the_client(self):
        audited, logged, _ = self.failed_login({"Forwarded": 'for=192.0.2.99, for="[2001:db8::63]:4711"',
                                                "X-Forwarded-For": "203.0.113.64"})
        self.assertEqual((audited, logged), ("2001:db8::63", "2001:db8::63"))


if __name__ == "__main__":
    unittest.main()
