// Store, what the citizen routes add besides the workflow: the citizen's rating of a dossier's handling.
#include <charconv>

#include <soci/soci.h>

#include "model/error.h"
#include "model/postgres/soci_conversions.h"
#include "model/postgres/sql_support.h"
#include "model/postgres/store.h"

namespace motcua::pg {

bool Store::SaveRating(const CitizenRating& rating, std::optional<std::int64_t> clientId)
{
    return InTransaction(*m_pool, [&](soci::session& sql) {
        ArrayLiteral scores;
        for (const int score : rating.scores)
            scores.Add(score);
        // The primary key keeps one rating per dossier, also against a concurrent second one.
        std::optional<long long> inserted;
        sql << "INSERT INTO dossier_rating (dossier_id, client_id, scores, comment, rated_at)"
               " VALUES (:dossier, :client, CAST(:scores AS smallint[]), :comment, to_timestamp(:at))"
               " ON CONFLICT (dossier_id) DO NOTHING RETURNING dossier_id",
            use(rating.dossierId, "dossier"), use(clientId, "client"), use(scores.Text(), "scores"),
            use(rating.comment, "comment"), use(rating.ratedAt, "at"), into(inserted);
        return inserted.has_value();
    });
}

std::optional<CitizenRating> Store::FindRating(std::int64_t dossierId)
{
    return InTransaction(*m_pool, [&](soci::session& sql) -> std::optional<CitizenRating> {
        CitizenRating rating;
        std::string scores;
        sql << "SELECT array_to_string(scores, ','), comment, " + Epoch("rated_at") +
                   " FROM dossier_rating WHERE dossier_id = :id",
            use(dossierId, "id"), into(scores), into(rating.comment), into(rating.ratedAt);
        if (!sql.got_data())
            return std::nullopt;
        rating.dossierId = dossierId;
        const char* p = scores.data();
        const char* const end = scores.data() + scores.size();
        for (int& score : rating.scores) {
            const auto [next, ec] = std::from_chars(p, end, score);
            if (ec != std::errc())
                throw Error(ErrorCategory::Internal, N_("Unexpected database error"), {}, "rating scores " + scores);
            p = next == end ? end : next + 1;  // past the comma
        }
        return rating;
    });
}

}  // namespace motcua::pg
