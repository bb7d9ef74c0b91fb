#include "services/demo_seed.hpp"

#include <soci/soci.h>
#include <string_view>

#include "core/clock.hpp"
#include "domain/job_ad/rich_text.hpp"
#include "services/audit_log.hpp"
#include "services/demo_setup.hpp"
#include "services/passwords.hpp"
#include "store/application_store.hpp"
#include "store/case_store.hpp"
#include "store/database.hpp"
#include "store/file_store.hpp"
#include "store/identity_store.hpp"
#include "store/institution_store.hpp"
#include "store/search_index.hpp"
#include "store/setup_store.hpp"

namespace rekrut::services {
namespace {

/// One demo case. Every case that has been published carries a complete ad: its text, salary,
/// collective agreement, unit and contact persons of its own institution.
struct DemoCase {
    const char* title;
    const char* state;
    int deadline_days;        ///< Relative to today; negative is in the past.
    const char* unit;         ///< The name of one of the institution's demo units.
    const char* occupation;   ///< DISCO-08 code.
    const char* salary;       ///< The salary text of the case.
    const char* agreement;    ///< The collective agreement.
    const char* about;        ///< The ad's paragraph about the position.
    const char* expectations; ///< The ad's bullets, one per line.
};

/// Where an institution's demo cases are and who answers questions about them.
struct DemoInstitution {
    long long id;
    std::string place;        ///< Town, as in the list of open positions.
    std::string address;      ///< Full address of the place of work.
    std::string municipality; ///< Three-digit municipality code.
    std::vector<domain::ContactPerson> contacts;
};

/// The Danish ad text of a demo case, with the Danish placeholder names.
std::string demo_ad_text(const DemoCase& demo)
{
    std::string bullets;
    std::string_view lines = demo.expectations;
    while (!lines.empty()) {
        auto end = lines.find('\n');
        bullets += "- " + std::string(lines.substr(0, end)) + "\n";
        lines = end == std::string_view::npos ? std::string_view() : lines.substr(end + 1);
    }
    return "## Om stillingen\n" + std::string(demo.about) + "\n\n## Vi forventer, at du\n" + bullets +
           "\nAnsøgningsfristen er {{ansøgningsfrist}}. Kontakt os gerne for at høre mere om stillingen.";
}

std::optional<std::int64_t> unit_named(store::Transaction& transaction, long long institution_id,
                                       const std::string& name)
{
    for (const auto& unit : store::organisation_units::list(transaction, institution_id))
        if (unit.name == name)
            return unit.id;
    return std::nullopt;
}

/// The institution's Danish mandatory texts that an ad includes: the required ones and the
/// presentation of the institution.
std::vector<domain::AdVersionText> demo_ad_texts(store::Transaction& transaction, long long institution_id)
{
    std::vector<domain::AdVersionText> texts;
    for (const auto& text : store::mandatory_texts::list(transaction, institution_id))
        if (text.language == "da" && (text.required || text.kind == "presentation"))
            texts.push_back({text.id, text.name, text.body_source, text.body_html, text.position});
    return texts;
}

/// Fills one freshly inserted case with its unit, facts, contact persons and (once it has been
/// published) its Danish ad.
void complete_case(store::Transaction& transaction, const DemoInstitution& institution, long long case_id,
                   const DemoCase& demo)
{
    domain::CaseRecord record = *store::cases::find(transaction, institution.id, case_id);
    record.unit_id = unit_named(transaction, institution.id, demo.unit);
    // "Demovej 1, 1000 København K": the postcode and the town are also given on their own, for Jobnet.
    auto comma = institution.address.find(", ");
    record.place_of_work = institution.address;
    if (comma != std::string::npos) {
        std::string rest = institution.address.substr(comma + 2);
        record.work_postcode = rest.substr(0, 4);
        record.work_city = rest.size() > 5 ? rest.substr(5) : "";
    }
    record.municipality_code = institution.municipality;
    record.occupation_code = demo.occupation;
    record.salary_text = demo.salary;
    record.collective_agreement = demo.agreement;
    record.updated_at = core::now();
    store::cases::update(transaction, record);
    store::cases::replace_contacts(transaction, institution.id, case_id, institution.contacts);
    if (std::string(demo.state) == "draft")
        return;
    domain::AdVersionRecord ad;
    ad.language = "da";
    ad.body_source = demo_ad_text(demo);
    ad.body_html = domain::rich_text_to_html(ad.body_source);
    ad.created_at = record.updated_at;
    store::cases::add_ad_version(transaction, institution.id, case_id, ad,
                                 demo_ad_texts(transaction, institution.id), 0);
}

void add_cases(store::Transaction& transaction, const DemoInstitution& institution,
               const std::vector<DemoCase>& cases)
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
        std::string title = demo.title, place = institution.place, state = demo.state;
        long long created = now, id = 0, institution_id = institution.id;
        sql << "INSERT INTO recruitment_cases (institution_id, title, state, place_of_work, "
               "application_deadline,"
               " published_at, created_at) VALUES (:i, :t, :s, :p, :d, :pub, :c) RETURNING id",
            soci::use(institution_id), soci::use(title), soci::use(state), soci::use(place),
            soci::use(deadline), soci::use(created), soci::use(created), soci::into(id);
        complete_case(transaction, institution, id, demo);
    }
}

