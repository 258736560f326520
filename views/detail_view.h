// The detail pane as its presenter sees it: one dossier as text, its issued documents, the Accept / Open receipt /
// Audit trail buttons and their presses.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

namespace motcua::views {

struct DetailField {
    std::string label;
    std::string value;
};

struct DetailDocumentRow {
    std::string name;
    std::string form;
    std::string count;
};

// A document the server issued for the dossier (receipt, notices, control sheet, result), oldest first.
struct DetailOutputRow {
    std::string name;  // "Request for supplement (form 02)"
    std::string issued;
};

// What is done with one of the dossier's documents.
enum class DocumentUse { Open, Preview, Print };

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
    std::vector<DetailOutputRow> outputs;
    std::vector<DetailHistoryRow> history;
    bool overdue = false;
};

// What the detail pane tells its presenter; DetailPresenter implements it.
class IDetailViewListener {
public:
    virtual ~IDetailViewListener() = default;
    virtual void OnAcceptPressed() = 0;
    virtual void OnOpenReceiptPressed() = 0;
    // The issued document at `row` of DetailViewData::outputs, opened in the viewer, previewed or printed.
    virtual void OnOutputUsed(std::size_t row, DocumentUse use) = 0;
    // "Audit trail…": the dossier's audit trail in a window of its own.
    virtual void OnAuditTrailPressed() = 0;
};

class IDetailView {
public:
    virtual ~IDetailView() = default;
    // The presenter hands itself over when it is made and takes itself back (nullptr) when it goes.
    virtual void SetListener(IDetailViewListener* listener) = 0;
    virtual void ShowDossier(const DetailViewData& data) = 0;
    // No dossier selected (or it could not be loaded): the hint says what to do.
    virtual void ShowEmpty(const std::string& hint) = 0;
    virtual void SetAcceptEnabled(bool enabled) = 0;
    virtual void SetReceiptEnabled(bool enabled) = 0;
    // The "Audit trail…" button exists only for the roles that may read trails; hidden, it takes no room.
    virtual void ShowAuditTrailButton(bool shown) = 0;
    virtual void SetAuditTrailEnabled(bool enabled) = 0;
    virtual void SetBusy(bool busy) = 0;
};

}  // namespace motcua::views
