// Store, search: dossiers of one agency by code, citizen ID, phone or name words, with filters, newest first; and
// the list rows of dossiers chosen elsewhere, by id.
// Names go through the dictionary of distinct folded names (migration 0010, performance.md): its few matches, then
// their dossiers by equality; a fragment common enough to match very many names reads the agency's dossiers newest
// first instead, where matches are dense enough to fill a page at once.
#include <sstream>

#include <soci/soci.h>

#include "model/postgres/query_params.h"
#include "model/postgres/queue_query.h"
#include "model/postgres/row_conversions.h"
#include "model/postgres/sql_support.h"
#include "model/postgres/store.h"

namespace motcua::pg {
namespace {

long long Seconds(Instant t)
{
    return static_cast<long long>(t.time_since_epoch().count());
}

// The name's words folded as the column is (motcua_fold_name): lower case, no diacritics, NFC first.
std::vector<std::string> FoldedWords(soci::session& sql, const std::vector<std::string>& words)
{
    std::string joined;
    for (const std::string& word : words)
        joined += (joined.empty() ? "" : " ") + word;
    std::string folded;
    sql << "SELECT motcua_fold_name(CAST(:words AS text))", use(joined, "words"), into(folded);
    std::vector<std::string> result;
    std::istringstream in(folded);
    for (std::string word; in >> word;)
        result.push_back(word);
    return result;
}

// Every word starts a word of `column` (a folded name): `' ' || column` contains ' ' + word, which the dictionary's
// trigram index serves. Binds :p0, :p1, … (the words hold no LIKE wildcard: ParseSearchKey split them off).
std::string NameCondition(const std::string& column, const std::vector<std::string>& words, QueryParams& params)
{
    std::string condition = "true";
    for (std::size_t i = 0; i < words.size(); ++i) {
        const std::string name = "p" + std::to_string(i);
        condition += " AND (' ' || " + column + ") LIKE CAST(:" + name + " AS text)";
        params.Add(name, "% " + words[i] + "%");
    }
    return condition;
}

std::string Filters(const DossierSearch& search, QueryParams& params)
{
    std::string sql = " AND d.handling_agency_id = CAST(:agency AS bigint)";
    params.Add("agency", static_cast<long long>(search.agencyId));
    if (search.status) {
        sql += " AND d.status = CAST(:status AS smallint)";
        params.Add("status", static_cast<long long>(*search.status));
    }
    if (search.procedureId) {
        sql += " AND d.procedure_id = CAST(:procedure AS bigint)";
        params.Add("procedure", static_cast<long long>(*search.procedureId));
    }
    if (search.submittedFrom) {
        sql += " AND d.submitted_at >= to_timestamp(CAST(:from AS bigint))";
        params.Add("from", Seconds(*search.submittedFrom));
    }
    if (search.submittedTo) {
        sql += " AND d.submitted_at < to_timestamp(CAST(:to AS bigint))";
        params.Add("to", Seconds(*search.submittedTo));
    }
    if (search.afterId) {
        sql += " AND d.id < CAST(:after AS bigint)";
        params.Add("after", static_cast<long long>(*search.afterId));
    }
    return sql;
}

// How the key selects: a condition on the dossier `d`, or for a very common name fragment the words to look for
// while reading the agency's dossiers newest first (a planner that takes such a LIKE for rare would read all of them).
struct KeySelection {
    std::string condition = "true";
    std::vector<std::string> scanWords;
};

// Windows of the agency's dossiers read newest first by the name scan, and how many rows one page may read.
constexpr long long kScanWindow = 1000;
constexpr long long kMaxScanPerPage = 50000;

KeySelection SelectKey(soci::session& sql, const DossierSearch& search, QueryParams& params)
{
    const std::optional<SearchKey>& key = search.key;
    if (!key)
        return {};
    switch (key->kind) {
    case SearchKind::Code: params.Add("code", key->values.at(0)); return {"d.code = CAST(:code AS text)", {}};
    case SearchKind::CitizenId:
        params.Add("citizen", key->values.at(0));
        return {"d.citizen_id = CAST(:citizen AS text)", {}};
    case SearchKind::Phone:
        params.Add("phone0", key->values.at(0));
        params.Add("phone1", key->values.at(1));
        return {"d.phone IN (CAST(:phone0 AS text), CAST(:phone1 AS text))", {}};
    case SearchKind::Name: break;
    }
    std::vector<std::string> words = FoldedWords(sql, key->values);
    QueryParams countParams;
    const std::string inDictionary = NameCondition("n.name", words, countParams);
    countParams.Add("cap", search.namesForEquality + 1);
    const long long names = countParams
                                .Numbers(sql, "SELECT count(*) FROM (SELECT 1 FROM dossier_name n WHERE " +
                                                  inDictionary + " LIMIT CAST(:cap AS bigint)) x")
                                .at(0);
    if (names <= search.namesForEquality)
        return {"d.applicant_name_search = ANY (ARRAY(SELECT n.name FROM dossier_name n WHERE " +
                    NameCondition("n.name", words, params) + "))",
                {}};
    return {"true", std::move(words)};
}

// The name scan: windows of kScanWindow dossiers (filters applied, newest first, by the (agency, id) index), the
// matching ones kept, until the page is full, the dossiers end, or kMaxScanPerPage rows were read (then the page
// may be short and `next` continues after the last row read).
SearchPage ScanNames(soci::session& sql, const DossierSearch& search, const std::vector<std::string>& words)
{
    SearchPage page;
    DossierSearch window = search;
    for (long long read = 0;;) {
        QueryParams params;
        const std::string filters = Filters(window, params);
        const std::string matches = NameCondition("w.applicant_name_search", words, params);
        params.Add("window", kScanWindow);
        const std::string newest =
            "SELECT d.* FROM dossier d WHERE true" + filters + " ORDER BY d.id DESC LIMIT CAST(:window AS integer)";
        for (InboxRow& row : params.Rows<InboxRow>(
                 sql, InboxRowsOf("SELECT w.* FROM (" + newest + ") w WHERE " + matches, "page.id DESC")))
            page.rows.push_back(std::move(row));
        if (static_cast<int>(page.rows.size()) > search.limit) {
            page.rows.resize(static_cast<std::size_t>(search.limit));
            page.next = page.rows.back().id;
            return page;
        }
        QueryParams boundParams;
        boundParams.Add("window", kScanWindow);
        const std::vector<long long> bound = boundParams.Numbers(
            sql, "SELECT count(*), COALESCE(min(w.id), 0) FROM (SELECT d.id FROM dossier d WHERE true" +
                     Filters(window, boundParams) + " ORDER BY d.id DESC LIMIT CAST(:window AS integer)) w");
        read += bound.at(0);
        if (bound.at(0) < kScanWindow)
            return page;  // no more dossiers
        window.afterId = bound.at(1);
        if (read >= kMaxScanPerPage) {
            page.next = window.afterId;
            return page;
        }
    }
}

}  // namespace

SearchPage Store::SearchDossiers(const DossierSearch& search)
{
    CheckPageLimit(search.limit);
    return InTransaction(*m_pool, [&](soci::session& sql) {
        QueryParams params;
        const KeySelection key = SelectKey(sql, search, params);
        if (!key.scanWords.empty())
            return ScanNames(sql, search, key.scanWords);
        const std::string filters = Filters(search, params);
        params.Add("limit", static_cast<long long>(search.limit) + 1);
        SearchPage page;
        page.rows =
            params.Rows<InboxRow>(sql, InboxRowsOf("SELECT d.* FROM dossier d WHERE " + key.condition + filters +
                                                       " ORDER BY d.id DESC LIMIT CAST(:limit AS integer)",
                                                   "page.id DESC"));
        if (static_cast<int>(page.rows.size()) > search.limit) {
            page.rows.resize(static_cast<std::size_t>(search.limit));
            page.next = page.rows.back().id;
        }
        return page;
    });
}

std::vector<InboxRow> Store::ListedDossiers(const std::vector<std::int64_t>& ids)
{
    if (ids.empty())
        return {};
    return InTransaction(*m_pool, [&](soci::session& sql) {
        ArrayLiteral array;
        for (const std::int64_t id : ids)
            array.Add(static_cast<long long>(id));
        QueryParams params;
        params.Add("ids", array.Text());
        return params.Rows<InboxRow>(
            sql, InboxRowsOf("SELECT d.* FROM dossier d WHERE d.id = ANY (CAST(:ids AS bigint[]))", "page.id DESC"));
    });
}

}  // namespace motcua::pg
