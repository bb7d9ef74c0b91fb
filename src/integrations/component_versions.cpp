#include "integrations/component_versions.hpp"

#include <cairo.h>
#include <curl/curl.h>
#include <libxml/parser.h>
#include <pango/pango.h>
#include <poppler-version.h>
#include <zip.h>

namespace rekrut::integrations {

std::vector<core::ComponentVersion> integration_component_versions()
{
    const curl_version_info_data* curl = curl_version_info(CURLVERSION_NOW);
    std::string libxml2 = xmlParserVersion; // "21004" for 2.10.4
    if (libxml2.size() >= 5)
        libxml2 = std::to_string(std::stoi(libxml2.substr(0, libxml2.size() - 4))) + "." +
                  std::to_string(std::stoi(libxml2.substr(libxml2.size() - 4, 2))) + "." +
                  std::to_string(std::stoi(libxml2.substr(libxml2.size() - 2)));
    return {
        {"libcurl", curl && curl->version ? curl->version : "", true},
        {"libxml2", libxml2, true},
        {"libzip", zip_libzip_version(), true},
        {"poppler", poppler::version_string(), true},
        {"cairo", cairo_version_string(), true},
        {"pango", pango_version_string(), true},
    };
}

} // namespace rekrut::integrations
