#include <arpa/inet.h>
#include <cerrno>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <fcntl.h>
#include <filesystem>
#include <fstream>
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <regex>
#include <spawn.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>

#include "integrations/smtp.hpp"

namespace rekrut::integrations {
namespace {

SmtpSettings settings()
{
    return {"smtp://127.0.0.1:1025", "Rekrut <noreply@example.test>", "", "", 2};
}

Mail mail()
{
    return {"anna@example.test", "Din konto i Rekrut", "Tekst", "<p>Tekst</p>"};
}

TEST(Smtp, a_plain_mail_passes_the_check)
{
    EXPECT_TRUE(check_mail(settings(), mail()));
    Mail danish = mail();
    danish.subject = "Nulstil din adgangskode – Rekrut på dansk";
    EXPECT_TRUE(check_mail(settings(), danish));
    SmtpSettings bare = settings();
    bare.from = "noreply@example.test";
    EXPECT_TRUE(check_mail(bare, mail()));
}

TEST(Smtp, line_breaks_and_control_characters_in_headers_are_refused)
{
    const char* recipients[] = {
        "x@a.dk\r\nbcc:y@b.dk",
        "x@a.dk\nBcc: y@b.dk",
        "x@a.dk\rbcc:y@b.dk",
        "x@a.dk\r\n",
        "x@a.dk\tbcc",
        "x@a.dk\x7f",
        "x@a.dk, y@b.dk",
        "x@a.dk;y@b.dk",
        "X <x@a.dk>\r\nBcc: y@b.dk",
        "",
        "no-address",
        "x@",
    };
    for (const char* recipient : recipients) {
        Mail bad = mail();
        bad.to = recipient;
        auto checked = check_mail(settings(), bad);
        ASSERT_FALSE(checked) << recipient;
        EXPECT_EQ(checked.error().kind, core::ErrorKind::invalid) << recipient;
    }
    Mail bad_subject = mail();
    bad_subject.subject = "Hej\r\nBcc: y@b.dk";
    EXPECT_FALSE(check_mail(settings(), bad_subject));
    bad_subject.subject = std::string("Hej") + '\0' + "igen";
    EXPECT_FALSE(check_mail(settings(), bad_subject));
    for (const char* from : {"Rekrut <noreply@example.test>\r\nBcc: y@b.dk",
                             "Rekrut <noreply@example.test\r\n>", "noreply@example.test\nRCPT TO:<y@b.dk>"}) {
        SmtpSettings bad_sender = settings();
        bad_sender.from = from;
        EXPECT_FALSE(check_mail(bad_sender, mail())) << from;
    }
}

/// A listening socket on a free loopback port, to see whether anything connects.
class Listener {
public:
    Listener()
    {
        m_socket = ::socket(AF_INET, SOCK_STREAM, 0);
        sockaddr_in address{};
        address.sin_family = AF_INET;
        address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        socklen_t length = sizeof address;
        if (::bind(m_socket, reinterpret_cast<sockaddr*>(&address), length) != 0 ||
            ::listen(m_socket, 4) != 0 ||
            ::getsockname(m_socket, reinterpret_cast<sockaddr*>(&address), &length) != 0)
            throw std::runtime_error("no loopback socket");
        m_port = ntohs(address.sin_port);
        ::fcntl(m_socket, F_SETFL, O_NONBLOCK);
    }
    ~Listener() { ::close(m_socket); }
    Listener(const Listener&) = delete;
    Listener& operator=(const Listener&) = delete;

