#pragma once

#include "web/request.hpp"
#include "web/response.hpp"

namespace rekrut::web {

struct AppContext;

// The user administration of one institution: users, their institution roles, the queue of role
// grants waiting for a second Superbruger and the periodic review of administrator rights. The
// institution is always the signed-in actor's own (data_institution()); a user or request of
// another institution answers exactly like one that does not exist.

/// GET /users: the institution's users with status and institution roles.
Response show_users(AppContext& context, Request& request);
/// GET /users/new: the form for a new user (no password: the user gets a link by mail).
Response show_new_user(AppContext& context, Request& request);
/// POST /users: creates the user, optionally with an institution role (Superbruger only).
Response submit_new_user(AppContext& context, Request& request);
/// GET /users/:user_id: the user's details, edit form and institution roles.
Response show_user(AppContext& context, Request& request);
/// POST /users/:user_id: saves name, e-mail and status (active, locked, deactivated).
Response submit_user(AppContext& context, Request& request);
/// GET and POST /users/:user_id/erase: erases a deactivated account now, after a confirmation.
Response show_user_erasure(AppContext& context, Request& request);
Response submit_user_erasure(AppContext& context, Request& request);
/// POST /users/:user_id/roles: grants or revokes an institution role (fields role, operation).
Response submit_user_role(AppContext& context, Request& request);
/// GET /users/:user_id/roles/revoke?role=...: what removing the role does, and the form that does it.
Response show_role_revoke_confirmation(AppContext& context, Request& request);
/// GET /role-requests: role grants waiting for a second Superbruger.
Response show_role_requests(AppContext& context, Request& request);
/// POST /role-requests/:request_id/decision: approves or rejects one (field decision).
Response submit_role_request_decision(AppContext& context, Request& request);
/// GET /administrator-rights: everyone holding Superbruger or Administrator, for the periodic review.
Response show_administrator_rights(AppContext& context, Request& request);

} // namespace rekrut::web
