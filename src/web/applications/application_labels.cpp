#include "web/applications/application_labels.hpp"

#include "core/result.hpp"

namespace rekrut::web {

using core::msgid;

const char* status_label(domain::ApplicationStatus status)
{
    switch (status) {
    case domain::ApplicationStatus::received: return msgid("Received");
    case domain::ApplicationStatus::withdrawn: return msgid("Withdrawn");
    case domain::ApplicationStatus::in_assessment: return msgid("In assessment");
    case domain::ApplicationStatus::invited: return msgid("Invited to interview");
    case domain::ApplicationStatus::offered: return msgid("Offered the position");
    case domain::ApplicationStatus::hired: return msgid("Hired");
    case domain::ApplicationStatus::rejected: return msgid("Rejected");
    }
    return msgid("Received");
}

const char* channel_label(domain::ApplicationChannel channel)
{
    switch (channel) {
    case domain::ApplicationChannel::online: return msgid("Online");
    case domain::ApplicationChannel::paper: return msgid("By post");
    case domain::ApplicationChannel::email: return msgid("By e-mail");
    }
    return msgid("Online");
}

const char* attachment_kind_label(domain::AttachmentKind kind)
{
    switch (kind) {
    case domain::AttachmentKind::cover_letter: return msgid("Cover letter");
    case domain::AttachmentKind::cv: return msgid("CV");
    case domain::AttachmentKind::other: return msgid("Attachment");
    }
    return msgid("Attachment");
}

} // namespace rekrut::web
