// Use case "act on a dossier": every staff action of the workflow with its own rules, deadlines, history and forms.
#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "model/clock.h"
#include "model/delegation.h"
#include "model/dossier.h"
#include "model/postgres/store.h"
#include "model/staff.h"
#include "model/working_calendar.h"
#include "server/usecases/form_printer.h"

namespace motcua::server {

// Liên thông: the dossier moves to the other agency (sequential), or goes to several at once with a lead (parallel).
enum class ForwardMode { Sequential, Parallel };

// An action and its fields as the staff API receives them; fields an action does not use are ignored.
struct ActionRequest {
    Action action = Action::Accept;
    int version = 0;
    std::optional<std::int64_t> staffId;         // assign: to whom
    std::string agencyCode;                      // forward: to which agency
    ForwardMode mode = ForwardMode::Sequential;  // forward
    std::vector<std::string> missingDocuments;   // request_supplement: every missing document, in one notice
    std::string note;                            // request_supplement, propose_result (reasons of a refusal), …
    std::string reason;                          // refuse, return_for_rework, stop, reschedule
    std::optional<Outcome> outcome;              // propose_result
    std::optional<Instant> newDueAt;             // reschedule; forward in parallel: the consulted agency's deadline
    std::vector<SubmittedDocument> documents;    // supplement: what the citizen supplies online
};

class DossierActions {
public:
    // Art. 19.5: a dossier whose supplement did not come within this many calendar days of the notice is closed.
    static constexpr std::chrono::days kSupplementWait{15};

    DossierActions(pg::Store& store, const Clock& clock, const WorkingCalendar& calendar, const FormPrinter& forms);

    const WorkingCalendar& Calendar() const noexcept { return m_calendar; }  // the queues' "due soon" reads it too

    // In this order: NotFound outside the caller's agency; Conflict (who changed it and when) on a stale version;
    // NotAllowed when the role or the state forbids the action, or a rule of the action does (the assigned handler,
    // a deadline, the once-only rules); BadInput naming the field for a missing or invalid field. Nothing is written
    // unless the action succeeds. Returns the dossier as stored.
    Dossier Execute(const StaffMember& staff, std::int64_t dossierId, const ActionRequest& request);

    // The citizen's own steps on their dossier (supplement, withdraw), as the table allows the citizen role, on the
    // dossier as the caller read it (its version: a change in between answers Conflict). NotAllowed with a message
    // for the citizen when the dossier's state does not allow the step (no supplement was requested, …); BadInput
    // naming the field; nothing is written unless the step succeeds. Returns the dossier as stored.
    Dossier ExecuteForCitizen(const Dossier& dossier, const ActionRequest& request);
    // The table's row for the citizen's `action` on `dossier` as it stands, or NotAllowed with the citizen's message
    // (what ExecuteForCitizen checks first; callers may check before reading a body).
    static const Transition& CitizenStep(const Dossier& dossier, Action action);

    // The API actions `staff` may ask for now, by the table and the rules that need no more than the dossier and the
    // caller (the agency holding it or consulted, the assigned handler, the agency's assignment setting, an open
    // consultation); deadline rules are checked only when asked. Consult is listed as `forward` (its API name).
    // `consultations` and `agencies` are the dossier's and the province's, as the caller has loaded them;
    // `resultProposer` (Store::ResultProposer) keeps approval from whoever proposed the result; `holdsDelegation`:
    // the caller holds a manager's delegation of approval today (Store::DelegationFor), which lends its decisions.
    static std::vector<Action> AllowedActions(const StaffMember& staff, const Dossier& dossier,
                                              const std::vector<pg::Consultation>& consultations,
                                              const std::vector<Agency>& agencies,
                                              std::optional<std::int64_t> resultProposer = std::nullopt,
                                              bool holdsDelegation = false);
    // Who proposed the dossier's current result, from its history (the latest proposal); empty when none did.
    static std::optional<std::int64_t> ResultProposer(const std::vector<pg::HistoryRow>& history);
    // The delegation of approval that lends `staff` today a decision on `dossier` as it stands (`action`, or any
    // when empty): a decision the manager could take now and the caller's own role cannot, at their agency. Empty
    // when none does; the store is asked only when a delegation could matter.
    std::optional<Delegation> LendingDelegation(const StaffMember& staff, const Dossier& dossier,
                                                std::optional<Action> action = std::nullopt);

    // Paper intake at the desk: the clerk types in a walk-in (or posted) dossier and accepts it at once, in one
    // transaction (two history rows, the receipt stored). `dossier` carries applicant, documents, form data,
    // procedure and channel; it is validated here.
    Dossier TakeInAtDesk(const StaffMember& staff, Dossier dossier, const DossierCodeFormat& codeFormat);

    // The scheduled job: closes every dossier whose supplement request has waited more than 15 days (art. 19.5),
    // as the server itself. Safe to run in several processes at once: a dossier another process closed first is
    // skipped. Returns how many this call closed.
    int CloseUnsupplied(int batchSize = 100);

private:
    // What the step changes besides the state, its note, stage deadline, hand-over and forms: the parts of the
    // transition that depend on the action (Execute fills in the dossier, version, row, staff and time).
    pg::TransitionRequest Prepare(const StaffMember& staff, const Dossier& dossier, const Transition& t,
                                  const ActionRequest& request, Instant now) const;
    // Applies `transition` to `dossier` as `actor` (staffId: the acting staff member, empty for the citizen).
    // `onBehalfOf`: the delegator, when the actor uses a delegation of approval.
    Dossier Apply(const StaffMember& actor, std::optional<std::int64_t> staffId, const Dossier& dossier,
                  const Transition& transition, const ActionRequest& request,
                  std::optional<std::int64_t> onBehalfOf = std::nullopt);
    pg::DossierChange AcceptChange(const Dossier& dossier, const Procedure& procedure, Instant now) const;

    pg::Store& m_store;
    const Clock& m_clock;
    const WorkingCalendar& m_calendar;
    const FormPrinter& m_forms;
};

}  // namespace motcua::server
