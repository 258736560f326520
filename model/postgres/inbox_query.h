// The inbox statements, shared by the Store and by the test that checks their plan uses the partial index.
#pragma once

#include <string>

namespace motcua::pg {

// The rows of a page as InboxRow's type_conversion reads them: `page` is a SELECT of dossier columns, ordered and
// limited; the outer query names the procedure and the assigned staff member (only the page's rows, by primary key:
// no query per row, and the page keeps its index) and keeps the page's `order` (the queues and search use it too).
inline std::string InboxRowsOf(const std::string& page, const std::string& order)
{
    return "SELECT page.id, page.code, page.applicant_name, p.name AS procedure_name,"
           " CAST(floor(extract(epoch FROM page.submitted_at)) AS bigint) AS submitted_at,"
           " CAST(floor(extract(epoch FROM page.received_at)) AS bigint) AS received_at,"
           " CAST(floor(extract(epoch FROM page.due_at)) AS bigint) AS due_at,"
           " CAST(page.status AS integer) AS status, CAST(page.sub_state AS integer) AS sub_state, page.version,"
           " s.id AS assigned_staff_id, s.full_name AS assigned_staff_name"
           " FROM (" +
           page +
           ") page JOIN procedure p ON p.id = page.procedure_id LEFT JOIN staff s ON s.id = page.assigned_staff_id"
           " ORDER BY " +
           order;
}

// Which page of the keyset is asked for: the first; the one after a dated row (dated rows come first, by due time
// and id, then the undated ones by id); the one after an undated row.
enum class InboxQueryKind { First, AfterDated, AfterUndated };

// Placeholders (SOCI binds each name once, hence the numbered twins): :agency and :limit always; after a dated
// row also :due (epoch seconds), :id, :agency2, :limit2, :limit3; after an undated row also :id. The status list
// repeats the predicate of dossier_inbox_idx word for word, so that the planner can prove the index applies.
inline std::string InboxQuery(InboxQueryKind kind)
{
    auto open = [](const char* agency) {
        return std::string("d.handling_agency_id = CAST(:") + agency +
               " AS bigint) AND d.status IN (1, 2, 4, 5, 6, 7, 9)";
    };
    const std::string columns =
        "SELECT d.id, d.code, d.applicant_name, d.procedure_id, d.submitted_at, d.received_at,"
        " d.due_at, d.status, d.sub_state, d.version, d.assigned_staff_id FROM dossier d WHERE ";
    std::string page;
    switch (kind) {
    case InboxQueryKind::First:
        page = columns + open("agency") + " ORDER BY d.due_at, d.id LIMIT CAST(:limit AS integer)";
        break;
    case InboxQueryKind::AfterDated:
        // Two ordered range scans of the same index: the rest of the dated rows, then the undated ones.
        page = "SELECT u.* FROM ((" + columns + open("agency") +
               " AND (d.due_at, d.id) > (to_timestamp(CAST(:due AS bigint)), CAST(:id AS bigint))"
               " ORDER BY d.due_at, d.id LIMIT CAST(:limit AS integer))"
               " UNION ALL (" +
               columns + open("agency2") +
               " AND d.due_at IS NULL ORDER BY d.id LIMIT CAST(:limit2 AS integer))) u"
               " ORDER BY u.due_at, u.id LIMIT CAST(:limit3 AS integer)";
        break;
    case InboxQueryKind::AfterUndated:
        page = columns + open("agency") +
               " AND d.due_at IS NULL AND d.id > CAST(:id AS bigint) ORDER BY d.id LIMIT CAST(:limit AS integer)";
        break;
    }
    return InboxRowsOf(page, "page.due_at, page.id");
}

}  // namespace motcua::pg
