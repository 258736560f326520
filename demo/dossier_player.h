// A demo dossier's steps applied as the server's staff actions apply them: the columns and the hand-over history.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "demo/demo_province.h"
#include "model/dossier.h"
#include "model/procedure.h"
#include "model/time.h"
#include "model/workflow.h"
#include "model/working_calendar.h"

namespace motcua::demo {

// Mirrors server/usecases/dossier_actions.cpp (Prepare) and the Store's transition (the pauses, the version, the
// history row with from/to agency, to-staff and stage deadline), so that seeded data is what the API would have
// stored. The register number is left to the caller, who numbers a whole book at once.
class DossierPlayer {
public:
    explicit DossierPlayer(const WorkingCalendar& calendar) : m_calendar(calendar) {}  // must outlive the player

    // One step: its row of the table, when, who, and the fields of the request.
    struct Step {
        const Transition* transition = nullptr;
        Instant at{};
        std::optional<std::int64_t> staffId;   // empty for the citizen and the server's own job
        std::string note;                      // the request's note or reason (propose_result: the reasons)
        std::optional<std::int64_t> assignee;  // assign
        // forward and consult: where the dossier or the question goes; answer_consultation: the agency answering
        std::optional<std::int64_t> toAgencyId;
        Outcome outcome = Outcome::None;  // propose_result
        std::optional<Instant> newDueAt;  // reschedule
    };

    // Applies the step to `dossier` (receiving agency, channel and procedure set; before Submit its state is
    // kBeforeSubmit) and appends its history row. Throws Error(NotAllowed or BadInput) where the server would refuse
    // the step (not the assigned handler, a late supplement request or reschedule, a reassignment to the same
    // person), and then changes nothing.
    // `consultations` are the dossier's (liên thông in parallel): consult opens one, answer_consultation closes it,
    // and no result is proposed while one is open.
    void Play(Dossier& dossier, const Procedure& procedure, const Step& step, std::vector<HistoryEvent>& history,
              std::vector<DemoConsultation>& consultations) const;

private:
    const WorkingCalendar& m_calendar;
};

}  // namespace motcua::demo
