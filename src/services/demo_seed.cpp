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

void add_cases(store::Transaction& transaction, long long institution_id, const std::vector<DemoCase>& cases)
{
    soci::session& sql = transaction;
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
    }
}

long long first_case_of(store::Transaction& transaction, long long institution_id)
{
    long long case_id = 0;
    transaction.sql() << "SELECT MIN(id) FROM recruitment_cases WHERE institution_id = :i",
        soci::use(institution_id), soci::into(case_id);
    return case_id;
}

struct DemoPerson {
    const char* email;
    const char* name;
    const char* institution_role; ///< "", "operator", "superbruger" or "administrator"
    const char* case_role;        ///< "" or a case role on the institution's first case
    const char* totp_secret_hex;  ///< Fixed for the demo so the codes can be generated; "" = none
};

/// The demo accounts by institution (0 for the operator, who belongs to none).
std::vector<std::pair<long long, std::vector<DemoPerson>>> demo_people(long long styrelsen,
                                                                       long long akademiet)
{
    const char* admin_secret = "3132333435363738393031323334353637383930";
    return {
        // Two operators: a grant or removal of the Superbruger role that one asks for, the other carries out.
        {0,
         {{"drift@example.test", "Dorte Driftsen", "operator", "", admin_secret},
          {"drift2@example.test", "Ole Opsyn", "operator", "", admin_secret}}},
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
}

/// Creates one demo account with its institution role, its case role on the institution's first case
/// (`first_case`, 0 for none) and its TOTP key; returns its line for the list of demo logins.
std::string add_person(store::Transaction& transaction, long long institution_id, long long first_case,
                       const DemoPerson& person, const std::string& password_hash, core::UnixTime now)
{
    domain::UserRecord user;
    bool is_operator = std::string(person.institution_role) == "operator";
    if (!is_operator)
        user.institution_id = institution_id;
    user.email = person.email;
    user.name = person.name;
    user.password_hash = password_hash;
    user.is_operator = is_operator;
    user.created_at = now;
    auto user_id = store::users::insert(transaction, user, std::nullopt);
    if (*person.totp_secret_hex)
        store::users::set_totp(transaction, user_id, transaction.secret_key().seal(person.totp_secret_hex),
                               true, now);
    if (auto role = domain::institution_role_from_string(person.institution_role))
        store::roles::grant(transaction, institution_id, user_id, *role, std::nullopt, std::nullopt, now);
    if (*person.case_role && first_case != 0) {
        long long institution = institution_id, case_id = first_case, id = user_id;
        std::string role = person.case_role;
        transaction.sql() << "INSERT INTO case_roles (institution_id, case_id, user_id, role, granted_at)"
                             " VALUES (:i, :c, :u, :r, :t)",
            soci::use(institution), soci::use(case_id), soci::use(id), soci::use(role), soci::use(now);
    }
    return std::string("  ") + person.email + "  (" +
           (*person.institution_role ? person.institution_role : person.case_role) + ")";
}

/// Gives the institution's first case the full content of a state ad, so that the demo can take it to
/// "ready for publication" once its committee and the encouragement sentence (from the institution
/// set-up) are in place.
void complete_first_case(store::Transaction& transaction, long long institution_id, const std::string& place,
                         const std::string& municipality_code)
{
    long long case_id = first_case_of(transaction, institution_id);
    domain::CaseRecord record = *store::cases::find(transaction, institution_id, case_id);
    record.place_of_work = place;
    record.municipality_code = municipality_code;
    record.occupation_code = "2411";
    record.salary_text = "Løn efter overenskomst for akademikere i staten med mulighed for tillæg.";
    record.collective_agreement = "AC-overenskomsten";
    record.updated_at = core::now();
    store::cases::update(transaction, record);
    store::cases::replace_contacts(
        transaction, institution_id, case_id,
        {{"Pia Projektleder", "Kontorchef", "+45 00 00 00 01", "projektleder@example.test"}});
    domain::AdVersionRecord ad;
    ad.language = "da";
    ad.body_source =
        "## Om stillingen\nVi søger en {{title}}, som vil være med til at udvikle vores arbejde."
        "\n\n## Vi forventer, at du\n- har en relevant uddannelse\n- kan arbejde selvstændigt\n\n"
        "Ansøgningsfristen er {{deadline}}. Kontakt {{contact}} for at høre mere.";
    ad.body_html = domain::rich_text_to_html(ad.body_source);
    ad.created_at = record.updated_at;
    store::cases::add_ad_version(transaction, institution_id, case_id, ad, {}, 0);
}

} // namespace

DemoSeedReport seed_demo(store::Database& database)
{
    DemoSeedReport report;
    store::InstitutionStore institutions(database);
    if (institutions.count() > 0)
        return report;
    const std::string styrelsen_address = "Demovej 1, 1000 København K";
    const std::string akademiet_address = "Prøvegade 12, 8000 Aarhus C";
    auto styrelsen = institutions.create("99000001", "Styrelsen for Demoforvaltning", styrelsen_address);
    auto akademiet = institutions.create("99000002", "Demoakademiet", akademiet_address);
    (void)database.transact([&](store::Transaction& transaction) -> core::Status {
        add_cases(transaction, styrelsen,
                  {{"Fuldmægtig til økonomienheden", "København K", "published", 21},
                   {"Specialkonsulent i digital forvaltning", "København K", "published", 9},
                   {"Studentermedhjælper til HR", "København K", "published", 30},
                   {"Kontorfuldmægtig til sekretariatet", "København K", "draft", 40},
                   {"Jurist til tilsynsenheden", "København K", "assessment", -5}});
        add_cases(transaction, akademiet,
                  {{"Adjunkt i datalogi", "Aarhus C", "published", 28},
                   {"IT-supporter", "Aarhus C", "published", 14},
                   {"Laborant", "Aarhus C", "filled", -40}});
        return core::success();
    });
    // Demo accounts. The password and the fixed TOTP keys are for the demo only and are printed.
    const std::string password = "Demo-adgangskode-2026";
    const std::string hash = passwords::hash(password);
    (void)database.transact([&](store::Transaction& transaction) -> core::Status {
        core::UnixTime now = core::now();
        for (const auto& [institution_id, persons] : demo_people(styrelsen, akademiet)) {
            long long first_case = institution_id != 0 ? first_case_of(transaction, institution_id) : 0;
            for (const auto& person : persons)
                report.logins.push_back(
                    add_person(transaction, institution_id, first_case, person, hash, now));
        }
        complete_first_case(transaction, styrelsen, styrelsen_address, "101");
        complete_first_case(transaction, akademiet, akademiet_address, "751");
        record_audit(transaction, Origin::system("demo data"),
                     {std::nullopt, "demo.seeded", "database", "", "{}",
                      json_object({{"users", std::to_string(report.logins.size())}})});
        return core::success();
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
