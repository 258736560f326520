// What staff do to dossiers as their presenters see it: the Dossier commands (menu, toolbar, context menus, keys),
// the dialog that asks an action's input, and the progress of a bulk run.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace motcua::views {

// One command of the Dossier menu; `id` is the presenter's (an action's number), the view only hands it back.
struct DossierCommand {
    int id = 0;
    std::string label;        // with its mnemonic: "Request &supplement…"
    std::string accelerator;  // wx syntax, "Ctrl+Shift+S"; "" for none
    std::string help;         // the status bar's line
    bool onToolbar = false;
};

// Commands of the Dossier menu that are not workflow actions (ids above every action's number, up to the last).
inline constexpr int kOpenReceiptCommand = 1001;
inline constexpr int kBulkAssignCommand = 1002;
inline constexpr int kBulkPrintReceiptsCommand = 1003;
inline constexpr int kPreviewReceiptCommand = 1004;
inline constexpr int kPrintReceiptCommand = 1005;
inline constexpr int kBulkApproveAndSignCommand = 1006;
inline constexpr int kBulkSignResultsCommand = 1007;
inline constexpr int kOpenResultCommand = 1010;
inline constexpr int kPreviewResultCommand = 1011;
inline constexpr int kPrintResultCommand = 1012;
inline constexpr int kBulkPrintResultsCommand = 1013;
inline constexpr int kLastDossierCommand = kBulkPrintResultsCommand;

// What the main window's Dossier, Preferences and About commands tell the shell.
class IDeskCommandListener {
public:
    virtual ~IDeskCommandListener() = default;
    virtual void OnDossierCommand(int id) = 0;
    virtual void OnPreferencesPressed() = 0;
    virtual void OnAboutPressed() = 0;
};

// The inputs an action dialog can ask for, in the order shown.
enum class ActionField { MissingDocuments, Choice, NewDueDate, Reason, Note };

struct ActionChoice {
    std::string key;
    std::string label;
};

// Everything an action dialog shows, already as text in the UI language.
struct ActionDialogData {
    std::string title;  // "Request supplement — <code>"
    std::string intro;  // what will happen, one or two sentences
    std::string okLabel;
    std::vector<ActionField> fields;
    std::string reasonLabel;  // the Reason field's label (grounds of a refusal, of stopping, …)
    std::string noteLabel;
    std::string choiceLabel;              // "Handler", "Agency", "Outcome"
    std::vector<ActionChoice> choices;    // the Choice field's list
    std::vector<ActionChoice> documents;  // the MissingDocuments field's checklist
    std::string otherDocumentsLabel;      // a free-text line for documents not on the list
    std::string newDueDate;               // prefilled, "dd/mm/yyyy hh:mm"
};

struct ActionDialogValues {
    std::vector<std::string> checkedDocuments;  // keys of the checked documents
    std::string otherDocuments;                 // one per line
    std::string choice;                         // the chosen key, "" for none
    std::string newDueDate;
    std::string reason;
    std::string note;
};

struct ActionFieldError {
    ActionField field = ActionField::Reason;
    std::string message;  // in the UI language
};

// Called when OK is pressed; an error keeps the dialog open, shows the message and focuses the field.
using ActionDialogCheck = std::function<std::optional<ActionFieldError>(const ActionDialogValues&)>;

// The modal dialogs of the actions; implemented by the wx shell and by test fakes.
class IActionDialogs {
public:
    virtual ~IActionDialogs() = default;
    // The values once OK was pressed and `check` passed; nothing when cancelled.
    virtual std::optional<ActionDialogValues> AskAction(const ActionDialogData& data,
                                                        const ActionDialogCheck& check) = 0;
};

// A bulk run's progress (modeless, with Cancel); the presenter asks Cancelled() between items.
class IBulkProgress {
public:
    virtual ~IBulkProgress() = default;
    virtual void Begin(const std::string& title, int total) = 0;
    virtual void Step(int done, const std::string& text) = 0;
    virtual bool Cancelled() const = 0;
    virtual void End() = 0;
};

}  // namespace motcua::views
