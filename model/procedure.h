// The procedure catalogue: what a citizen can ask for, who decides it, how long it may take, what it needs.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "model/agency.h"
#include "model/enum_names.h"

namespace motcua {

enum class DurationUnit { WorkingDays = 1, CalendarDays = 2 };
// clang-format off
inline constexpr EnumName<DurationUnit> kDurationUnitNames[] = {
    {DurationUnit::WorkingDays, "working_days"},
    {DurationUnit::CalendarDays, "calendar_days"},
};
// clang-format on
const char* ToString(DurationUnit unit) noexcept;  // "working_days", "calendar_days"
DurationUnit DurationUnitFromString(const std::string& text);

// How a document must be presented: original (bản chính), certified copy (bản sao chứng thực), plain copy (bản sao).
enum class DocumentForm { Original = 1, CertifiedCopy = 2, Copy = 3 };
// clang-format off
inline constexpr EnumName<DocumentForm> kDocumentFormNames[] = {
    {DocumentForm::Original, "original", "Bản chính"},
    {DocumentForm::CertifiedCopy, "certified_copy", "Bản sao chứng thực"},
    {DocumentForm::Copy, "copy", "Bản sao"},
};
// clang-format on
const char* ToString(DocumentForm form) noexcept;  // "original", "certified_copy", "copy"
DocumentForm DocumentFormFromString(const std::string& text, const std::string& field);  // throws BadInput
const char* VietnameseName(DocumentForm form) noexcept;  // "Bản chính", "Bản sao chứng thực", "Bản sao"
// One listed document, submitted or required: throws BadInput naming `field` + ".name" for a blank name, ".form" for
// a form outside the table, ".count" for a count below 1 (in that order).
void ValidateDocument(const std::string& name, DocumentForm form, int count, const std::string& field);

struct RequiredDocument {
    std::string name;
    DocumentForm form = DocumentForm::Copy;
    int count = 1;
    bool mandatory = true;
};

// A field of the procedure's form (what the app asks the citizen for in `formData`), keyed as in the JSON.
enum class FormFieldType { Text = 1, Number = 2, CalendarDate = 3, Boolean = 4 };
// clang-format off
inline constexpr EnumName<FormFieldType> kFormFieldTypeNames[] = {
    {FormFieldType::Text, "text"},
    {FormFieldType::Number, "number"},
    {FormFieldType::CalendarDate, "date"},  // "YYYY-MM-DD"
    {FormFieldType::Boolean, "boolean"},
};
// clang-format on
const char* ToString(FormFieldType type) noexcept;  // "text", "number", "date", "boolean"

struct FormField {
    std::string key;    // the member of formData, e.g. "childName"
    std::string label;  // Vietnamese, as the app shows it, e.g. "Họ, chữ đệm, tên người được khai sinh"
    FormFieldType type = FormFieldType::Text;
    bool required = true;
};

struct Procedure {
    std::int64_t id = 0;
    std::string code;    // national catalogue code, e.g. "1.001193"
    std::string name;    // e.g. "Đăng ký khai sinh"
    std::string sector;  // lĩnh vực, e.g. "Hộ tịch"
    AgencyLevel competentLevel = AgencyLevel::Commune;
    int processingTime = 0;  // in processingUnit; 0 means the result is given on the spot
    DurationUnit processingUnit = DurationUnit::WorkingDays;
    std::vector<RequiredDocument> documents;
    std::int64_t feeVnd = 0;
    std::string resultType;  // e.g. "Giấy khai sinh"
    bool online = true;      // offered through the citizen app
    std::vector<FormField> formFields;
    std::string resultTemplate = "decision";  // the template its result is drawn from (docs/result-templates.md)
};

// Throws BadInput naming the field for an empty code/name, negative time or fee, bad document counts.
void Validate(const Procedure& procedure);

}  // namespace motcua
