#include "web/cases/ad_view.hpp"

#include <ctemplate/template.h>
#include <string>

#include "core/display_format.hpp"
#include "web/cases/case_labels.hpp"

namespace rekrut::web {
namespace {

/// The phone number as a `tel:` link dials it: its digits, with a leading "+" kept.
std::string dialable(const std::string& phone)
{
    std::string digits;
    for (char ch : phone)
        if ((ch >= '0' && ch <= '9') || (ch == '+' && digits.empty()))
            digits += ch;
    return digits == "+" ? "" : digits;
}

} // namespace

void fill_ad(Dictionary& dictionary, const services::RenderedAd& ad, const std::string& language)
{
    dictionary.SetValue("AD_TITLE", ad.title);
    dictionary.SetValue("AD_LANG", ad.language);
    dictionary.SetValue("INSTITUTION", ad.institution_name);
    // Sanitized through the allow-list in domain/job_ad/rich_text.cpp; shown as HTML on purpose.
    dictionary.SetValue("AD_BODY", ad.body_html);
    for (const auto& block : ad.blocks_html)
        dictionary.AddSectionDictionary("AD_BLOCK")->SetValue("HTML", block);
    dictionary.SetValue("PLACE", ad.record.place_of_work);
    if (!ad.record.salary_text.empty())
        dictionary.SetValueAndShowSection("SALARY", ad.record.salary_text, "HAS_SALARY");
    if (!ad.record.collective_agreement.empty())
        dictionary.SetValueAndShowSection("AGREEMENT", ad.record.collective_agreement, "HAS_AGREEMENT");
    dictionary.SetValue("DEADLINE", deadline_text(ad.record.application_deadline, language));
    if (ad.record.application_deadline)
        dictionary.SetValue("DEADLINE_ISO", core::format_iso_utc(*ad.record.application_deadline));
    dictionary.ShowSection(ad.record.employment_form == "fixed_term" ? "FORM_FIXED_TERM"
                           : ad.record.employment_form == "aaremaal" ? "FORM_AAREMAAL"
                                                                     : "FORM_PERMANENT");
    dictionary.SetValueAndShowSection("HOURS", core::format_hours(ad.record.weekly_hours, language),
                                      ad.record.full_time ? "FULL_TIME" : "PART_TIME");
    if (ad.record.employment_form != "permanent")
        dictionary.SetValueAndShowSection("FIXED_TERM", ad.record.fixed_term_text, "IS_FIXED_TERM");
    if (ad.record.readvertisement)
        dictionary.ShowSection("READVERTISEMENT");
    if (!ad.contacts.empty())
        dictionary.ShowSection("HAS_CONTACTS");
    for (const auto& contact : ad.contacts) {
        auto* row = dictionary.AddSectionDictionary("AD_CONTACT");
        row->SetValue("NAME", contact.name);
        if (!contact.title.empty())
            row->SetValueAndShowSection("CONTACT_TITLE", contact.title, "HAS_TITLE");
        if (auto dial = dialable(contact.phone); !dial.empty()) {
            row->SetValueAndShowSection("PHONE", contact.phone, "HAS_PHONE");
            row->SetValue("PHONE_DIAL", dial);
        }
        if (!contact.email.empty())
            row->SetValueAndShowSection("EMAIL", contact.email, "HAS_EMAIL");
    }
}

} // namespace rekrut::web
