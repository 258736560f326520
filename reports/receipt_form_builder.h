// Fills form 01 (receipt and appointment) from the catalogue, the dossier and the receiving officer: all wording
// and date formatting is decided here so the renderer only lays text out.
#pragma once

#include <cstdint>
#include <string>

#include "model/agency.h"
#include "model/dossier.h"
#include "model/procedure.h"
#include "reports/receipt_form.h"

namespace motcua::reports {

class ReceiptFormBuilder {
public:
    // `publicUrl` is the citizen-facing base URL; the QR code links to <publicUrl>/tra-cuu/<code>.
    explicit ReceiptFormBuilder(std::string publicUrl);

    // `dossier` already carries the new receivedAt and dueAt; the accepting clerk's agency, `officerAgencyId`, is
    // the receiving unit printed on the form and must be in `agencies`.
    ReceiptForm Build(const Dossier& dossier, const Procedure& procedure, const AgencyTree& agencies,
                      const std::string& officerName, std::int64_t officerAgencyId) const;

    static std::string FormatFee(std::int64_t feeVnd);               // "50.000 đồng", "Không thu phí"
    static std::string FormatLegalTime(const Procedure& procedure);  // "05 ngày làm việc", "10 ngày", …
    // The place name for "…, ngày … tháng … năm …": the commune's or province's own name without its title.
    static std::string PlaceName(const AgencyTree& agencies, std::int64_t agencyId);

private:
    std::string m_publicUrl;
};

}  // namespace motcua::reports
