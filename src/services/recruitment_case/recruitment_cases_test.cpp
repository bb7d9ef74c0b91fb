#include <algorithm>
#include <gtest/gtest.h>

#include "services/recruitment_case/case_lifecycle.hpp"
#include "services/recruitment_case/committee.hpp"
#include "services/recruitment_case/job_ads.hpp"
#include "services/recruitment_case/recruitment_cases.hpp"
#include "services/recruitment_case/screening_questions.hpp"
#include "services/testing/service_fixture.hpp"
#include "store/case_store.hpp"

namespace rekrut::services {
namespace {

using domain::CaseRole;
using domain::CaseState;
using domain::CaseTransition;
using domain::InstitutionRole;
using testing::fields_of;
using testing::Institution;
using testing::kind_of;
using testing::Person;

bool names(const core::Error& error, const std::string& message)
{
    return std::any_of(error.fields.begin(), error.fields.end(),
                       [&](const core::FieldError& field) { return field.message == message; });
}

/// Styrelsen for X (with the demo set-up) and its people: an Administrator who runs the cases, a
/// Projektleder, an Ansættende leder and a Projektdeltager; and Akademiet for Y, another institution.
struct RecruitmentCasesTest : testing::ServiceFixture {
    Institution styrelsen_for_x, akademiet_for_y;
    Person hr_anna, pl_peter, al_lone, pd_dorte;
    std::unique_ptr<RecruitmentCases> m_cases;
    std::unique_ptr<JobAds> m_ads;
    std::unique_ptr<CaseCommittee> m_committee;
    std::unique_ptr<ScreeningQuestions> m_questions;
    std::unique_ptr<CaseLifecycle> m_lifecycle;

    void SetUp() override
    {
        ServiceFixture::SetUp();
        m_cases = std::make_unique<RecruitmentCases>(*m_database);
        m_ads = std::make_unique<JobAds>(*m_database);
        m_committee = std::make_unique<CaseCommittee>(*m_database, testing::k_public_url);
        m_questions = std::make_unique<ScreeningQuestions>(*m_database);
        m_lifecycle = std::make_unique<CaseLifecycle>(*m_database, "https://rekrut.example.test");

        styrelsen_for_x = add_institution("styrelsen_for_x", "Styrelsen for X", "10000001");
        akademiet_for_y = add_institution("akademiet_for_y", "Akademiet for Y", "10000002");
        auto superbruger = actor(styrelsen_for_x.superbruger.id);
        hr_anna =
            add_person(superbruger, styrelsen_for_x.id, "hr_anna", "Anna HR", InstitutionRole::administrator);
        auto anna = actor(hr_anna.id);
        ASSERT_TRUE(anna.has(InstitutionRole::administrator));
        pl_peter = add_person(anna, styrelsen_for_x.id, "pl_peter", "Peter Projektleder");
        al_lone = add_person(anna, styrelsen_for_x.id, "al_lone", "Lone Ansættende");
        pd_dorte = add_person(anna, styrelsen_for_x.id, "pd_dorte", "Dorte Deltager");
    }

    domain::Actor anna() { return actor(hr_anna.id); }
    Origin by_anna() { return origin_of(anna()); }

    std::int64_t new_case(const std::string& title = "Fuldmægtig til HR")
    {
        auto created = m_cases->create(anna(), styrelsen_for_x.id, std::nullopt, title, by_anna());
        EXPECT_TRUE(created.ok()) << created.error().message;
        return created.ok() ? *created : 0;
    }

    /// Every field a state ad needs, with a deadline two weeks ahead.
    domain::CaseFields complete_fields(const std::string& title = "Fuldmægtig til HR")
    {
        domain::CaseFields fields;
        fields.title = title;
        auto units = m_cases->units(anna(), styrelsen_for_x.id);
        EXPECT_FALSE(units.empty());
        if (!units.empty())
            fields.unit_id = units.front().id;
        fields.place_of_work = "Testvej 1, 1000 København K";
        fields.municipality_code = "101";
        fields.salary_text = "Løn efter AC-overenskomsten.";
        fields.collective_agreement = "AC-overenskomsten";
        fields.position_category = "Akademisk";
        fields.application_deadline = core::now() + 14L * 24 * 3600;
        fields.languages.danish = true;
        fields.contacts = {{"Anna HR", "HR-konsulent", "33 00 00 00", "hr_anna@example.test"}};
        return fields;
    }

