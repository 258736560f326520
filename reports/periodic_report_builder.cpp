#include "reports/periodic_report_builder.h"

#include <algorithm>
#include <map>

#include "model/error.h"
#include "reports/form_wording.h"
#include "reports/unicode_text.h"

namespace motcua::reports {
namespace {

// The sector heading for procedures the catalogue files under none.
constexpr const char* kOtherSector = "Lĩnh vực khác";

// I, II, III… as the forms number their sections.
std::string Roman(int value)
{
    // clang-format off
    static const std::vector<std::pair<int, const char*>> kDigits{
        {1000, "M"}, {900, "CM"}, {500, "D"}, {400, "CD"}, {100, "C"}, {90, "XC"},
        {50, "L"}, {40, "XL"}, {10, "X"}, {9, "IX"}, {5, "V"}, {4, "IV"}, {1, "I"}};
    // clang-format on
    std::string text;
    for (const auto& [step, digits] : kDigits)
        for (; value >= step; value -= step)
            text += digits;
    return text;
}

struct SectorRows {
    KpiFigures subtotal;
    std::vector<std::pair<const Procedure*, const KpiFigures*>> procedures;
};

}  // namespace

PeriodicReport BuildPeriodicReport(const AgencyTree& agencies, std::int64_t agencyId, Date first, Date last,
                                   Date issuedOn, const KpiSummary& summary, const std::vector<Procedure>& procedures)
{
    if (std::chrono::sys_days{last} < std::chrono::sys_days{first})
        ThrowBadInput(N_("The end of the period must not be before its start"), "to");
    const AgencyHeading heading = HeadingOf(agencies, agencyId);

    // Sectors by name (byte order, "Lĩnh vực khác" last), procedures by code within each.
    std::map<std::string, SectorRows> sectors;
    SectorRows other;
    for (const auto& [procedureId, figures] : summary.byProcedure) {
        const auto found = std::find_if(procedures.begin(), procedures.end(),
                                        [id = procedureId](const Procedure& p) { return p.id == id; });
        if (found == procedures.end())
            throw Error(ErrorCategory::Internal, N_("The report could not be produced"), {},
                        "procedure " + std::to_string(procedureId) + " is not in the catalogue given");
        const std::string sector(Trim(found->sector));
        SectorRows& rows = sector.empty() ? other : sectors[sector];
        rows.subtotal += figures;
        rows.procedures.emplace_back(&*found, &figures);
    }

    PeriodicReport report;
    report.provinceName = heading.provinceName;
    report.agencyName = heading.agencyName;
    report.place = heading.place;
    report.issuedOn = issuedOn;
    report.period = "Từ ngày " + FormatVietnameseDate(first) + " đến ngày " + FormatVietnameseDate(last);
    int sectorNumber = 0;
    const auto addSector = [&](const std::string& name, SectorRows& rows) {
        if (rows.procedures.empty())
            return;
        report.rows.push_back({PeriodicRowKind::Sector, Roman(++sectorNumber), name, rows.subtotal});
        std::sort(rows.procedures.begin(), rows.procedures.end(),
                  [](const auto& a, const auto& b) { return a.first->code < b.first->code; });
        int number = 0;
        for (const auto& [procedure, figures] : rows.procedures)
            report.rows.push_back({PeriodicRowKind::Procedure, std::to_string(++number),
                                   procedure->name + " (" + procedure->code + ")", *figures});
    };
    for (auto& [name, rows] : sectors)
        addSector(name, rows);
    addSector(kOtherSector, other);
    report.rows.push_back({PeriodicRowKind::Total, {}, "Tổng cộng", summary.total});
    return report;
}

}  // namespace motcua::reports
