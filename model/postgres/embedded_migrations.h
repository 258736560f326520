// The versioned SQL migrations compiled into the library (the .cpp is generated from migrations/*.sql at build time).
#pragma once

#include <string_view>
#include <vector>

namespace motcua::pg {

struct EmbeddedMigration {
    int version = 0;            // from the file name, 1, 2, 3 … without gaps
    std::string_view name;      // the file name without ".sql", e.g. "0003_dossiers"
    std::string_view checksum;  // SHA-256 of the file, lower-case hex
    std::string_view sql;       // the file's text, run as one script in one transaction
};

// In version order.
const std::vector<EmbeddedMigration>& EmbeddedMigrations();

}  // namespace motcua::pg
