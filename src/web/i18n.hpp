#pragma once

#include <locale>
#include <map>
#include <string>
#include <vector>

#include "core/result.hpp"

namespace rekrut::web {

using core::msgid;

/// The interface languages and their gettext catalogs (po/<lang>.po compiled to .mo).
class Translator {
public:
    static constexpr const char* k_default_language = "da";
    static const std::vector<std::string>& languages();

    /// Loads one std::locale per language from `locale_dir`. Returns an error text, or "" on success.
    /// Fails when a known message is not translated, which means the catalog was not found.
    std::string load(const std::string& locale_dir);

    /// The translation of `message` in `language`, or `message` itself when it has none.
    std::string translate(const std::string& language, const std::string& message) const;

    /// Picks the language: a supported `cookie` value first, then the best Accept-Language entry.
    static std::string choose(const std::string* cookie, const std::string* accept_language);

private:
    std::map<std::string, std::locale> m_locales;
};

} // namespace rekrut::web
