#include <algorithm>
#include <filesystem>
#include <gtest/gtest.h>
#include <soci/soci.h>

#include "core/crypto.hpp"
#include "domain/job_ad/screening_question.hpp"
#include "services/demo_setup.hpp"
#include "services/institution_setup.hpp"
#include "store/database.hpp"
#include "store/institution_store.hpp"
#include "store/migrations.hpp"
#include "store/setup_store.hpp"

namespace rekrut::services {
namespace {

namespace fs = std::filesystem;

/// A migrated SQLite database in a temporary folder with two institutions.
struct DemoSetupFixture : ::testing::Test {
    fs::path dir = fs::path(::testing::TempDir()) / ("rekrut_demo_setup_" + core::random_hex(6));
    std::unique_ptr<store::Database> database;
    std::int64_t styrelsen = 0, akademiet = 0;

    void SetUp() override
    {
        core::init_crypto();
        fs::create_directories(dir);
        database = store::Database::open("sqlite:" + (dir / "test.db").string(), 1);
        database->set_secret_key(core::SecretKey::random());
        auto migrated = store::migrate(*database, store::read_migrations(REKRUT_MIGRATIONS_DIR, true));
        ASSERT_TRUE(migrated.ok()) << migrated.error().message;
        store::InstitutionStore institutions(*database);
        styrelsen =
            institutions.create("99000001", "Styrelsen for Demoforvaltning", "Demovej 1, 1000 København K");
        akademiet = institutions.create("99000002", "Demoakademiet", "Prøvegade 12, 8000 Aarhus C");
    }
    void TearDown() override
    {
        database.reset();
        fs::remove_all(dir);
    }
};

TEST_F(DemoSetupFixture, seeds_every_kind_of_setup_for_one_institution_only)
{
    seed_demo_setup(*database, styrelsen);
    database->read([&](soci::session& sql) {
        auto units = store::organisation_units::list(sql, styrelsen);
        ASSERT_EQ(units.size(), 3u);
        EXPECT_EQ(std::count_if(units.begin(), units.end(), [](const auto& unit) { return unit.depth == 1; }),
                  1);

        auto texts = store::mandatory_texts::list(sql, styrelsen);
        ASSERT_EQ(texts.size(), 4u);
        auto encouragement = std::find_if(texts.begin(), texts.end(), [](const auto& text) {
            return text.kind == "encouragement" && text.language == "da";
        });
        ASSERT_NE(encouragement, texts.end());
        EXPECT_EQ(encouragement->body_source,
                  "Vi opfordrer alle interesserede uanset personlig baggrund til at søge stillingen.");
        EXPECT_TRUE(encouragement->required && encouragement->locked);
        EXPECT_TRUE(std::any_of(texts.begin(), texts.end(), [](const auto& text) {
            return text.kind == "salary" && text.required && !text.locked;
        }));
        EXPECT_TRUE(std::any_of(texts.begin(), texts.end(), [](const auto& text) {
            return text.kind == "presentation" && !text.required;
        }));
        EXPECT_TRUE(std::any_of(texts.begin(), texts.end(), [](const auto& text) {
            return text.kind == "encouragement" && text.language == "en";
        }));

        auto templates = store::ad_templates::list(sql, styrelsen);
        ASSERT_EQ(templates.size(), 2u);
        EXPECT_EQ(templates[0].name, "Academic officer");
        EXPECT_EQ(templates[0].language, "en");
        EXPECT_EQ(templates[1].name, "Akademisk medarbejder");
        EXPECT_EQ(templates[1].language, "da");

        auto questions = store::question_templates::list(sql, styrelsen);
        std::vector<std::string> kinds;
        kinds.reserve(questions.size());
        for (const auto& question : questions)
            kinds.push_back(question.kind);
        EXPECT_EQ(kinds, (std::vector<std::string>{"yes_no", "single_choice", "number", "short_text"}));
        auto options = domain::question_options(questions.at(0).options);
        ASSERT_EQ(options.size(), 2u);
        EXPECT_EQ(options[1].text, "Nej");
        EXPECT_TRUE(options[1].disqualifies);

        std::vector<std::string> agreements, categories;
        for (const auto& item : store::named_lists::list(sql, "collective_agreements", styrelsen))
            agreements.push_back(item.name);
        for (const auto& item : store::named_lists::list(sql, "position_categories", styrelsen))
            categories.push_back(item.name);
        EXPECT_EQ(agreements, (std::vector<std::string>{"AC-overenskomsten", "HK-overenskomsten (staten)",
                                                        "Tjenestemandsansættelse"}));
        EXPECT_EQ(categories, (std::vector<std::string>{"Akademisk", "IT", "Kontor", "Ledelse"}));

        EXPECT_TRUE(store::organisation_units::list(sql, akademiet).empty());
        EXPECT_TRUE(store::mandatory_texts::list(sql, akademiet).empty());
    });
}

TEST_F(DemoSetupFixture, the_seeded_records_pass_the_rules_of_the_pages)
{
    seed_demo_setup(*database, styrelsen);
    database->read([&](soci::session& sql) {
        for (auto text : store::mandatory_texts::list(sql, styrelsen))
            EXPECT_TRUE(check_mandatory_text(text).empty()) << text.name;
        for (auto ad_template : store::ad_templates::list(sql, styrelsen))
            EXPECT_TRUE(check_ad_template(ad_template).empty()) << ad_template.name;
        for (auto question : store::question_templates::list(sql, styrelsen)) {
            std::string stored = question.options;
            EXPECT_TRUE(check_question(question).empty()) << question.text;
            EXPECT_EQ(question.options, stored) << "stored options are not in their normal form";
        }
    });
}

TEST_F(DemoSetupFixture, a_second_call_adds_nothing)
{
    seed_demo_setup(*database, styrelsen);
    seed_demo_setup(*database, styrelsen);
    database->read([&](soci::session& sql) {
        EXPECT_EQ(store::organisation_units::list(sql, styrelsen).size(), 3u);
        EXPECT_EQ(store::mandatory_texts::list(sql, styrelsen).size(), 4u);
        EXPECT_EQ(store::question_templates::list(sql, styrelsen).size(), 4u);
        int audited = 0;
        sql << "SELECT COUNT(*) FROM audit_events WHERE action = 'setup.demo_seeded'", soci::into(audited);
        EXPECT_EQ(audited, 1);
    });
}

} // namespace
} // namespace rekrut::services
