// The dossier workflow as an explicit transition table: (status, action, role) → next status, with a history event.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "model/dossier.h"

namespace motcua {

enum class Role { Clerk = 1, Handler = 2, Manager = 3, Signer = 4, Admin = 5, Citizen = 6 };
const char* ToString(Role role) noexcept;  // "clerk", "handler", …
Role RoleFromString(const std::string& text);

enum class Action {
    Submit = 1,             // citizen app or desk creates the dossier
    Accept,                 // intake: complete → receipt (form 01)
    RequestSupplement,      // intake or appraisal: form 02
    Refuse,                 // intake: form 03
    Supplement,             // citizen supplies the missing documents
    Assign,                 // to a handler
    ProposeResult,
    Approve,
    ReturnResult,
    Stop,
    Withdraw
};
const char* ToString(Action action) noexcept;  // snake_case
Action ActionFromString(const std::string& text);

struct WorkflowState {
    NationalStatus status = NationalStatus::New;
    SubState subState = SubState::None;
    bool operator==(const WorkflowState&) const = default;
};

struct Transition {
    WorkflowState from;
    Action action;
    Role role;
    WorkflowState to;
    bool pausesClock = false;   // entering a pause (supplement, fees)
    bool resumesClock = false;  // leaving a pause
};

// Every row the workflow allows. Tests walk it exhaustively.
const std::vector<Transition>& TransitionTable();

// The transition for (state, action, role), or throws Error(NotAllowed) with a reason naming state, action and role.
const Transition& NextState(WorkflowState state, Action action, Role role);
// Same lookup without throwing.
const Transition* FindTransition(WorkflowState state, Action action, Role role) noexcept;

// One history row: what happened, who did it, from which state to which.
struct HistoryEvent {
    std::int64_t dossierId = 0;
    Action action = Action::Submit;
    std::optional<std::int64_t> staffId;  // empty for the citizen
    Role role = Role::Citizen;
    WorkflowState from;
    WorkflowState to;
    Instant at{};
    std::string note;
};

HistoryEvent MakeHistoryEvent(const Dossier& before, const Transition& t, std::optional<std::int64_t> staffId,
                              Instant at, std::string note = {});

}  // namespace motcua
