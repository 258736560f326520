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

const char* ToString(FormFieldType type) noexcept
{
    return NameOf(kFormFieldTypeNames, type, "text");
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

void ValidateDocument(const std::string& name, DocumentForm form, int count, const std::string& field)
{
    if (IsBlank(name))
        ThrowBadInput(N_("Document name is required"), field + ".name");
    if (!HasName(kDocumentFormNames, form))
        ThrowBadInput(N_("Unknown document form: expected original, certified_copy or copy"), field + ".form");
    if (count < 1)
        ThrowBadInput(N_("Document count must be at least 1"), field + ".count");
}

void Validate(const Procedure& procedure)
{
    if (IsBlank(procedure.code))
        ThrowBadInput(N_("Procedure code is required"), "code");
    if (IsBlank(procedure.name))
        ThrowBadInput(N_("Procedure name is required"), "name");
    if (!HasName(kAgencyLevelNames, procedure.competentLevel))
        ThrowBadInput(N_("Unknown agency level: expected province, department or commune"), "competentLevel");
    if (procedure.processingTime < 0)
        ThrowBadInput(N_("Processing time cannot be negative"), "processingTime");
    if (!HasName(kDurationUnitNames, procedure.processingUnit))
        ThrowBadInput(N_("Unknown processing time unit: expected working_days or calendar_days"), "processingUnit");
    if (procedure.feeVnd < 0)
        ThrowBadInput(N_("Fee cannot be negative"), "feeVnd");
    for (std::size_t i = 0; i < procedure.documents.size(); ++i) {
        const RequiredDocument& d = procedure.documents[i];
        ValidateDocument(d.name, d.form, d.count, "documents[" + std::to_string(i) + "]");
    }
}

}  // namespace motcua
