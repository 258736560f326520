// The detail pane: one dossier's applicant, procedure, documents and history, and the clerk's Accept.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "desktop/alert.h"
#include "desktop/clock.h"
#include "desktop/receipt_opener.h"
#include "desktop/staff_api.h"

namespace motcua::desktop {

struct DetailField {
    std::string label;
    std::string value;
};

struct DetailDocumentRow {
    std::string name;
    std::string form;
    std::string count;
};

struct DetailHistoryRow {
    std::string at;
    std::string step;
    std::string by;      // the staff member's name, or the role ("Citizen") when no staff member acted
    std::string status;  // the status the step led to
    std::string note;
};

// Everything the pane shows, already as text in the UI language.
struct DetailViewData {
    std::string heading;  // "<code> — <applicant>"
    std::vector<DetailField> fields;
    std::vector<DetailDocumentRow> documents;
    std::vector<DetailHistoryRow> history;
    bool overdue = false;
};

class IDetailView {
public:
    virtual ~IDetailView() = default;
    virtual void ShowDossier(const DetailViewData& data) = 0;
    // No dossier selected (or it could not be loaded): the hint says what to do.
    virtual void ShowEmpty(const std::string& hint) = 0;
    virtual void SetAcceptEnabled(bool enabled) = 0;
    virtual void SetReceiptEnabled(bool enabled) = 0;
    virtual void SetBusy(bool busy) = 0;
};

class DetailPresenter {
public:
    DetailPresenter(IDetailView& view, IStaffApi& api, Alert& alert, ReceiptOpener& receipts, StaffIdentity staff,
                    Clock clock);

    // Called with the dossier's new inbox fields after it changed here (accepted) or was found changed (conflict).
    void SetChangeHandler(std::function<void(const InboxItem&)> handler) { m_onChange = std::move(handler); }
    // Loads and shows a dossier; on failure the pane is emptied and the alert explains.
    void Show(std::int64_t dossierId);
    void Clear();
    // Accept is offered only for a newly submitted dossier to a clerk; the server still decides.
    bool CanAccept() const noexcept;
    bool CanOpenReceipt() const noexcept;
    // Accept with the version shown; on success offers to open the receipt; on a conflict explains and reloads.
    void Accept();
    void OpenReceipt();
    const std::optional<DossierDetail>& Current() const noexcept { return m_current; }

private:
    void Render();
    DetailViewData BuildViewData(const DossierDetail& d) const;

    IDetailView& m_view;
    IStaffApi& m_api;
    Alert& m_alert;
    ReceiptOpener& m_receipts;
    StaffIdentity m_staff;
    Clock m_clock;
    std::optional<DossierDetail> m_current;
    std::function<void(const InboxItem&)> m_onChange;
};

}  // namespace motcua::desktop
