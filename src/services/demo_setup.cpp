#include "services/demo_setup.hpp"

#include <soci/soci.h>

#include "core/clock.hpp"
#include "domain/job_ad/rich_text.hpp"
#include "services/audit_log.hpp"
#include "store/database.hpp"
#include "store/setup_store.hpp"

namespace rekrut::services {
namespace {

void add_mandatory_text(soci::session& sql, std::int64_t institution_id, const char* name, const char* kind,
                        const char* language, const char* body, bool required, bool locked, int position,
                        core::UnixTime now)
{
    domain::MandatoryTextRecord text;
    text.name = name;
    text.kind = kind;
    text.language = language;
    text.body_source = body;
    text.body_html = domain::rich_text_to_html(body);
    text.required = required;
    text.locked = locked;
    text.position = position;
    store::mandatory_texts::insert(sql, institution_id, text, now);
}

} // namespace

void seed_demo_setup(store::Database& database, std::int64_t institution_id)
{
    database.with_transaction([&](soci::session& sql) {
        if (!store::organisation_units::list(sql, institution_id).empty())
            return;
        core::UnixTime now = core::now();

        auto administration =
            store::organisation_units::insert(sql, institution_id, std::nullopt, "Administration", now);
        store::organisation_units::insert(sql, institution_id, administration, "HR og løn", now);
        store::organisation_units::insert(sql, institution_id, std::nullopt, "Faglig enhed", now);

        add_mandatory_text(
            sql, institution_id, "Opfordring til at søge", "encouragement", "da",
            "Vi opfordrer alle interesserede uanset personlig baggrund til at søge stillingen.", true, true,
            1, now);
        add_mandatory_text(
            sql, institution_id, "Løn og ansættelse", "salary", "da",
            "Ansættelse og aflønning sker efter gældende overenskomst for området. Der kan være "
            "mulighed for at forhandle tillæg.",
            true, false, 2, now);
        add_mandatory_text(sql, institution_id, "Om institutionen", "presentation", "da",
                           "Vi er en statslig institution med omkring 300 medarbejdere og et uformelt "
                           "arbejdsmiljø. Læs mere på [vores hjemmeside](https://www.example.test).",
                           false, false, 3, now);
        add_mandatory_text(
            sql, institution_id, "Encouragement to apply", "encouragement", "en",
            "We encourage everyone interested, regardless of personal background, to apply for the "
            "position.",
            true, true, 1, now);

        domain::AdTemplateRecord danish;
        danish.name = "Akademisk medarbejder";
        danish.language = "da";
        danish.title = "Fuldmægtig";
        danish.salary_text = "Løn efter overenskomst for akademikere i staten.";
        danish.collective_agreement = "AC-overenskomsten";
        danish.body_source = "## Om stillingen\nVi søger en {{title}} til {{place_of_work}}.\n\n"
                             "## Vi forventer, at du\n- har en relevant kandidatuddannelse\n- har gode "
                             "samarbejdsevner\n\n## Løn og ansættelse\n{{salary}}\n\n"
                             "Ansøgningsfristen er {{deadline}}. Kontakt {{contact}} for at høre mere.";
        store::ad_templates::insert(sql, institution_id, danish, now);
        domain::AdTemplateRecord english = danish;
        english.name = "Academic officer";
        english.language = "en";
        english.title = "Academic officer";
        english.salary_text = "Salary according to the collective agreement for academics in the state.";
        english.body_source =
            "## The position\nWe are looking for an {{title}} for {{place_of_work}}.\n\n"
            "## We expect you to\n- hold a relevant master's degree\n- work well with others\n\n"
            "## Salary and terms\n{{salary}}\n\n"
            "The deadline for applications is {{deadline}}. Contact {{contact}} to hear more.";
        store::ad_templates::insert(sql, institution_id, english, now);

        store::question_templates::insert(
            sql, institution_id, {0, "Har du en relevant kandidatuddannelse?", "yes_no", "Ja\n!Nej"}, now);
        store::question_templates::insert(
            sql, institution_id,
            {0, "Hvor har du set stillingen?", "single_choice", "Jobnet\nLinkedIn\nVores hjemmeside\nAndet"},
            now);
        store::question_templates::insert(sql, institution_id,
                                          {0, "Hvor mange års relevant erfaring har du?", "number", ""}, now);
        store::question_templates::insert(sql, institution_id,
                                          {0, "Hvornår kan du tiltræde?", "short_text", ""}, now);

        for (const char* agreement :
             {"AC-overenskomsten", "HK-overenskomsten (staten)", "Tjenestemandsansættelse"})
            store::named_lists::insert(sql, "collective_agreements", institution_id, agreement);
        for (const char* category : {"Akademisk", "Kontor", "IT", "Ledelse"})
            store::named_lists::insert(sql, "position_categories", institution_id, category);

        record_audit(database, sql, Origin::system("demo data"),
                     {institution_id, "setup.demo_seeded", "institution", std::to_string(institution_id),
                      "{}",
                      json_object({{"units", "3"},
                                   {"mandatory_texts", "4"},
                                   {"ad_templates", "2"},
                                   {"question_templates", "4"},
                                   {"collective_agreements", "3"},
                                   {"position_categories", "4"}})});
    });
}

} // namespace rekrut::services
