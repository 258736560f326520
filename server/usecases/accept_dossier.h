// Use case "accept at intake": scope, workflow and version checks, new receipt and due times, form 01 rendered
// and stored with the transition in one repository call.
#pragma once

#include <cstdint>

#include "model/clock.h"
#include "model/dossier.h"
#include "model/postgres/store.h"
#include "model/staff.h"
#include "model/working_calendar.h"
#include "reports/receipt_form_builder.h"

namespace motcua::server {

class AcceptDossier {
public:
    AcceptDossier(pg::Store& store, const Clock& clock, const WorkingCalendar& calendar,
                  const reports::ReceiptFormBuilder& receipts);

    // NotFound when the dossier does not exist or another agency handles it; NotAllowed when the role or the
    // state forbids accepting; Conflict when `expectedVersion` is not the current one. Returns the dossier as stored.
    Dossier Execute(const StaffMember& staff, std::int64_t dossierId, int expectedVersion);

private:
    pg::Store& m_store;
    const Clock& m_clock;
    const WorkingCalendar& m_calendar;
    const reports::ReceiptFormBuilder& m_receipts;
};

}  // namespace motcua::server
