#include "model/postgres/sql_support.h"

#include <chrono>

namespace motcua::pg {

std::string Epoch(const std::string& column)
{
    return "CAST(floor(extract(epoch FROM " + column + ")) AS bigint)";
}

void ArrayLiteral::Add(long long value)
{
    Separate();
    m_text += std::to_string(value);
}

void ArrayLiteral::Add(Date value)
{
    Add(static_cast<long long>(std::chrono::sys_days{value}.time_since_epoch().count()));
}

void ArrayLiteral::Add(const std::string& value)
{
    Separate();
    m_text += '"';
    for (char c : value) {
        if (c == '"' || c == '\\')
            m_text += '\\';
        m_text += c;
    }
    m_text += '"';
}

void ArrayLiteral::AddNull()
{
    Separate();
    m_text += "NULL";
}

const std::string& ArrayLiteral::Text()
{
    m_literal = "{" + m_text + "}";
    return m_literal;
}

void ArrayLiteral::Separate()
{
    if (!m_empty)
        m_text += ',';
    m_empty = false;
}

}  // namespace motcua::pg
