// IStaffApi over HTTP with Poco: one short connection per call, bearer token, JSON in, problem details out as ApiError.
#pragma once

#include <chrono>
#include <string>

#include "desktop/api_error.h"
#include "desktop/staff_api.h"

namespace motcua::desktop {

struct StaffApiClientOptions {
    std::string serverUrl;  // e.g. "http://127.0.0.1:8080"; may carry a path prefix
    std::chrono::milliseconds connectTimeout{5000};
    std::chrono::milliseconds requestTimeout{30000};  // sending and receiving, each
};

class StaffApiClient final : public IStaffApi {
public:
    explicit StaffApiClient(StaffApiClientOptions options);

    void SetServerUrl(const std::string& url) override;
    std::string ServerUrl() const override { return m_options.serverUrl; }
    Session Login(const std::string& username, const std::string& password) override;
    void Logout() override;
    InboxPage Inbox(int limit, const std::optional<std::string>& after) override;
    DossierDetail Dossier(std::int64_t id) override;
    DossierDetail Accept(std::int64_t id, int version) override;
    std::vector<std::uint8_t> Receipt(std::int64_t id) override;

    bool HasToken() const noexcept { return !m_token.empty(); }

private:
    struct Response {
        int status = 0;
        std::string contentType;
        std::string body;
    };
    Response Send(const std::string& method, const std::string& path, const std::string* jsonBody);
    // Throws ApiError for any non-2xx answer.
    void ThrowIfProblem(const Response& response) const;

    StaffApiClientOptions m_options;
    std::string m_host;
    unsigned short m_port = 0;
    std::string m_pathPrefix;
    std::string m_token;
};

// Parsers of the server's JSON documents, public so tests can feed them text; throw Error(Internal) naming the
// member that is missing or of the wrong type.
Session ParseLoginResponse(const std::string& json, std::string& token);
InboxPage ParseInboxPage(const std::string& json);
DossierDetail ParseDossierDetail(const std::string& json);
// A problem+json body (or anything else with an HTTP error status) as the ApiError to throw.
ApiError ParseProblem(int httpStatus, const std::string& contentType, const std::string& body);

}  // namespace motcua::desktop
