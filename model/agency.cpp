#include "model/agency.h"

#include "model/error.h"

namespace motcua {

const char* ToString(AgencyLevel level) noexcept
{
    return NameOf(kAgencyLevelNames, level, "commune");
}

AgencyLevel AgencyLevelFromString(const std::string& text)
{
    return ValueOf(kAgencyLevelNames, text, N_("Unknown agency level: expected province, department or commune"),
                   "level");
}

AgencyTree::AgencyTree(std::vector<Agency> agencies) : m_agencies(std::move(agencies))
{
    std::unordered_map<std::string, std::int64_t> idByCode;
    for (std::size_t i = 0; i < m_agencies.size(); ++i) {
        const Agency& a = m_agencies[i];
        const std::string field = "agencies[" + std::to_string(i) + "]";
        if (a.code.empty())
            ThrowBadInput(N_("Agency code is required"), field + ".code");
        if (!m_indexById.emplace(a.id, i).second)
            ThrowBadInput(N_("Two agencies have the same id"), field + ".id");
        if (!idByCode.emplace(a.code, a.id).second)
            ThrowBadInput(N_("Two agencies have the same code"), field + ".code");
    }
    for (std::size_t i = 0; i < m_agencies.size(); ++i) {
        const Agency& a = m_agencies[i];
        if (!a.parentId)
            continue;
        if (!m_indexById.contains(*a.parentId))
            ThrowBadInput(N_("Agency parent does not exist"), "agencies[" + std::to_string(i) + "].parentId");
        m_childrenById[*a.parentId].push_back(a.id);
    }
    // Walking up from each agency must reach a root within as many steps as there are agencies.
    enum class Mark { Unvisited, OnPath, Done };
    std::unordered_map<std::int64_t, Mark> marks;
    for (std::size_t i = 0; i < m_agencies.size(); ++i) {
        std::vector<std::int64_t> path;
        std::optional<std::int64_t> current = m_agencies[i].id;
        while (current) {
            Mark& mark = marks[*current];
            if (mark == Mark::Done)
                break;
            if (mark == Mark::OnPath)
                ThrowBadInput(N_("Agency parents form a cycle"), "agencies[" + std::to_string(i) + "].parentId");
            mark = Mark::OnPath;
            path.push_back(*current);
            current = m_agencies[m_indexById.at(*current)].parentId;
        }
        for (std::int64_t id : path)
            marks[id] = Mark::Done;
    }
}

const Agency& AgencyTree::ById(std::int64_t id) const
{
    const auto it = m_indexById.find(id);
    if (it == m_indexById.end())
        throw Error(ErrorCategory::NotFound, N_("Agency not found"), "agencyId");
    return m_agencies[it->second];
}

const Agency* AgencyTree::FindByCode(const std::string& code) const
{
    for (const Agency& a : m_agencies)
        if (a.code == code)
            return &a;
    return nullptr;
}

std::vector<std::int64_t> AgencyTree::SubtreeIds(std::int64_t rootId) const
{
    ById(rootId);  // NotFound for an unknown root
    std::vector<std::int64_t> out;
    std::vector<std::int64_t> stack{rootId};
    while (!stack.empty()) {
        const std::int64_t id = stack.back();
        stack.pop_back();
        out.push_back(id);
        const auto it = m_childrenById.find(id);
        if (it != m_childrenById.end())
            stack.insert(stack.end(), it->second.rbegin(), it->second.rend());  // keep input order on the way out
    }
    return out;
}

bool AgencyTree::IsInSubtree(std::int64_t id, std::int64_t rootId) const
{
    if (!m_indexById.contains(rootId))
        return false;
    std::optional<std::int64_t> current = id;
    while (current) {
        const auto it = m_indexById.find(*current);
        if (it == m_indexById.end())
            return false;
        if (*current == rootId)
            return true;
        current = m_agencies[it->second].parentId;
    }
    return false;
}

void ValidateAgencyCode(const std::string& code, const std::string& field)
{
    // V1V2V3.Z1Z2.Y1Y2.MX1X2: three digits, two, two, then a capital letter and two digits.
    static constexpr const char* kShape = "999.99.99.A99";
    bool ok = code.size() == 13;
    for (std::size_t i = 0; ok && i < code.size(); ++i) {
        const char want = kShape[i];
        const char c = code[i];
        if (want == '9')
            ok = c >= '0' && c <= '9';
        else if (want == 'A')
            ok = c >= 'A' && c <= 'Z';
        else
            ok = c == want;
    }
    if (!ok)
        ThrowBadInput(N_("Agency code must look like 000.00.00.H41"), field);
}

}  // namespace motcua
