// The detail pane: read-only labelled fields, the documents submitted, the documents issued (each to preview, print or
// open in the viewer), the history, and the Accept / Open receipt / Audit trail buttons.
#pragma once

#include <vector>

#include <wx/panel.h>

#include "views/busy_cursor.h"
#include "views/detail_view.h"

class wxButton;
class wxFlexGridSizer;
class wxListCtrl;
class wxScrolledWindow;
class wxStaticText;

namespace motcua::views {

class DetailPanel final : public wxPanel, public IDetailView {
public:
    explicit DetailPanel(wxWindow* parent);

    void SetListener(IDetailViewListener* listener) override { m_listener = listener; }
    void ShowDossier(const DetailViewData& data) override;
    void ShowEmpty(const std::string& hint) override;
    void SetAcceptEnabled(bool enabled) override;
    void SetReceiptEnabled(bool enabled) override;
    void ShowAuditTrailButton(bool shown) override;
    void SetAuditTrailEnabled(bool enabled) override;
    void SetBusy(bool busy) override;

    // For tests and accessibility tools: the value shown for a field label, or "" if there is none.
    wxString FieldValue(const wxString& label) const;
    wxButton* AcceptButton() const { return m_acceptButton; }
    wxButton* ReceiptButton() const { return m_receiptButton; }
    wxButton* AuditTrailButton() const { return m_auditButton; }
    wxListCtrl* DocumentsList() const { return m_documents; }
    // The documents the server issued, and the buttons acting on the one selected there.
    wxListCtrl* OutputsList() const { return m_outputs; }
    wxButton* OutputButton(DocumentUse use) const;
    wxListCtrl* HistoryList() const { return m_history; }
    wxString Heading() const;

private:
    void WrapValues();
    void EnableOutputButtons();
    void UseSelectedOutput(DocumentUse use);

    wxStaticText* m_emptyLabel = nullptr;
    wxScrolledWindow* m_body = nullptr;
    wxStaticText* m_heading = nullptr;
    wxString m_headingText;  // before wrapping
    wxFlexGridSizer* m_fieldGrid = nullptr;
    std::vector<std::pair<wxStaticText*, wxStaticText*>> m_fields;  // label, value
    std::vector<wxString> m_fieldTexts;                             // values before wrapping
    wxListCtrl* m_documents = nullptr;
    wxListCtrl* m_outputs = nullptr;
    wxButton* m_outputPreview = nullptr;
    wxButton* m_outputPrint = nullptr;
    wxButton* m_outputOpen = nullptr;
    wxListCtrl* m_history = nullptr;
    wxButton* m_acceptButton = nullptr;
    wxButton* m_receiptButton = nullptr;
    wxButton* m_auditButton = nullptr;
    bool m_acceptEnabled = false;
    bool m_receiptEnabled = false;
    bool m_auditEnabled = false;
    BusyCursor m_busy;
    IDetailViewListener* m_listener = nullptr;
};

}  // namespace motcua::views