    void write_ad(std::int64_t case_id,
                  const std::string& body = "Vi søger en {{title}} til {{place_of_work}}.")
    {
        auto saved = m_ads->save(anna(), styrelsen_for_x.id, case_id, "da", body, {}, {}, by_anna());
        ASSERT_TRUE(saved.ok()) << saved.error().message;
    }

    void add_member(std::int64_t case_id, const Person& person, CaseRole role)
    {
        auto added = m_committee->add_member(anna(), styrelsen_for_x.id, case_id, person.id, role, by_anna());
        ASSERT_TRUE(added.ok()) << added.error().message;
    }

    core::Status move(std::int64_t case_id, CaseTransition transition)
    {
        return m_lifecycle->transition(anna(), styrelsen_for_x.id, case_id, transition, by_anna());
    }

    /// A complete case, ready for publication.
    std::int64_t ready_case()
    {
        auto case_id = new_case();
        auto updated = m_cases->update(anna(), styrelsen_for_x.id, case_id, complete_fields(), by_anna());
        EXPECT_TRUE(updated.ok()) << updated.error().message;
        write_ad(case_id);
        add_member(case_id, pl_peter, CaseRole::projektleder);
        add_member(case_id, al_lone, CaseRole::ansaettende_leder);
        auto ready = move(case_id, CaseTransition::mark_ready);
        EXPECT_TRUE(ready.ok()) << ready.error().message << " "
                                << ::testing::PrintToString(fields_of(ready.error()));
        EXPECT_EQ(state_of(case_id), CaseState::ready_for_publication);
        return case_id;
    }

    CaseState state_of(std::int64_t case_id)
    {
        auto overview = m_cases->overview(anna(), styrelsen_for_x.id, case_id);
        EXPECT_TRUE(overview.ok());
        return overview.ok() ? overview->record.state : CaseState::cancelled;
    }

