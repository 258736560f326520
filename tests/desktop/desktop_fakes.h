// Test doubles for the desk's presenters: a scripted staff API, recording views, alert and document launcher.
#pragma once

#include <algorithm>
#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <deque>
#include <exception>
#include <functional>
#include <map>
#include <mutex>
#include <optional>
#include <ostream>
#include <string>
#include <unistd.h>
#include <utility>
#include <vector>

#include <boost/test/unit_test.hpp>

#include "desktop/action_api.h"
#include "desktop/action_presenter.h"
#include "desktop/api_error.h"
#include "desktop/audit_trail_presenter.h"
#include "desktop/bulk_presenter.h"
#include "desktop/call_later.h"
#include "desktop/delegation_presenter.h"
#include "desktop/detail_presenter.h"
#include "desktop/dossier_list_presenter.h"
#include "desktop/event_stream.h"
#include "desktop/kpi_api.h"
#include "desktop/live_presenter.h"
#include "desktop/login_presenter.h"
#include "desktop/queue_nav_presenter.h"
#include "desktop/receipt_opener.h"
#include "desktop/report_export_presenter.h"
#include "desktop/result_signing.h"
#include "desktop/search_presenter.h"
#include "desktop/security_api.h"
#include "desktop/staff_accounts_presenter.h"
#include "desktop/staff_api.h"
#include "desktop/task_runner.h"
#include "desktop/translation.h"
#include "desktop/two_step_presenter.h"
#include "views/action_view.h"
#include "views/alert.h"
#include "views/audit_trail_view.h"
#include "views/delegation_view.h"
#include "views/signing_view.h"
#include "views/staff_accounts_view.h"
#include "views/two_step_view.h"

namespace motcua {
// Boost.Test prints values of failed checks; the domain enums print as their numbers.
inline std::ostream& boost_test_print_type(std::ostream& os, NationalStatus s)
{
    return os << static_cast<int>(s);
}
inline std::ostream& boost_test_print_type(std::ostream& os, Role r)
{
    return os << static_cast<int>(r);
}
inline std::ostream& boost_test_print_type(std::ostream& os, ErrorCategory c)
{
    return os << static_cast<int>(c);
}
}  // namespace motcua

namespace motcua::views {
inline std::ostream& boost_test_print_type(std::ostream& os, ListColumn c)
{
    return os << static_cast<int>(c);
}
}  // namespace motcua::views

