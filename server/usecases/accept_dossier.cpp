#include "server/usecases/accept_dossier.h"

#include "model/error.h"
#include "model/workflow.h"
#include "reports/receipt_form.h"
#include "server/usecases/dossier_scope.h"

namespace motcua::server {

AcceptDossier::AcceptDossier(pg::Store& store, const Clock& clock, const WorkingCalendar& calendar,
                             const reports::ReceiptFormBuilder& receipts)
    : m_store(store),
      m_clock(clock),
      m_calendar(calendar),
      m_receipts(receipts)
{}

Dossier AcceptDossier::Execute(const StaffMember& staff, std::int64_t dossierId, int expectedVersion)
{
    Dossier dossier = LoadDossierInScope(m_store, staff, dossierId);

    const Transition& transition = NextState({dossier.status, dossier.subState}, Action::Accept, staff.role);
    // Checked here as well as in the UPDATE so a stale client gets its answer before a receipt is rendered.
    if (dossier.version != expectedVersion)
        throw Error(ErrorCategory::Conflict, N_("The dossier was changed by someone else; reload it and try again"),
                    "version",
                    "current version " + std::to_string(dossier.version) + ", sent " + std::to_string(expectedVersion));

    const Procedure procedure = m_store.GetProcedure(dossier.procedureId);
    const Instant now = m_clock.Now();
    dossier.receivedAt = now;
    dossier.dueAt = m_calendar.DueAtUnlessPaused(now, procedure, dossier.pauses);

    const AgencyTree agencies(m_store.LoadAgencies());
    const reports::ReceiptForm form = m_receipts.Build(dossier, procedure, agencies, staff.fullName, staff.agencyId);

    pg::StoredOutput receipt;
    receipt.kind = pg::OutputKind::Receipt;
    receipt.bytes = reports::RenderReceipt(form);
    receipt.mediaType = "application/pdf";

    pg::DossierChange change;
    change.receivedAt = dossier.receivedAt;
    change.dueAt = dossier.dueAt;
    return m_store.ApplyTransition(dossier.id, expectedVersion, transition, staff.id, now, change, receipt);
}

}  // namespace motcua::server