    std::vector<domain::CommitteeMemberRecord> committee_of(std::int64_t case_id)
    {
        auto overview = m_cases->overview(anna(), styrelsen_for_x.id, case_id);
        EXPECT_TRUE(overview.ok());
        return overview.ok() ? overview->committee : std::vector<domain::CommitteeMemberRecord>{};
    }
};

TEST_F(RecruitmentCasesTest, a_projektdeltager_may_not_edit_and_another_institution_does_not_find_the_case)
{
    auto case_id = new_case();
    add_member(case_id, pd_dorte, CaseRole::projektdeltager);
    auto dorte = actor(pd_dorte.id);
    EXPECT_TRUE(m_cases->overview(dorte, styrelsen_for_x.id, case_id).ok()) << "a member sees the case";
    auto edited = m_cases->update(dorte, styrelsen_for_x.id, case_id, complete_fields("Ændret af Dorte"),
                                  origin_of(dorte));
    EXPECT_EQ(kind_of(edited), "forbidden");

    auto stranger = actor(akademiet_for_y.superbruger.id);
    EXPECT_EQ(kind_of(m_cases->update(stranger, styrelsen_for_x.id, case_id, complete_fields("Overtaget"),
                                      origin_of(stranger))),
              "not_found");
    EXPECT_EQ(kind_of(m_cases->update(stranger, akademiet_for_y.id, case_id, complete_fields("Overtaget"),
                                      origin_of(stranger))),
              "not_found");
    EXPECT_EQ(kind_of(m_cases->overview(stranger, styrelsen_for_x.id, case_id)), "not_found");
    EXPECT_EQ(kind_of(m_cases->overview(stranger, akademiet_for_y.id, case_id)), "not_found");
    EXPECT_EQ(kind_of(m_cases->copy(stranger, akademiet_for_y.id, case_id, origin_of(stranger))),
              "not_found");
    EXPECT_TRUE(m_cases->list(stranger, {}).cases.empty());

    auto overview = m_cases->overview(anna(), styrelsen_for_x.id, case_id);
    ASSERT_TRUE(overview.ok());
    EXPECT_EQ(overview->record.title, "Fuldmægtig til HR");
}

TEST_F(RecruitmentCasesTest, invalid_fields_are_refused_and_nothing_changes)
{
    auto case_id = new_case();
    auto events_before = audit_events(styrelsen_for_x).size();
    auto fields = complete_fields("");
    fields.municipality_code = "1a";
    fields.unit_id = 999999;
    fields.position_category = "Ukendt kategori";
    fields.languages = {};
    auto updated = m_cases->update(anna(), styrelsen_for_x.id, case_id, fields, by_anna());
    ASSERT_EQ(kind_of(updated), "invalid");
    auto named = fields_of(updated.error());
    for (const char* field : {"title", "municipality_code", "unit_id", "position_category"})
        EXPECT_NE(std::find(named.begin(), named.end(), field), named.end()) << field;

    // A unit of another institution is not one of this institution's units.
    auto other_units = m_cases->units(actor(akademiet_for_y.superbruger.id), akademiet_for_y.id);
    ASSERT_FALSE(other_units.empty());
    auto borrowed = complete_fields("Lånt enhed");
    borrowed.unit_id = other_units.front().id;
    auto refused = m_cases->update(anna(), styrelsen_for_x.id, case_id, borrowed, by_anna());
    ASSERT_EQ(kind_of(refused), "invalid");
    EXPECT_EQ(fields_of(refused.error()), std::vector<std::string>{"unit_id"});

    auto overview = m_cases->overview(anna(), styrelsen_for_x.id, case_id);
    ASSERT_TRUE(overview.ok());
    EXPECT_EQ(overview->record.title, "Fuldmægtig til HR");
    EXPECT_EQ(overview->record.municipality_code, "");
    EXPECT_FALSE(overview->record.unit_id.has_value());
    EXPECT_TRUE(overview->contacts.empty());
    EXPECT_EQ(audit_events(styrelsen_for_x).size(), events_before);
}

TEST_F(RecruitmentCasesTest, a_ready_case_goes_back_to_draft_when_its_fields_change)
{
    auto case_id = ready_case();
    auto updated = m_cases->update(anna(), styrelsen_for_x.id, case_id, complete_fields("Fuldmægtig til løn"),
                                   by_anna());
    ASSERT_TRUE(updated.ok()) << updated.error().message;
    EXPECT_EQ(state_of(case_id), CaseState::draft);
    auto changes = audit_events(styrelsen_for_x, "case.changed");
    ASSERT_FALSE(changes.empty());
    EXPECT_NE(changes.front().before_json.find("ready_for_publication"), std::string::npos);
    EXPECT_NE(changes.front().after_json.find("\"draft\""), std::string::npos) << changes.front().after_json;
}

TEST_F(RecruitmentCasesTest, a_ready_case_goes_back_to_draft_when_its_ad_changes)
{
    auto case_id = ready_case();
    write_ad(case_id, "Vi søger en ny {{title}}.");
    EXPECT_EQ(state_of(case_id), CaseState::draft);
}

TEST_F(RecruitmentCasesTest, a_ready_case_goes_back_to_draft_when_its_questions_change)
{
    auto case_id = ready_case();
    auto templates = m_questions->templates(anna(), styrelsen_for_x.id);
    ASSERT_FALSE(templates.empty());
    auto added = m_questions->add(anna(), styrelsen_for_x.id, case_id, templates.front().id, by_anna());
    ASSERT_TRUE(added.ok()) << added.error().message;
    EXPECT_EQ(state_of(case_id), CaseState::draft);
}

TEST_F(RecruitmentCasesTest, a_committee_change_leaves_a_ready_case_ready)
{
    auto case_id = ready_case();
    add_member(case_id, pd_dorte, CaseRole::projektdeltager);
    EXPECT_EQ(state_of(case_id), CaseState::ready_for_publication);
}

TEST_F(RecruitmentCasesTest, a_published_case_keeps_its_fields)
{
    auto case_id = ready_case();
    ASSERT_TRUE(move(case_id, CaseTransition::publish));
    EXPECT_EQ(state_of(case_id), CaseState::published);
    auto updated = m_cases->update(anna(), styrelsen_for_x.id, case_id,
                                   complete_fields("Efter offentliggørelse"), by_anna());
    EXPECT_EQ(kind_of(updated), "conflict");
    // Its ad is corrected only with a reason.
    auto saved = m_ads->save(anna(), styrelsen_for_x.id, case_id, "da", "Ny tekst", {}, {}, by_anna());
    ASSERT_EQ(kind_of(saved), "invalid");
    EXPECT_EQ(fields_of(saved.error()), std::vector<std::string>{"correction_reason"});
    auto before = m_ads->versions(anna(), styrelsen_for_x.id, case_id, "da");
    ASSERT_TRUE(before.ok());
    auto corrected = m_ads->save(anna(), styrelsen_for_x.id, case_id, "da", "Rettet tekst", {}, {}, by_anna(),
                                 "Stavefejl.");
    EXPECT_TRUE(corrected.ok());
    auto after = m_ads->versions(anna(), styrelsen_for_x.id, case_id, "da");
    ASSERT_TRUE(after.ok());
    EXPECT_EQ(after->size(), before->size() + 1);
    auto overview = m_cases->overview(anna(), styrelsen_for_x.id, case_id);
    ASSERT_TRUE(overview.ok());
    EXPECT_EQ(overview->record.title, "Fuldmægtig til HR");
    EXPECT_EQ(overview->record.state, CaseState::published);
}

TEST_F(RecruitmentCasesTest, an_external_member_cannot_be_projektleder)
{
    auto case_id = new_case();
    auto invited = m_committee->invite_external(anna(), styrelsen_for_x.id, case_id, "tr_tina@example.test",
                                                "Tina Tillidsrepræsentant", CaseRole::projektleder, by_anna(),
                                                untranslated());
    ASSERT_EQ(kind_of(invited), "invalid");
    EXPECT_EQ(fields_of(invited.error()), std::vector<std::string>{"external_role"});
    EXPECT_TRUE(committee_of(case_id).empty());

    ASSERT_TRUE(m_committee->invite_external(anna(), styrelsen_for_x.id, case_id, "tr_tina@example.test",
                                             "Tina Tillidsrepræsentant", CaseRole::projektdeltager, by_anna(),
                                             untranslated()));
    auto committee = committee_of(case_id);
    ASSERT_EQ(committee.size(), 1u);
    EXPECT_TRUE(committee[0].external);
    EXPECT_EQ(mail_texts_to("tr_tina@example.test").size(), 1u);
    auto promoted = m_committee->add_member(anna(), styrelsen_for_x.id, case_id, committee[0].user_id,
                                            CaseRole::projektleder, by_anna());
    ASSERT_EQ(kind_of(promoted), "invalid");
    EXPECT_EQ(fields_of(promoted.error()), std::vector<std::string>{"role"});
    EXPECT_EQ(committee_of(case_id).size(), 1u);
}

TEST_F(RecruitmentCasesTest, the_same_role_twice_is_a_conflict)
{
    auto case_id = new_case();
    add_member(case_id, pl_peter, CaseRole::projektleder);
    auto again = m_committee->add_member(anna(), styrelsen_for_x.id, case_id, pl_peter.id,
                                         CaseRole::projektleder, by_anna());
    EXPECT_EQ(kind_of(again), "conflict");
    EXPECT_EQ(committee_of(case_id).size(), 1u);
}

TEST_F(RecruitmentCasesTest, an_invitation_to_an_address_with_a_line_break_or_a_second_at_is_refused)
{
    auto case_id = new_case();
    for (const char* email : {"tr_tina@example.test\r\nBcc: eve@example.test", "tr_tina\r@example.test",
                              "tr@tina@example.test", "tr_tina@@example.test"}) {
        auto invited = m_committee->invite_external(anna(), styrelsen_for_x.id, case_id, email, "Tina",
                                                    CaseRole::projektdeltager, by_anna(), untranslated());
        ASSERT_EQ(kind_of(invited), "invalid") << email;
        EXPECT_EQ(fields_of(invited.error()), std::vector<std::string>{"external_email"}) << email;
    }
    EXPECT_TRUE(committee_of(case_id).empty());
    EXPECT_TRUE(audit_events(styrelsen_for_x, "committee.external_invited").empty());
}

TEST_F(RecruitmentCasesTest, publishing_needs_a_projektleder_and_an_ansaettende_leder)
{
    auto case_id = new_case();
    ASSERT_TRUE(m_cases->update(anna(), styrelsen_for_x.id, case_id, complete_fields(), by_anna()));
    write_ad(case_id);
    auto refused = move(case_id, CaseTransition::mark_ready);
    ASSERT_EQ(kind_of(refused), "invalid");
    EXPECT_TRUE(names(refused.error(), "The hiring committee needs a Projektleder."));
    EXPECT_TRUE(names(refused.error(), "The hiring committee needs an Ansættende leder."));
    EXPECT_EQ(state_of(case_id), CaseState::draft);

    // Ready, then the Ansættende leder leaves (committee changes keep the state): publishing checks again.
    add_member(case_id, pl_peter, CaseRole::projektleder);
    add_member(case_id, al_lone, CaseRole::ansaettende_leder);
    ASSERT_TRUE(move(case_id, CaseTransition::mark_ready));
    ASSERT_TRUE(m_committee->remove_member(anna(), styrelsen_for_x.id, case_id, al_lone.id,
                                           CaseRole::ansaettende_leder, by_anna()));
    auto published = move(case_id, CaseTransition::publish);
    ASSERT_EQ(kind_of(published), "invalid");
    EXPECT_TRUE(names(published.error(), "The hiring committee needs an Ansættende leder."));
    EXPECT_FALSE(names(published.error(), "The hiring committee needs a Projektleder."));
    EXPECT_EQ(state_of(case_id), CaseState::ready_for_publication);
}

TEST_F(RecruitmentCasesTest, publishing_needs_a_complete_ad)
{
    auto case_id = new_case();
    add_member(case_id, pl_peter, CaseRole::projektleder);
    add_member(case_id, al_lone, CaseRole::ansaettende_leder);
    auto refused = move(case_id, CaseTransition::mark_ready);
    ASSERT_EQ(kind_of(refused), "invalid");
    auto named = fields_of(refused.error());
    for (const char* field :
         {"place_of_work", "municipality_code", "salary_text", "deadline_date", "contact_name", "body"})
        EXPECT_NE(std::find(named.begin(), named.end(), field), named.end()) << field;
    EXPECT_EQ(kind_of(move(case_id, CaseTransition::publish)), "conflict") << "a draft is published directly";
    EXPECT_EQ(state_of(case_id), CaseState::draft);
}

TEST_F(RecruitmentCasesTest, the_deadline_closes_a_published_case_and_is_audited)
{
    auto case_id = ready_case();
    auto open_case = ready_case();
    ASSERT_TRUE(move(case_id, CaseTransition::publish));
    ASSERT_TRUE(move(open_case, CaseTransition::publish));
    EXPECT_EQ(m_lifecycle->close_due_cases(), 0);

    // Time passes: the deadline of the first case is now behind us (set through the store, since a
    // published case's fields are not editable and the service reads the real clock).
    write_directly([&](store::Transaction& transaction) {
        auto record = store::cases::find(transaction, styrelsen_for_x.id, case_id);
        ASSERT_TRUE(record.has_value());
        record->application_deadline = core::now() - 60;
        store::cases::update(transaction, *record);
    });
    EXPECT_EQ(m_lifecycle->close_due_cases(), 1);
    EXPECT_EQ(state_of(case_id), CaseState::closed_for_applications);
    EXPECT_EQ(state_of(open_case), CaseState::published);
    auto events = audit_events(styrelsen_for_x, "case.state_changed");
    auto closing = std::find_if(events.begin(), events.end(), [&](const domain::AuditEventRecord& event) {
        return event.object_id == std::to_string(case_id) &&
               event.after_json.find("closed_for_applications") != std::string::npos;
    });
    ASSERT_NE(closing, events.end());
    EXPECT_FALSE(closing->actor_user_id.has_value());
    EXPECT_EQ(closing->actor_name, "System (application deadline)");
    EXPECT_EQ(m_lifecycle->close_due_cases(), 0) << "a closed case was closed again";
}

TEST_F(RecruitmentCasesTest, a_copy_keeps_the_committee_but_not_external_members)
{
    auto case_id = new_case();
    add_member(case_id, pl_peter, CaseRole::projektleder);
    add_member(case_id, pd_dorte, CaseRole::projektdeltager);
    ASSERT_TRUE(m_committee->invite_external(anna(), styrelsen_for_x.id, case_id, "tr_tina@example.test",
                                             "Tina Tillidsrepræsentant", CaseRole::projektdeltager, by_anna(),
                                             untranslated()));
    ASSERT_EQ(committee_of(case_id).size(), 3u);

    auto copied = m_cases->copy(anna(), styrelsen_for_x.id, case_id, by_anna());
    ASSERT_TRUE(copied.ok()) << copied.error().message;
    auto committee = committee_of(*copied);
    ASSERT_EQ(committee.size(), 2u);
    for (const auto& member : committee)
        EXPECT_FALSE(member.external) << member.user_id;
    EXPECT_TRUE(std::any_of(committee.begin(), committee.end(), [&](const auto& member) {
        return member.user_id == pl_peter.id && member.role == CaseRole::projektleder;
    }));
    EXPECT_TRUE(std::any_of(committee.begin(), committee.end(), [&](const auto& member) {
        return member.user_id == pd_dorte.id && member.role == CaseRole::projektdeltager;
    }));
    EXPECT_EQ(state_of(*copied), CaseState::draft);
}

TEST_F(RecruitmentCasesTest, the_institution_lists_are_empty_for_another_institution)
{
    auto peter = actor(pl_peter.id);
    EXPECT_FALSE(m_cases->units(peter, styrelsen_for_x.id).empty());
    EXPECT_FALSE(m_cases->templates(peter, styrelsen_for_x.id).empty());
    EXPECT_FALSE(m_cases->collective_agreements(peter, styrelsen_for_x.id).empty());
    EXPECT_FALSE(m_cases->position_categories(peter, styrelsen_for_x.id).empty());
    EXPECT_FALSE(m_questions->templates(anna(), styrelsen_for_x.id).empty());

    for (const auto& stranger : {actor(akademiet_for_y.superbruger.id), m_operator}) {
        EXPECT_TRUE(m_cases->units(stranger, styrelsen_for_x.id).empty());
        EXPECT_TRUE(m_cases->templates(stranger, styrelsen_for_x.id).empty());
        EXPECT_TRUE(m_cases->collective_agreements(stranger, styrelsen_for_x.id).empty());
        EXPECT_TRUE(m_cases->position_categories(stranger, styrelsen_for_x.id).empty());
        EXPECT_TRUE(m_questions->templates(stranger, styrelsen_for_x.id).empty());
        auto case_id = new_case("Skjult sag");
        EXPECT_TRUE(m_committee->candidates(stranger, styrelsen_for_x.id, case_id).empty());
    }
}

} // namespace
} // namespace rekrut::services