namespace motcua::desktop::test {

// 2026-11-27 09:30 in Hà Nội = 02:30 UTC.
inline Instant At(int year, unsigned month, unsigned day, int hour, int minute)
{
    using namespace std::chrono;
    const sys_days d = year_month_day{std::chrono::year{year}, std::chrono::month{month}, std::chrono::day{day}};
    return Instant{d.time_since_epoch() + hours{hour} + minutes{minute}} - kVietnamUtcOffset;
}

inline InboxRow MakeItem(std::int64_t id, NationalStatus status = NationalStatus::New,
                         std::optional<Instant> due = std::nullopt)
{
    InboxRow item;
    item.id = id;
    item.code = "000.00.01.H41-261127-" + std::string(4 - std::to_string(id).size(), '0') + std::to_string(id);
    item.applicantName = "Nguyễn Văn An " + std::to_string(id);
    item.procedureName = "Đăng ký khai sinh";
    item.submittedAt = At(2026, 11, 27, 9, 30);
    item.dueAt = due;
    item.status = status;
    item.version = 1;
    return item;
}

inline DossierDetail MakeDetail(std::int64_t id, NationalStatus status = NationalStatus::New, int version = 1)
{
    DossierDetail d;
    d.summary = MakeItem(id, status, At(2026, 12, 4, 16, 0));
    d.summary.version = version;
    d.channel = Channel::Online;
    d.procedure = ProcedureInfo{7, "1.001193", "Đăng ký khai sinh", 5, DurationUnit::WorkingDays, 50000, {}};
    // The procedure asks for one document more than this dossier lists.
    d.procedure.requiredDocuments = {{"Tờ khai đăng ký khai sinh", DocumentForm::Original, 1},
                                     {"Giấy chứng sinh", DocumentForm::Original, 1},
                                     {"Giấy tờ chứng minh nơi cư trú", DocumentForm::Copy, 1}};
    d.applicant = ApplicantInfo{
        "Nguyễn Văn An", "001090001234", "1990-05-12", "12 Hàng Bạc, Hoàn Kiếm, Hà Nội", "0912345678", ""};
    d.documents = {{"Tờ khai đăng ký khai sinh", DocumentForm::Original, 1},
                   {"Giấy chứng sinh", DocumentForm::CertifiedCopy, 2}};
    d.receivingAgency = AgencyRef{3, "000.00.01.H41", "UBND phường Hoàn Kiếm"};
    d.handlingAgency = d.receivingAgency;
    // What the server tells a clerk of the desk holding it (tests for other roles set their own).
    d.allowedActions =
        status == NationalStatus::New
            ? std::vector<Action>{Action::Accept, Action::RequestSupplement, Action::Refuse, Action::Withdraw}
            : std::vector<Action>{Action::Assign, Action::Forward, Action::Withdraw};
    HistoryEntry submitted;
    submitted.at = d.summary.submittedAt;
    submitted.action = Action::Submit;
    submitted.role = Role::Citizen;
    submitted.toStatus = NationalStatus::New;
    d.history.push_back(submitted);
    if (status != NationalStatus::New) {
        HistoryEntry accepted;
        accepted.at = At(2026, 11, 27, 10, 0);
        accepted.action = Action::Accept;
        accepted.role = Role::Clerk;
        accepted.staffName = "Trần Thị Bích";
        accepted.fromStatus = NationalStatus::New;
        accepted.toStatus = status;
        d.history.push_back(accepted);
        d.summary.receivedAt = accepted.at;
        d.hasReceipt = true;
        d.outputs.push_back(OutputRef{1000 + id, "receipt", "01", accepted.at});
    }
    return d;
}

inline ApiError Problem(ErrorCategory category, int status, std::string title, std::string titleVi = {},
                        std::string field = {})
{
    return ApiError(category, status, std::move(title), std::move(titleVi), std::move(field), "from the fake");
}

inline std::vector<std::uint8_t> PdfBytes()
{
    const std::string text = "%PDF-1.4\n% fake receipt\n%%EOF\n";
    return {text.begin(), text.end()};
}

// Runs tasks only when told, all on the test's thread: a test sees the presenter while a call is still under way
// (busy, typing ahead) and then lets it finish.
class ManualTaskRunner final : public ITaskRunner {
public:
    void Post(std::function<void()> work, std::function<void()> deliver) override
    {
        m_tasks.emplace_back(std::move(work), std::move(deliver));
    }
    std::size_t Queued() const noexcept { return m_tasks.size(); }
    // Runs the oldest task's work and delivers its outcome; false when none was queued.
    bool RunOne() { return Run(false); }
    // Runs the newest task's work and delivers its outcome (an answer overtaking one asked for earlier); false when
    // none was queued.
    bool RunNewest() { return Run(true); }
    // Until nothing is queued, tasks posted by deliveries included.
    void RunAll()
    {
        while (RunOne()) {
        }
    }

private:
    bool Run(bool newest)
    {
        if (m_tasks.empty())
            return false;
        auto task = std::move(newest ? m_tasks.back() : m_tasks.front());
        if (newest)
            m_tasks.pop_back();
        else
            m_tasks.pop_front();
        task.first();
        task.second();
        return true;
    }
    std::deque<std::pair<std::function<void()>, std::function<void()>>> m_tasks;
};

class FakeStaffApi final : public IStaffApi, public IActionApi, public ISecurityApi {
public:
    // --- script ---
    std::optional<Session> loginResult;
    std::exception_ptr loginError;
    std::vector<std::exception_ptr> loginErrors;  // answers of the next logins, one each (null: loginResult)
    std::map<std::string, InboxPage> pages;       // key: cursor ("" for the first page)
    std::exception_ptr inboxError;
    std::map<std::int64_t, DossierDetail> details;
    std::deque<std::exception_ptr> dossierErrors;  // thrown by the next Dossier calls, one each
    std::function<DossierDetail(std::int64_t, int)> onAccept;
    std::vector<std::uint8_t> receipt = PdfBytes();
    std::exception_ptr receiptError;
    std::map<std::int64_t, std::exception_ptr> receiptErrors;  // by dossier id, for that dossier only
    std::vector<QueueCount> queues;
    std::exception_ptr queuesError;
    std::map<std::string, DossierPage> queuePages;  // key: "queue|cursor" ("intake|" for the first page)
    std::exception_ptr queueError;
    std::map<std::string, DossierPage> searchPages;  // key: cursor ("" for the first page)
    std::map<std::string, DossierPage> kpiPages;     // key: "figure|cursor" ("pendingOverdue|" for the first page)

    // --- record ---
    std::string serverUrl;
    std::vector<std::pair<std::string, std::string>> logins;
    std::vector<std::string> otps;  // the code sent with each login ("" when none)
    std::vector<std::optional<std::string>> inboxCursors;
    std::vector<int> inboxLimits;
    std::vector<std::int64_t> dossierCalls;
    std::vector<std::pair<std::int64_t, int>> acceptCalls;
    std::vector<std::int64_t> receiptCalls;
    int logoutCalls = 0;
    int queuesCalls = 0;
    std::vector<QueuePageRequest> queueRequests;
    std::vector<std::pair<SearchQuery, std::optional<std::string>>> searches;
    std::vector<std::pair<KpiDrill, std::optional<std::string>>> drills;
    // Actions other than accept (which goes to onAccept and acceptCalls as before).
    std::function<DossierDetail(std::int64_t, const ActionInput&)> onAct;
    std::vector<std::pair<std::int64_t, ActionInput>> actCalls;
    std::vector<std::int64_t> outputCalls;
    std::vector<AgencyRef> agencies;
    std::vector<StaffRef> staff;
    std::vector<std::vector<Role>> staffCalls;
    std::string caFile;

