#include "server/usecases/form_printer.h"

#include "model/error.h"
#include "reports/receipt_form.h"

namespace motcua::server {

namespace {

pg::StoredOutput Pdf(OutputKind kind, std::vector<std::uint8_t> bytes)
{
    return pg::StoredOutput{kind, std::move(bytes), "application/pdf"};
}

[[noreturn]] void NotYet(const char* form)
{
    throw Error(ErrorCategory::Internal, N_("Unexpected error"), {}, std::string(form) + " is not printed yet");
}

}  // namespace

FormPrinter::FormPrinter(std::string publicUrl) : m_publicUrl(std::move(publicUrl)), m_receipts(m_publicUrl) {}

pg::StoredOutput FormPrinter::Receipt(const FormContext& c) const
{
    return Pdf(OutputKind::Receipt, reports::RenderReceipt(m_receipts.Build(c.dossier, c.procedure, c.agencies,
                                                                            c.officer.fullName, c.officer.agencyId)));
}

pg::StoredOutput FormPrinter::SupplementRequest(const FormContext&, const std::vector<std::string>&,
                                                const std::string&) const
{
    NotYet("form 02");
}

pg::StoredOutput FormPrinter::Refusal(const FormContext&, const std::string&) const
{
    NotYet("form 03");
}

pg::StoredOutput FormPrinter::Apology(const FormContext&, Instant, Instant, const std::string&) const
{
    NotYet("form 04");
}

pg::StoredOutput FormPrinter::StopNotice(const FormContext&, const std::string&) const
{
    NotYet("form 05");
}

pg::StoredOutput FormPrinter::ControlSheet(const FormContext&, const std::vector<pg::HistoryRow>&) const
{
    NotYet("form 06");
}

std::vector<std::uint8_t> FormPrinter::Register(const AgencyTree&, std::int64_t, int,
                                                const std::vector<pg::RegisterLine>&) const
{
    NotYet("form 07");
}

}  // namespace motcua::server
