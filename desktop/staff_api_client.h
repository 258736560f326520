// IStaffApi (and the action, security and KPI calls) over HTTP: the staff API's paths and JSON documents on top of
// HttpTransport, problem details as ApiError.
#pragma once

#include <chrono>
#include <string>

#include "desktop/action_api.h"
#include "desktop/api_error.h"
#include "desktop/http_transport.h"
#include "desktop/kpi_api.h"
#include "desktop/security_api.h"
#include "desktop/staff_api.h"

namespace motcua::desktop {

struct StaffApiClientOptions {
    std::string serverUrl;  // e.g. "https://motcua.example.gov.vn"; may carry a path prefix
    std::string caFile{};   // PEM roots trusted for https:// instead of the system's store (HttpTransportOptions)
    std::chrono::milliseconds connectTimeout{5000};
    std::chrono::milliseconds requestTimeout{30000};  // sending and receiving, each
};

class StaffApiClient final : public IStaffApi, public IActionApi, public ISecurityApi, public IKpiApi {
public:
    explicit StaffApiClient(const StaffApiClientOptions& options);

    void SetServerUrl(const std::string& url) override { m_http.SetBaseUrl(url); }
    std::string ServerUrl() const override { return m_http.BaseUrl(); }
    void SetCaFile(const std::string& caFile) override { m_http.SetCaFile(caFile); }
    using IStaffApi::Login;
    Session Login(const std::string& username, const std::string& password, const std::string& otp) override;
    void Logout() override;
    InboxPage Inbox(int limit, const std::optional<std::string>& after) override;
    DossierDetail Dossier(std::int64_t id) override;
    DossierDetail Accept(std::int64_t id, int version) override;
    std::vector<std::uint8_t> Receipt(std::int64_t id) override;
    std::vector<QueueCount> Queues() override;
    DossierPage QueuePage(const QueuePageRequest& request) override;
    DossierPage Search(const SearchQuery& query, int limit, const std::optional<std::string>& after) override;
    DossierPage KpiDossiers(const KpiDrill& drill, int limit, const std::optional<std::string>& after) override;
    EventStreamTarget EventsTarget() const override;
    // IActionApi (staff_api_client_actions.cpp)
    DossierDetail Act(std::int64_t dossierId, const ActionInput& input) override;
    std::vector<std::uint8_t> OutputFile(std::int64_t outputId) override;
    SignedOutput PutSignedOutput(std::int64_t outputId, const std::vector<std::uint8_t>& pdf) override;
    std::vector<AgencyRef> Agencies() override;
    std::vector<StaffRef> Staff(const std::vector<Role>& roles, const std::string& agencyCode) override;
    // ISecurityApi (staff_api_client_security.cpp)
    AuditTrail DossierAuditTrail(std::int64_t dossierId) override;
    TotpEnrolment StartTotp(std::int64_t staffId) override;
    void ConfirmTotp(std::int64_t staffId, const std::string& code) override;
    // IKpiApi (staff_api_client_kpis.cpp; Agencies() above serves it too)
    KpiReport Kpis(const KpiQuery& query) override;
    std::vector<std::uint8_t> PeriodicReport(const KpiQuery& query, bool xlsx) override;
    std::vector<Delegation> Delegations() override;
    Delegation Delegate(const NewDelegation& delegation) override;
    void RevokeDelegation(std::int64_t id) override;
    void UnlockStaff(std::int64_t staffId) override;
    long long RevokeStaffSessions(std::int64_t staffId) override;
    void RemoveStaffTotp(std::int64_t staffId) override;

    bool HasToken() const { return m_http.HasBearerToken(); }

private:
    HttpTransport m_http;
};

// Parsers of the server's JSON documents, public so tests can feed them text; throw Error(Internal) naming the
// member that is missing, of the wrong type or outside the model's vocabulary.
Session ParseLoginResponse(const std::string& json, std::string& token);
InboxPage ParseInboxPage(const std::string& json);
DossierDetail ParseDossierDetail(const std::string& json);
DossierPage ParseDossierPage(const std::string& json);
std::vector<QueueCount> ParseQueueCounts(const std::string& json);
AuditTrail ParseAuditTrail(const std::string& json);
// "&name=value", the value percent-encoded; "" for an empty value (the parameter is then not sent).
std::string QueryParam(const char* name, const std::string& value);
std::vector<Delegation> ParseDelegations(const std::string& json);
// A problem+json body (or anything else with an HTTP error status) as the ApiError to throw.
ApiError ParseProblem(int httpStatus, const std::string& contentType, const std::string& body);
// The answer itself when it is a success; throws the ApiError of its problem document otherwise.
const HttpResponse& CheckedAnswer(const HttpResponse& response);

}  // namespace motcua::desktop
