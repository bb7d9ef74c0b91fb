"""Self-tests of the harness pieces that the foundation tests do not exercise on their own:
the SMTP sink, the HTML/cookie helpers and the database helpers."""

import smtplib
import unittest
from email.message import EmailMessage

from harness import (Cookie, Headers, Postgres, Response, SmtpSink, database_kind, database_url, encode_multipart,
                     encode_urlencoded, execute_sql, message_text)


class SmtpSinkTest(unittest.TestCase):

    def test_a_sent_mail_can_be_read_back(self):
        with SmtpSink() as sink:
            self.assertTrue(sink.url.startswith("smtp://127.0.0.1:"))
            self.assertEqual(sink.messages(), [])
            for number in (1, 2):
                mail = EmailMessage()
                mail["From"] = "rekrut@example.org"
                mail["To"] = f"ansoeger{number}@example.org"
                mail["Subject"] = f"Tak for din ansøgning {number}"
                mail.set_content(f"Kære ansøger {number}\nVi har modtaget din ansøgning til Fuldmægtig.\n")
                with smtplib.SMTP("127.0.0.1", sink.port, timeout=10) as smtp:
                    smtp.send_message(mail)
            second = sink.wait_for(lambda m: m["To"] == "ansoeger2@example.org", timeout=10)
            self.assertEqual(second["Subject"], "Tak for din ansøgning 2")
            self.assertIn("Vi har modtaget din ansøgning", message_text(second))
            self.assertEqual([m["To"] for m in sink.messages()], ["ansoeger1@example.org", "ansoeger2@example.org"])
            with self.assertRaises(AssertionError):
                sink.wait_for(lambda m: m["To"] == "nobody@example.org", timeout=0.3)
            sink.clear()
            self.assertEqual(sink.messages(), [])


class HelperTest(unittest.TestCase):

    def test_forms_links_and_text(self):
        page = (b'<html><body><a href="/a">A</a><script>var x = "<form>";</script>'
                b'<form action="/apply?x=1" method="post" id="apply">'
                b'<input type="hidden" name="csrf_token" value="t">'
                b'<input name="name" value="&AElig;blet&oslash;">'
                b'<input type="checkbox" name="agree" checked><input type="checkbox" name="spam">'
                b'<select name="round"><option value="1">1</option><option value="2" selected>2</option></select>'
                b'<textarea name="note">Hej\nder</textarea><input type="submit" name="go" value="Send">'
                b'<input type="file" name="cv"></form><a href="/b">B</a></body></html>')
        response = Response(200, "OK", Headers([("Content-Type", "text/html")]), page, "GET", "/")
        form = response.form(action="/apply")
        self.assertEqual(form.method, "POST")
        self.assertEqual(form.fields, [("csrf_token", "t"), ("name", "Æbletø"), ("agree", "on"),
                                       ("round", "2"), ("note", "Hej\nder")])
        self.assertIs(response.form(id="apply"), form)
        self.assertEqual(response.links(), ["/a", "/b"])
        self.assertNotIn("var x", response.visible_text)
        with self.assertRaises(AssertionError):
            response.form(action="/nope")

    def test_cookies_and_headers(self):
        cookie = Cookie.parse("rekrut_lang=en; Path=/; Max-Age=31536000; HttpOnly; SameSite=Lax")
        self.assertEqual((cookie.name, cookie.value, cookie.same_site), ("rekrut_lang", "en", "Lax"))
        self.assertTrue(cookie.http_only)
        self.assertFalse(cookie.expired)
        self.assertTrue(Cookie.parse("s=; Max-Age=0").expired)
        self.assertTrue(Cookie.parse("s=x; Expires=Thu, 01 Jan 1970 00:00:00 GMT").expired)
        headers = Headers([("Set-Cookie", "a=1"), ("set-cookie", "b=2"), ("X-Thing", "v")])
        self.assertEqual(headers.get_all("SET-COOKIE"), ["a=1", "b=2"])
        self.assertEqual(headers["x-thing"], "v")

    def test_encoders(self):
        self.assertEqual(encode_urlencoded([("a b", "æ&="), ("raw", b"\xff")]), b"a+b=%C3%A6%26%3D&raw=%FF")
        body, content_type = encode_multipart([("name", "Åse")], {"cv": ("cv.pdf", b"%PDF", "application/pdf")})
        boundary = content_type.split("boundary=")[1]
        self.assertTrue(body.endswith(f"--{boundary}--\r\n".encode()))
        self.assertIn('filename="cv.pdf"'.encode(), body)
        self.assertIn("Åse".encode(), body)


class DatabaseHelperTest(unittest.TestCase):

    def test_each_call_gives_a_fresh_database(self):
        first, second = database_url(), database_url()
        self.assertNotEqual(first, second)
        prefix = "postgresql://postgres@127.0.0.1:" if database_kind() == "postgresql" else "sqlite:/"
        self.assertTrue(first.startswith(prefix), first)
        execute_sql(first, "CREATE TABLE t (x INTEGER)")
        execute_sql(first, "INSERT INTO t VALUES (42)")
        self.assertEqual(execute_sql(first, "SELECT x FROM t"), [["42"]])
        with self.assertRaises(Exception):
            execute_sql(second, "SELECT x FROM t")

    @unittest.skipUnless(database_kind() == "postgresql", "PostgreSQL runs only")
    def test_postgres_is_a_singleton_on_loopback(self):
        self.assertIs(Postgres(), Postgres())
        cluster = Postgres().start()
        self.assertGreater(cluster.port, 0)
        self.assertEqual(cluster.psql("SHOW listen_addresses").strip(), "127.0.0.1")
        self.assertEqual(cluster.psql("SHOW fsync").strip(), "off")


if __name__ == "__main__":
    unittest.main()
