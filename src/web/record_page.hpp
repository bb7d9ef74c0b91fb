#pragma once

// The record page: how one record (a recruitment case, later an application) is shown. At the top
// the record's place in its lifecycle (a DKFDS step indicator), then the next possible steps, then
// a summary of its facts in groups, each with a link to change it, then sections whose forms open
// on demand. Consequential steps are confirmed first: on a page of their own without JavaScript
// (GET .../confirm, whose form posts the step), in a DKFDS modal with it. See src/web/README.md.

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/result.hpp"
#include "web/page_kit.hpp"

namespace rekrut::web {

/// One fact of a record: a translated label and the value as text ("" is shown as "Not given").
struct SummaryRow {
    std::string label;
    std::string value;
};

/// A group of facts under a heading, changed together at `change_href` ("" when the actor may not).
struct SummaryGroup {
    std::string id;      ///< The heading's id, the target of links to the group.
    std::string heading; ///< Translated.
    std::string change_href;
    std::vector<SummaryRow> rows;
};

/// Adds `group` to the page's summary (template placeholder {{>SUMMARY_GROUP}} inside a section
/// SUMMARY_GROUPS of the page, one include per group).
void add_summary_group(Dictionary& page, const AppContext& context, const Request& request,
                       const SummaryGroup& group);

enum class StepState { done, current, upcoming };

struct LifecycleStep {
    std::string label; ///< Translated.
    StepState state = StepState::upcoming;
};

/// Fills {{>STEP_INDICATOR}}: the record's lifecycle, the current step marked.
void add_step_indicator(Dictionary& page, const AppContext& context, const Request& request,
                        const std::vector<LifecycleStep>& steps);

/// A consequential step, described before it is taken.
struct Confirmation {
    std::string id;                        ///< The modal's id ("confirm-cancel"); ids inside derive from it.
    std::string heading;                   ///< Translated question: "Cancel the case?"
    std::vector<std::string> consequences; ///< Translated sentences: what will happen.
    std::string action;                    ///< Where the form posts.
    std::vector<std::pair<std::string, std::string>> fields; ///< Hidden fields of the form.
    std::string confirm_label;                               ///< Translated text of the button that does it.
    std::string back_href;    ///< Where "No, go back" leads (the page version).
    bool ask_reason = false;  ///< Asks for a reason (field "reason", required).
    std::string reason_label; ///< Translated label of the reason field.
    std::string page_href;    ///< The confirmation page (the link without JavaScript).
};

/// Adds the DKFDS modal of `confirmation` to the page ({{>CONFIRM_MODAL}} inside a repeated section
/// CONFIRM_MODALS). The button that opens it is a link to the confirmation page, so it also works
/// without JavaScript: `<a href="{{page_href}}" data-module="modal" data-target="{{id}}">`.
void add_confirm_modal(Dictionary& page, const AppContext& context, const Request& request,
                       const Confirmation& confirmation);

/// The confirmation page of `confirmation` (the version without JavaScript), with `error` marked
/// when the reason was missing. `title` is the page title (translated).
Response confirmation_page(AppContext& context, const Request& request, const Confirmation& confirmation,
                           const std::optional<core::Error>& error = std::nullopt);

} // namespace rekrut::web
