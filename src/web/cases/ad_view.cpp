#include "web/cases/ad_view.hpp"

#include <ctemplate/template.h>

#include "core/display_format.hpp"
#include "web/cases/case_labels.hpp"

namespace rekrut::web {

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
    dictionary.SetValue("SALARY", ad.record.salary_text);
    dictionary.SetValue("AGREEMENT", ad.record.collective_agreement);
    dictionary.SetValue("DEADLINE", deadline_text(ad.record.application_deadline, language));
    if (ad.record.application_deadline)
        dictionary.SetValue("DEADLINE_ISO", core::format_iso_utc(*ad.record.application_deadline));
    if (!ad.record.full_time)
        dictionary.SetValueAndShowSection("HOURS", core::format_hours(ad.record.weekly_hours, language),
                                          "PART_TIME");
    if (ad.record.employment_form != "permanent")
        dictionary.SetValueAndShowSection("FIXED_TERM", ad.record.fixed_term_text, "IS_FIXED_TERM");
    if (ad.record.readvertisement)
        dictionary.ShowSection("READVERTISEMENT");
    for (const auto& contact : ad.contacts) {
        auto* row = dictionary.AddSectionDictionary("AD_CONTACT");
        row->SetValue("NAME", contact.name);
        row->SetValue("CONTACT_TITLE", contact.title);
        row->SetValue("PHONE", contact.phone);
        row->SetValue("EMAIL", contact.email);
    }
}

} // namespace rekrut::web