    void SetServerUrl(const std::string& url) override
    {
        if (url.empty())
            ThrowBadInput("Enter the server address, for example http://127.0.0.1:8080.", "server");
        serverUrl = url;
    }
    std::string ServerUrl() const override { return serverUrl; }
    void SetCaFile(const std::string& file) override { caFile = file; }
    using IStaffApi::Login;
    Session Login(const std::string& username, const std::string& password, const std::string& otp) override
    {
        logins.emplace_back(username, password);
        otps.push_back(otp);
        if (!loginErrors.empty()) {
            const std::exception_ptr next = loginErrors.front();
            loginErrors.erase(loginErrors.begin());
            if (next)
                std::rethrow_exception(next);
            return loginResult.value();
        }
        if (loginError)
            std::rethrow_exception(loginError);
        return loginResult.value();
    }
    void Logout() override { ++logoutCalls; }
    InboxPage Inbox(int limit, const std::optional<std::string>& after) override
    {
        inboxLimits.push_back(limit);
        inboxCursors.push_back(after);
        if (inboxError)
            std::rethrow_exception(inboxError);
        return pages.at(after.value_or(""));
    }
    DossierDetail Dossier(std::int64_t id) override
    {
        dossierCalls.push_back(id);
        if (!dossierErrors.empty()) {
            const std::exception_ptr error = dossierErrors.front();
            dossierErrors.pop_front();
            std::rethrow_exception(error);
        }
        const auto it = details.find(id);
        if (it == details.end())
            throw Problem(ErrorCategory::NotFound, 404, "Dossier not found", "Không tìm thấy hồ sơ");
        return it->second;
    }
    DossierDetail Accept(std::int64_t id, int version) override
    {
        acceptCalls.emplace_back(id, version);
        return onAccept(id, version);
    }
    std::vector<std::uint8_t> Receipt(std::int64_t id) override
    {
        receiptCalls.push_back(id);
        if (receiptError)
            std::rethrow_exception(receiptError);
        if (const auto it = receiptErrors.find(id); it != receiptErrors.end())
            std::rethrow_exception(it->second);
        return receipt;
    }
    std::vector<QueueCount> Queues() override
    {
        ++queuesCalls;
        if (queuesError)
            std::rethrow_exception(queuesError);
        return queues;
    }
    DossierPage QueuePage(const QueuePageRequest& request) override
    {
        queueRequests.push_back(request);
        if (queueError)
            std::rethrow_exception(queueError);
        return queuePages.at(request.queue + "|" + request.after.value_or(""));
    }
    DossierPage Search(const SearchQuery& query, int, const std::optional<std::string>& after) override
    {
        searches.emplace_back(query, after);
        return searchPages.at(after.value_or(""));
    }
    DossierPage KpiDossiers(const KpiDrill& drill, int, const std::optional<std::string>& after) override
    {
        drills.emplace_back(drill, after);
        return kpiPages.at(drill.figure + "|" + after.value_or(""));
    }
    EventStreamTarget EventsTarget() const override { return {serverUrl, "fake-token", ""}; }
    DossierDetail Act(std::int64_t id, const ActionInput& input) override
    {
        if (input.action == Action::Accept)
            return Accept(id, input.version);
        actCalls.emplace_back(id, input);
        return onAct(id, input);
    }
    // Every issued form is the fake's receipt bytes.
    std::vector<std::uint8_t> OutputFile(std::int64_t outputId) override
    {
        outputCalls.push_back(outputId);
        if (receiptError)
            std::rethrow_exception(receiptError);
        return receipt;
    }
    // Signed outputs sent back: each PUT recorded; `onPut` may refuse one (throw).
    std::vector<std::pair<std::int64_t, std::vector<std::uint8_t>>> putCalls;
    std::function<void(std::int64_t)> onPut;
    SignedOutput PutSignedOutput(std::int64_t outputId, const std::vector<std::uint8_t>& pdf) override
    {
        putCalls.emplace_back(outputId, pdf);
        if (onPut)
            onPut(outputId);
        return SignedOutput{outputId, "result", "5e1f", "CN=Nguyễn Văn An"};
    }
    std::vector<AgencyRef> Agencies() override { return agencies; }
    // The staff asked for, by agency code ("": the caller's own, `staff`); an agency without an entry has none.
    std::map<std::string, std::vector<StaffRef>> staffOfAgency;
    std::vector<std::string> staffAgencyCalls;
    std::deque<std::exception_ptr> staffErrors;  // thrown by the next Staff calls, one each
    std::vector<StaffRef> Staff(const std::vector<Role>& roles, const std::string& agencyCode) override
    {
        staffCalls.push_back(roles);
        staffAgencyCalls.push_back(agencyCode);
        ThrowNext(staffErrors);
        if (agencyCode.empty())
            return staff;
        const auto it = staffOfAgency.find(agencyCode);
        return it == staffOfAgency.end() ? std::vector<StaffRef>{} : it->second;
    }

    // ISecurityApi: the trails by dossier (none: 404), the enrolment to answer, the code that turns it on.
    std::map<std::int64_t, AuditTrail> trails;
    std::deque<std::exception_ptr> auditErrors;  // thrown by the next DossierAuditTrail calls, one each
    std::vector<std::int64_t> auditCalls;
    TotpEnrolment enrolment{"JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP",
                            "otpauth://totp/MotCua:demo.clerk?secret=JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP&issuer=MotCua"
                            "&algorithm=SHA1&digits=6&period=30"};
    std::deque<std::exception_ptr> totpErrors;  // thrown by the next StartTotp or ConfirmTotp calls, one each
    std::string acceptedCode = "123456";
    std::vector<std::int64_t> totpStarts;
    std::vector<std::pair<std::int64_t, std::string>> totpConfirms;
    AuditTrail DossierAuditTrail(std::int64_t dossierId) override
    {
        auditCalls.push_back(dossierId);
        ThrowNext(auditErrors);
        const auto it = trails.find(dossierId);
        if (it == trails.end())
            throw Problem(ErrorCategory::NotFound, 404, "Dossier not found", "Không tìm thấy hồ sơ");
        return it->second;
    }
    TotpEnrolment StartTotp(std::int64_t staffId) override
    {
        totpStarts.push_back(staffId);
        ThrowNext(totpErrors);
        return enrolment;
    }
    void ConfirmTotp(std::int64_t staffId, const std::string& code) override
    {
        totpConfirms.emplace_back(staffId, code);
        ThrowNext(totpErrors);
        if (code != acceptedCode)
            throw Problem(ErrorCategory::BadInput, 422, "The code is not valid", "Mã không hợp lệ", "otp");
    }

