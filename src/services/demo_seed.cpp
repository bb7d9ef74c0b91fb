#include "services/demo_seed.hpp"

#include <soci/soci.h>

#include "core/clock.hpp"
#include "store/database.hpp"
#include "store/institution_store.hpp"

namespace rekrut::services {
namespace {

struct DemoCase {
    const char *title;
    const char *place;
    const char *state;
    int deadline_days; ///< Relative to today; negative is in the past.
};

void add_cases(soci::session &sql, long long institution_id, const std::vector<DemoCase> &cases)
{
    core::UnixTime now = core::now();
    for (const auto &demo : cases) {
        // Deadlines at 12:00 Copenhagen time, the common choice in state ads.
        int year = 0;
        unsigned month = 0, day = 0;
        core::civil_from_days(now / 86400 + demo.deadline_days, year, month, day);
        char date[16];
        std::snprintf(date, sizeof date, "%04d-%02u-%02u", year, month, day);
        long long deadline = core::parse_copenhagen(date, "12:00").value_or(now);
        std::string title = demo.title, place = demo.place, state = demo.state;
        long long created = now;
        sql << "INSERT INTO recruitment_cases (institution_id, title, state, place_of_work, "
               "application_deadline,"
               " published_at, created_at) VALUES (:i, :t, :s, :p, :d, :pub, :c)",
            soci::use(institution_id), soci::use(title), soci::use(state), soci::use(place),
            soci::use(deadline), soci::use(created), soci::use(created);
    }
}

} // namespace

DemoSeedReport seed_demo(store::Database &database)
{
    DemoSeedReport report;
    store::InstitutionStore institutions(database);
    if (institutions.count() > 0)
        return report;
    auto styrelsen =
        institutions.create("99000001", "Styrelsen for Demoforvaltning", "Demovej 1, 1000 København K");
    auto akademiet = institutions.create("99000002", "Demoakademiet", "Prøvegade 12, 8000 Aarhus C");
    database.with_transaction([&](soci::session &sql) {
        add_cases(sql, styrelsen,
                  {{"Fuldmægtig til økonomienheden", "København K", "published", 21},
                   {"Specialkonsulent i digital forvaltning", "København K", "published", 9},
                   {"Studentermedhjælper til HR", "København K", "published", 30},
                   {"Kontorfuldmægtig til sekretariatet", "København K", "draft", 40},
                   {"Jurist til tilsynsenheden", "København K", "assessment", -5}});
        add_cases(sql, akademiet,
                  {{"Adjunkt i datalogi", "Aarhus C", "published", 28},
                   {"IT-supporter", "Aarhus C", "published", 14},
                   {"Laborant", "Aarhus C", "filled", -40}});
    });
    report.seeded = true;
    return report;
}

} // namespace rekrut::services
