#include "services/demo_seed.hpp"

#include <soci/soci.h>

#include "core/clock.hpp"
#include "domain/job_ad/rich_text.hpp"
#include "services/audit_log.hpp"
#include "services/demo_setup.hpp"
#include "services/passwords.hpp"
#include "store/case_store.hpp"
#include "store/database.hpp"
#include "store/identity_store.hpp"
#include "store/institution_store.hpp"

namespace rekrut::services {
namespace {

struct DemoCase {
    const char* title;
    const char* place;
    const char* state;
    int deadline_days; ///< Relative to today; negative is in the past.
};

std::vector<long long> add_cases(soci::session& sql, long long institution_id,
                                 const std::vector<DemoCase>& cases)
{
    std::vector<long long> ids;
    core::UnixTime now = core::now();
    for (const auto& demo : cases) {
        // Deadlines at 12:00 Copenhagen time, the common choice in state ads.
        int year = 0;
        unsigned month = 0, day = 0;
        core::civil_from_days(now / 86400 + demo.deadline_days, year, month, day);
        char date[16];
        std::snprintf(date, sizeof date, "%04d-%02u-%02u", year, month, day);
        long long deadline = core::parse_copenhagen(date, "12:00").value_or(now);
        std::string title = demo.title, place = demo.place, state = demo.state;
        long long created = now, id = 0;
        sql << "INSERT INTO recruitment_cases (institution_id, title, state, place_of_work, "
               "application_deadline,"
               " published_at, created_at) VALUES (:i, :t, :s, :p, :d, :pub, :c) RETURNING id",
            soci::use(institution_id), soci::use(title), soci::use(state), soci::use(place),
            soci::use(deadline), soci::use(created), soci::use(created), soci::into(id);
        ids.push_back(id);
    }
    return ids;
}

struct DemoPerson {
    const char* email;
    const char* name;
    const char* institution_role; ///< "", "operator", "superbruger" or "administrator"
    const char* case_role;        ///< "" or a case role on the institution's first case
    const char* totp_secret_hex;  ///< Fixed for the demo so the codes can be generated; "" = none
};

} // namespace

DemoSeedReport seed_demo(store::Database& database)
{
    DemoSeedReport report;
    store::InstitutionStore institutions(database);
    if (institutions.count() > 0)
        return report;
    auto styrelsen =
        institutions.create("99000001", "Styrelsen for Demoforvaltning", "Demovej 1, 1000 København K");
    auto akademiet = institutions.create("99000002", "Demoakademiet", "Prøvegade 12, 8000 Aarhus C");
    database.with_transaction([&](soci::session& sql) {
        (void)add_cases(sql, styrelsen,
                        {{"Fuldmægtig til økonomienheden", "København K", "published", 21},
                         {"Specialkonsulent i digital forvaltning", "København K", "published", 9},
                         {"Studentermedhjælper til HR", "København K", "published", 30},
                         {"Kontorfuldmægtig til sekretariatet", "København K", "draft", 40},
                         {"Jurist til tilsynsenheden", "København K", "assessment", -5}});
        (void)add_cases(sql, akademiet,
                        {{"Adjunkt i datalogi", "Aarhus C", "published", 28},
                         {"IT-supporter", "Aarhus C", "published", 14},
                         {"Laborant", "Aarhus C", "filled", -40}});
    });
    // Demo accounts. The password and the fixed TOTP keys are for the demo only and are printed.
    const std::string password = "Demo-adgangskode-2026";
    const std::string hash = passwords::hash(password);
    const char* admin_secret = "3132333435363738393031323334353637383930";
    const std::vector<std::pair<long long, std::vector<DemoPerson>>> people = {
        {0, {{"drift@example.test", "Dorte Driftsen", "operator", "", admin_secret}}},
        {styrelsen,
         {{"superbruger@styrelsen.example.test", "Sofie Superbruger", "superbruger", "", admin_secret},
          {"superbruger2@styrelsen.example.test", "Simon Andersbruger", "superbruger", "", admin_secret},
          {"administrator@styrelsen.example.test", "Anders Administrator", "administrator", "", admin_secret},
          {"projektleder@styrelsen.example.test", "Pia Projektleder", "", "projektleder", ""},
          {"deltager@styrelsen.example.test", "Dennis Deltager", "", "projektdeltager", ""},
          {"leder@styrelsen.example.test", "Lene Leder", "", "ansaettende_leder", ""}}},
        {akademiet,
         {{"superbruger@akademiet.example.test", "Karen Kvist", "superbruger", "", admin_secret},
          {"administrator@akademiet.example.test", "Bo Bertelsen", "administrator", "", admin_secret},
          {"projektleder@akademiet.example.test", "Jens Juhl", "", "projektleder", ""}}},
    };
    database.with_transaction([&](soci::session& sql) {
        core::UnixTime now = core::now();
        for (const auto& [institution_id, persons] : people) {
            long long first_case = 0;
            if (institution_id != 0) {
                long long id = institution_id;
                sql << "SELECT MIN(id) FROM recruitment_cases WHERE institution_id = :i", soci::use(id),
                    soci::into(first_case);
            }
            for (const auto& person : persons) {
                domain::UserRecord user;
                bool is_operator = std::string(person.institution_role) == "operator";
                if (!is_operator)
                    user.institution_id = institution_id;
                user.email = person.email;
                user.name = person.name;
                user.password_hash = hash;
                user.is_operator = is_operator;
                user.created_at = now;
                auto user_id = store::users::insert(sql, user, std::nullopt);
                if (*person.totp_secret_hex)
                    store::users::set_totp(sql, user_id, database.secret_key().seal(person.totp_secret_hex),
                                           true, now);
                if (auto role = domain::institution_role_from_string(person.institution_role))
                    store::roles::grant(sql, institution_id, user_id, *role, std::nullopt, std::nullopt, now);
                if (*person.case_role && first_case != 0) {
                    long long institution = institution_id, case_id = first_case, id = user_id;
                    std::string role = person.case_role;
                    sql << "INSERT INTO case_roles (institution_id, case_id, user_id, role, granted_at)"
                           " VALUES (:i, :c, :u, :r, :t)",
                        soci::use(institution), soci::use(case_id), soci::use(id), soci::use(role),
                        soci::use(now);
                }
                std::string line = std::string("  ") + person.email + "  (" +
                                   (*person.institution_role ? person.institution_role : person.case_role) +
                                   ")";
                report.logins.push_back(line);
            }
        }
        // The first demo case of each institution gets the full content of a state ad, so that the
        // demo can take it to "ready for publication" once its committee and the encouragement
        // sentence (from the institution set-up) are in place.
        for (long long institution_id : {styrelsen, akademiet}) {
            long long case_id = 0;
            sql << "SELECT MIN(id) FROM recruitment_cases WHERE institution_id = :i",
                soci::use(institution_id), soci::into(case_id);
            domain::CaseRecord record = *store::cases::find(sql, institution_id, case_id);
            record.place_of_work =
                institution_id == styrelsen ? "Demovej 1, 1000 København K" : "Prøvegade 12, 8000 Aarhus C";
            record.municipality_code = institution_id == styrelsen ? "101" : "751";
            record.occupation_code = "2411";
            record.salary_text = "Løn efter overenskomst for akademikere i staten med mulighed for tillæg.";
            record.collective_agreement = "AC-overenskomsten";
            record.updated_at = core::now();
            store::cases::update(sql, record);
            store::cases::replace_contacts(
                sql, institution_id, case_id,
                {{"Pia Projektleder", "Kontorchef", "+45 00 00 00 01", "projektleder@example.test"}});
            domain::AdVersionRecord ad;
            ad.language = "da";
            ad.body_source =
                "## Om stillingen\nVi søger en {{title}}, som vil være med til at udvikle vores arbejde."
                "\n\n## Vi forventer, at du\n- har en relevant uddannelse\n- kan arbejde selvstændigt\n\n"
                "Ansøgningsfristen er {{deadline}}. Kontakt {{contact}} for at høre mere.";
            ad.body_html = domain::rich_text_to_html(ad.body_source);
            ad.created_at = record.updated_at;
            store::cases::add_ad_version(sql, institution_id, case_id, ad, {}, 0);
        }
        record_audit(database, sql, Origin::system("demo data"),
                     {std::nullopt, "demo.seeded", "database", "", "{}", json_object({{"users", "10"}})});
    });
    // Units, mandatory texts, ad templates, question templates and lists of both institutions.
    seed_demo_setup(database, styrelsen);
    seed_demo_setup(database, akademiet);
    report.logins.insert(report.logins.begin(), "Demo logins (password for all: " + password + "):");
    report.logins.push_back(
        "Two-step login for the operator, Superbrugere and Administrators uses the demo key "
        "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ (for example: oathtool --totp -b "
        "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ).");
    report.seeded = true;
    return report;
}

} // namespace rekrut::services
