// Fills form II.06a from the figures the KPI engine counted: rows grouped by sector, then procedure; all ordering here.
#pragma once

#include <cstdint>
#include <vector>

#include "model/agency.h"
#include "model/kpi.h"
#include "model/procedure.h"
#include "model/time.h"
#include "reports/periodic_report.h"

namespace motcua::reports {

// The report of `agencyId` (must be in `agencies`, else Error(NotFound)) for the local days [first, last], drawn up
// on `issuedOn`. Sectors in alphabetical order (a procedure without one under "Lĩnh vực khác", last), each with its
// subtotal, then its procedures by code; the total row is `summary.total`. `procedures` must hold every procedure of
// `summary.byProcedure` (else Error(Internal): the caller loaded the wrong catalogue). Throws Error(BadInput, "to")
// when `last` is before `first`.
PeriodicReport BuildPeriodicReport(const AgencyTree& agencies, std::int64_t agencyId, Date first, Date last,
                                   Date issuedOn, const KpiSummary& summary, const std::vector<Procedure>& procedures);

}  // namespace motcua::reports
