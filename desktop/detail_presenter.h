// The detail pane: one dossier's applicant, procedure, documents and history, and the clerk's Accept.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "desktop/receipt_opener.h"
#include "desktop/staff_api.h"
#include "model/clock.h"
#include "views/alert.h"
#include "views/detail_view.h"

namespace motcua::desktop {

// Told when the dossier shown changed here (accepted) or was found changed (conflict), with its new inbox fields;
// the shell implements it to update the inbox row.
class IDossierChangeListener {
public:
    virtual ~IDossierChangeListener() = default;
    virtual void DossierChanged(const InboxRow& item) = 0;
};

class DetailPresenter final : public views::IDetailViewListener {
public:
    // `view`, `clock` and `changes` must outlive the presenter.
    DetailPresenter(views::IDetailView& view, IStaffApi& api, views::Alert& alert, ReceiptOpener& receipts,
                    StaffMember staff, const Clock& clock, IDossierChangeListener& changes);
    ~DetailPresenter() override;
    DetailPresenter(const DetailPresenter&) = delete;
    DetailPresenter& operator=(const DetailPresenter&) = delete;

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

    void OnAcceptPressed() override { Accept(); }
    void OnOpenReceiptPressed() override { OpenReceipt(); }

private:
    void Render();
    views::DetailViewData BuildViewData(const DossierDetail& d) const;

    views::IDetailView& m_view;
    IStaffApi& m_api;
    views::Alert& m_alert;
    ReceiptOpener& m_receipts;
    StaffMember m_staff;
    const Clock& m_clock;
    IDossierChangeListener& m_changes;
    std::optional<DossierDetail> m_current;
};

}  // namespace motcua::desktop
