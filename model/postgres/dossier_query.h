// Private to model/postgres: reading, creating and moving one dossier inside a caller's transaction.
#pragma once

#include <cstdint>
#include <optional>
#include <vector>

#include <soci/session.h>

#include "model/attachment.h"
#include "model/dossier.h"
#include "model/dossier_code.h"
#include "model/postgres/store.h"

namespace motcua::pg {

// The row, form data, documents and pauses.
std::optional<Dossier> LoadDossier(soci::session& sql, std::int64_t id);
// The bodies of Store::CreateDossier and Store::ApplyTransition, so that paper intake does both in one transaction.
// `clerkId`: the staff member who took a paper dossier in, named by its Submit row (none for the citizen app).
Dossier CreateDossierIn(soci::session& sql, Dossier dossier, const std::string& receivingAgencyCode,
                        const DossierCodeFormat& format, Instant now, const std::vector<Attachment>& attachments = {},
                        const std::optional<AnswerTemplate>& answer = std::nullopt,
                        std::optional<std::int64_t> clerkId = std::nullopt, Finish finish = Finish::KeepOpen);
// Inserts `attachments` (at least one) under a new id taken from the dossier sequence and returns that id, for the
// dossier that CreateDossierIn then writes under it in the same transaction (the foreign keys wait for the commit:
// migration 0011). The bytes travel as binary parameters through libpq: SOCI 4.0 would send twice as many bytes of
// hex text for the server to decode.
std::int64_t InsertAttachmentsIn(soci::session& sql, const std::vector<Attachment>& attachments, Instant at);
Dossier ApplyTransitionIn(soci::session& sql, const TransitionRequest& request);
std::vector<HistoryRow> HistoryIn(soci::session& sql, std::int64_t dossierId);

}  // namespace motcua::pg
