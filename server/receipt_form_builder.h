// Fills form 01 (receipt and appointment) from the catalogue, the dossier and the receiving officer: all wording
// and date formatting is decided here so the renderer only lays text out.
#pragma once

#include <cstdint>
#include <string>

#include "model/agency.h"
#include "model/dossier.h"
#include "model/postgres/store.h"
#include "model/procedure.h"
#include "reports/receipt_form.h"

namespace motcua::server {

class ReceiptFormBuilder {
public:
    // `publicUrl` is the citizen-facing base URL; the QR code links to <publicUrl>/tra-cuu/<code>.
    explicit ReceiptFormBuilder(std::string publicUrl);

    // `dossier` already carries the new receivedAt and dueAt; `officer` is the accepting clerk, whose agency
    // is the receiving unit printed on the form.
    reports::ReceiptForm Build(const Dossier& dossier, const Procedure& procedure, const AgencyTree& agencies,
                               const StaffMember& officer) const;

    static std::string FormatFee(std::int64_t feeVnd);               // "50.000 đồng", "Không thu phí"
    static std::string FormatLegalTime(const Procedure& procedure);  // "05 ngày làm việc", "10 ngày", …
    // The place name for "…, ngày … tháng … năm …": the commune's or province's own name without its title.
    static std::string PlaceName(const AgencyTree& agencies, std::int64_t agencyId);
    static std::string UpperCase(const std::string& utf8);

private:
    std::string m_publicUrl;
};

}  // namespace motcua::server