/// Synthetic applications to two of Styrelsen's cases, so that the application pages have something
/// to show. They carry no files (files are stored encrypted through the application service).
void add_demo_applications(store::Transaction& transaction, long long institution_id)
{
    struct DemoApplicant {
        const char* case_title;
        const char* name;
        const char* handle;
        const char* letter;
        domain::ApplicationStatus status;
        bool priority;
    };
    const DemoApplicant applicants[] = {
        {"Fuldmægtig til økonomienheden", "Astrid Andersen", "astrid",
         "Jeg har fem års erfaring med budgetopfølgning i en styrelse og søger nye udfordringer.",
         domain::ApplicationStatus::received, false},
        {"Fuldmægtig til økonomienheden", "Bjarke Bentsen", "bjarke",
         "Som nyuddannet cand.polit. vil jeg gerne arbejde med økonomistyring i staten.",
         domain::ApplicationStatus::received, true},
        {"Fuldmægtig til økonomienheden", "Camilla Christensen", "camilla",
         "Jeg arbejder i dag som controller og kender regnskabsreglerne for staten godt.",
         domain::ApplicationStatus::withdrawn, false},
        {"Jurist til tilsynsenheden", "David Dahl", "david",
         "Jeg er cand.jur. og har arbejdet med tilsyn og forvaltningsret i fire år.",
         domain::ApplicationStatus::in_assessment, false},
        {"Jurist til tilsynsenheden", "Emma Eskildsen", "emma",
         "Med erfaring fra en advokatvirksomhed søger jeg stillingen som jurist i tilsynsenheden.",
         domain::ApplicationStatus::in_assessment, false},
    };
    soci::session& sql = transaction;
    core::UnixTime now = core::now();
    int n = 0;
    for (const auto& applicant : applicants) {
        long long case_id = 0, id = institution_id;
        std::string title = applicant.case_title;
        sql << "SELECT id FROM recruitment_cases WHERE institution_id = :i AND title = :t", soci::use(id),
            soci::use(title), soci::into(case_id);
        if (!sql.got_data())
            continue;
        domain::ApplicationRecord record;
        record.institution_id = institution_id;
        record.case_id = case_id;
        record.status = applicant.status;
        record.full_name = applicant.name;
        record.email = std::string(applicant.handle) + "@ansoger.example.test";
        record.phone = "+45 00 00 10 0" + std::to_string(n);
        record.cover_letter = applicant.letter;
        record.consent_processing = true;
        record.priority_access = applicant.priority;
        record.received_at = now - core::UnixTime{5 - n} * 86400;
        record.created_at = record.received_at;
        record.idempotency_key = "demo-" + std::to_string(++n);
        record.id = store::applications::insert(transaction, record);
        // Like every application: a data key of its own, and an entry in the search index.
        store::application_keys::create(transaction, record.id);
        store::search_index::index_application(transaction, institution_id, case_id, record.id,
                                               record.full_name + "\n" + record.email + "\n" +
                                                   record.cover_letter);
    }
}

DemoInstitution styrelsen_demo(long long id)
{
    return {id,
            "København K",
            "Demovej 1, 1000 København K",
            "101",
            {{"Pia Projektleder", "Kontorchef", "+45 00 00 00 01", "projektleder@styrelsen.example.test"},
             {"Hanne Holm", "HR-partner", "+45 00 00 00 02", "hr@styrelsen.example.test"}}};
}

DemoInstitution akademiet_demo(long long id)
{
    return {id,
            "Aarhus C",
            "Prøvegade 12, 8000 Aarhus C",
            "751",
            {{"Jens Juhl", "Institutleder", "+45 00 00 00 11", "projektleder@akademiet.example.test"},
             {"Mette Mørk", "HR-konsulent", "+45 00 00 00 12", "hr@akademiet.example.test"}}};
}

const char* const k_ac = "AC-overenskomsten";
const char* const k_hk = "HK-overenskomsten (staten)";

