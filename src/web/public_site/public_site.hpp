#pragma once

#include <string>

#include "web/request.hpp"
#include "web/response.hpp"

namespace rekrut::web {

struct AppContext;

/// The public career site's front page: every open position, searched, filtered, sorted and paged.
Response show_front_page(AppContext& context, Request& request);
/// One institution's open positions, with its presentation.
Response show_institution_positions(AppContext& context, Request& request);
/// The Atom feed of every open position, newest first.
Response show_feed(AppContext& context, Request& request);
/// The Atom feed of one institution's open positions.
Response show_institution_feed(AppContext& context, Request& request);
/// sitemap.xml: the lists and every open position's ad.
Response show_sitemap(AppContext& context, Request& request);
/// One published position's ad (the career site reads across institutions).
Response show_public_ad(AppContext& context, Request& request);
/// The translation key of an employment form's name ("permanent" → "Permanent").
const char* employment_form_name(const std::string& form);
/// `path` on the public address (server.public_url), for links that leave the page (feeds, sitemap).
std::string absolute_url(const AppContext& context, const std::string& path);
/// Sets the interface language cookie and returns to the page the user came from.
Response switch_language(AppContext& context, Request& request);

} // namespace rekrut::web
