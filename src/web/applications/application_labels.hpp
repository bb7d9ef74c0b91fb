#pragma once

#include "domain/application/application_records.hpp"

namespace rekrut::web {

/// The message id of an application's status, as applicants and HR read it.
const char* status_label(domain::ApplicationStatus status);
const char* channel_label(domain::ApplicationChannel channel);
const char* attachment_kind_label(domain::AttachmentKind kind);

} // namespace rekrut::web
