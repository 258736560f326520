// Agencies of a province as a tree: the province, its departments, its communes and wards.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "model/enum_names.h"

namespace motcua {

// Since 1 July 2025 local government has two tiers; departments sit beside the province's people's committee.
enum class AgencyLevel { Province = 1, Department = 2, Commune = 3 };
// clang-format off
inline constexpr EnumName<AgencyLevel> kAgencyLevelNames[] = {
    {AgencyLevel::Province, "province"},
    {AgencyLevel::Department, "department"},
    {AgencyLevel::Commune, "commune"},
};
// clang-format on

const char* ToString(AgencyLevel level) noexcept;            // "province", "department", "commune"
AgencyLevel AgencyLevelFromString(const std::string& text);  // throws BadInput

struct Agency {
    std::int64_t id = 0;
    std::optional<std::int64_t> parentId;
    std::string code;  // official electronic identifier used in dossier codes, e.g. "000.00.00.H41"
    std::string name;  // e.g. "UBND phường Hoàn Kiếm"
    AgencyLevel level = AgencyLevel::Commune;
    bool clerksMayAssign = false;  // small offices let the desk assign dossiers to handlers (no manager on duty)
};

// Read-only tree over a flat list; answers ancestry questions for scoping (a manager sees a subtree).
class AgencyTree {
public:
    explicit AgencyTree(std::vector<Agency> agencies);  // throws BadInput on unknown parents, cycles, duplicate codes
    const Agency& ById(std::int64_t id) const;          // throws NotFound
    const Agency* FindByCode(const std::string& code) const;
    std::vector<std::int64_t> SubtreeIds(std::int64_t rootId) const;  // root first, depth first; throws NotFound
    bool IsInSubtree(std::int64_t id, std::int64_t rootId) const;     // false when either id is unknown
    const std::vector<Agency>& All() const noexcept { return m_agencies; }

private:
    std::vector<Agency> m_agencies;
    std::unordered_map<std::int64_t, std::size_t> m_indexById;
    std::unordered_map<std::int64_t, std::vector<std::int64_t>> m_childrenById;  // in input order
};

// Validates the official code layout "V1V2V3.Z1Z2.Y1Y2.MX1X2" (e.g. "000.00.00.H41"); throws BadInput.
void ValidateAgencyCode(const std::string& code, const std::string& field = "agencyCode");

}  // namespace motcua