    // Delegations: the agency's list, changed by Delegate and RevokeDelegation as the server would.
    std::vector<Delegation> delegations;
    std::deque<std::exception_ptr> delegationErrors;  // thrown by the next delegation calls, one each
    int delegationLists = 0;
    std::vector<NewDelegation> delegateCalls;
    std::vector<std::int64_t> revokeCalls;
    std::vector<Delegation> Delegations() override
    {
        ++delegationLists;
        ThrowNext(delegationErrors);
        return delegations;
    }
    Delegation Delegate(const NewDelegation& grant) override
    {
        delegateCalls.push_back(grant);
        ThrowNext(delegationErrors);
        Delegation d;
        d.id = 100 + static_cast<std::int64_t>(delegateCalls.size());
        d.delegatorName = "Lê Thị Hồng Nhung";
        d.delegateId = grant.delegateId;
        for (const StaffRef& s : staff)
            if (s.id == grant.delegateId)
                d.delegateName = s.fullName;
        d.from = grant.from;
        d.to = grant.to;
        d.note = grant.note;
        delegations.push_back(d);
        return d;
    }
    void RevokeDelegation(std::int64_t id) override
    {
        revokeCalls.push_back(id);
        ThrowNext(delegationErrors);
        std::erase_if(delegations, [id](const Delegation& d) { return d.id == id; });
    }
    // An administrator's acts on accounts: each recorded as ("unlock" | "sessions" | "totp", staff id).
    std::vector<std::pair<std::string, std::int64_t>> accountActs;
    std::deque<std::exception_ptr> accountErrors;  // thrown by the next account acts, one each
    long long sessionsEnded = 2;
    void UnlockStaff(std::int64_t staffId) override
    {
        accountActs.emplace_back("unlock", staffId);
        ThrowNext(accountErrors);
    }
    long long RevokeStaffSessions(std::int64_t staffId) override
    {
        accountActs.emplace_back("sessions", staffId);
        ThrowNext(accountErrors);
        return sessionsEnded;
    }
    void RemoveStaffTotp(std::int64_t staffId) override
    {
        accountActs.emplace_back("totp", staffId);
        ThrowNext(accountErrors);
    }

private:
    static void ThrowNext(std::deque<std::exception_ptr>& errors)
    {
        if (errors.empty())
            return;
        const std::exception_ptr error = errors.front();
        errors.pop_front();
        if (error)
            std::rethrow_exception(error);
    }
};

// Records each audit trail it was asked to show.
class FakeAuditTrailWindows final : public views::IAuditTrailWindows {
public:
    std::vector<views::AuditTrailViewData> shown;
    void ShowAuditTrail(const views::AuditTrailViewData& data) override { shown.push_back(data); }
};

// The two-step dialog: records what it showed; the test "types" into `code` and presses Turn on.
class FakeTwoStepView final : public views::ITwoStepView {
public:
    views::ITwoStepViewListener* listener = nullptr;
    std::optional<views::TwoStepEnrolmentData> shown;
    std::string code;
    std::string error;
    bool busy = false;
    int closed = 0;

    void PressConfirm()
    {
        BOOST_REQUIRE_MESSAGE(listener, "no presenter listens to the two-step view");
        listener->OnConfirmPressed();
    }
    void SetListener(views::ITwoStepViewListener* l) override { listener = l; }
    void ShowEnrolment(const views::TwoStepEnrolmentData& data) override { shown = data; }
    std::string GetCode() const override { return code; }
    void SetBusy(bool b) override { busy = b; }
    void ShowCodeError(const std::string& message) override { error = message; }
    void CloseEnrolment() override { ++closed; }
};

// The delegation dialog: records what it showed; the test fills `form`, selects a row and presses.
class FakeDelegationView final : public views::IDelegationView {
public:
    views::IDelegationViewListener* listener = nullptr;
    std::vector<views::DelegationRow> rows;
    std::string summary;
    std::vector<std::string> colleagues;
    views::DelegationForm form;
    int selected = -1;
    bool revokeEnabled = false;
    bool busy = false;
    std::string error;
    int listsShown = 0;

    views::IDelegationViewListener& Listener()
    {
        BOOST_REQUIRE_MESSAGE(listener, "no presenter listens to the delegation view");
        return *listener;
    }
    void Select(int row)
    {
        selected = row;
        Listener().OnDelegationSelected();
    }
    void SetListener(views::IDelegationViewListener* l) override { listener = l; }
    void ShowDelegations(const std::vector<views::DelegationRow>& r, const std::string& s) override
    {
        rows = r;
        summary = s;
        selected = -1;
        ++listsShown;
    }
    void ShowColleagues(const std::vector<std::string>& names) override
    {
        colleagues = names;
        form.colleague = -1;
    }
    void SetForm(const views::DelegationForm& f) override { form = f; }
    views::DelegationForm GetForm() const override { return form; }
    int SelectedDelegation() const override { return selected; }
    void EnableRevoke(bool e) override { revokeEnabled = e; }
    void SetBusy(bool b) override { busy = b; }
    void ShowFormError(const std::string& message) override { error = message; }
};

// The staff accounts dialog: records the rows and the buttons' state; the test selects a row and presses.
// Answers /kpis from a table keyed by "from|to|agency"; an absent key is an empty report. Records every call.
class FakeKpiApi final : public IKpiApi {
public:
    std::map<std::string, KpiReport> reports;
    std::vector<AgencyRef> agencies;
    std::vector<KpiQuery> calls;
    std::exception_ptr error;

