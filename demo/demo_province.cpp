#include "demo/demo_province.h"

#include "demo/demo_catalogue.h"
#include "demo/demo_random.h"
#include "demo/person_generator.h"
#include "demo/province_builder.h"
#include "model/error.h"

namespace motcua::demo {

std::int64_t DemoProvince::StaffAt(std::int64_t agencyId, Role role) const
{
    for (const auto& s : staff) {
        if (s.agencyId == agencyId && s.role == role) {
            return s.id;
        }
    }
    throw Error(ErrorCategory::NotFound, N_("No staff member with this role at this agency"));
}

DemoProvince GenerateCatalogue(std::uint32_t randomSeed)
{
    DemoProvince province;
    province.name = kProvinceName;
    AddAgencies(province);
    AddProcedures(province);
    for (const auto& a : province.agencies) {
        if (a.level == AgencyLevel::Commune && a.name.starts_with("UBND phường")) {
            province.demoAgencyId = a.id;
            break;
        }
    }
    for (const auto& a : province.agencies) {
        if (province.agencySlugs[static_cast<std::size_t>(a.id - 1)] == kDemoDepartmentSlug) {
            province.demoDepartmentId = a.id;
        }
    }
    DemoRandom random(randomSeed);
    PersonGenerator people(random);
    auto addStaff = [&](std::string username, Role role, std::int64_t agencyId) {
        DemoStaff s;
        s.id = static_cast<std::int64_t>(province.staff.size()) + 1;
        s.username = std::move(username);
        s.fullName = people.FullName(random.Chance(0.55) ? Sex::Female : Sex::Male);
        s.role = role;
        s.agencyId = agencyId;
        province.staff.push_back(std::move(s));
    };
    for (const auto& a : province.agencies) {
        const std::string& slug = province.agencySlugs[static_cast<std::size_t>(a.id - 1)];
        for (Role role : {Role::Clerk, Role::Handler, Role::Manager, Role::Signer}) {
            addStaff(std::string(ToString(role)) + "." + slug, role, a.id);
        }
    }
    addStaff(kDemoClerk, Role::Clerk, province.demoAgencyId);
    addStaff(kDemoHandler, Role::Handler, province.demoAgencyId);
    addStaff(kDemoManager, Role::Manager, province.demoAgencyId);
    addStaff(kDemoSigner, Role::Signer, province.demoAgencyId);
    addStaff(kDemoAdmin, Role::Admin, 1);
    addStaff(kDemoDeptHandler, Role::Handler, province.demoDepartmentId);
    addStaff(kDemoDeptManager, Role::Manager, province.demoDepartmentId);
    addStaff(kDemoDeptSigner, Role::Signer, province.demoDepartmentId);
    return province;
}

DemoProvince GenerateProvince(const ProvinceOptions& options, const WorkingCalendar& calendar)
{
    if (options.dossiers < 0) {
        ThrowBadInput(N_("The number of demo dossiers must not be negative"), "dossiers");
    }
    if (options.now == Instant{}) {
        ThrowBadInput(N_("The demo generator needs the current time"), "now");
    }
    DemoProvince province = GenerateCatalogue(options.randomSeed);
    province.now = options.now;
    ProvinceBuilder builder(province, options.randomSeed, calendar);
    builder.Build(options.dossiers);
    return province;
}

}  // namespace motcua::demo
