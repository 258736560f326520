// Private to model/postgres: named parameters chosen at run time, for statements whose shape decides which they have.
#pragma once

#include <deque>
#include <string>
#include <utility>
#include <vector>

#include <soci/soci.h>

namespace motcua::pg {

// Error(BadInput) on the field "limit" for a page size outside 1..500 (queues and search).
void CheckPageLimit(int limit);

class QueryParams {
public:
    void Add(const std::string& name, long long value) { m_numbers.emplace_back(name, value); }
    void Add(const std::string& name, std::string value) { m_texts.emplace_back(name, std::move(value)); }

    // Every row of `query` with the parameters bound, read through Row's type_conversion.
    template <typename Row>
    std::vector<Row> Rows(soci::session& sql, const std::string& query)
    {
        soci::details::prepare_temp_type statement = (sql.prepare << query);
        Bind(statement);
        soci::rowset<Row> rows(statement);
        return std::vector<Row>(rows.begin(), rows.end());
    }

    // The columns of the first row of `query` (bigint, as count(*) gives); empty when there is no row.
    std::vector<long long> Numbers(soci::session& sql, const std::string& query)
    {
        soci::details::prepare_temp_type statement = (sql.prepare << query);
        Bind(statement);
        soci::rowset<soci::row> rows(statement);
        std::vector<long long> numbers;
        const auto first = rows.begin();  // a rowset is read once: begin() only once
        if (first != rows.end())
            for (std::size_t i = 0; i < first->size(); ++i)
                numbers.push_back(first->get<long long>(i));
        return numbers;
    }

private:
    void Bind(soci::details::prepare_temp_type& statement)
    {
        for (auto& [name, value] : m_numbers)
            statement, soci::use(value, name);
        for (auto& [name, value] : m_texts)
            statement, soci::use(value, name);
    }

    // Deques: SOCI binds by reference, and adding to a deque moves none of the values already bound.
    std::deque<std::pair<std::string, long long>> m_numbers;
    std::deque<std::pair<std::string, std::string>> m_texts;
};

}  // namespace motcua::pg
