#pragma once

#include <cstdint>
#include <vector>

#include "core/result.hpp"
#include "domain/access/actor.hpp"
#include "domain/institution/setup_records.hpp"
#include "domain/job_ad/screening_question.hpp"
#include "domain/recruitment_case/case_records.hpp"
#include "services/audit_log.hpp"

namespace rekrut::store {
class Database;
}

namespace rekrut::services {

/// A case's screening questions: copied from the institution's question templates and adapted per
/// case until publication (the template stays as it is).
class ScreeningQuestions {
public:
    explicit ScreeningQuestions(store::Database& database) : m_database(database) {}

    core::Status add(const domain::Actor& actor, std::int64_t institution_id, std::int64_t case_id,
                     std::int64_t template_id, const Origin& origin);
    core::Status remove(const domain::Actor& actor, std::int64_t institution_id, std::int64_t case_id,
                        std::int64_t question_id, const Origin& origin);
    /// One of the case's questions, for its edit form.
    core::Result<domain::CaseQuestionRecord> find(const domain::Actor& actor, std::int64_t institution_id,
                                                  std::int64_t case_id, std::int64_t question_id);
    core::Status update(const domain::Actor& actor, std::int64_t institution_id, std::int64_t case_id,
                        std::int64_t question_id, domain::ScreeningQuestion changed, const Origin& origin);
    /// The institution's question templates, for those who work with its cases.
    std::vector<domain::QuestionTemplateRecord> templates(const domain::Actor& actor,
                                                          std::int64_t institution_id);

private:
    store::Database& m_database;
};

} // namespace rekrut::services
