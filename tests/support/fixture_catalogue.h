// A small catalogue seeded through pg::Seeder (agencies, procedures, one staff member per role) for integration tests.
#pragma once

#include <functional>
#include <string>

#include "model/agency.h"
#include "model/dossier.h"
#include "model/postgres/store.h"
#include "model/procedure.h"

namespace motcua::test {

struct FixtureCatalogue {
    static constexpr const char* kPassword = "correct horse battery staple";

    Agency province;      // 000.00.00.H41
    Agency department;    // 000.00.12.H41, child of the province
    Agency commune;       // 000.31.21.H41, child of the province: where the staff work; clerks may assign
    Agency otherCommune;  // 000.32.22.H41
    Procedure
        birthRegistration;     // commune level, 3 working days, online; form fields childName, childDateOfBirth, serial
    Procedure buildingPermit;  // department level, 15 working days, online
    Procedure landDispute;     // commune level, 45 calendar days, not online
    StaffMember clerk;         // all at the commune except the admin (province)
    StaffMember handler;
    StaffMember manager;
    StaffMember signer;
    StaffMember admin;
    StaffMember secondHandler;    // at the commune, for reassignment
    StaffMember departmentClerk;  // the department's own staff, for dossiers forwarded there
    StaffMember departmentHandler;
    StaffMember departmentManager;
    StaffMember departmentSigner;
};

// Inserts the catalogue through a pg::Seeder over `store` and returns it with ids and agency names filled in.
// `hashPassword` turns FixtureCatalogue::kPassword into what is stored (server tests pass the real hasher); without it
// a placeholder that matches no password is stored.
FixtureCatalogue SeedFixtureCatalogue(pg::Store& store,
                                      const std::function<std::string(const std::string&)>& hashPassword = {});

// A valid new online dossier (status New, awaiting the intake check) for `procedure` received at `agency`, with a
// citizen ID consistent with the birth date; `serial` varies the applicant. Ready for Store::CreateDossier.
Dossier MakeNewDossier(const Procedure& procedure, const Agency& agency, int serial, Instant submittedAt);

}  // namespace motcua::test
