#include "web/views.hpp"

#include <ctemplate/template.h>
#include <filesystem>
#include <fstream>
#include <mutex>
#include <sstream>
#include <stdexcept>

#include "core/text.hpp"
#include "domain/access/policy.hpp"
#include "services/recruitment_case/recruitment_cases.hpp"
#include "web/i18n.hpp"
#include "web/request.hpp"

namespace rekrut::web {
namespace fs = std::filesystem;

namespace {

constexpr const char* k_pragma = "{{%AUTOESCAPE context=\"HTML\"}}";

/// A translation escaped for HTML, with braces escaped too: a translated text must not become a
/// ctemplate marker when the page is parsed.
std::string escape_translation(const std::string& text)
{
    std::string out;
    for (char ch : core::html_escape(text)) {
        if (ch == '{')
            out += "&#123;";
        else if (ch == '}')
            out += "&#125;";
        else
            out += ch;
    }
    return out;
}

/// Replaces every {{_ English text}} with the escaped translation.
std::string translate_markers(const std::string& source, const std::string& language,
                              const Translator& translator)
{
    return core::expand_translation_markers(source, [&](const std::string& message) {
        return escape_translation(translator.translate(language, message));
    });
}

long long newest_mtime(const std::string& dir)
{
    long long newest = 0;
    std::error_code error;
    for (const auto& entry : fs::recursive_directory_iterator(dir, error))
        if (entry.is_regular_file())
            newest = std::max<long long>(newest, entry.last_write_time().time_since_epoch().count());
    return newest;
}

std::mutex g_reload_mutex;

/// The menu: only the pages the signed-in user may open.
void add_navigation(ctemplate::TemplateDictionary& header, const Request& request,
                    const Translator& translator)
{
    using domain::Action;
    const domain::Actor& actor = request.session->actor;
    auto scope = actor.data_institution();
    domain::Resource institution{scope, {}, {}, false, {}};
    auto* navigation = header.AddSectionDictionary("NAVIGATION");
    auto item = [&](const char* section) { navigation->ShowSection(section); };
    item("NAV_HOME");
    if (scope)
        item("NAV_CASES");
    navigation->SetValue("CASES_LABEL",
                         translator.translate(request.language, services::sees_all_cases(actor)
                                                                    ? core::msgid("All cases")
                                                                    : core::msgid("My cases")));
    if (scope && domain::can(actor, Action::view_users, institution))
        item("NAV_USERS");
    if (scope && domain::can(actor, Action::edit_institution_setup, institution))
        item("NAV_SETUP");
    if (scope && domain::can(actor, Action::review_administrator_rights, institution))
        item("NAV_RIGHTS");
    if (domain::can(actor, Action::view_audit, institution) || actor.is_operator)
        item("NAV_AUDIT");
    if (actor.is_operator)
        item("NAV_OPERATOR");
    item("NAV_PROFILE");
}

} // namespace

std::string Views::load(const std::string& templates_dir, const Translator& translator, bool freeze)
{
    m_templates_dir = templates_dir;
    m_translator = &translator;
    auto* cache = ctemplate::mutable_default_template_cache();
    std::error_code error;
    std::size_t count = 0;
    for (const auto& entry : fs::recursive_directory_iterator(templates_dir, error)) {
        if (!entry.is_regular_file() || entry.path().extension() != ".tpl")
            continue;
        // Mails are loaded by services::mail::MailComposer; their plain-text parts have no pragma.
        if (*fs::relative(entry.path(), templates_dir).begin() == "mail")
            continue;
        std::ifstream in(entry.path(), std::ios::binary);
        std::ostringstream text;
        text << in.rdbuf();
        std::string source = text.str();
        std::string relative = fs::relative(entry.path(), templates_dir).string();
        if (source.rfind(k_pragma, 0) != 0)
            return "template " + relative + " does not start with " + k_pragma;
        for (const auto& language : Translator::languages()) {
            std::string key = language;
            key.append("/").append(relative);
            cache->Delete(key);
            if (!ctemplate::StringToTemplateCache(key, translate_markers(source, language, translator),
                                                  ctemplate::STRIP_BLANK_LINES))
                return "template " + relative + " has a syntax error";
        }
        ++count;
    }
    if (error)
        return "cannot read templates from " + templates_dir + ": " + error.message();
    if (count == 0)
        return "no templates found in " + templates_dir;
    m_newest = newest_mtime(templates_dir);
    if (freeze)
        cache->Freeze();
    return "";
}

void Views::reload_if_changed()
{
    std::lock_guard lock(g_reload_mutex);
    if (newest_mtime(m_templates_dir) != m_newest)
        load(m_templates_dir, *m_translator, false);
}

std::string Views::render_page(const Request& request, const std::string& page, const std::string& title,
                               const std::function<void(ctemplate::TemplateDictionary&)>& fill) const
{
    return render_page(request, page, title, fill, "", nullptr);
}

std::string Views::render_page(const Request& request, const std::string& page, const std::string& title,
                               const std::function<void(ctemplate::TemplateDictionary&)>& fill,
                               const std::string& head,
                               const std::function<void(ctemplate::TemplateDictionary&)>& fill_head) const
{
    const std::string& language = request.language;
    ctemplate::TemplateDictionary layout("layout");
    // Template-global values are visible in the layout and in every included part.
    layout.SetTemplateGlobalValue("LANG", language);
    layout.SetTemplateGlobalValue("TITLE", title);
    layout.SetTemplateGlobalValue("CSRF_TOKEN", request.csrf_token);
    layout.SetTemplateGlobalValue("REQUEST_ID", request.request_id);
    layout.SetTemplateGlobalValue("CURRENT_PATH", request.path);
    // Included templates inherit values but not sections, so each part gets its own sections.
    auto* header = layout.AddIncludeDictionary("HEADER");
    header->SetFilename(language + "/layouts/_header.tpl");
    header->ShowSection(language == "da" ? "SWITCH_TO_ENGLISH" : "SWITCH_TO_DANISH");
    if (request.session) {
        // On the header itself, so that the menu (a section of its own) names the user too.
        header->SetValue("USER_NAME", request.session->actor.name);
        header->ShowSection("SIGNED_IN");
        if (request.session->complete())
            add_navigation(*header, request, *m_translator);
    } else {
        header->ShowSection("SIGNED_OUT");
    }
    auto* footer = layout.AddIncludeDictionary("FOOTER");
    footer->SetFilename(language + "/layouts/_footer.tpl");
    auto* banner = layout.AddIncludeDictionary("BANNER");
    banner->SetFilename(language + "/layouts/_banner.tpl");
    if (m_surroundings)
        m_surroundings(request, *banner, *footer);
    if (!head.empty()) {
        auto* head_part = layout.AddIncludeDictionary("HEAD");
        head_part->SetFilename(language + "/" + head + ".tpl");
        if (fill_head)
            fill_head(*head_part);
    }
    auto* content = layout.AddIncludeDictionary("CONTENT");
    content->SetFilename(language + "/" + page + ".tpl");
    fill(*content);
    std::string html;
    if (!ctemplate::ExpandTemplate(language + "/layouts/main.tpl", ctemplate::STRIP_BLANK_LINES, &layout,
                                   &html))
        throw std::runtime_error("template " + page + " could not be expanded");
    return html;
}

} // namespace rekrut::web
