#include "reports/control_sheet_builder.h"

#include <algorithm>

#include "model/error.h"
#include "reports/form_wording.h"
#include "reports/unicode_text.h"

namespace motcua::reports {
namespace {

// The agency on the first line, the person under it.
std::string Party(const std::string& agency, const std::string& person)
{
    const std::string a(Trim(agency));
    const std::string p(Trim(person));
    return a.empty() || p.empty() ? a + p : a + "\n" + p;
}

}  // namespace

std::string OutcomeText(StepOutcome outcome)
{
    switch (outcome) {
    case StepOutcome::Early: return "Trước hạn";
    case StepOutcome::OnTime: return "Đúng hạn";
    case StepOutcome::Late: return "Quá hạn";
    case StepOutcome::Unknown: break;
    }
    return {};
}

ControlSheet BuildControlSheet(const Dossier& dossier, const Procedure& procedure, const AgencyTree& agencies,
                               const std::vector<HandOverStep>& steps)
{
    RequireText(dossier.code, N_("The dossier code is required"), "dossier.code");
    RequireText(dossier.applicant.fullName, N_("The applicant's name is required"), "dossier.applicant.fullName");
    const AgencyHeading heading = HeadingOf(agencies, dossier.receivingAgencyId);

    ControlSheet sheet;
    sheet.provinceName = heading.provinceName;
    sheet.agencyName = heading.agencyName;
    sheet.dossierCode = dossier.code;
    sheet.applicantName = dossier.applicant.fullName;
    sheet.applicantAddress = dossier.applicant.address;
    sheet.request = procedure.name;
    sheet.receivedAt = FormatVietnameseDateTime(dossier.receivedAt.value_or(dossier.submittedAt));
    sheet.dueAt = dossier.dueAt ? FormatVietnameseDateTime(*dossier.dueAt) : std::string();
    sheet.handlingAgency = agencies.ById(dossier.handlingAgencyId).name;

    std::vector<std::string> cooperating;
    for (std::size_t i = 0; i < steps.size(); ++i) {
        const HandOverStep& step = steps[i];
        const std::string field = "steps[" + std::to_string(i) + "]";
        if (Trim(step.fromAgency).empty() && Trim(step.toAgency).empty())
            ThrowBadInput(N_("A hand-over must name the agency giving or taking the dossier"), field + ".fromAgency");
        if (i > 0 && step.at < steps[i - 1].at)
            ThrowBadInput(N_("The hand-overs must be in the order they happened"), field + ".at");
        for (const std::string& agency : {step.fromAgency, step.toAgency}) {
            const std::string name(Trim(agency));
            // The desk's own steps are named "Bộ phận Một cửa – <receiving unit>"; neither it nor the handler
            // cooperates.
            if (!name.empty() && name != sheet.handlingAgency && name != sheet.agencyName &&
                name != OneStopDesk(sheet.agencyName) &&
                std::find(cooperating.begin(), cooperating.end(), name) == cooperating.end())
                cooperating.push_back(name);
        }
        sheet.rows.push_back({Party(step.fromAgency, step.fromPerson), Party(step.toAgency, step.toPerson),
                              FormatVietnameseDateTime(step.at), OutcomeText(step.outcome),
                              std::string(Trim(step.note))});
    }
    for (const std::string& name : cooperating)
        sheet.cooperatingAgencies += (sheet.cooperatingAgencies.empty() ? "" : "; ") + name;
    return sheet;
}

}  // namespace motcua::reports
