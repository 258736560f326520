// The demo's way through the model's workflow: a legal path from Submit to the national status a dossier is drawn for.
#pragma once

#include <limits>
#include <map>
#include <vector>

#include "demo/demo_random.h"
#include "model/dossier.h"
#include "model/workflow.h"

namespace motcua::demo {

// The model's TransitionTable as a graph, with the distance (in transitions) from each state to each national
// status, so that a walk always moves towards its target.
class WorkflowWalk {
public:
    WorkflowWalk();

    // Whether the Submit row of some channel (online or at the desk) leads to this status.
    bool Reachable(NationalStatus status) const;

    // A legal path from Submit to the target; occasionally with one detour (a supplement round, a sub-state hop),
    // and for open statuses sometimes a few more steps inside the target status (e.g. on to "awaiting signature").
    // Empty when the channel's Submit row cannot reach the target.
    std::vector<const Transition*> Walk(NationalStatus target, Channel channel, DemoRandom& random) const;

private:
    static constexpr int kUnreachable = std::numeric_limits<int>::max();

    int Distance(const WorkflowState& state, NationalStatus status) const;
    // The Submit row for this channel: the citizen for online dossiers, the desk (a clerk) for the others.
    const Transition* SubmitRow(Channel channel) const;
    std::size_t IndexOf(const WorkflowState& state);
    std::size_t Find(const WorkflowState& state) const;

    // The rows of the model's table the demo plays, in the table's order (PlayedRows in the .cpp).
    std::vector<Transition> m_table;
    std::vector<WorkflowState> m_states;
    std::map<NationalStatus, std::vector<int>> m_distance;  // per status, per index in m_states
};

}  // namespace motcua::demo
