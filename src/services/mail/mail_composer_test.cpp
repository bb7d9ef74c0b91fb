#include <boost/locale.hpp>
#include <filesystem>
#include <fstream>
#include <gtest/gtest.h>
#include <soci/soci.h>

#include "core/crypto.hpp"
#include "core/secret_key.hpp"
#include "services/mail/links.hpp"
#include "services/mail/mail_composer.hpp"
#include "store/database.hpp"
#include "store/migrations.hpp"
#include "store/outbox_store.hpp"

namespace rekrut::services::mail {
namespace {

namespace fs = std::filesystem;

const std::string k_templates = std::string(REKRUT_TEMPLATES_DIR) + "/mail";
const std::string k_link = "https://rekrut.example.test/password/reset/" + std::string(64, 'a');

/// The real catalogs, as the server loads them (po/*.po compiled by the build).
Translate catalog(const std::string& language)
{
    boost::locale::generator generator;
    generator.add_messages_path(REKRUT_LOCALE_DIR);
    generator.add_messages_domain("rekrut");
    std::locale locale = generator(language == "da" ? "da_DK.UTF-8" : "en_GB.UTF-8");
    return [locale](const std::string& message) { return boost::locale::translate(message).str(locale); };
}

/// The composer with the repository's templates/mail/.
struct MailComposerTest : ::testing::Test {
    MailComposer composer;
    void SetUp() override { ASSERT_EQ(composer.load(k_templates), ""); }
};

TEST_F(MailComposerTest, reset_mail_is_danish_with_the_link_in_both_parts)
{
    auto mail =
        composer.compose(k_password_reset, {{"NAME", "Anna Andersen"}, {"LINK", k_link}}, catalog("da"));
    EXPECT_EQ(mail.subject, "Vælg en ny adgangskode til Rekrut");
    EXPECT_NE(mail.text.find("Kære Anna Andersen\n"), std::string::npos) << mail.text;
    EXPECT_NE(mail.text.find("Brug dette link inden 30 minutter"), std::string::npos) << mail.text;
    EXPECT_NE(mail.text.find("\n" + k_link + "\n"), std::string::npos) << mail.text;
    EXPECT_NE(mail.html.find("<a href=\"" + k_link + "\">" + k_link + "</a>"), std::string::npos)
        << mail.html;
    EXPECT_NE(mail.html.find("Linket virker én gang."), std::string::npos) << mail.html;
    EXPECT_EQ(mail.html.rfind("<!DOCTYPE html>", 0), 0u) << "the pragma's line is left in:\n" << mail.html;
}

TEST_F(MailComposerTest, english_reader_gets_the_english_mail)
{
    auto mail = composer.compose(k_welcome, {{"NAME", "Anna Andersen"}, {"LINK", k_link}}, catalog("en"));
    EXPECT_EQ(mail.subject, "Your account in Rekrut");
    EXPECT_NE(mail.text.find("Hello Anna Andersen\n"), std::string::npos) << mail.text;
    EXPECT_NE(mail.text.find("within 72 hours. The link works once:\n" + k_link), std::string::npos)
        << mail.text;
    EXPECT_EQ(mail.text.find("Kære"), std::string::npos);

    auto danish = composer.compose(k_welcome, {{"NAME", "Anna Andersen"}, {"LINK", k_link}}, catalog("da"));
    EXPECT_EQ(danish.subject, "Din konto i Rekrut");
    EXPECT_NE(danish.text.find("Vælg din adgangskode med dette link inden 72 timer."), std::string::npos);
}

TEST_F(MailComposerTest, hostile_name_is_escaped_in_html_and_kept_as_is_in_text)
{
    const std::string name = "<script>alert(\"x\")</script> & 'Bo'";
    auto mail = composer.compose(k_welcome, {{"NAME", name}, {"LINK", k_link}}, catalog("da"));
    EXPECT_EQ(mail.html.find("<script>"), std::string::npos) << mail.html;
    EXPECT_EQ(mail.html.find("\"x\""), std::string::npos) << mail.html;
    EXPECT_NE(mail.html.find("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;Bo&#39;"),
              std::string::npos)
        << mail.html;
    // Plain text is not HTML: the reader sees the name as typed.
    EXPECT_NE(mail.text.find("Kære " + name + "\n"), std::string::npos) << mail.text;
}

TEST_F(MailComposerTest, link_that_is_not_http_does_not_become_a_link)
{
    auto mail =
        composer.compose(k_welcome, {{"NAME", "Anna"}, {"LINK", "javascript:alert(1)"}}, catalog("da"));
    EXPECT_EQ(mail.html.find("href=\"javascript:"), std::string::npos) << mail.html;
}

TEST_F(MailComposerTest, translations_are_escaped_by_ctemplate_too)
{
    auto hostile = [](const std::string& message) { return "<b>" + message + "</b>"; };
    auto mail = composer.compose(k_welcome, {{"NAME", "Anna"}, {"LINK", k_link}}, hostile);
    EXPECT_EQ(mail.html.find("<b>"), std::string::npos) << mail.html;
    EXPECT_NE(mail.html.find("&lt;b&gt;Hello&lt;/b&gt; Anna"), std::string::npos) << mail.html;
}

/// Writes a mail whose subject carries a merge field, as institution mails will.
void write_mail(const fs::path& dir, const std::string& name, const std::string& subject,
                const std::string& html)
{
    std::ofstream(dir / (name + ".subject.tpl")) << subject;
    std::ofstream(dir / (name + ".text.tpl")) << "{{NAME}}\n";
    std::ofstream(dir / (name + ".html.tpl")) << html;
}

struct MailFolder : ::testing::Test {
    fs::path dir = fs::path(::testing::TempDir()) / ("rekrut_mail_" + core::random_hex(6));
    void SetUp() override
    {
        fs::create_directories(dir);
        for (const auto& entry : fs::directory_iterator(k_templates))
            fs::copy_file(entry.path(), dir / entry.path().filename());
    }
    void TearDown() override { fs::remove_all(dir); }
};

TEST_F(MailFolder, line_breaks_in_a_name_cannot_break_the_subject)
{
    write_mail(dir, "greeting", "{{_ Hello}} {{NAME}}\n",
               "{{%AUTOESCAPE context=\"HTML\"}}\n<p>{{NAME}}</p>\n");
    MailComposer composer;
    ASSERT_EQ(composer.load(dir.string()), "");
    auto identity = [](const std::string& message) { return message; };

    auto mail =
        composer.compose("greeting", {{"NAME", "Anna\r\nBcc: victim@example.test\r\n\r\nBody"}}, identity);
    EXPECT_EQ(mail.subject, "Hello Anna Bcc: victim@example.test Body");
    EXPECT_EQ(mail.subject.find_first_of("\r\n"), std::string::npos);

    // A real template's subject with the hostile name stays the same single line.
    auto reset = composer.compose(k_password_reset,
                                  {{"NAME", "Anna\r\nBcc: x@example.test"}, {"LINK", k_link}}, catalog("da"));
    EXPECT_EQ(reset.subject, "Vælg en ny adgangskode til Rekrut");
}

TEST_F(MailFolder, long_subject_is_cut_on_a_character_boundary)
{
    write_mail(dir, "greeting", "{{NAME}}\n", "{{%AUTOESCAPE context=\"HTML\"}}\n<p>{{NAME}}</p>\n");
    MailComposer composer;
    ASSERT_EQ(composer.load(dir.string()), "");
    std::string name;
    for (int i = 0; i < 300; ++i)
        name += "æ";
    auto mail = composer.compose("greeting", {{"NAME", name}}, [](const std::string& text) { return text; });
    EXPECT_LE(mail.subject.size(), k_max_subject_bytes);
    EXPECT_GT(mail.subject.size(), k_max_subject_bytes - 8);
    EXPECT_EQ(mail.subject.substr(mail.subject.size() - 3), "\u2026");
    std::string body = mail.subject.substr(0, mail.subject.size() - 3);
    EXPECT_EQ(body.size() % 2, 0u) << "a two-byte character was split";
}

TEST_F(MailFolder, html_part_without_the_pragma_is_refused)
{
    write_mail(dir, "greeting", "{{NAME}}\n", "<p>{{NAME}}</p>\n");
    MailComposer composer;
    auto problem = composer.load(dir.string());
    EXPECT_NE(problem.find("greeting.html.tpl does not start with {{%AUTOESCAPE"), std::string::npos)
        << problem;
}

TEST_F(MailFolder, plain_part_with_the_pragma_is_refused)
{
    write_mail(dir, "greeting", "{{%AUTOESCAPE context=\"HTML\"}}{{NAME}}\n",
               "{{%AUTOESCAPE context=\"HTML\"}}\n<p>{{NAME}}</p>\n");
    MailComposer composer;
    auto problem = composer.load(dir.string());
    EXPECT_NE(problem.find("greeting.subject.tpl is plain text"), std::string::npos) << problem;
}

TEST_F(MailFolder, mail_without_all_parts_or_a_mail_the_code_sends_is_refused)
{
    std::ofstream(dir / "greeting.subject.tpl") << "{{NAME}}\n";
    MailComposer composer;
    EXPECT_NE(composer.load(dir.string()).find("mail greeting has no text part"), std::string::npos);

    fs::remove(dir / "greeting.subject.tpl");
    fs::remove(dir / "welcome.text.tpl");
    EXPECT_NE(composer.load(dir.string()).find("mail welcome has no text part"), std::string::npos);

    for (const char* part : {"subject", "html"})
        fs::remove(dir / (std::string("welcome.") + part + ".tpl"));
    EXPECT_NE(composer.load(dir.string()).find("mail welcome is missing"), std::string::npos);
}

TEST(MailComposer, unknown_mail_and_lower_case_field_are_programming_errors)
{
    MailComposer composer;
    ASSERT_EQ(composer.load(k_templates), "");
    auto identity = [](const std::string& message) { return message; };
    EXPECT_THROW(composer.compose("no_such_mail", {}, identity), std::logic_error);
    EXPECT_THROW(composer.compose(k_welcome, {{"name", "Anna"}}, identity), std::logic_error);
    EXPECT_THROW(composer.compose(k_welcome, {{"_TEXT_0", "Anna"}}, identity), std::logic_error);
}

TEST(PasswordLink, joins_the_public_address_and_the_token_once)
{
    EXPECT_EQ(password_link("https://rekrut.example.test", "ab12"),
              "https://rekrut.example.test/password/reset/ab12");
    EXPECT_EQ(password_link("https://rekrut.example.test/", "ab12"),
              "https://rekrut.example.test/password/reset/ab12");
}

/// The outbox of a migrated SQLite database in a temporary folder.
struct MailQueueTest : MailComposerTest {
    fs::path dir = fs::path(::testing::TempDir()) / ("rekrut_mail_queue_" + core::random_hex(6));
    std::unique_ptr<store::Database> database;

