#include "services/testing/service_fixture.hpp"

#include <soci/soci.h>

#include "core/crypto.hpp"
#include "core/secret_key.hpp"
#include "services/audit_trail.hpp"
#include "services/demo_setup.hpp"
#include "services/mail/mail_composer.hpp"
#include "services/platform_operator.hpp"
#include "store/identity_store.hpp"
#include "store/migrations.hpp"
#include "store/session_store.hpp"

namespace rekrut::services::testing {
namespace {

namespace fs = std::filesystem;

/// The repository's mail templates, loaded and installed once for the whole test program (the
/// services find the composer through mail::installed_composer).
void install_mail_templates()
{
    static mail::MailComposer composer;
    static const std::string problem = [] {
        auto loaded = composer.load(std::string(REKRUT_TEMPLATES_DIR) + "/mail");
        if (loaded.empty())
            mail::install_composer(composer);
        return loaded;
    }();
    ASSERT_EQ(problem, "");
}

} // namespace

void ServiceFixture::SetUp()
{
    ASSERT_TRUE(core::init_crypto());
    install_mail_templates();
    m_dir = fs::path(::testing::TempDir()) / ("rekrut_service_test_" + core::random_hex(6));
    fs::create_directories(m_dir);
    m_database = store::Database::open("sqlite:" + (m_dir / "rekrut.db").string(), 2);
    m_database->set_secret_key(core::SecretKey::random());
    auto migrated = store::migrate(*m_database, store::read_migrations(REKRUT_MIGRATIONS_DIR, true));
    ASSERT_TRUE(migrated.ok()) << migrated.error().message;
    m_users = std::make_unique<UserAdministration>(*m_database, k_public_url);
    m_identity = std::make_unique<IdentityService>(*m_database, k_public_url);

    auto created = m_users->create_operator("drift_dorthe@example.test", "Drift Dorthe",
                                            "a synthetic operator password", Origin::system("test set-up"));
    ASSERT_TRUE(created.ok()) << created.error().message;
    m_operator_id = *created;
    m_operator = actor(m_operator_id);
    ASSERT_TRUE(m_operator.is_operator);
    auto second =
        m_users->create_operator("drift_ditte@example.test", "Drift Ditte",
                                 "another synthetic operator password", Origin::system("test set-up"));
    ASSERT_TRUE(second.ok()) << second.error().message;
    m_second_operator = actor(*second);
}

void ServiceFixture::TearDown()
{
    m_identity.reset();
    m_users.reset();
    m_database.reset();
    std::error_code ignored;
    fs::remove_all(m_dir, ignored);
}

Institution ServiceFixture::add_institution(const std::string& prefix, const std::string& name,
                                            const std::string& cvr, bool seeded)
{
    Institution institution;
    auto created = m_users->create_institution(m_operator, cvr, name, "Testvej 1, 1000 København K",
                                               origin_of(m_operator));
    EXPECT_TRUE(created.ok()) << created.error().message;
    if (!created)
        return institution;
    institution.id = *created;
    institution.superbruger = add_person(m_operator, institution.id, prefix + "_superbruger",
                                         "Superbruger " + prefix, domain::InstitutionRole::superbruger);
    if (seeded)
        seed_demo_setup(*m_database, institution.id);
    return institution;
}

Person ServiceFixture::add_person(const domain::Actor& by, std::int64_t institution_id,
                                  const std::string& handle, const std::string& name,
                                  std::optional<domain::InstitutionRole> role, const std::string& password)
{
    Person person{0, handle + "@example.test", name};
    auto created = m_users->create_user(by, institution_id, {person.email, name, role, password},
                                        origin_of(by), untranslated());
    EXPECT_TRUE(created.ok()) << handle << ": " << created.error().message;
    if (!created)
        return person;
    person.id = *created;
    if (role == domain::InstitutionRole::superbruger && by.is_operator) {
        for (const auto& request : PlatformOperator(*m_database).superbruger_requests(m_second_operator))
            if (request.user_id == person.id) {
                auto approved = m_users->decide_superbruger_request(
                    m_second_operator, request.id, true, origin_of(m_second_operator), untranslated());
                EXPECT_TRUE(approved.ok()) << handle << ": " << approved.error().message;
            }
    }
    return person;
}

std::string ServiceFixture::open_session(std::int64_t user_id, core::UnixTime started_at,
                                         bool second_factor_passed)
{
    std::string token = core::random_hex(32);
    write_directly([&](store::Transaction& transaction) {
        store::sessions::create(transaction, IdentityService::token_hash(token), user_id,
                                second_factor_passed, started_at, started_at + k_session_absolute_seconds,
                                "192.0.2.10");
    });
    return token;
}

domain::Actor ServiceFixture::actor(std::int64_t user_id)
{
    auto signed_in = m_identity->resume(open_session(user_id, core::now()));
    EXPECT_TRUE(signed_in.has_value()) << "user " << user_id << " could not resume a session";
    if (!signed_in)
        return {};
    return signed_in->actor;
}

Origin ServiceFixture::origin_of(const domain::Actor& actor)
{
    return {actor.user_id, actor.name, "test-request", "192.0.2.10"};
}

Translate ServiceFixture::untranslated()
{
    return [](const std::string& text) { return text; };
}

std::vector<domain::AuditEventRecord> ServiceFixture::audit_events(const Institution& institution,
                                                                   const std::string& action)
{
    domain::AuditFilter filter;
    filter.institution_id = institution.id;
    filter.action = action;
    filter.limit = 500;
    auto found = AuditTrail(*m_database).search(actor(institution.superbruger.id), filter, true);
    EXPECT_TRUE(found.ok());
    if (!found)
        return {};
    return found->events;
}

std::vector<std::string> ServiceFixture::mail_texts_to(const std::string& address)
{
    return m_database->read([&](store::Session& session) {
        soci::session& sql = session;
        std::vector<std::string> texts;
        std::string sealed;
        soci::statement rows =
            (sql.prepare << "SELECT body_text FROM outbox WHERE recipient = :address ORDER BY id DESC",
             soci::use(address), soci::into(sealed));
        rows.execute();
        while (rows.fetch())
            texts.push_back(session.secret_key().open(sealed).value_or("(sealed under another key)"));
        return texts;
    });
}

std::vector<std::string> fields_of(const core::Error& error)
{
    std::vector<std::string> fields;
    fields.reserve(error.fields.size());
    for (const auto& field : error.fields)
        fields.push_back(field.field);
    return fields;
}

} // namespace rekrut::services::testing
