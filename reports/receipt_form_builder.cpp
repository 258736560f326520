#include "reports/receipt_form_builder.h"

#include "model/text.h"
#include "model/time.h"
#include "reports/unicode_text.h"

namespace motcua::reports {

namespace {

const Agency* ProvinceOf(const AgencyTree& agencies, std::int64_t agencyId)
{
    const Agency* a = &agencies.ById(agencyId);
    for (int guard = 0; guard < 64; ++guard) {
        if (a->level == AgencyLevel::Province || !a->parentId)
            return a;
        a = &agencies.ById(*a->parentId);
    }
    return a;
}

std::string StripPrefix(std::string name, std::initializer_list<const char*> prefixes)
{
    for (const char* prefix : prefixes) {
        const std::string p = prefix;
        if (name.size() > p.size() && name.compare(0, p.size(), p) == 0)
            return name.substr(p.size());
    }
    return name;
}

}  // namespace

ReceiptFormBuilder::ReceiptFormBuilder(std::string publicUrl) : m_publicUrl(std::move(publicUrl))
{
    while (!m_publicUrl.empty() && m_publicUrl.back() == '/')
        m_publicUrl.pop_back();
}

std::string ReceiptFormBuilder::FormatFee(std::int64_t feeVnd)
{
    if (feeVnd <= 0)
        return "Không thu phí";
    return GroupThousands(feeVnd) + " đồng";
}

std::string ReceiptFormBuilder::FormatLegalTime(const Procedure& procedure)
{
    if (procedure.processingTime <= 0)
        return "Trả kết quả ngay trong ngày";
    std::string n = std::to_string(procedure.processingTime);
    if (n.size() < 2)
        n = "0" + n;
    return n + (procedure.processingUnit == DurationUnit::WorkingDays ? " ngày làm việc" : " ngày");
}

std::string ReceiptFormBuilder::PlaceName(const AgencyTree& agencies, std::int64_t agencyId)
{
    const Agency& agency = agencies.ById(agencyId);
    // A department is named after its field, not a place: it dates its papers with the province's name.
    const Agency& named = agency.level == AgencyLevel::Commune ? agency : *ProvinceOf(agencies, agencyId);
    std::string name = StripPrefix(named.name, {"UBND ", "Ủy ban nhân dân ", "Uỷ ban nhân dân "});
    return StripPrefix(name, {"tỉnh ", "Tỉnh ", "thành phố ", "Thành phố ", "phường ", "Phường ", "xã ", "Xã ",
                              "đặc khu ", "Đặc khu ", "thị trấn ", "Thị trấn "});
}

ReceiptForm ReceiptFormBuilder::Build(const Dossier& dossier, const Procedure& procedure, const AgencyTree& agencies,
                                      const std::string& officerName, std::int64_t officerAgencyId) const
{
    const Agency& unit = agencies.ById(officerAgencyId);
    const Instant receivedAt = dossier.receivedAt.value_or(dossier.submittedAt);

    ReceiptForm form;
    form.provinceName = ToUpper(ProvinceOf(agencies, officerAgencyId)->name);
    form.receivingUnit = unit.name;
    form.place = PlaceName(agencies, officerAgencyId);
    form.issueDate = FormatVietnameseDate(LocalDate(receivedAt));
    form.dossierCode = dossier.code;
    form.registerNumber = std::to_string(dossier.id);
    // One register book per unit and year (form 07); a unit that needs more books per year is a later setting.
    form.registerBook = "01/" + std::to_string(static_cast<int>(LocalDate(receivedAt).year()));
    form.applicantName = dossier.applicant.fullName;
    form.applicantAddress = dossier.applicant.address;
    form.applicantPhone = dossier.applicant.phone;
    form.applicantEmail = dossier.applicant.email;
    form.request = procedure.name;
    for (const SubmittedDocument& d : dossier.documents)
        form.documents.push_back({d.name, VietnameseName(d.form), d.count});
    form.numberOfSets = 1;
    form.legalProcessingTime = FormatLegalTime(procedure);
    form.receivedAt = FormatVietnameseDateTime(receivedAt);
    form.dueAt = dossier.dueAt ? FormatVietnameseDateTime(*dossier.dueAt) : std::string();
    form.collectAt = "Bộ phận Một cửa – " + unit.name;  // the desk's name since the 2025 decree
    form.fees = FormatFee(procedure.feeVnd);
    form.receivingOfficer = officerName;
    form.lookupUrl = m_publicUrl + "/tra-cuu/" + dossier.code;
    return form;
}

}  // namespace motcua::reports
