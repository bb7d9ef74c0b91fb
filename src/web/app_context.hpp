#pragma once

#include <vector>

#include "core/config.hpp"

namespace rekrut::services {
class IdentityService;
class UserAdministration;
class RecruitmentCases;
class JobAds;
class CaseCommittee;
class ScreeningQuestions;
class CaseLifecycle;
class InstitutionSetup;
class OpenPositions;
class AuditTrail;
class PlatformOperator;
class SystemStatus;
class Applications;
class HeldUploads;
class SelfService;
class EmailTemplates;
class Mailings;
class Assessment;
class RankingLists;
class CaseDecisions;
class Interviews;
class Retention;
class DataRequests;
class ServiceNotices;
class OperatorControls;
class ContingencyExport;
class Offboarding;
} // namespace rekrut::services

namespace rekrut::web {

class Translator;
class Views;
class Metrics;
class HttpServer;
class CareerPageCache;

/// What handlers need from the composition root. Built once in main.cpp.
struct AppContext {
    const core::Config& config;
    const Translator& translator;
    Views& views;
    Metrics& metrics;
    services::IdentityService& identity;
    services::UserAdministration& administration;
    services::RecruitmentCases& cases;
    services::JobAds& job_ads;
    services::CaseCommittee& committee;
    services::ScreeningQuestions& questions;
    services::CaseLifecycle& lifecycle;
    services::InstitutionSetup& setup;
    services::OpenPositions& open_positions;
    services::AuditTrail& audit_trail;
    services::PlatformOperator& platform_operator;
    services::SystemStatus& status;
    services::Applications& applications;
    services::HeldUploads& held_uploads;
    services::SelfService& self_service;
    services::EmailTemplates& email_templates;
    services::Mailings& mailings;
    services::Assessment& assessment;
    services::RankingLists& rankings;
    services::CaseDecisions& decisions;
    services::Interviews& interviews;
    services::Retention& retention;
    services::DataRequests& data_requests;
    services::ContingencyExport& contingency;
    std::string static_dkfds_dir;
    std::string static_app_dir;
    HttpServer* server = nullptr;
    /// The anonymous career-site pages as sent (public_site/career_cache.hpp).
    CareerPageCache* career_pages = nullptr;
    /// The status page's notices and availability (status/status_pages.hpp).
    services::ServiceNotices* notices = nullptr;
    /// The operator's run-time controls (operator/controls_pages.hpp).
    services::OperatorControls* controls = nullptr;
    /// The off-boarding of institutions (operator/offboarding_pages.hpp).
    services::Offboarding* offboarding = nullptr;
};

} // namespace rekrut::web
