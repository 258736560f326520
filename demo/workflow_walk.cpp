#include "demo/workflow_walk.h"

#include "model/error.h"

namespace motcua::demo {

namespace {

constexpr WorkflowState kAwaitingAssignment{NationalStatus::Received, SubState::AwaitingAssignment};
constexpr WorkflowState kForwardedIn{NationalStatus::Processing, SubState::AwaitingAssignment};

// The rows of the model's table whose distances a route's walk follows. Every row of the table is played:
// - the rows that keep the state (reschedule, reassignment) have no distance: MaybeSelfLoop adds one of them, and
//   MaybeConsult a consultation with its answer;
// - a dossier decided where it was received is never forwarded: the forwarded state and the Forward rows are out;
// - a forwarded dossier is forwarded before anyone of the receiving agency appraises it, and the department, being
//   competent, does not forward it again: Assign/Claim from "awaiting assignment" and Forward from "appraising" are
//   out of the graph, and VaryForwarding plays them as a variant of the desk's forward.
std::vector<Transition> PlayedRows(WorkflowWalk::Route route)
{
    std::vector<Transition> rows;
    for (const Transition& t : TransitionTable()) {
        if (t.from == t.to) {
            continue;
        }
        const bool forward = t.action == Action::Forward;
        if (route == WorkflowWalk::Route::AtReceivingAgency) {
            if (forward || t.from == kForwardedIn) {
                continue;
            }
        } else {
            const bool takenAtDesk =
                t.from == kAwaitingAssignment && (t.action == Action::Assign || t.action == Action::Claim);
            if (takenAtDesk || (forward && !(t.from == kAwaitingAssignment))) {
                continue;
            }
        }
        rows.push_back(t);
    }
    return rows;
}

// Liên thông in parallel (consult, answer) keeps the state too, but comes as a question and its answer: MaybeConsult,
// which the builder calls on a random stream of its own.
bool Consultation(const Transition& t)
{
    return t.action == Action::Consult || t.action == Action::AnswerConsultation;
}

std::vector<const Transition*> RowsFrom(const WorkflowState& state, bool keepingState)
{
    std::vector<const Transition*> rows;
    for (const Transition& t : TransitionTable()) {
        if (t.from == state && (t.to == state) == keepingState && !Consultation(t)) {
            rows.push_back(&t);
        }
    }
    return rows;
}

}  // namespace

WorkflowWalk::WorkflowWalk(Route route) : m_route(route), m_table(PlayedRows(route))
{
    for (const auto& t : m_table) {
        IndexOf(t.from);
        IndexOf(t.to);
    }
    // A status no state of the table carries has no entry: Distance() answers kUnreachable for it.
    for (const auto& state : m_states) {
        if (m_distance.contains(state.status)) {
            continue;
        }
        auto& dist = m_distance[state.status];
        dist.assign(m_states.size(), kUnreachable);
        for (std::size_t i = 0; i < m_states.size(); ++i) {
            if (m_states[i].status == state.status) {
                dist[i] = 0;
            }
        }
        // Relax until stable; the table has a few dozen rows.
        for (bool changed = true; changed;) {
            changed = false;
            for (const auto& t : m_table) {
                if (t.action == Action::Submit) {
                    continue;
                }
                const int to = dist[Find(t.to)];
                auto& from = dist[Find(t.from)];
                if (to != kUnreachable && to + 1 < from) {
                    from = to + 1;
                    changed = true;
                }
            }
        }
    }
}

bool WorkflowWalk::Reachable(NationalStatus status) const
{
    for (Channel c : {Channel::Online, Channel::InPerson}) {
        const Transition* submit = SubmitRow(c);
        if (submit != nullptr && Distance(submit->to, status) != kUnreachable) {
            return true;
        }
    }
    return false;
}

std::vector<const Transition*> WorkflowWalk::Walk(NationalStatus target, Channel channel, DemoRandom& random) const
{
    std::vector<const Transition*> path;
    const Transition* submit = SubmitRow(channel);
    if (submit == nullptr) {
        return path;
    }
    path.push_back(submit);
    WorkflowState state = submit->to;
    if (Distance(state, target) == kUnreachable) {
        return {};
    }
    int detours = 0;
    // The shortest road to an ending leaves early (a stop or a supplement request at intake); some dossiers end
    // there only after processing has started, and a few stop because the supplement asked after appraisal never
    // came (the server's closing).
    for (NationalStatus via : Stages(target, random)) {
        if (Distance(state, via) == kUnreachable || !Advance(path, state, via, detours, random)) {
            return {};
        }
    }
    if (!Advance(path, state, target, detours, random)) {
        return {};
    }
    if (IsOpen(state.status) && random.Chance(0.5)) {
        for (int extra = 0; extra < 2; ++extra) {
            std::vector<const Transition*> inside;
            for (const auto& t : m_table) {
                if (t.from == state && !(t.to == state) && t.to.status == target && t.action != Action::Submit) {
                    inside.push_back(&t);
                }
            }
            if (inside.empty() || !random.Chance(0.6)) {
                break;
            }
            const Transition* chosen = inside[random.Index(inside.size())];
            path.push_back(chosen);
            state = chosen->to;
        }
    }
    if (m_route == Route::ForwardedToDepartment) {
        VaryForwarding(path, random);
    }
    MaybeSelfLoop(path, random);
    return path;
}

void WorkflowWalk::MaybeConsult(std::vector<const Transition*>& path, double chance, DemoRandom& random) const
{
    if (!random.Chance(chance)) {
        return;
    }
    std::vector<std::size_t> places;
    for (std::size_t i = 1; i < path.size(); ++i) {
        if (path[i]->to.subState == SubState::Appraising && path[i]->to.status == NationalStatus::Processing) {
            places.push_back(i);
        }
    }
    if (places.empty()) {
        return;
    }
    const std::size_t at = places[random.Index(places.size())];
    std::vector<const Transition*> asks;
    std::vector<const Transition*> answers;
    for (const Transition& t : TransitionTable()) {
        if (t.from == path[at]->to && t.action == Action::Consult) {
            asks.push_back(&t);
        }
        if (t.from == path[at]->to && t.action == Action::AnswerConsultation) {
            answers.push_back(&t);
        }
    }
    if (asks.empty() || answers.empty()) {
        return;
    }
    // A dossier still being appraised may wait for its answer; any other step needs it first (a proposal does).
    const bool waits = at + 1 == path.size() && random.Chance(0.5);
    auto place = path.begin() + static_cast<std::ptrdiff_t>(at) + 1;
    if (!waits) {
        place = path.insert(place, answers[random.Index(answers.size())]);
    }
    path.insert(place, asks[random.Index(asks.size())]);
}

void WorkflowWalk::VaryForwarding(std::vector<const Transition*>& path, DemoRandom& random) const
{
    for (std::size_t i = 0; i < path.size(); ++i) {
        if (path[i]->action != Action::Forward || !(path[i]->from == kAwaitingAssignment) || !random.Chance(0.3)) {
            continue;
        }
        std::vector<const Transition*> takes;
        for (const Transition* t : RowsFrom(kAwaitingAssignment, false)) {
            if (t->action == Action::Assign || t->action == Action::Claim) {
                takes.push_back(t);
            }
        }
        const Transition* take = takes.at(random.Index(takes.size()));
        std::vector<const Transition*> forwards;
        for (const Transition* t : RowsFrom(take->to, false)) {
            if (t->action == Action::Forward) {
                forwards.push_back(t);
            }
        }
        path[i] = forwards.at(random.Index(forwards.size()));
        path.insert(path.begin() + static_cast<std::ptrdiff_t>(i), take);
        return;
    }
}

void WorkflowWalk::MaybeSelfLoop(std::vector<const Transition*>& path, DemoRandom& random) const
{
    if (!random.Chance(0.1)) {
        return;
    }
    std::vector<std::size_t> places;
    for (std::size_t i = 1; i < path.size(); ++i) {
        if (!RowsFrom(path[i]->to, true).empty()) {
            places.push_back(i);
        }
    }
    if (places.empty()) {
        return;
    }
    const std::size_t at = places[random.Index(places.size())];
    const std::vector<const Transition*> rows = RowsFrom(path[at]->to, true);
    path.insert(path.begin() + static_cast<std::ptrdiff_t>(at) + 1, rows[random.Index(rows.size())]);
}

std::vector<NationalStatus> WorkflowWalk::Stages(NationalStatus target, DemoRandom& random)
{
    const double x = random.Unit();
    switch (target) {
    case NationalStatus::Stopped:
        if (x < 0.2) {
            return {NationalStatus::Processing, NationalStatus::SupplementRequested};
        }
        return x < 0.6 ? std::vector{NationalStatus::Processing} : std::vector<NationalStatus>{};
    case NationalStatus::RefusedAtIntake:
        return x < 0.15 ? std::vector{NationalStatus::SupplementRequested} : std::vector<NationalStatus>{};
    case NationalStatus::SupplementRequested:
    case NationalStatus::WithdrawalRequested:
        return x < 0.5 ? std::vector{NationalStatus::Processing} : std::vector<NationalStatus>{};
    default: return {};
    }
}

bool WorkflowWalk::Advance(std::vector<const Transition*>& path, WorkflowState& state, NationalStatus target,
                           int& detours, DemoRandom& random) const
{
    while (state.status != target) {
        const int here = Distance(state, target);
        std::vector<const Transition*> progress;
        std::vector<const Transition*> detour;
        for (const auto& t : m_table) {
            if (!(t.from == state) || t.action == Action::Submit || t.to == state) {
                continue;
            }
            const int there = Distance(t.to, target);
            if (there == kUnreachable) {
                continue;
            }
            if (there < here) {
                progress.push_back(&t);
            } else {
                detour.push_back(&t);
            }
        }
        const Transition* chosen = nullptr;
        if (detours == 0 && !detour.empty() && random.Chance(0.08)) {
            chosen = detour[random.Index(detour.size())];
            ++detours;
        } else if (!progress.empty()) {
            chosen = progress[random.Index(progress.size())];
        } else {
            return false;
        }
        path.push_back(chosen);
        state = chosen->to;
        if (path.size() > 40) {
            throw Error(ErrorCategory::Internal, N_("The demo workflow walk did not converge"));
        }
    }
    return true;
}

int WorkflowWalk::Distance(const WorkflowState& state, NationalStatus status) const
{
    const auto it = m_distance.find(status);
    return it == m_distance.end() ? kUnreachable : it->second[Find(state)];
}

const Transition* WorkflowWalk::SubmitRow(Channel channel) const
{
    const Role wanted = channel == Channel::Online ? Role::Citizen : Role::Clerk;
    const Transition* any = nullptr;
    for (const auto& t : m_table) {
        if (t.action == Action::Submit) {
            if (t.role == wanted) {
                return &t;
            }
            if (any == nullptr) {
                any = &t;
            }
        }
    }
    return any;
}

std::size_t WorkflowWalk::IndexOf(const WorkflowState& state)
{
    for (std::size_t i = 0; i < m_states.size(); ++i) {
        if (m_states[i] == state) {
            return i;
        }
    }
    m_states.push_back(state);
    return m_states.size() - 1;
}

std::size_t WorkflowWalk::Find(const WorkflowState& state) const
{
    for (std::size_t i = 0; i < m_states.size(); ++i) {
        if (m_states[i] == state) {
            return i;
        }
    }
    throw Error(ErrorCategory::Internal, N_("The workflow table has no such state"));
}

}  // namespace motcua::demo