    KpiReport Kpis(const KpiQuery& query) override
    {
        calls.push_back(query);
        if (error)
            std::rethrow_exception(error);
        const auto it = reports.find(query.from + "|" + query.to + "|" + query.agencyCode);
        return it == reports.end() ? KpiReport{} : it->second;
    }
    std::vector<AgencyRef> Agencies() override { return agencies; }

    // The periodic report: "%PDF…" or "PK…" bytes as asked, each call recorded; `reportError` thrown when set.
    std::vector<std::pair<KpiQuery, bool>> reportCalls;
    std::exception_ptr reportError;
    std::vector<std::uint8_t> PeriodicReport(const KpiQuery& query, bool xlsx) override
    {
        reportCalls.emplace_back(query, xlsx);
        if (reportError)
            std::rethrow_exception(reportError);
        const std::string bytes = xlsx ? "PK\x03\x04 workbook" : "%PDF-1.7 report";
        return std::vector<std::uint8_t>(bytes.begin(), bytes.end());
    }
};

// The export dialog: records what it showed; the test fills `form` and says where to save (`savePath`, "": cancel).
class FakeReportExportView final : public views::IReportExportView {
public:
    views::IReportExportViewListener* listener = nullptr;
    std::vector<std::string> agencies;
    std::size_t agencyChosen = 0;
    views::ReportExportForm form;
    std::string savePath;
    std::vector<std::string> suggestedNames;
    std::string error;
    bool busy = false;

    views::IReportExportViewListener& Listener()
    {
        BOOST_REQUIRE_MESSAGE(listener, "no presenter listens to the export view");
        return *listener;
    }
    void SetListener(views::IReportExportViewListener* l) override { listener = l; }
    void ShowAgencies(const std::vector<std::string>& names, std::size_t chosen) override
    {
        agencies = names;
        agencyChosen = chosen;
        form.agency = static_cast<int>(chosen);
    }
    void SetForm(const views::ReportExportForm& f) override { form = f; }
    views::ReportExportForm GetForm() const override { return form; }
    std::string AskSavePath(const std::string& suggestedName, bool) override
    {
        suggestedNames.push_back(suggestedName);
        return savePath;
    }
    void ShowFormError(const std::string& message) override { error = message; }
    void SetBusy(bool b) override { busy = b; }
};

class FakeStaffAccountsView final : public views::IStaffAccountsView {
public:
    views::IStaffAccountsViewListener* listener = nullptr;
    std::vector<std::string> agencies;
    std::size_t agencyChosen = 0;
    std::vector<views::StaffAccountRow> rows;
    int selected = -1;
    bool actionsEnabled = false;
    bool busy = false;

    views::IStaffAccountsViewListener& Listener()
    {
        BOOST_REQUIRE_MESSAGE(listener, "no presenter listens to the staff accounts view");
        return *listener;
    }
    void Select(int row)
    {
        selected = row;
        Listener().OnStaffSelected();
    }
    void SetListener(views::IStaffAccountsViewListener* l) override { listener = l; }
    void ShowAgencies(const std::vector<std::string>& names, std::size_t chosen) override
    {
        agencies = names;
        agencyChosen = chosen;
    }
    void ChooseAgency(std::size_t index)
    {
        agencyChosen = index;
        Listener().OnAgencyChosen(index);
    }
    void ShowStaff(const std::vector<views::StaffAccountRow>& r) override
    {
        rows = r;
        selected = -1;
    }
    int SelectedStaff() const override { return selected; }
    void EnableAccountActions(bool e) override { actionsEnabled = e; }
    void SetBusy(bool b) override { busy = b; }
};

// A token opened with a PIN: "signs" by appending a line; `failOn` makes it throw for the n-th call (1-based).
class FakeOpenToken final : public IOpenToken {
public:
    std::vector<std::vector<std::uint8_t>> signedPdfs;  // what it was given
    std::map<int, Error> failOn;
    std::vector<std::uint8_t> Sign(const std::vector<std::uint8_t>& pdf) override
    {
        signedPdfs.push_back(pdf);
        if (const auto it = failOn.find(static_cast<int>(signedPdfs.size())); it != failOn.end())
            throw it->second;
        std::vector<std::uint8_t> out = pdf;
        const std::string line = "% signed by the fake token\n";
        out.insert(out.end(), line.begin(), line.end());
        return out;
    }
};

// The signer's token: records each PIN it was opened with; `openError` refuses the PIN or the module.
class FakeResultSigner final : public IResultSigner {
public:
    bool enabled = false;            // as Preferences start: tests of signing turn it on
    std::vector<std::string> opens;  // the PIN of each opening
    std::optional<Error> openError;
    std::shared_ptr<FakeOpenToken> token = std::make_shared<FakeOpenToken>();

