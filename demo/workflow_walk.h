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
    // Where the dossier is decided: by the agency that received it, or by a department the receiving desk forwards
    // it to (liên thông; a ward or the provincial centre taking a department-level procedure).
    enum class Route { AtReceivingAgency, ForwardedToDepartment };

    explicit WorkflowWalk(Route route = Route::AtReceivingAgency);

    // Whether the Submit row of some channel (online or at the desk) leads to this status.
    bool Reachable(NationalStatus status) const;

    // A legal path from Submit to the target; occasionally with one detour (a supplement round, a return for
    // rework, a sub-state hop), and for open statuses sometimes a few more steps inside the target status (e.g. on to
    // "awaiting signature"). Some endings come only after processing started (Stages). Now and then one step that
    // keeps the state (a reschedule, a reassignment). On the forwarded route the desk (clerk or manager) forwards the
    // accepted dossier, or, now and then, a handler of the receiving agency takes it first and forwards it. Empty
    // when the channel's Submit row cannot reach the target.
    std::vector<const Transition*> Walk(NationalStatus target, Channel channel, DemoRandom& random) const;

    // With `chance`, while the dossier is appraised, another agency is asked for its part (liên thông in parallel)
    // and answers before the next step; a dossier that ends there may still be waiting for the answer.
    void MaybeConsult(std::vector<const Transition*>& path, double chance, DemoRandom& random) const;

private:
    static constexpr int kUnreachable = std::numeric_limits<int>::max();

    int Distance(const WorkflowState& state, NationalStatus status) const;
    // The statuses a walk to `target` passes through first, in order (often none).
    static std::vector<NationalStatus> Stages(NationalStatus target, DemoRandom& random);
    // Steps from `state` until its status is `target`, at most one detour per walk; false when stuck.
    bool Advance(std::vector<const Transition*>& path, WorkflowState& state, NationalStatus target, int& detours,
                 DemoRandom& random) const;
    // The Submit row for this channel: the citizen for online dossiers, the desk (a clerk) for the others.
    const Transition* SubmitRow(Channel channel) const;
    std::size_t IndexOf(const WorkflowState& state);
    std::size_t Find(const WorkflowState& state) const;
    // The forward from the desk replaced, sometimes, by a handler's taking and forwarding (the rows the route's
    // graph leaves out so that the distances hold).
    void VaryForwarding(std::vector<const Transition*>& path, DemoRandom& random) const;
    // Now and then one step that keeps the state (a reschedule, a reassignment) after a step that reached it; the
    // builder drops it when the server would refuse it at that time.
    void MaybeSelfLoop(std::vector<const Transition*>& path, DemoRandom& random) const;

    Route m_route;
    // The rows of the model's table the route's graph holds, in the table's order (PlayedRows in the .cpp).
    std::vector<Transition> m_table;
    std::vector<WorkflowState> m_states;
    std::map<NationalStatus, std::vector<int>> m_distance;  // per status, per index in m_states
};

}  // namespace motcua::demo
