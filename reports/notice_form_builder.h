// Fills forms 02–05 from the catalogue, the dossier and the action taken: all wording and date formatting is here.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "model/agency.h"
#include "model/dossier.h"
#include "model/procedure.h"
#include "model/time.h"
#include "reports/notice_forms.h"

namespace motcua::reports {

// Who issues a notice and when. The officer's agency heads the notice, gives the place of the date line and is the
// agency named in the wording; it must be in the AgencyTree.
struct NoticeIssue {
    std::string officerName;  // signs the notice
    std::int64_t officerAgencyId = 0;
    Instant issuedAt{};
    std::string number;        // the notice's number in the agency's series; empty prints a blank to fill in
    std::string contactPhone;  // the officer's phone for questions (forms 02, 03); empty prints a blank
};

// Form 03 is printed at intake (the desk refuses to take the dossier) or after appraisal (the agency refuses to
// decide it, Decree 118 art. 19.3): the title, the wording and the signer differ.
enum class RefusalStage { Intake, Appraisal };

// Each throws Error(BadInput) naming the field if the dossier's code ("dossier.code") or applicant's name
// ("dossier.applicant.fullName") or the officer's name ("issue.officerName") is blank, and (NotFound) if the
// officer's agency is not in `agencies`.

// `missingDocuments`: every document still to add, at least one, none blank ("missingDocuments[i]"); the form is
// printed for those the procedure lists under the same name. `note`: the reason, may be empty.
SupplementRequestForm BuildSupplementRequest(const Dossier& dossier, const Procedure& procedure,
                                             const AgencyTree& agencies, const NoticeIssue& issue,
                                             const std::vector<std::string>& missingDocuments, const std::string& note);
// `reason` must not be blank.
RefusalForm BuildRefusal(const Dossier& dossier, const Procedure& procedure, const AgencyTree& agencies,
                         const NoticeIssue& issue, const std::string& reason, RefusalStage stage);
// `newDue` must be after `originalDue` ("newDue"), `reason` must not be blank. The new return place is the one-stop
// desk of the dossier's receiving agency.
ApologyForm BuildApology(const Dossier& dossier, const Procedure& procedure, const AgencyTree& agencies,
                         const NoticeIssue& issue, Instant originalDue, Instant newDue, const std::string& reason);
// `reason`: the legal ground and the reason, must not be blank.
StopNoticeForm BuildStopNotice(const Dossier& dossier, const Procedure& procedure, const AgencyTree& agencies,
                               const NoticeIssue& issue, const std::string& reason);

}  // namespace motcua::reports
