#include "reports/register_book_builder.h"

#include "model/error.h"
#include "reports/form_wording.h"

namespace motcua::reports {
namespace {

std::string When(const std::optional<Instant>& at)
{
    return at ? FormatVietnameseDateTime(*at) : std::string();
}

void Validate(const RegisterEntry& entry, const RegisterEntry* previous, const std::string& field)
{
    if (entry.number < 1 || (previous && entry.number != previous->number + 1))
        ThrowBadInput(N_("The register's numbers must run on without gaps from 1"), field + ".number");
    RequireText(entry.dossierCode, N_("The dossier code is required"), field + ".dossierCode");
    RequireText(entry.applicantName, N_("The applicant's name is required"), field + ".applicantName");
    if (entry.sets < 1)
        ThrowBadInput(N_("The number of sets must be at least 1"), field + ".sets");
}

}  // namespace

RegisterBook BuildRegisterBook(const AgencyTree& agencies, std::int64_t agencyId, int year,
                               const std::vector<RegisterEntry>& entries, int book)
{
    if (year < 2000 || year > 9999)
        ThrowBadInput(N_("The register's year is out of range"), "year");
    if (book < 1)
        ThrowBadInput(N_("The register's book number must be at least 1"), "book");
    const AgencyHeading heading = HeadingOf(agencies, agencyId);

    RegisterBook result;
    result.provinceName = heading.provinceName;
    result.agencyName = heading.agencyName;
    result.year = std::to_string(year);
    result.bookNumber = RegisterBookNumber(year, book);
    result.rows.reserve(entries.size());
    for (std::size_t i = 0; i < entries.size(); ++i) {
        const RegisterEntry& e = entries[i];
        Validate(e, i > 0 ? &entries[i - 1] : nullptr, "entries[" + std::to_string(i) + "]");
        result.rows.push_back({std::to_string(e.number), e.dossierCode, e.procedureName, TwoDigits(e.sets),
                               e.applicantName, e.applicantAddress, e.applicantPhone, When(e.receivedAt), When(e.dueAt),
                               When(e.resultBackAt), When(e.returnedAt), e.receivingOfficer, e.note});
    }
    return result;
}

}  // namespace motcua::reports