    bool Enabled() const override { return enabled; }
    std::function<std::shared_ptr<IOpenToken>()> Opener(const std::string& pin) override
    {
        return [this, pin]() -> std::shared_ptr<IOpenToken> {
            opens.push_back(pin);
            if (openError)
                throw *openError;
            return token;
        };
    }
};

// Answers the PIN dialog from a script (nullopt: Cancel) and records what it showed.
class FakePinPrompt final : public views::IPinPrompt {
public:
    std::deque<std::optional<std::string>> answers;
    std::vector<views::PinRequest> asked;
    std::optional<std::string> AskPin(const views::PinRequest& request) override
    {
        asked.push_back(request);
        BOOST_REQUIRE_MESSAGE(!answers.empty(), "a PIN dialog nobody scripted: " << request.title);
        std::optional<std::string> answer = answers.front();
        answers.pop_front();
        return answer;
    }
};

// Answers action dialogs from a script: the values to "type", or cancel; records what each dialog showed and
// what the check said of the values.
class FakeActionDialogs final : public views::IActionDialogs {
public:
    std::deque<std::optional<views::ActionDialogValues>> answers;  // nullopt: Cancel
    std::vector<views::ActionDialogData> shown;
    std::vector<std::optional<views::ActionFieldError>> checks;

    std::optional<views::ActionDialogValues> AskAction(const views::ActionDialogData& data,
                                                       const views::ActionDialogCheck& check) override
    {
        shown.push_back(data);
        BOOST_REQUIRE_MESSAGE(!answers.empty(), "a dialog nobody scripted: " << data.title);
        std::optional<views::ActionDialogValues> answer = answers.front();
        answers.pop_front();
        if (!answer)
            return std::nullopt;
        checks.push_back(check(*answer));
        // A dialog whose check fails stays open: the test scripted the user's correction as the next answer.
        while (checks.back()) {
            BOOST_REQUIRE_MESSAGE(!answers.empty(),
                                  "the check refused " << data.title << ": " << checks.back()->message);
            answer = answers.front();
            answers.pop_front();
            if (!answer)
                return std::nullopt;
            checks.push_back(check(*answer));
        }
        return answer;
    }
};

// The login dialog over the work: records each renewal; `renew` false leaves the user logged out (cancelled).
class FakeSessionRenewal final : public ISessionRenewal {
public:
    int renewals = 0;
    bool renew = true;
    std::function<void()> beforeResume;  // e.g. make the fake server accept the new session
    void RenewSession(std::function<void()> resume) override
    {
        ++renewals;
        if (!renew)
            return;
        if (beforeResume)
            beforeResume();
        resume();
    }
};

// Calls later only when the test says the time has come.
class ManualCallLater final : public ICallLater {
public:
    void CallLater(std::chrono::milliseconds delay, std::function<void()> call) override
    {
        delays.push_back(delay);
        m_calls.push_back(std::move(call));
    }
    std::size_t Waiting() const noexcept { return m_calls.size(); }
    // The period has passed: runs what was waiting (calls made meanwhile wait for the next time).
    void Elapse()
    {
        auto calls = std::move(m_calls);
        m_calls.clear();
        for (auto& call : calls)
            call();
    }
    std::vector<std::chrono::milliseconds> delays;

private:
    std::vector<std::function<void()>> m_calls;
};

class FakeLoginView final : public views::ILoginView {
public:
    views::ILoginViewListener* listener = nullptr;
    bool closed = false;
    std::string server = "http://127.0.0.1:8080";
    std::string username;
    std::string password;
    std::string otp;
    bool otpShown = false;
    std::vector<bool> busyChanges;
    std::optional<std::pair<std::string, std::string>> error;  // message, field
    bool busy = false;
    bool errorShownWhileBusy = false;

    // What the dialog does when "Log in" is pressed.
    void PressLogIn()
    {
        BOOST_REQUIRE_MESSAGE(listener, "no presenter listens to the login view");
        listener->OnLogInPressed();
    }
    void SetListener(views::ILoginViewListener* l) override { listener = l; }
    std::string GetServerUrl() const override { return server; }
    std::string GetUsername() const override { return username; }
    std::string GetPassword() const override { return password; }
    std::string GetOtp() const override { return otp; }
    void ShowOtp() override { otpShown = true; }
    void SetBusy(bool b) override
    {
        busy = b;
        busyChanges.push_back(b);
    }
    void ShowError(const std::string& message, const std::string& field) override
    {
        error = std::make_pair(message, field);
        errorShownWhileBusy = errorShownWhileBusy || busy;
    }
    void ClearError() override { error.reset(); }
    void CloseLoggedIn() override { closed = true; }
};

class RecordingLoginListener final : public ILoginListener {
public:
    std::vector<Session> sessions;
    int started = 0;
    void LoginStarted() override { ++started; }
    void LoggedIn(const Session& session) override { sessions.push_back(session); }
};

class RecordingSelection final : public IDossierSelectionListener {
public:
    std::vector<std::int64_t> selected;
    void DossierSelected(const InboxRow& item) override { selected.push_back(item.id); }
};

class RecordingDossierChanges final : public IDossierChangeListener {
public:
    std::vector<InboxRow> changes;
    void DossierChanged(const InboxRow& item) override { changes.push_back(item); }
};

// A clock that stays where the test put it.
class FixedClock final : public Clock {
public:
    explicit FixedClock(Instant now) : m_now(now) {}
    Instant Now() const override { return m_now; }

private:
    Instant m_now;
};

class FakeListView final : public views::IDossierListView {
public:
    views::IDossierListRows* rows = nullptr;
    std::vector<views::ListColumnSpec> columns;
    std::optional<views::ListColumn> sortColumn;
    bool sortDescending = false;
    std::size_t rowCount = 0;
    int freshCount = 0;  // how often the list was told it shows another list
    std::vector<std::size_t> refreshed;
    int refreshAll = 0;
    std::optional<std::size_t> focused;
    std::string title;
    bool busy = false;
    std::string status;

