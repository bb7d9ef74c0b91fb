#include "services/demo_setup.hpp"

#include "core/clock.hpp"
#include "domain/job_ad/rich_text.hpp"
#include "services/audit_log.hpp"
#include "store/database.hpp"
#include "store/setup_store.hpp"

namespace rekrut::services {
namespace {

void add_mandatory_text(store::Transaction& transaction, std::int64_t institution_id, const char* name,
                        const char* kind, const char* language, const char* body, bool required, bool locked,
                        int position, core::UnixTime now)
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
    store::mandatory_texts::insert(transaction, institution_id, text, now);
}

void add_units(store::Transaction& transaction, std::int64_t institution_id, core::UnixTime now)
{
    auto administration =
        store::organisation_units::insert(transaction, institution_id, std::nullopt, "Administration", now);
    store::organisation_units::insert(transaction, institution_id, administration, "HR og løn", now);
    store::organisation_units::insert(transaction, institution_id, std::nullopt, "Faglig enhed", now);
}

void add_mandatory_texts(store::Transaction& transaction, std::int64_t institution_id, core::UnixTime now)
{
    add_mandatory_text(transaction, institution_id, "Opfordring til at søge", "encouragement", "da",
                       "Vi opfordrer alle interesserede uanset personlig baggrund til at søge stillingen.",
                       true, true, 1, now);
    add_mandatory_text(transaction, institution_id, "Løn og ansættelse", "salary", "da",
                       "## Løn og ansættelse\nAnsættelse og aflønning sker efter gældende overenskomst "
                       "for området.",
                       true, false, 2, now);
    add_mandatory_text(transaction, institution_id, "Om institutionen", "presentation", "da",
                       "Vi er en statslig institution med omkring 300 medarbejdere og et uformelt "
                       "arbejdsmiljø. Læs mere på [vores hjemmeside](https://www.example.test).",
                       false, false, 3, now);
    add_mandatory_text(
        transaction, institution_id, "Encouragement to apply", "encouragement", "en",
        "We encourage everyone interested, regardless of personal background, to apply for the "
        "position.",
        true, true, 1, now);
}

void add_ad_templates(store::Transaction& transaction, std::int64_t institution_id, core::UnixTime now)
{
    domain::AdTemplateRecord danish;
    danish.name = "Akademisk medarbejder";
    danish.language = "da";
    danish.title = "Fuldmægtig";
    danish.salary_text = "Løn efter overenskomst for akademikere i staten.";
    danish.collective_agreement = "AC-overenskomsten";
    // Salary and terms come from the institution's mandatory salary text, so the template has no
    // paragraph of its own about them (the ad would say it twice).
    danish.body_source =
        "## Om stillingen\nVi søger en {{titel}} til {{arbejdssted}}.\n\n"
        "## Vi forventer, at du\n- har en relevant kandidatuddannelse\n- har gode "
        "samarbejdsevner\n\n"
        "Ansøgningsfristen er {{ansøgningsfrist}}. Kontakt {{kontaktperson}} for at høre mere.";
    store::ad_templates::insert(transaction, institution_id, danish, now);
    domain::AdTemplateRecord english = danish;
    english.name = "Academic officer";
    english.language = "en";
    english.title = "Academic officer";
    english.salary_text = "Salary according to the collective agreement for academics in the state.";
    english.body_source =
        "## The position\nWe are looking for an {{title}} for {{place_of_work}}.\n\n"
        "## We expect you to\n- hold a relevant master's degree\n- work well with others\n\n"
        "The deadline for applications is {{deadline}}. Contact {{contact}} to hear more.";
    store::ad_templates::insert(transaction, institution_id, english, now);
}

void add_question_templates(store::Transaction& transaction, std::int64_t institution_id, core::UnixTime now)
{
    store::question_templates::insert(transaction, institution_id,
                                      {0, "Har du en relevant kandidatuddannelse?", "yes_no", "Ja\n!Nej"},
                                      now);
    store::question_templates::insert(
        transaction, institution_id,
        {0, "Hvor har du set stillingen?", "single_choice", "Jobnet\nLinkedIn\nVores hjemmeside\nAndet"},
        now);
    store::question_templates::insert(transaction, institution_id,
                                      {0, "Hvor mange års relevant erfaring har du?", "number", ""}, now);
    store::question_templates::insert(transaction, institution_id,
                                      {0, "Hvornår kan du tiltræde?", "short_text", ""}, now);
}

void add_lists(store::Transaction& transaction, std::int64_t institution_id)
{
    for (const char* agreement :
         {"AC-overenskomsten", "HK-overenskomsten (staten)", "Tjenestemandsansættelse"})
        store::named_lists::insert(transaction, "collective_agreements", institution_id, agreement);
    for (const char* category : {"Akademisk", "Kontor", "IT", "Ledelse"})
        store::named_lists::insert(transaction, "position_categories", institution_id, category);
}

} // namespace

void seed_demo_setup(store::Database& database, std::int64_t institution_id)
{
    (void)database.transact([&](store::Transaction& transaction) -> core::Status {
        if (!store::organisation_units::list(transaction, institution_id).empty())
            return core::success();
        core::UnixTime now = core::now();
        add_units(transaction, institution_id, now);
        add_mandatory_texts(transaction, institution_id, now);
        add_ad_templates(transaction, institution_id, now);
        add_question_templates(transaction, institution_id, now);
        add_lists(transaction, institution_id);
        record_audit(transaction, Origin::system("demo data"),
                     {institution_id, "setup.demo_seeded", "institution", std::to_string(institution_id),
                      "{}",
                      json_object({{"units", "3"},
                                   {"mandatory_texts", "4"},
                                   {"ad_templates", "2"},
                                   {"question_templates", "4"},
                                   {"collective_agreements", "3"},
                                   {"position_categories", "4"}})});
        return core::success();
    });
}

} // namespace rekrut::services
