// Private to model/postgres: dossiers and their parts as array parameters, one INSERT per table for any number.
#pragma once

#include <cstdint>
#include <vector>

#include <soci/session.h>

#include "model/dossier.h"
#include "model/postgres/sql_support.h"
#include "model/workflow.h"

namespace motcua::pg {

// What CreateDossier (one dossier), ApplyTransition (one event) and the seeder (thousands of dossiers) insert, in the
// same statements: each column gathered as one array literal, inserted with INSERT … SELECT FROM unnest(…).
class DossierBatch {
public:
    DossierBatch();

    // The dossier row, id and version included as given (bulk loads; CreateDossier binds its row with use()).
    void AddRow(const Dossier& dossier);
    // Its form payload, documents and pauses, under `dossierId`.
    void AddParts(std::int64_t dossierId, const Dossier& dossier);
    // Documents numbered from `firstPosition` (a supplement's come after the dossier's own).
    void AddDocuments(std::int64_t dossierId, int firstPosition, const std::vector<SubmittedDocument>& documents);
    void AddEvent(const HistoryEvent& event);  // under event.dossierId

    // Rows first, then forms, documents, pauses and events; a table with nothing added is skipped.
    void Insert(soci::session& sql);

private:
    std::vector<ArrayLiteral> m_rows;  // one per dossier column, in ForEachDossierColumn's order
    bool m_hasRows = false;
    ArrayLiteral m_formDossier, m_formPayload;
    ArrayLiteral m_docDossier, m_docPosition, m_docName, m_docForm, m_docCount;
    ArrayLiteral m_pauseDossier, m_pauseStart, m_pauseEnd, m_pauseReason;
    ArrayLiteral m_eventDossier, m_eventAt, m_eventAction, m_eventRole, m_eventStaff, m_eventFromStatus,
        m_eventFromSubState, m_eventToStatus, m_eventToSubState, m_eventNote, m_eventFromAgency, m_eventToAgency,
        m_eventToStaff, m_eventStageDue, m_eventOnBehalfOf;
};

}  // namespace motcua::pg
