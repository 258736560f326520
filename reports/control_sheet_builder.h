// Fills form 06 (the control sheet) from the dossier and its hand-over history: all wording and formatting here.
#pragma once

#include <string>
#include <vector>

#include "model/agency.h"
#include "model/dossier.h"
#include "model/procedure.h"
#include "model/stage_deadlines.h"
#include "model/time.h"
#include "reports/control_sheet.h"

namespace motcua::reports {

// How a step went against its own deadline (the model decides it); Unknown while the step is still open.
using StepOutcome = StageOutcome;

// One hand-over of the dossier between agencies or people (Decree 118 art. 18, 20).
struct HandOverStep {
    Instant at{};
    std::string fromAgency;  // at least one of the two agencies is named
    std::string toAgency;
    std::string fromPerson;  // may be empty
    std::string toPerson;
    StepOutcome outcome = StepOutcome::Unknown;
    std::string note;
};

// "Trước hạn", "Đúng hạn", "Quá hạn"; "" for Unknown.
std::string OutcomeText(StepOutcome outcome);

// The sheet is kept by the dossier's receiving agency; the handling agency is the dossier's; every other agency the
// steps name is a cooperating one. Throws Error(BadInput) naming the field if the dossier's code ("dossier.code") or
// applicant's name ("dossier.applicant.fullName") is blank, a step names neither agency ("steps[i].fromAgency") or
// the steps are not in time order ("steps[i].at"); (NotFound) if the receiving or handling agency is not in
// `agencies`.
ControlSheet BuildControlSheet(const Dossier& dossier, const Procedure& procedure, const AgencyTree& agencies,
                               const std::vector<HandOverStep>& steps);

}  // namespace motcua::reports
