#pragma once

#include <functional>
#include <string>
#include <utility>

namespace ctemplate {
class TemplateDictionary;
}

namespace rekrut::web {

class Translator;
struct Request;

/// The HTML templates, loaded once per language. Each file under templates/ is read, its
/// `{{_ English text}}` markers are replaced by the escaped translation, and the result is stored
/// in ctemplate's cache as "<lang>/<path>". Every file must start with the HTML auto-escape pragma;
/// one that does not is refused at start, so no page can render unescaped by accident.
class Views {
public:
    /// Loads every template. Returns an error text, or "" on success.
    std::string load(const std::string& templates_dir, const Translator& translator, bool freeze);

    /// Renders `page` ("public_site/front_page") inside the main layout. `fill` sets the page's own
    /// values and sections; `title` is already translated.
    std::string render_page(const Request& request, const std::string& page, const std::string& title,
                            const std::function<void(ctemplate::TemplateDictionary&)>& fill) const;
    /// The same, with `head` ("public_site/_position_head") added to the page's <head> and filled by
    /// `fill_head` (machine-readable data: JSON-LD, Open Graph, feed links).
    std::string render_page(const Request& request, const std::string& page, const std::string& title,
                            const std::function<void(ctemplate::TemplateDictionary&)>& fill,
                            const std::string& head,
                            const std::function<void(ctemplate::TemplateDictionary&)>& fill_head) const;

    /// Fills what every page shows around its content: `banner` (layouts/_banner.tpl, the service
    /// notices) and `footer` (layouts/_footer.tpl, the support contact). Set once before serving.
    using Surroundings = std::function<void(const Request& request, ctemplate::TemplateDictionary& banner,
                                            ctemplate::TemplateDictionary& footer)>;
    void set_surroundings(Surroundings fill) { m_surroundings = std::move(fill); }

    /// Reloads changed files (development only).
    void reload_if_changed();

private:
    std::string m_templates_dir;
    const Translator* m_translator = nullptr;
    long long m_newest = 0;
    Surroundings m_surroundings;
};

} // namespace rekrut::web