    void SetUp() override
    {
        MailComposerTest::SetUp();
        core::init_crypto();
        fs::create_directories(dir);
        database = store::Database::open("sqlite:" + (dir / "test.db").string(), 1);
        database->set_secret_key(core::SecretKey::random());
        auto migrated = store::migrate(*database, store::read_migrations(REKRUT_MIGRATIONS_DIR, true));
        ASSERT_TRUE(migrated.ok()) << migrated.error().message;
    }
    void TearDown() override
    {
        database.reset();
        fs::remove_all(dir);
    }
};

TEST_F(MailQueueTest, queued_mail_is_the_rendered_mail)
{
    (void)database->transact([&](store::Transaction& transaction) -> core::Status {
        queue(transaction, composer, {std::nullopt, "anna@example.test"}, k_password_reset,
              {{"NAME", "Anna <Andersen>"}, {"LINK", k_link}}, catalog("da"));
        return core::success();
    });
    auto claimed =
        database
            ->transact(
                [&](store::Transaction& transaction) -> core::Result<std::vector<domain::OutboxMessage>> {
                    return store::outbox::claim_due(transaction, core::now() + 1, 10, 60);
                })
            .value();
    ASSERT_EQ(claimed.size(), 1u);
    EXPECT_EQ(claimed[0].recipient, "anna@example.test");
    EXPECT_EQ(claimed[0].subject, "Vælg en ny adgangskode til Rekrut");
    EXPECT_NE(claimed[0].body_text.find("Kære Anna <Andersen>"), std::string::npos);
    EXPECT_NE(claimed[0].body_html.find("Kære Anna &lt;Andersen&gt;"), std::string::npos);
    EXPECT_FALSE(claimed[0].body_unreadable);
    EXPECT_FALSE(claimed[0].sent_at);
}

/// The stored row as it is in the database, bodies included.
std::pair<std::string, std::string> stored_bodies(store::Database& database)
{
    return database.read([](store::Session& session) {
        soci::session& sql = session;
        std::string text, html;
        sql << "SELECT body_text, body_html FROM outbox", soci::into(text), soci::into(html);
        return std::pair{text, html};
    });
}

TEST_F(MailQueueTest, bodies_are_stored_sealed_and_listed_without_them)
{
    (void)database->transact([&](store::Transaction& transaction) -> core::Status {
        queue(transaction, composer, {std::nullopt, "anna@example.test"}, k_password_reset,
              {{"NAME", "Anna"}, {"LINK", k_link}}, catalog("da"));
        return core::success();
    });
    auto [text, html] = stored_bodies(*database);
    EXPECT_TRUE(core::SecretKey::is_sealed(text) && core::SecretKey::is_sealed(html));
    EXPECT_EQ(text.find(k_link), std::string::npos);
    EXPECT_EQ(html.find(k_link), std::string::npos);
    database->read([&](store::Session& session) {
        auto listed = store::outbox::recent(session, 10);
        ASSERT_EQ(listed.size(), 1u);
        EXPECT_EQ(listed[0].recipient, "anna@example.test");
        EXPECT_EQ(listed[0].body_text, "");
        EXPECT_EQ(listed[0].body_html, "");
    });
}

TEST_F(MailQueueTest, bodies_are_blanked_a_week_after_delivery_and_a_month_after_writing)
{
    (void)database->transact([&](store::Transaction& transaction) -> core::Status {
        for (const char* address : {"sent@example.test", "recent@example.test", "stuck@example.test"})
            queue(transaction, composer, {std::nullopt, address}, k_password_reset,
                  {{"NAME", "Anna"}, {"LINK", k_link}}, catalog("da"));
        return core::success();
    });
    core::UnixTime now = core::now();
    (void)database->transact([&](store::Transaction& transaction) -> core::Status {
        soci::session& sql = transaction;
        long long week_ago = now - 8L * 86400, yesterday = now - 86400, month_ago = now - 31L * 86400;
        sql << "UPDATE outbox SET sent_at = :at WHERE recipient = 'sent@example.test'", soci::use(week_ago);
        sql << "UPDATE outbox SET sent_at = :at WHERE recipient = 'recent@example.test'",
            soci::use(yesterday);
        sql << "UPDATE outbox SET created_at = :at WHERE recipient = 'stuck@example.test'",
            soci::use(month_ago);
        return core::success();
    });
    auto purged =
        database
            ->transact([&](store::Transaction& transaction) -> core::Result<int> {
                return store::outbox::purge_bodies(transaction, now - 7L * 86400, now - 30L * 86400);
            })
            .value();
    EXPECT_EQ(purged, 2);
    database->read([&](store::Session& session) {
        soci::session& sql = session;
        int blank = 0, kept = 0;
        sql << "SELECT COUNT(*) FROM outbox WHERE body_text = '' AND body_html = ''"
               " AND recipient IN ('sent@example.test', 'stuck@example.test')",
            soci::into(blank);
        sql << "SELECT COUNT(*) FROM outbox WHERE body_text <> '' AND recipient = 'recent@example.test'",
            soci::into(kept);
        EXPECT_EQ(blank, 2);
        EXPECT_EQ(kept, 1);
    });
}

TEST_F(MailQueueTest, a_body_sealed_under_another_key_is_claimed_as_unreadable)
{
    (void)database->transact([&](store::Transaction& transaction) -> core::Status {
        queue(transaction, composer, {std::nullopt, "anna@example.test"}, k_password_reset,
              {{"NAME", "Anna"}, {"LINK", k_link}}, catalog("da"));
        return core::success();
    });
    auto other = core::SecretKey::random().seal("written elsewhere");
    (void)database->transact([&](store::Transaction& transaction) -> core::Status {
        soci::session& sql = transaction;
        sql << "UPDATE outbox SET body_text = :other", soci::use(other);
        return core::success();
    });
    auto claimed =
        database
            ->transact(
                [&](store::Transaction& transaction) -> core::Result<std::vector<domain::OutboxMessage>> {
                    return store::outbox::claim_due(transaction, core::now() + 1, 10, 60);
                })
            .value();
    ASSERT_EQ(claimed.size(), 1u);
    EXPECT_TRUE(claimed[0].body_unreadable);
    EXPECT_EQ(claimed[0].body_text, "");
}

TEST_F(MailQueueTest, address_with_a_line_break_is_refused_and_nothing_is_queued)
{
    EXPECT_THROW((void)database->transact([&](store::Transaction& transaction) -> core::Status {
        queue(transaction, composer, {std::nullopt, "anna@example.test\r\nBcc: x@example.test"}, k_welcome,
              {{"NAME", "Anna"}, {"LINK", k_link}}, catalog("da"));
        return core::success();
    }),
                 std::invalid_argument);
    database->read([&](store::Session& session) { EXPECT_TRUE(store::outbox::recent(session, 10).empty()); });
}

} // namespace
} // namespace rekrut::services::mail
