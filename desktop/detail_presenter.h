// The detail pane: one dossier's applicant, procedure, documents and history, loaded off the UI thread; the
// actions on it go through ActionPresenter.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "desktop/action_presenter.h"
#include "desktop/audit_trail_presenter.h"
#include "desktop/receipt_opener.h"
#include "desktop/staff_api.h"
#include "desktop/task_runner.h"
#include "model/clock.h"
#include "views/alert.h"
#include "views/detail_view.h"

namespace motcua::desktop {

// Told when the dossier shown changed here (an action) or was found changed (conflict), with its new inbox fields;
// the shell implements it to update the inbox row.
class IDossierChangeListener {
public:
    virtual ~IDossierChangeListener() = default;
    virtual void DossierChanged(const InboxRow& item) = 0;
    // Another dossier, or the same one changed, is shown (or none): what the Dossier commands offer may differ.
    virtual void ShownDossierChanged() {}
};

class DetailPresenter final : public views::IDetailViewListener, public IDossierHost {
public:
    // `view`, `tasks`, `clock` and `changes` must outlive the presenter.
    DetailPresenter(views::IDetailView& view, IStaffApi& api, ITaskRunner& tasks, views::Alert& alert,
                    ReceiptOpener& receipts, StaffMember staff, const Clock& clock, IDossierChangeListener& changes);
    ~DetailPresenter() override;
    DetailPresenter(const DetailPresenter&) = delete;
    DetailPresenter& operator=(const DetailPresenter&) = delete;

    // The actions' presenter (Accept and the commands go there) and who renews an expired session; either may be
    // null (nothing happens then).
    void SetActions(ActionPresenter* actions, ISessionRenewal* renewal)
    {
        m_actions = actions;
        m_renewal = renewal;
    }
    // Who shows the dossier's audit trail (null: nobody; the button is hidden as for a role that may not read it).
    void SetAuditTrail(AuditTrailPresenter* audit);

    // Loads and shows a dossier off the UI thread (a newer Show drops the older answer); on failure the pane is
    // emptied and the alert explains.
    void Show(std::int64_t dossierId);
    void Clear();
    bool CanAccept() const noexcept;
    bool CanOpenReceipt() const noexcept;
    // The dossier has a result document (issued at approval, signed when the province signs).
    bool CanOpenResult() const noexcept;
    // Accept with the version shown (ActionPresenter: the receipt offered, a conflict explained and reloaded).
    void Accept();
    // The receipt in the system's viewer, in a print preview window, or to the printer after its dialog.
    void UseReceipt(views::DocumentUse use);
    // The latest result the same three ways.
    void UseResult(views::DocumentUse use);
    // Any document the server issued for the dossier (DossierDetail::outputs, oldest first) the same three ways.
    void UseOutput(std::size_t row, views::DocumentUse use);
    const std::optional<DossierDetail>& Current() const noexcept { return m_current; }
    bool Loading() const noexcept { return m_tasks.Busy(); }

    void OnAcceptPressed() override { Accept(); }
    void OnOpenReceiptPressed() override { UseReceipt(views::DocumentUse::Open); }
    void OnOutputUsed(std::size_t row, views::DocumentUse use) override { UseOutput(row, use); }
    void OnAuditTrailPressed() override;

    // IDossierHost
    const DossierDetail* ShownDossier() const override { return m_current ? &*m_current : nullptr; }
    void DossierActedOn(const DossierDetail& after) override;
    void ReloadShown() override;
    void SetWorking(bool working) override;

private:
    // `document`'s id 0: the receipt as GET …/receipt serves it (a server may not list it among the outputs).
    void UseDocument(const OutputRef& document, views::DocumentUse use);
    void Load(std::int64_t dossierId, bool tellTheList);
    void Render();
    views::DetailViewData BuildViewData(const DossierDetail& d) const;

    views::IDetailView& m_view;
    IStaffApi& m_api;
    TaskScope m_tasks;
    views::Alert& m_alert;
    ReceiptOpener& m_receipts;
    StaffMember m_staff;
    const Clock& m_clock;
    IDossierChangeListener& m_changes;
    ActionPresenter* m_actions = nullptr;
    ISessionRenewal* m_renewal = nullptr;
    AuditTrailPresenter* m_audit = nullptr;
    std::optional<DossierDetail> m_current;
    int m_working = 0;
};

}  // namespace motcua::desktop
