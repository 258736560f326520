#include "model/postgres/sql_error.h"

#include <exception>
#include <utility>

#include <soci/postgresql/soci-postgresql.h>
#include <soci/soci.h>

namespace motcua::pg {
namespace {

bool HasClass(std::string_view sqlstate, std::string_view cls)
{
    return sqlstate.size() == 5 && sqlstate.substr(0, 2) == cls;
}

// Constraints whose violation is about one input field; names as in migrations/*.sql.
constexpr std::pair<std::string_view, std::string_view> kConstraintFields[] = {
    {"agency_code_key", "code"},
    {"agency_code_not_empty", "code"},
    {"agency_name_not_empty", "name"},
    {"agency_parent_id_fkey", "parentId"},
    {"procedure_code_key", "code"},
    {"procedure_name_not_empty", "name"},
    {"procedure_time_not_negative", "processingTime"},
    {"procedure_fee_not_negative", "feeVnd"},
    {"staff_username_key", "username"},
    {"staff_agency_id_fkey", "agencyId"},
    {"staff_session_staff_id_fkey", "staffId"},
    {"dossier_code_key", "code"},
    {"dossier_receiving_agency_id_fkey", "receivingAgencyId"},
    {"dossier_handling_agency_id_fkey", "handlingAgencyId"},
    {"dossier_procedure_id_fkey", "procedureId"},
    {"dossier_assigned_staff_id_fkey", "assignedStaffId"},
    {"dossier_applicant_name_not_empty", "applicant.fullName"},
    {"dossier_citizen_id_format", "applicant.citizenId"},
    {"dossier_channel_range", "channel"},
    {"dossier_status_range", "status"},
    {"dossier_form_payload_object", "formData"},
    {"dossier_document_count_positive", "documents"},
    {"dossier_document_name_not_empty", "documents"},
    {"agency_level_range", "level"},
    {"procedure_level_range", "competentLevel"},
    {"procedure_unit_range", "processingUnit"},
    {"staff_role_range", "role"},
    {"staff_username_not_empty", "username"},
    {"staff_full_name_not_empty", "fullName"},
    {"staff_password_hash_not_empty", "passwordHash"},
};

// PostgreSQL quotes the constraint in its message: … violates check constraint "name" ….
std::string_view ConstraintIn(std::string_view text)
{
    const std::size_t word = text.find("constraint \"");
    if (word == std::string_view::npos)
        return {};
    const std::size_t start = word + 12;
    const std::size_t end = text.find('"', start);
    return end == std::string_view::npos ? std::string_view{} : text.substr(start, end - start);
}

std::string FieldOf(std::string_view sqlstate, std::string_view text)
{
    const std::string_view constraint = ConstraintIn(text);
    for (const auto& [name, field] : kConstraintFields)
        if (name == constraint)
            return std::string(field);
    // Malformed JSON is reported against the type, not a constraint; only the form payload is JSON.
    if (HasClass(sqlstate, "22") && text.find("type json") != std::string_view::npos)
        return "formData";
    return {};
}

// SOCI appends the statement text after the server's message; the detail keeps what the server said.
std::string ServerPart(std::string_view text)
{
    const std::size_t executing = text.find(" while executing \"");
    std::string_view part = text.substr(0, executing);
    constexpr std::string_view kSociPrefix = "Cannot execute query. Fatal error. ";
    if (part.substr(0, kSociPrefix.size()) == kSociPrefix)
        part.remove_prefix(kSociPrefix.size());
    while (!part.empty() && (part.back() == '\n' || part.back() == ' '))
        part.remove_suffix(1);
    return std::string(part);
}

const char* MessageFor(ErrorCategory category, std::string_view sqlstate)
{
    switch (category) {
    case ErrorCategory::Conflict:
        return sqlstate == "23505" ? N_("This record already exists")
                                   : N_("The database detected a concurrent change; please try again");
    case ErrorCategory::BadInput:
        if (sqlstate == "23503")
            return N_("A referenced record does not exist");
        if (sqlstate == "23514")
            return N_("A value is outside its allowed range");
        return N_("A value has an invalid format or is out of range");
    case ErrorCategory::Environment: return N_("The database is unavailable; please try again later");
    case ErrorCategory::NotAllowed: return N_("The database refused this operation to the application's role");
    default: return N_("Unexpected database error");
    }
}

}  // namespace

ErrorCategory CategoryOfSqlState(std::string_view sqlstate) noexcept
{
    if (sqlstate == "23505" || sqlstate == "40001" || sqlstate == "40P01")
        return ErrorCategory::Conflict;
    if (sqlstate == "23503" || sqlstate == "23514" || HasClass(sqlstate, "22"))
        return ErrorCategory::BadInput;
    if (HasClass(sqlstate, "08") || HasClass(sqlstate, "57") || HasClass(sqlstate, "53"))
        return ErrorCategory::Environment;
    if (sqlstate == "42501")
        return ErrorCategory::NotAllowed;
    return ErrorCategory::Internal;
}

Error ErrorFromSqlState(std::string_view sqlstate, std::string_view serverText)
{
    const ErrorCategory category = CategoryOfSqlState(sqlstate);
    std::string detail =
        "SQLSTATE " + std::string(sqlstate.empty() ? "?????" : sqlstate) + ": " + ServerPart(serverText);
    return Error(category, MessageFor(category, sqlstate), FieldOf(sqlstate, serverText), std::move(detail));
}

void RethrowAsError(bool connectionLost)
{
    try {
        throw;
    } catch (const Error&) {
        throw;
    } catch (const soci::postgresql_soci_error& e) {
        const std::string sqlstate = e.sqlstate();
        if (connectionLost && CategoryOfSqlState(sqlstate) != ErrorCategory::Environment)
            throw Error(ErrorCategory::Environment, MessageFor(ErrorCategory::Environment, {}), {},
                        "SQLSTATE " + sqlstate + ", connection lost: " + ServerPart(e.what()));
        throw ErrorFromSqlState(sqlstate, e.what());
    } catch (const soci::soci_error& e) {
        // SOCI's own failures carry no SQLSTATE: a dead connection, or a mismatch between query and C++ types.
        if (connectionLost || e.get_error_category() == soci::soci_error::connection_error)
            throw Error(ErrorCategory::Environment, MessageFor(ErrorCategory::Environment, {}), {},
                        ServerPart(e.what()));
        throw Error(ErrorCategory::Internal, MessageFor(ErrorCategory::Internal, {}), {}, ServerPart(e.what()));
    } catch (const std::exception& e) {
        throw Error(ErrorCategory::Internal, MessageFor(ErrorCategory::Internal, {}), {}, e.what());
    } catch (...) {
        throw Error(ErrorCategory::Internal, MessageFor(ErrorCategory::Internal, {}), {}, "unknown exception");
    }
}

}  // namespace motcua::pg