    std::vector<views::ListColumn> Shown() const
    {
        std::vector<views::ListColumn> shown;
        for (const auto& c : columns)
            if (c.shown)
                shown.push_back(c.column);
        return shown;
    }
    void SetRows(views::IDossierListRows* r) override { rows = r; }
    void SetColumns(const std::vector<views::ListColumnSpec>& c) override { columns = c; }
    void SetSortIndicator(std::optional<views::ListColumn> column, bool descending) override
    {
        sortColumn = column;
        sortDescending = descending;
    }
    void SetRowCount(std::size_t count, bool fresh) override
    {
        rowCount = count;
        if (fresh) {
            ++freshCount;
            focused.reset();
        }
    }
    void RefreshRow(std::size_t row) override { refreshed.push_back(row); }
    void RefreshAll() override { ++refreshAll; }
    std::optional<std::size_t> FocusedRow() const override { return focused; }
    void FocusRow(std::size_t row) override { focused = row; }
    void SetTitle(const std::string& t) override { title = t; }
    void SetBusy(bool b) override { busy = b; }
    void SetStatusText(const std::string& text) override { status = text; }
    std::vector<std::size_t> selectedRows;
    std::vector<std::size_t> SelectedRows() const override { return selectedRows; }
    void SetSelectedRows(const std::vector<std::size_t>& selected) override { selectedRows = selected; }
};

class FakeNavView final : public views::INavView {
public:
    views::INavViewListener* listener = nullptr;
    std::vector<views::NavEntry> entries;
    std::optional<std::size_t> selected;
    bool busy = false;

    void Choose(std::size_t index)
    {
        BOOST_REQUIRE_MESSAGE(listener, "no presenter listens to the navigation pane");
        selected = index;
        listener->OnQueueChosen(index);
    }
    void SetListener(views::INavViewListener* l) override { listener = l; }
    void SetEntries(const std::vector<views::NavEntry>& e) override { entries = e; }
    void SelectEntry(std::optional<std::size_t> index) override { selected = index; }
    void SetBusy(bool b) override { busy = b; }
};

class FakeSearchView final : public views::ISearchView {
public:
    views::ISearchViewListener* listener = nullptr;
    std::vector<std::pair<int, std::string>> statusChoices;
    views::SearchFields fields;
    std::string message;
    std::string messageField;
    int cleared = 0;

    void SetListener(views::ISearchViewListener* l) override { listener = l; }
    void SetStatusChoices(const std::vector<std::pair<int, std::string>>& c) override { statusChoices = c; }
    views::SearchFields Fields() const override { return fields; }
    void ClearFields() override
    {
        fields = {};
        ++cleared;
    }
    void ShowMessage(const std::string& m, const std::string& f) override
    {
        message = m;
        messageField = f;
    }
};

class FakeLiveStatusView final : public views::ILiveStatusView {
public:
    std::vector<std::pair<std::string, bool>> shown;
    void SetLiveStatus(const std::string& text, bool ok) override { shown.emplace_back(text, ok); }
};

class RecordingChoices final : public IListChoiceListener, public ISearchListener {
public:
    std::vector<ListSource> chosen;
    std::vector<ListSource> searches;
    int cleared = 0;
    void ListChosen(const ListSource& source) override { chosen.push_back(source); }
    void SearchRequested(const ListSource& source) override { searches.push_back(source); }
    void SearchCleared() override { ++cleared; }
};

class FakeDetailView final : public views::IDetailView {
public:
    views::IDetailViewListener* listener = nullptr;
    std::optional<views::DetailViewData> shown;
    std::string emptyHint;
    bool acceptEnabled = false;
    bool receiptEnabled = false;
    bool auditShown = false;
    bool auditEnabled = false;
    bool busy = false;
    int busyCount = 0;

    // What the pane does when its buttons are pressed.
    void PressAccept()
    {
        BOOST_REQUIRE_MESSAGE(listener, "no presenter listens to the detail view");
        listener->OnAcceptPressed();
    }
    void PressOpenReceipt()
    {
        BOOST_REQUIRE_MESSAGE(listener, "no presenter listens to the detail view");
        listener->OnOpenReceiptPressed();
    }
    void PressOutput(std::size_t row, views::DocumentUse use)
    {
        BOOST_REQUIRE_MESSAGE(listener, "no presenter listens to the detail view");
        listener->OnOutputUsed(row, use);
    }
    void PressAuditTrail()
    {
        BOOST_REQUIRE_MESSAGE(listener, "no presenter listens to the detail view");
        listener->OnAuditTrailPressed();
    }
    void SetListener(views::IDetailViewListener* l) override { listener = l; }
    void ShowDossier(const views::DetailViewData& data) override { shown = data; }
    void ShowEmpty(const std::string& hint) override
    {
        shown.reset();
        emptyHint = hint;
    }
    void SetAcceptEnabled(bool e) override { acceptEnabled = e; }
    void SetReceiptEnabled(bool e) override { receiptEnabled = e; }
    void ShowAuditTrailButton(bool visible) override { auditShown = visible; }
    void SetAuditTrailEnabled(bool e) override { auditEnabled = e; }
    void SetBusy(bool b) override
    {
        busy = b;
        if (b)
            ++busyCount;
    }
    std::string Field(const std::string& label) const
    {
        if (!shown)
            return "<nothing shown>";
        for (const views::DetailField& f : shown->fields)
            if (f.label == label)
                return f.value;
        return "<no field " + label + ">";
    }
};

class RecordingAlert final : public views::Alert {
public:
    struct Message {
        std::string text;
        std::string details;
    };
    std::vector<Message> errors;
    std::vector<std::string> infos;
    std::vector<std::string> questions;
    bool answer = true;

