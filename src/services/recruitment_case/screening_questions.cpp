#include "services/recruitment_case/screening_questions.hpp"

#include "domain/access/policy.hpp"
#include "services/audit_log.hpp"
#include "services/recruitment_case/case_frame.hpp"
#include "store/case_store.hpp"
#include "store/database.hpp"
#include "store/setup_store.hpp"

namespace rekrut::services {
namespace {

using core::msgid;
using recruitment_case::CaseEdit;
using recruitment_case::change_case;
using recruitment_case::ChangeRules;

/// Questions change only until publication, and a case that was ready goes back to draft.
ChangeRules question_rules()
{
    ChangeRules rules;
    rules.locked_message = msgid("Screening questions can be changed only until the case is published.");
    return rules;
}

} // namespace

core::Status ScreeningQuestions::add(const domain::Actor& actor, std::int64_t institution_id,
                                     std::int64_t case_id, std::int64_t template_id, const Origin& origin)
{
    return change_case(
        m_database, actor, institution_id, case_id, question_rules(), origin,
        [&](CaseEdit& edit) -> core::Status {
            auto question = store::question_templates::find(edit.transaction, institution_id, template_id);
            if (!question)
                return core::Error::invalid(msgid("Check the marked fields."),
                                            {{"template_id", msgid("Choose one of the questions.")}});
            auto existing = store::cases::questions(edit.transaction, institution_id, case_id);
            domain::CaseQuestionRecord copy{0,
                                            question->id,
                                            question->text,
                                            question->kind,
                                            question->options,
                                            static_cast<int>(existing.size())};
            store::cases::add_question(edit.transaction, institution_id, case_id, copy);
            edit.audit("case.question_added", "{}",
                       json_object({{"text", question->text}, {"kind", question->kind}}));
            return core::success();
        });
}

core::Result<domain::CaseQuestionRecord> ScreeningQuestions::find(const domain::Actor& actor,
                                                                  std::int64_t institution_id,
                                                                  std::int64_t case_id,
                                                                  std::int64_t question_id)
{
    if (auto refusal = recruitment_case::case_refusal(actor, domain::Action::edit_case,
                                                      {institution_id, case_id, {}, false, {}}))
        return *refusal;
    return m_database.read([&](store::Session& session) -> core::Result<domain::CaseQuestionRecord> {
        auto found = store::cases::find_question(session, institution_id, case_id, question_id);
        if (!found)
            return core::Error::not_found();
        return *found;
    });
}

core::Status ScreeningQuestions::update(const domain::Actor& actor, std::int64_t institution_id,
                                        std::int64_t case_id, std::int64_t question_id,
                                        domain::ScreeningQuestion changed, const Origin& origin)
{
    return change_case(
        m_database, actor, institution_id, case_id, question_rules(), origin,
        [&](CaseEdit& edit) -> core::Status {
            auto question =
                store::cases::find_question(edit.transaction, institution_id, case_id, question_id);
            if (!question)
                return core::Error::not_found();
            if (auto problems = domain::check_screening_question(changed); !problems.empty())
                return core::Error::invalid(msgid("Check the marked fields."), std::move(problems));
            auto before = json_object(
                {{"text", question->text}, {"kind", question->kind}, {"options", question->options}});
            question->text = changed.text;
            question->kind = changed.kind;
            question->options = changed.options;
            store::cases::update_question(edit.transaction, institution_id, case_id, *question);
            edit.audit("case.question_changed", before,
                       json_object({{"question_id", std::to_string(question_id)},
                                    {"text", changed.text},
                                    {"kind", changed.kind},
                                    {"options", changed.options}}));
            return core::success();
        });
}

core::Status ScreeningQuestions::remove(const domain::Actor& actor, std::int64_t institution_id,
                                        std::int64_t case_id, std::int64_t question_id, const Origin& origin)
{
    return change_case(
        m_database, actor, institution_id, case_id, question_rules(), origin,
        [&](CaseEdit& edit) -> core::Status {
            if (!store::cases::remove_question(edit.transaction, institution_id, case_id, question_id))
                return core::Error::not_found();
            edit.audit("case.question_removed", json_object({{"question_id", std::to_string(question_id)}}),
                       "{}");
            return core::success();
        });
}

std::vector<domain::QuestionTemplateRecord> ScreeningQuestions::templates(const domain::Actor& actor,
                                                                          std::int64_t institution_id)
{
    if (!domain::can(actor, domain::Action::view_institution_lists, {institution_id, {}, {}, false, {}}))
        return {};
    return m_database.read(
        [&](store::Session& session) { return store::question_templates::list(session, institution_id); });
}

} // namespace rekrut::services