    int port() const { return m_port; }
    bool was_contacted() const
    {
        int connection = ::accept(m_socket, nullptr, nullptr);
        if (connection < 0)
            return false;
        ::close(connection);
        return true;
    }

private:
    int m_socket = -1;
    int m_port = 0;
};

TEST(Smtp, a_refused_mail_is_never_sent)
{
    ASSERT_TRUE(init_smtp());
    Listener server;
    SmtpSettings to_server = settings();
    to_server.url = "smtp://127.0.0.1:" + std::to_string(server.port());
    Mail injected = mail();
    injected.to = "x@a.dk\r\nbcc:y@b.dk";
    auto sent = send_mail(to_server, injected);
    ASSERT_FALSE(sent);
    EXPECT_EQ(sent.error().kind, core::ErrorKind::invalid);
    EXPECT_FALSE(server.was_contacted()) << "the SMTP server was contacted for a refused mail";
}

TEST(Smtp, a_message_id_must_be_one_angle_bracketed_address_like_id)
{
    Mail fixed = mail();
    fixed.message_id = "<4f1c2d@example.test>";
    EXPECT_TRUE(check_mail(settings(), fixed));
    const char* bad_ids[] = {
        "4f1c2d@example.test",
        "<4f1c2d>",
        "<4f1c2d@example.test>\r\nBcc: y@b.dk",
        "<4f1c 2d@example.test>",
        "<@example.test>",
        "<4f1c2d@>",
        "<a@b@c>",
        "<<a@b>>",
        "<a@b>\n",
        "<a@b\x7f>",
        "<a\"b@c>",
    };
    for (const char* id : bad_ids) {
        Mail bad = mail();
        bad.message_id = id;
        auto checked = check_mail(settings(), bad);
        ASSERT_FALSE(checked) << id;
        EXPECT_EQ(checked.error().kind, core::ErrorKind::invalid) << id;
    }
}

TEST(Smtp, a_made_message_id_names_the_sender_s_domain_and_is_new_each_time)
{
    std::string first = make_message_id("Rekrut <noreply@styrelsen.example.test>");
    std::string second = make_message_id("noreply@styrelsen.example.test");
    EXPECT_TRUE(std::regex_match(first, std::regex("<[0-9a-f]{32}@styrelsen\\.example\\.test>"))) << first;
    EXPECT_TRUE(std::regex_match(second, std::regex("<[0-9a-f]{32}@styrelsen\\.example\\.test>"))) << second;
    EXPECT_NE(first, second);
    Mail fixed = mail();
    fixed.message_id = first;
    EXPECT_TRUE(check_mail(settings(), fixed));
}

TEST(Smtp, attachment_names_and_types_with_control_characters_are_refused)
{
    Mail with_file = mail();
    with_file.attachments.push_back(
        {"samtale.ics", "text/calendar; charset=utf-8; method=REQUEST", "BEGIN:VCALENDAR"});
    with_file.attachments.push_back({"Ansøgning – Åse.pdf", "application/pdf", "%PDF"});
    EXPECT_TRUE(check_mail(settings(), with_file));
    const MailAttachment bad_attachments[] = {
        {"", "application/pdf", "x"},
        {"cv.pdf\r\nContent-Type: text/html", "application/pdf", "x"},
        {"cv.pdf\n", "application/pdf", "x"},
        {"cv\t.pdf", "application/pdf", "x"},
        {std::string("cv") + '\0' + ".pdf", "application/pdf", "x"},
        {std::string(201, 'a') + ".pdf", "application/pdf", "x"},
        {"cv.pdf", "", "x"},
        {"cv.pdf", "pdf", "x"},
        {"cv.pdf", "application/pdf\r\nBcc: y@b.dk", "x"},
        {"cv.pdf", "text/calendar; method=REQUEST\n", "x"},
    };
    for (const MailAttachment& attachment : bad_attachments) {
        Mail bad = with_file;
        bad.attachments.push_back(attachment);
        auto checked = check_mail(settings(), bad);
        ASSERT_FALSE(checked) << attachment.file_name << " " << attachment.media_type;
        EXPECT_EQ(checked.error().kind, core::ErrorKind::invalid);
    }
}

/// The system Python, which has aiosmtpd (python3-aiosmtpd) where bootstrap installed it.
constexpr const char* k_python = "/usr/bin/python3";

bool aiosmtpd_available()
{
    std::string command = std::string(k_python) + " -c 'import aiosmtpd' >/dev/null 2>&1";
    return std::system(command.c_str()) == 0;
}

int free_port()
{
    Listener probe;
    return probe.port();
}

bool accepts_connections(int port)
{
    int connection = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    address.sin_port = htons(static_cast<std::uint16_t>(port));
    bool connected = ::connect(connection, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0;
    ::close(connection);
    return connected;
}

/// aiosmtpd storing every mail it receives in a Maildir, as a real SMTP server on loopback.
class MailSink {
public:
    MailSink(int port, std::filesystem::path maildir) : m_port(port), m_maildir(std::move(maildir))
    {
        std::string listen = "127.0.0.1:" + std::to_string(port);
        std::string folder = m_maildir.string();
        const char* arguments[] = {k_python,       "-m",           "aiosmtpd", "-n",
                                   "-l",           listen.c_str(), "-c",       "aiosmtpd.handlers.Mailbox",
                                   folder.c_str(), nullptr};
        if (::posix_spawn(&m_pid, k_python, nullptr, nullptr, const_cast<char* const*>(arguments), environ) !=
            0)
            m_pid = -1;
        // Readiness, not timing: wait until it listens (it normally takes a fraction of a second).
        for (int attempt = 0; attempt < 200 && m_pid > 0 && !accepts_connections(port); ++attempt)
            std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    ~MailSink() { stop(); }
    MailSink(const MailSink&) = delete;
    MailSink& operator=(const MailSink&) = delete;

    bool listening() const { return m_pid > 0 && accepts_connections(m_port); }
    void stop()
    {
        if (m_pid <= 0)
            return;
        ::kill(m_pid, SIGTERM);
        ::waitpid(m_pid, nullptr, 0);
        m_pid = -1;
    }

private:
    pid_t m_pid = -1;
    int m_port;
    std::filesystem::path m_maildir;
};

/// Reads each delivered mail with Python's e-mail parser (as a mail program would) and describes it:
/// recipient, Message-ID, decoded subject and text, the MIME structure, and each attachment, whose
/// decoded content is compared with the file `expected_attachment`.
std::string describe_maildir(const std::filesystem::path& maildir,
                             const std::filesystem::path& expected_attachment)
{
    auto script = maildir.parent_path() / "describe.py";
    std::ofstream(script) << R"(import email, email.policy, pathlib, sys
messages = []
for path in pathlib.Path(sys.argv[1], "new").iterdir():
    messages.append(email.message_from_bytes(path.read_bytes(), policy=email.policy.default))
expected = pathlib.Path(sys.argv[2]).read_bytes().decode("utf-8")
for message in sorted(messages, key=lambda m: m["Message-ID"]):
    print("to:", message["To"])
    print("message-id:", message["Message-ID"])
    print("subject:", message["Subject"])
    print("structure:", " ".join(part.get_content_type() for part in message.walk()))
    print("text:", message.get_body(("plain",)).get_content().strip())
    for attachment in message.iter_attachments():
        same = attachment.get_content() == expected
        print("attachment:", attachment.get_filename(), attachment.get_content_type(),
              attachment.get_param("method"), "as sent" if same else "changed")
)";
    std::string command = std::string(k_python) + " " + script.string() + " " + maildir.string() + " " +
                          expected_attachment.string();
    std::string output;
    if (FILE* pipe = ::popen(command.c_str(), "r")) {
        char buffer[4096];
        std::size_t read = 0;
        while ((read = std::fread(buffer, 1, sizeof buffer, pipe)) > 0)
            output.append(buffer, read);
        ::pclose(pipe);
    }
    return output;
}

TEST(Smtp, several_mails_travel_over_one_connection_and_arrive_whole)
{
    if (!aiosmtpd_available())
        GTEST_SKIP() << "python3-aiosmtpd is not installed";
    ASSERT_TRUE(init_smtp());
    auto folder = std::filesystem::temp_directory_path() / ("rekrut-smtp-test-" + std::to_string(::getpid()));
    std::filesystem::remove_all(folder);
    std::filesystem::create_directories(folder);
    int port = free_port();
    auto sink = std::make_unique<MailSink>(port, folder / "maildir");
    ASSERT_TRUE(sink->listening()) << "aiosmtpd did not start on port " << port;

    SmtpSettings to_sink = settings();
    to_sink.url = "smtp://127.0.0.1:" + std::to_string(port);
    SmtpConnection connection(to_sink);
    const std::string ics =
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nSUMMARY:Samtale\\, runde 2 – Åse\r\nEND:VCALENDAR\r\n";
    std::ofstream(folder / "expected.ics", std::ios::binary) << ics;
    for (int number = 1; number <= 3; ++number) {
        Mail next = mail();
        next.to = "ansoeger" + std::to_string(number) + "@example.test";
        next.subject = "Indkaldelse til samtale – nr. " + std::to_string(number);
        next.text = "Kære ansøger " + std::to_string(number) + ", vi glæder os.";
        next.message_id = "<mail-" + std::to_string(number) + "@example.test>";
        if (number == 2)
            next.attachments.push_back({"samtale.ics", "text/calendar; charset=utf-8; method=REQUEST", ics});
        auto sent = connection.send(next);
        ASSERT_TRUE(sent) << number << ": " << sent.error().message;
    }
    EXPECT_EQ(connection.connections_opened(), 1U) << "the connection was not kept between mails";

    std::string delivered = describe_maildir(folder / "maildir", folder / "expected.ics");
    EXPECT_EQ(delivered,
              "to: ansoeger1@example.test\n"
              "message-id: <mail-1@example.test>\n"
              "subject: Indkaldelse til samtale – nr. 1\n"
              "structure: multipart/mixed multipart/alternative text/plain text/html\n"
              "text: Kære ansøger 1, vi glæder os.\n"
              "to: ansoeger2@example.test\n"
              "message-id: <mail-2@example.test>\n"
              "subject: Indkaldelse til samtale – nr. 2\n"
              "structure: multipart/mixed multipart/alternative text/plain text/html text/calendar\n"
              "text: Kære ansøger 2, vi glæder os.\n"
              "attachment: samtale.ics text/calendar REQUEST as sent\n"
              "to: ansoeger3@example.test\n"
              "message-id: <mail-3@example.test>\n"
              "subject: Indkaldelse til samtale – nr. 3\n"
              "structure: multipart/mixed multipart/alternative text/plain text/html\n"
              "text: Kære ansøger 3, vi glæder os.\n");

    // The server goes away: the next mail fails, and once it is back the same connection object
    // connects anew and delivers.
    sink->stop();
    Mail during_outage = mail();
    EXPECT_FALSE(connection.send(during_outage));
    sink = std::make_unique<MailSink>(port, folder / "maildir-after");
    ASSERT_TRUE(sink->listening()) << "aiosmtpd did not start again on port " << port;
    auto after = connection.send(mail());
    EXPECT_TRUE(after) << (after ? "" : after.error().message);
    EXPECT_EQ(connection.connections_opened(), 2U);
    sink->stop();
    std::filesystem::remove_all(folder);
}

TEST(Smtp, a_file_name_with_danish_letters_reaches_the_mail_program)
{
    if (!aiosmtpd_available())
        GTEST_SKIP() << "python3-aiosmtpd is not installed";
    ASSERT_TRUE(init_smtp());
    auto folder = std::filesystem::temp_directory_path() / ("rekrut-smtp-name-" + std::to_string(::getpid()));
    std::filesystem::remove_all(folder);
    std::filesystem::create_directories(folder);
    int port = free_port();
    MailSink sink(port, folder / "maildir");
    ASSERT_TRUE(sink.listening());
    SmtpSettings to_sink = settings();
    to_sink.url = "smtp://127.0.0.1:" + std::to_string(port);
    std::ofstream(folder / "expected.txt") << "Referat";
    Mail with_file = mail();
    with_file.message_id = "<name@example.test>";
    with_file.attachments.push_back({"Referat \"møde\" – Åse.txt", "text/plain; charset=utf-8", "Referat"});
    ASSERT_TRUE(send_mail(to_sink, with_file));
    std::string delivered = describe_maildir(folder / "maildir", folder / "expected.txt");
    EXPECT_NE(delivered.find("attachment: Referat \"møde\" – Åse.txt text/plain None as sent\n"),
              std::string::npos)
        << delivered;
    sink.stop();
    std::filesystem::remove_all(folder);
}

} // namespace
} // namespace rekrut::integrations