    void ShowError(const std::string& message, const std::string& details) override
    {
        errors.push_back({message, details});
    }
    void ShowInfo(const std::string& message) override { infos.push_back(message); }
    bool AskYesNo(const std::string& question) override
    {
        questions.push_back(question);
        return answer;
    }
};

class RecordingLauncher final : public IDocumentLauncher {
public:
    std::vector<std::filesystem::path> opened;
    void OpenDocument(const std::filesystem::path& file) override { opened.push_back(file); }
};

// Records each print job and preview (its files and title); answers the print dialog with `answer`, or throws
// `failure` (a printer that cannot read a file, no printer).
class RecordingPrinter final : public IDocumentPrinter {
public:
    struct Job {
        std::vector<std::filesystem::path> files;
        std::string title;
    };
    std::vector<Job> printed;
    std::vector<Job> previewed;
    bool answer = true;
    std::exception_ptr failure;
    bool Print(const std::vector<std::filesystem::path>& files, const std::string& title) override
    {
        if (failure)
            std::rethrow_exception(failure);
        if (answer)
            printed.push_back({files, title});
        return answer;
    }
    void Preview(const std::vector<std::filesystem::path>& files, const std::string& title) override
    {
        if (failure)
            std::rethrow_exception(failure);
        previewed.push_back({files, title});
    }
};

// Stands in for wx's event queue, the test being the UI thread: deliveries queue here and run when the test waits.
class UiThread {
public:
    void Post(std::function<void()> call)
    {
        {
            const std::lock_guard lock(m_mutex);
            m_calls.push_back(std::move(call));
        }
        m_wake.notify_all();
    }
    // Runs one queued call, waiting up to 5 s for it; false when none came.
    bool RunOne()
    {
        std::unique_lock lock(m_mutex);
        if (!m_wake.wait_for(lock, std::chrono::seconds(5), [this] { return !m_calls.empty(); }))
            return false;
        auto call = std::move(m_calls.front());
        m_calls.pop_front();
        lock.unlock();
        call();
        return true;
    }
    // Runs deliveries until `done` holds; false after `timeout`.
    bool RunUntil(const std::function<bool()>& done,
                  std::chrono::milliseconds timeout = std::chrono::milliseconds{5000})
    {
        const auto until = std::chrono::steady_clock::now() + timeout;
        while (!done()) {
            std::unique_lock lock(m_mutex);
            if (!m_wake.wait_until(lock, until, [this] { return !m_calls.empty(); }))
                return done();
            auto call = std::move(m_calls.front());
            m_calls.pop_front();
            lock.unlock();
            call();
        }
        return true;
    }

private:
    std::mutex m_mutex;
    std::condition_variable m_wake;
    std::deque<std::function<void()>> m_calls;
};

class RecordingLive final : public ILiveEventsListener {
public:
    std::vector<LiveState> states;
    std::vector<DossierEvent> events;
    int resets = 0;
    void LiveStateChanged(LiveState state) override { states.push_back(state); }
    void DossierEventArrived(const DossierEvent& event) override { events.push_back(event); }
    void ResetArrived() override { ++resets; }
    int Count(LiveState state) const { return static_cast<int>(std::count(states.begin(), states.end(), state)); }
};

// A fresh folder under the system's temporary directory for one test's files, deleted with them.
class TempFolder {
public:
    TempFolder()
        : m_path(std::filesystem::temp_directory_path() /
                 ("motcua-desk-test-" + std::to_string(::getpid()) + "-" + std::to_string(++s_counter)))
    {}
    ~TempFolder()
    {
        std::error_code ec;
        std::filesystem::remove_all(m_path, ec);
    }
    TempFolder(const TempFolder&) = delete;
    TempFolder& operator=(const TempFolder&) = delete;
    const std::filesystem::path& Path() const { return m_path; }

private:
    static inline int s_counter = 0;
    std::filesystem::path m_path;
};

using Catalogue = std::map<std::string, std::string>;

// Installs a tiny Vietnamese "catalogue" for the test's lifetime and restores the identity translator after.
class VietnameseUi {
public:
    explicit VietnameseUi(const std::map<std::string, std::string>& catalogue)
    {
        SetTranslator(
            [catalogue](const char* msgid) {
                const auto it = catalogue.find(msgid);
                return it == catalogue.end() ? std::string(msgid) : it->second;
            },
            true);
    }
    ~VietnameseUi() { SetTranslator(nullptr, false); }
    VietnameseUi(const VietnameseUi&) = delete;
    VietnameseUi& operator=(const VietnameseUi&) = delete;
};

}  // namespace motcua::desktop::test
