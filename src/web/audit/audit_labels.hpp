#pragma once

// What the audit trail's codes mean to people: the name of every action, object type and recorded
// field, and the recorded values written as the interface writes them. The trail itself keeps the
// codes and raw values (the CSV export shows them as recorded).

#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace rekrut::web::audit {

/// An action code ("case.changed") and its label (a msgid, "Changed the case").
struct ActionName {
    std::string_view code;
    const char* label;
};

/// Every action that the services record, for the labels and the action filter.
const std::vector<ActionName>& known_actions();
/// Every object type that events are about, with its label (a msgid).
const std::vector<ActionName>& known_object_types();

/// The label (a msgid) of an action or object type; nullptr for a code that is not known.
const char* action_label(std::string_view action);
const char* object_type_label(std::string_view object_type);
/// The label (a msgid) of a field in an event's before/after values; nullptr when not known.
const char* field_label(std::string_view field);

/// One field of an event's change: its code, and the values before and after as recorded ("" when
/// the field is on one side only).
struct FieldChange {
    std::string field;
    std::string before;
    std::string after;
};

/// The fields of an event's before and after values (flat JSON objects), in the order recorded.
/// When both sides are present only the fields that differ are listed, so a change of one field
/// on a case reads as one row; fields empty on both sides are left out. A value that is not a JSON
/// object comes back as one "" field.
std::vector<FieldChange> field_changes(const std::string& before_json, const std::string& after_json);

/// How a recorded value reads to people in `language`: times and dates written out, hours with
/// their unit, states, roles and yes/no translated. `translate` turns a msgid into the language.
/// `user_name` names a user id ("" when unknown).
std::string display_value(std::string_view field, const std::string& value, const std::string& language,
                          const std::function<std::string(const char*)>& translate,
                          const std::function<std::string(const std::string&)>& user_name);

} // namespace rekrut::web::audit
