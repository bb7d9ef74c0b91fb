#pragma once

// The questions asked before the consequential changes of the user administration.

#include <string>

#include "domain/access/account_records.hpp"
#include "domain/access/roles.hpp"
#include "web/record_page.hpp"

namespace rekrut::web {

/// Removing `role` (named `role_name`, translated) from `user`: what happens, asked before it is
/// done (GET /users/N/roles/revoke?role=..., or the modal on the user page).
Confirmation revoke_role_confirmation(const AppContext& context, const Request& request,
                                      const domain::UserRecord& user, domain::InstitutionRole role,
                                      const std::string& role_name);

/// Deactivating `user`: asked before the edit form's change is saved; the form posted again with
/// `confirmed=1` saves it.
/// Erasing a deactivated user's account now.
Confirmation erase_user_confirmation(const AppContext& context, const Request& request,
                                     const domain::UserRecord& user);
Confirmation deactivate_user_confirmation(const AppContext& context, const Request& request,
                                          const domain::UserRecord& user);

} // namespace rekrut::web
