#pragma once

#include <cstddef>

/// The one set of length limits (in octets of UTF-8) for what users type. Every service checks
/// input against these before it is stored, and the forms state the same limits.
namespace rekrut::domain::limits {

/// A title or a name: a case or template title, a person's name, an entry of an institution's list
/// (unit, collective agreement, position category).
constexpr std::size_t name = 200;
/// A one-line case field (place of work, salary placement, the period of a fixed term).
constexpr std::size_t line = 2000;
/// A reason given for a request or a decision.
constexpr std::size_t reason = 1000;
/// A mandatory text of the institution, or its adapted wording in one ad.
constexpr std::size_t mandatory_text = 20000;
/// The body of a job ad or an ad template.
constexpr std::size_t ad_body = 50000;
/// The most positions one case can fill.
constexpr int positions = 500;

} // namespace rekrut::domain::limits
