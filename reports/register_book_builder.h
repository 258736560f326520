// Fills form 07 (the register, one book per agency and year) from the register's entries: all formatting here.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "model/agency.h"
#include "model/time.h"
#include "reports/register_book.h"

namespace motcua::reports {

// One dossier entered in the book, as the server reads it from its rows.
struct RegisterEntry {
    int number = 0;  // số thứ tự, continuous within the book
    std::string dossierCode;
    std::string procedureName;
    int sets = 1;
    std::string applicantName;
    std::string applicantAddress;
    std::string applicantPhone;
    std::optional<Instant> receivedAt;
    std::optional<Instant> dueAt;
    std::optional<Instant> resultBackAt;  // the result back at the desk from the processing agency
    std::optional<Instant> returnedAt;    // the result handed to the applicant
    std::string receivingOfficer;
    std::string note;
};

// `agencyId` keeps the book (must be in `agencies`, else Error(NotFound)); `book` is its number within `year`.
// Throws Error(BadInput) naming the field for a year outside 2000–9999 ("year"), a book number below 1 ("book"),
// and for an entry ("entries[i]…") with a number below 1 or not one more than the entry before (".number"), a blank
// dossier code or applicant name (".dossierCode", ".applicantName"), or fewer than 1 set (".sets").
RegisterBook BuildRegisterBook(const AgencyTree& agencies, std::int64_t agencyId, int year,
                               const std::vector<RegisterEntry>& entries, int book = 1);

}  // namespace motcua::reports
