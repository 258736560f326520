#include "demo/workflow_walk.h"

#include "model/error.h"

namespace motcua::demo {

namespace {

// The demo's dossiers stay with the agency that received them and keep their first appointment, so the steps that
// move a dossier to another agency, move its appointment or are the server's own are not played (yet).
std::vector<Transition> PlayedRows()
{
    std::vector<Transition> rows;
    for (const Transition& t : TransitionTable()) {
        const bool forwardedIn =
            t.from.status == NationalStatus::Processing && t.from.subState == SubState::AwaitingAssignment;
        const bool deskWithdrawal = t.action == Action::Withdraw && t.role == Role::Clerk &&
                                    t.from.status != NationalStatus::WithdrawalRequested;
        switch (t.action) {
        case Action::Claim:
        case Action::Forward:
        case Action::ReturnForRework:
        case Action::Reschedule:
        case Action::CloseUnsupplied:
        case Action::Consult:
        case Action::AnswerConsultation: continue;
        default: break;
        }
        if (!forwardedIn && !deskWithdrawal)
            rows.push_back(t);
    }
    return rows;
}

}  // namespace

WorkflowWalk::WorkflowWalk() : m_table(PlayedRows())
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
            return {};
        }
        path.push_back(chosen);
        state = chosen->to;
        if (path.size() > 40) {
            throw Error(ErrorCategory::Internal, N_("The demo workflow walk did not converge"));
        }
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
    return path;
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