std::vector<DemoCase> styrelsen_cases()
{
    return {
        {"Fuldmægtig til økonomienheden", "published", 21, "Administration", "2411",
         "Løn efter overenskomst for akademikere i staten med mulighed for at forhandle tillæg.", k_ac,
         "Vi søger en {{titel}}, som vil være med til at styre styrelsens budget og regnskab og udvikle "
         "vores økonomiopfølgning.",
         "har en økonomisk eller samfundsvidenskabelig kandidatuddannelse\nhar styr på tal og deadlines\n"
         "kan formidle økonomi klart til kolleger uden for økonomienheden"},
        {"Specialkonsulent i digital forvaltning", "published", 9, "Faglig enhed", "2422",
         "Løn efter overenskomst for akademikere i staten. Stillingen er på specialkonsulentniveau med et "
         "tillæg efter kvalifikationer.",
         k_ac,
         "Som {{titel}} får du ansvaret for styrelsens digitale selvbetjeningsløsninger, fra idé til "
         "drift, i tæt samarbejde med brugerne.",
         "har erfaring med digitalisering i den offentlige sektor\nkan lede projekter på tværs af "
         "enheder\ner god til at skrive klart og enkelt"},
        {"Studentermedhjælper til HR", "published", 30, "HR og løn", "4416",
         "Timeløn efter overenskomst for studerende i staten, cirka 15 timer om ugen.", k_hk,
         "Som {{titel}} hjælper du HR-teamet med rekruttering, onboarding og personaleadministration.",
         "læser en relevant videregående uddannelse\ner struktureret og omhyggelig\nhar lyst til at "
         "lære HR-arbejdet at kende"},
        {"Kontorfuldmægtig til sekretariatet", "draft", 40, "Administration", "4110",
         "Løn efter overenskomst for kontor- og it-personale i staten.", k_hk,
         "Vi søger en {{titel}} til at betjene direktionen og koordinere møder og sagsgange.",
         "har en kontoruddannelse\ner serviceminded"},
        {"Jurist til tilsynsenheden", "assessment", -5, "Faglig enhed", "2611",
         "Løn efter overenskomst for akademikere i staten med mulighed for at forhandle tillæg.", k_ac,
         "Som {{titel}} behandler du tilsynssager og rådgiver om forvaltningsret.",
         "er cand.jur.\nhar interesse for forvaltningsret"},
    };
}

std::vector<DemoCase> akademiet_cases()
{
    return {
        {"Adjunkt i datalogi", "published", 28, "Faglig enhed", "2310",
         "Løn efter overenskomst for akademikere i staten med tillæg som adjunkt.", k_ac,
         "Som {{titel}} underviser du på bachelor- og kandidatuddannelsen i datalogi og forsker i et af "
         "akademiets fokusområder.",
         "har en ph.d.-grad i datalogi eller et beslægtet fag\nhar erfaring med undervisning\nvil bidrage "
         "til et fagligt fællesskab"},
        {"IT-supporter", "published", 14, "Administration", "3512",
         "Løn efter overenskomst for kontor- og it-personale i staten.", k_hk,
         "Som {{titel}} hjælper du studerende og ansatte med pc'er, netværk og de faglige systemer.",
         "har en it-supporteruddannelse eller tilsvarende erfaring\nbevarer roen, når noget driller\n"
         "forklarer teknik i et sprog, alle forstår"},
        {"Laborant", "filled", -40, "Faglig enhed", "3111",
         "Løn efter overenskomst for kontor- og laboratoriepersonale i staten.", k_hk,
         "Som {{titel}} står du for laboratoriets daglige drift og hjælper forskerne med forsøg.",
         "er uddannet laborant\narbejder præcist og sikkerhedsbevidst"},
    };
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
    // Units, mandatory texts, ad templates, question templates and lists of both institutions, which
    // the demo cases draw on.
    seed_demo_setup(database, styrelsen);
    seed_demo_setup(database, akademiet);
    (void)database.transact([&](store::Transaction& transaction) -> core::Status {
        add_cases(transaction, styrelsen_demo(styrelsen), styrelsen_cases());
        add_cases(transaction, akademiet_demo(akademiet), akademiet_cases());
        add_demo_applications(transaction, styrelsen);
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
        record_audit(transaction, Origin::system("demo data"),
                     {std::nullopt, "demo.seeded", "database", "", "{}",
                      json_object({{"users", std::to_string(report.logins.size())}})});
        return core::success();
    });
    report.logins.insert(report.logins.begin(), "Demo logins (password for all: " + password + "):");
    report.logins.push_back(
        "Two-step login for the operator, Superbrugere and Administrators uses the demo key "
        "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ (for example: oathtool --totp -b "
        "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ).");
    report.seeded = true;
    return report;
}

} // namespace rekrut::services
