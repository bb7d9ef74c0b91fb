#include "web/i18n.hpp"

#include <algorithm>
#include <boost/locale.hpp>
#include <cstdlib>

namespace rekrut::web {

const std::vector<std::string>& Translator::languages()
{
    static const std::vector<std::string> supported = {"da", "en"};
    return supported;
}

std::string Translator::load(const std::string& locale_dir)
{
    boost::locale::generator generator;
    generator.add_messages_path(locale_dir);
    generator.add_messages_domain("rekrut");
    try {
        m_locales["da"] = generator("da_DK.UTF-8");
        m_locales["en"] = generator("en_GB.UTF-8");
    } catch (const std::exception& error) {
        return std::string("cannot load translations: ") + error.what();
    }
    if (translate("da", "Open positions") == "Open positions")
        return "the Danish catalog was not found in " + locale_dir + " (build the 'catalogs' target)";
    return "";
}

std::string Translator::translate(const std::string& language, const std::string& message) const
{
    auto locale = m_locales.find(language);
    if (locale == m_locales.end() || message.empty())
        return message;
    return boost::locale::translate(message).str(locale->second);
}

std::string Translator::choose(const std::string* cookie, const std::string* accept_language)
{
    const auto& supported = languages();
    if (cookie && std::find(supported.begin(), supported.end(), *cookie) != supported.end())
        return *cookie;
    if (accept_language) {
        // "en-GB,en;q=0.9,da;q=0.8": take the supported language with the highest q.
        std::string best;
        double best_quality = -1;
        std::size_t start = 0;
        const std::string& header = *accept_language;
        while (start < header.size()) {
            std::size_t end = header.find(',', start);
            if (end == std::string::npos)
                end = header.size();
            std::string item = header.substr(start, end - start);
            start = end + 1;
            item.erase(std::remove(item.begin(), item.end(), ' '), item.end());
            double quality = 1.0;
            if (auto q = item.find(";q="); q != std::string::npos) {
                quality = std::atof(item.c_str() + q + 3);
                item = item.substr(0, q);
            }
            std::string primary = item.substr(0, item.find('-'));
            std::transform(primary.begin(), primary.end(), primary.begin(), ::tolower);
            if (primary == "nb" || primary == "nn" || primary == "no" || quality <= 0)
                continue; // q=0 means "not acceptable"
            if (std::find(supported.begin(), supported.end(), primary) != supported.end() &&
                quality > best_quality) {
                best = primary;
                best_quality = quality;
            }
        }
        if (!best.empty())
            return best;
    }
    return k_default_language;
}

} // namespace rekrut::web
