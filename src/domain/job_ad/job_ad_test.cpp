#include <gtest/gtest.h>

#include "domain/job_ad/job_ad.hpp"

namespace rekrut::domain {
namespace {

JobAdContent complete_ad()
{
    JobAdContent ad;
    ad.title = "Fuldmægtig til økonomienheden";
    ad.place_of_work = "Demovej 1, 1000 København K";
    ad.municipality_code = "101";
    ad.salary_text = "Løn efter overenskomst for akademikere i staten.";
    ad.collective_agreement = "AC-overenskomsten";
    ad.application_deadline = 1'800'000'000;
    ad.contacts = {{"Pia Projektleder", "Kontorchef", "+45 00 00 00 00", ""}};
    ad.body_html = "<p>Vi søger en fuldmægtig.</p>";
    ad.has_encouragement = true;
    return ad;
}

std::vector<std::string> fields_of(const std::vector<rekrut::core::FieldError>& problems)
{
    std::vector<std::string> fields;
    fields.reserve(problems.size());
    for (const auto& problem : problems)
        fields.push_back(problem.field);
    return fields;
}

TEST(JobAd, a_complete_ad_is_valid)
{
    EXPECT_TRUE(validate_job_ad(complete_ad()).empty());
}

TEST(JobAd, each_required_statement_is_named_when_missing)
{
    JobAdContent empty;
    empty.has_encouragement = false;
    EXPECT_EQ(
        fields_of(validate_job_ad(empty)),
        (std::vector<std::string>{"title", "place_of_work", "municipality_code", "salary_text",
                                  "collective_agreement", "deadline_date", "contact_name", "body", "body"}));
}

TEST(JobAd, part_time_and_fixed_term_must_be_explained)
{
    auto ad = complete_ad();
    ad.full_time = false;
    ad.weekly_hours = 37;
    ad.employment_form = EmploymentForm::fixed_term;
    EXPECT_EQ(fields_of(validate_job_ad(ad)), (std::vector<std::string>{"fixed_term_text", "weekly_hours"}));
    ad.weekly_hours = 30;
    ad.fixed_term_text = "Stillingen er tidsbegrænset til 2 år.";
    EXPECT_TRUE(validate_job_ad(ad).empty());
}

TEST(JobAd, civil_servant_posts_need_no_collective_agreement_but_a_contact_must_be_reachable)
{
    auto ad = complete_ad();
    ad.employment_basis = EmploymentBasis::civil_servant;
    ad.collective_agreement.clear();
    ad.contacts = {{"Pia Projektleder", "Kontorchef", "", ""}};
    EXPECT_EQ(fields_of(validate_job_ad(ad)), (std::vector<std::string>{"contact_name"}));
}

} // namespace
} // namespace rekrut::domain
