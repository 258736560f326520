#include "model/procedure.h"

#include "model/error.h"

namespace motcua {

const char* ToString(DurationUnit unit) noexcept
{
    return NameOf(kDurationUnitNames, unit, "working_days");
}

DurationUnit DurationUnitFromString(const std::string& text)
{
    return ValueOf(kDurationUnitNames, text, N_("Unknown processing time unit: expected working_days or calendar_days"),
                   "processingUnit");
}

const char* ToString(DocumentForm form) noexcept
{
    return NameOf(kDocumentFormNames, form, "copy");
}

DocumentForm DocumentFormFromString(const std::string& text, const std::string& field)
{
    return ValueOf(kDocumentFormNames, text, N_("Unknown document form: expected original, certified_copy or copy"),
                   field);
}

const char* VietnameseName(DocumentForm form) noexcept
{
    return NameOf(kDocumentFormNames, form, "Bản sao", &EnumName<DocumentForm>::vietnamese);
}

namespace {

bool IsBlank(const std::string& s)
{
    return s.find_first_not_of(" \t\r\n") == std::string::npos;
}

}  // namespace

void Validate(const Procedure& procedure)
{
    if (IsBlank(procedure.code))
        ThrowBadInput(N_("Procedure code is required"), "code");
    if (IsBlank(procedure.name))
        ThrowBadInput(N_("Procedure name is required"), "name");
    const int level = static_cast<int>(procedure.competentLevel);
    if (level < 1 || level > 3)
        ThrowBadInput(N_("Unknown agency level: expected province, department or commune"), "competentLevel");
    if (procedure.processingTime < 0)
        ThrowBadInput(N_("Processing time cannot be negative"), "processingTime");
    const int unit = static_cast<int>(procedure.processingUnit);
    if (unit < 1 || unit > 2)
        ThrowBadInput(N_("Unknown processing time unit: expected working_days or calendar_days"), "processingUnit");
    if (procedure.feeVnd < 0)
        ThrowBadInput(N_("Fee cannot be negative"), "feeVnd");
    for (std::size_t i = 0; i < procedure.documents.size(); ++i) {
        const RequiredDocument& d = procedure.documents[i];
        const std::string field = "documents[" + std::to_string(i) + "]";
        if (IsBlank(d.name))
            ThrowBadInput(N_("Document name is required"), field + ".name");
        const int form = static_cast<int>(d.form);
        if (form < 1 || form > 3)
            ThrowBadInput(N_("Unknown document form: expected original, certified_copy or copy"), field + ".form");
        if (d.count < 1)
            ThrowBadInput(N_("Document count must be at least 1"), field + ".count");
    }
}

}  // namespace motcua
