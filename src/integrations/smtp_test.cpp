#include <arpa/inet.h>
#include <cerrno>
#include <fcntl.h>
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <sys/socket.h>
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

} // namespace
} // namespace rekrut::integrations
