// Store, catalogue: agencies and procedures with their required documents and form fields.
#include <algorithm>
#include <iterator>
#include <map>

#include <soci/soci.h>

#include "model/error.h"
#include "model/postgres/row_conversions.h"
#include "model/postgres/sql_support.h"
#include "model/postgres/store.h"

namespace motcua::pg {
namespace {

constexpr const char* kAgencySelect =
    "SELECT id, parent_id, code, name, CAST(level AS integer) AS level,"
    " CAST(clerks_may_assign AS integer) AS clerks_may_assign FROM agency";

constexpr const char* kProcedureSelect =
    "SELECT id, code, name, sector, CAST(competent_level AS integer) AS competent_level, processing_time,"
    " CAST(processing_unit AS integer) AS processing_unit, fee_vnd, result_type, CAST(online AS integer) AS online,"
    " result_template FROM procedure";

std::vector<RequiredDocument> LoadRequiredDocuments(soci::session& sql, std::int64_t procedureId)
{
    std::vector<RequiredDocument> documents;
    soci::rowset<soci::row> rows =
        (sql.prepare << "SELECT name, CAST(form AS integer), count, CAST(mandatory AS integer)"
                        " FROM procedure_document WHERE procedure_id = :id ORDER BY position",
         use(procedureId, "id"));
    for (const soci::row& r : rows)
        documents.push_back(
            {r.get<std::string>(0), static_cast<DocumentForm>(r.get<int>(1)), r.get<int>(2), r.get<int>(3) != 0});
    return documents;
}

constexpr const char* kFormFieldColumns = "key, label, CAST(type AS integer), CAST(required AS integer)";

FormField FormFieldOf(const soci::row& r, std::size_t first)
{
    return {r.get<std::string>(first), r.get<std::string>(first + 1), static_cast<FormFieldType>(r.get<int>(first + 2)),
            r.get<int>(first + 3) != 0};
}

std::vector<FormField> LoadFormFields(soci::session& sql, std::int64_t procedureId)
{
    std::vector<FormField> fields;
    soci::rowset<soci::row> rows =
        (sql.prepare << std::string("SELECT ") + kFormFieldColumns +
                            " FROM procedure_form_field WHERE procedure_id = :id ORDER BY position",
         use(procedureId, "id"));
    for (const soci::row& r : rows)
        fields.push_back(FormFieldOf(r, 0));
    return fields;
}

std::optional<Procedure> LoadProcedure(soci::session& sql, const std::string& where, const std::string& key)
{
    std::optional<Procedure> p = SelectOne<Procedure>(sql, kProcedureSelect, where, key);
    if (p) {
        p->documents = LoadRequiredDocuments(sql, p->id);
        p->formFields = LoadFormFields(sql, p->id);
    }
    return p;
}

}  // namespace

std::vector<Agency> Store::LoadAgencies()
{
    return InTransaction(*m_pool, [](soci::session& sql) {
        std::vector<Agency> agencies;
        soci::rowset<Agency> rows = (sql.prepare << std::string(kAgencySelect) + " ORDER BY id");
        std::copy(rows.begin(), rows.end(), std::back_inserter(agencies));
        return agencies;
    });
}

std::optional<Agency> Store::FindAgencyByCode(const std::string& code)
{
    if (!IsTextParameter(code))
        return std::nullopt;
    return InTransaction(
        *m_pool, [&](soci::session& sql) { return SelectOne<Agency>(sql, kAgencySelect, "code = :key", code); });
}

std::optional<Procedure> Store::FindProcedureByCode(const std::string& code)
{
    if (!IsTextParameter(code))
        return std::nullopt;
    return InTransaction(*m_pool, [&](soci::session& sql) { return LoadProcedure(sql, "code = :key", code); });
}

Procedure Store::GetProcedure(std::int64_t id)
{
    return InTransaction(*m_pool, [&](soci::session& sql) {
        std::optional<Procedure> p = LoadProcedure(sql, "id = CAST(:key AS bigint)", std::to_string(id));
        if (!p)
            throw Error(ErrorCategory::NotFound, N_("Procedure not found"), "procedureId",
                        "procedure " + std::to_string(id));
        return std::move(*p);
    });
}

std::vector<Procedure> Store::LoadProcedures()
{
    return InTransaction(*m_pool, [](soci::session& sql) {
        std::vector<Procedure> procedures;
        std::map<long long, std::size_t> indexById;
        soci::rowset<Procedure> rows = (sql.prepare << std::string(kProcedureSelect) + " ORDER BY code");
        for (const Procedure& p : rows) {
            indexById[p.id] = procedures.size();
            procedures.push_back(p);
        }
        soci::rowset<soci::row> documents =
            (sql.prepare << "SELECT procedure_id, name, CAST(form AS integer), count, CAST(mandatory AS integer)"
                            " FROM procedure_document ORDER BY procedure_id, position");
        for (const soci::row& r : documents)
            procedures[indexById.at(r.get<long long>(0))].documents.push_back(
                {r.get<std::string>(1), static_cast<DocumentForm>(r.get<int>(2)), r.get<int>(3), r.get<int>(4) != 0});
        soci::rowset<soci::row> fields =
            (sql.prepare << std::string("SELECT procedure_id, ") + kFormFieldColumns +
                                " FROM procedure_form_field ORDER BY procedure_id, position");
        for (const soci::row& r : fields)
            procedures[indexById.at(r.get<long long>(0))].formFields.push_back(FormFieldOf(r, 1));
        return procedures;
    });
}

}  // namespace motcua::pg
