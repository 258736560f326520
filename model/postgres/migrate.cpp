// Migrate and MigrationNames (declared in store.h): the embedded migrations applied over the owner's connection.
#include <algorithm>
#include <array>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <soci/postgresql/soci-postgresql.h>
#include <soci/soci.h>

#include "model/error.h"
#include "model/postgres/connection_pool.h"
#include "model/postgres/embedded_migrations.h"
#include "model/postgres/soci_conversions.h"
#include "model/postgres/sql_error.h"
#include "model/postgres/store.h"

namespace motcua::pg {
namespace {

using soci::into;
using soci::use;

// Key of the transaction-level advisory lock every migrating transaction takes ("MotCua" in ASCII), so that two
// migrators of one database run one after the other and the second finds the work done.
constexpr long long kMigrationLockKey = 0x4d6f74437561;

// Role names are put into DDL (which takes no parameters), so only plain lower-case identifiers are accepted.
bool IsPlainIdentifier(const std::string& name)
{
    if (name.empty() || name.size() > 63)
        return false;
    if (!(name[0] == '_' || (name[0] >= 'a' && name[0] <= 'z')))
        return false;
    return std::all_of(name.begin(), name.end(),
                       [](char c) { return c == '_' || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'); });
}

// Runs a script of several statements (DDL, DO blocks) with libpq directly: SOCI would read ":" inside the SQL as
// placeholders. It runs inside the session's current transaction.
void ExecScript(soci::session& sql, const std::string& script)
{
    PGconn* conn = Connection(sql);
    if (conn == nullptr)
        throw Error(ErrorCategory::Internal, N_("Unexpected database error"), {}, "not a PostgreSQL session");
    std::unique_ptr<PGresult, decltype(&PQclear)> result(PQexec(conn, script.c_str()), &PQclear);
    const ExecStatusType status = result ? PQresultStatus(result.get()) : PGRES_FATAL_ERROR;
    if (status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK)
        return;
    const char* sqlstate = result ? PQresultErrorField(result.get(), PG_DIAG_SQLSTATE) : nullptr;
    const char* message = result ? PQresultErrorMessage(result.get()) : PQerrorMessage(conn);
    throw ErrorFromSqlState(sqlstate ? sqlstate : "", message ? message : "");
}

// Each step in its own transaction, serialised with other migrators by the advisory lock.
template <typename Work>
void InLockedTransaction(soci::session& sql, Work&& work)
{
    soci::transaction tx(sql);
    sql << "SELECT pg_advisory_xact_lock(CAST(:key AS bigint))", use(kMigrationLockKey, "key");
    work();
    tx.commit();
}

struct RoleAttributes {
    bool superuser = false;
    bool bypassRls = false;
};

std::optional<RoleAttributes> FindRole(soci::session& sql, const std::string& role)
{
    int superuser = 0;
    int bypassRls = 0;
    sql << "SELECT CAST(rolsuper AS integer), CAST(rolbypassrls AS integer) FROM pg_roles WHERE rolname = :role",
        use(role, "role"), into(superuser), into(bypassRls);
    if (!sql.got_data())
        return std::nullopt;
    return RoleAttributes{superuser != 0, bypassRls != 0};
}

// The application role must exist, differ from the owner, and be unable to bypass row-level security.
void PrepareAppRole(soci::session& sql, const std::string& appRole)
{
    std::string currentUser;
    sql << "SELECT CAST(current_user AS text)", into(currentUser);
    if (currentUser == appRole)
        throw Error(ErrorCategory::BadInput, N_("The application role must not be the role that owns the schema"),
                    "appRole", appRole);
    std::optional<RoleAttributes> attributes = FindRole(sql, appRole);
    if (!attributes) {
        int mayCreateRoles = 0;
        sql << "SELECT CAST(rolcreaterole OR rolsuper AS integer) FROM pg_roles WHERE rolname = current_user",
            into(mayCreateRoles);
        if (mayCreateRoles == 0)
            throw Error(ErrorCategory::Environment,
                        N_("The application role does not exist and the migrating role may not create roles; "
                           "create it first"),
                        "appRole",
                        "as an administrator: CREATE ROLE " + appRole +
                            " LOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE");
        // Roles belong to the cluster, while the advisory lock only covers this database: a migrator of another
        // database may create the same role at the same moment, which is fine.
        ExecScript(sql, "DO $$ BEGIN CREATE ROLE " + appRole +
                            " LOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE NOREPLICATION;"
                            " EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL; END $$");
        attributes = FindRole(sql, appRole);
        if (!attributes)
            throw Error(ErrorCategory::Internal, N_("Unexpected database error"), "appRole",
                        "role " + appRole + " missing right after CREATE ROLE");
    }
    if (attributes->superuser || attributes->bypassRls)
        throw Error(ErrorCategory::Environment,
                    N_("The application role is a superuser or may bypass row-level security"), "appRole", appRole);
}

// History and the audit trail: the application adds to them and never changes or removes a row.
bool IsAppendOnly(const std::string& table)
{
    return table == "dossier_event" || table == "audit_event";
}

// DML on every table of the schema that the owner owns (SELECT only on schema_migrations and the audit chain's head,
// which only motcua_audit_seal moves; SELECT and INSERT only on
// the append-only tables), USAGE on its sequences,
// and the same by default for whatever later migrations create. Idempotent: run after every migration run.
void GrantToAppRole(soci::session& sql, const std::string& appRole)
{
    int owned = 0;
    sql << "SELECT CAST(count(*) AS integer) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
           " WHERE n.nspname = current_schema() AND c.relowner = (SELECT oid FROM pg_roles WHERE rolname = :role)",
        use(appRole, "role"), into(owned);
    if (owned > 0)
        throw Error(ErrorCategory::Environment, N_("The application role owns tables; it must only use them"),
                    "appRole", appRole + " owns " + std::to_string(owned) + " relations");

    std::string schema;
    sql << "SELECT quote_ident(current_schema())", into(schema);
    const std::string role = "\"" + appRole + "\"";
    std::string script;
    soci::rowset<soci::row> relations =
        (sql.prepare << "SELECT quote_ident(n.nspname) || '.' || quote_ident(c.relname), CAST(c.relkind AS text),"
                        " CAST(c.relname AS text)"
                        " FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
                        " WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p', 'S')"
                        " AND c.relowner = (SELECT oid FROM pg_roles WHERE rolname = current_user) ORDER BY 1");
    for (const soci::row& r : relations) {
        const auto name = r.get<std::string>(0);
        const auto kind = r.get<std::string>(1);
        if (kind == "S")
            script += "REVOKE ALL ON SEQUENCE " + name + " FROM " + role + "; GRANT USAGE, SELECT ON SEQUENCE " + name +
                      " TO " + role + ";\n";
        else if (r.get<std::string>(2) == "schema_migrations" || r.get<std::string>(2) == "audit_head")
            script += "REVOKE ALL ON " + name + " FROM " + role + "; GRANT SELECT ON " + name + " TO " + role + ";\n";
        else if (IsAppendOnly(r.get<std::string>(2)))
            script +=
                "REVOKE ALL ON " + name + " FROM " + role + "; GRANT SELECT, INSERT ON " + name + " TO " + role + ";\n";
        else
            script += "REVOKE ALL ON " + name + " FROM " + role + "; GRANT SELECT, INSERT, UPDATE, DELETE ON " + name +
                      " TO " + role + ";\n";
    }
    script += "ALTER DEFAULT PRIVILEGES IN SCHEMA " + schema + " GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO " +
              role + ";\nALTER DEFAULT PRIVILEGES IN SCHEMA " + schema + " GRANT USAGE, SELECT ON SEQUENCES TO " +
              role + ";\n";
    ExecScript(sql, script);
}

// Migrations whose file changed after release, with the checksum they were first applied with. 0022 and 0023 ended
// by filling the KPI summary; 0024 now fills it once, in bounded memory (at ten million dossiers the two fills took
// hours), so their calls were taken out. A database that applied the first versions holds the same schema, and 0024
// recounts its summary. Like Liquibase's validCheckSum: the only edits allowed, each listed here.
struct EarlierChecksum {
    int version;
    std::string_view checksum;
};
constexpr std::array kEarlierChecksums{
    EarlierChecksum{22, "f2e2d6db0e4cddeb9e287a01a69a86eb7e3ffd551980a7714e3283edc37538dc"},
    EarlierChecksum{23, "fb0539b6f5242aff20e754d9b54b181096862a1235222b73e8be7bcf346d768a"},
};

bool IsEarlierChecksum(int version, const std::string& checksum)
{
    return std::any_of(kEarlierChecksums.begin(), kEarlierChecksums.end(),
                       [&](const EarlierChecksum& e) { return e.version == version && e.checksum == checksum; });
}

Error WithContext(const Error& e, const std::string& context)
{
    return Error(e.Category(), e.what(), e.Field(), context + ": " + e.Detail());
}

}  // namespace

std::vector<std::string> MigrationNames()
{
    std::vector<std::string> names;
    for (const EmbeddedMigration& m : EmbeddedMigrations())
        names.emplace_back(m.name);
    return names;
}

int Migrate(const std::string& ownerConninfo, const std::string& appRole)
{
    if (!IsPlainIdentifier(appRole))
        throw Error(ErrorCategory::BadInput, N_("The application role name must be a plain lower-case SQL identifier"),
                    "appRole", appRole);
    std::unique_ptr<soci::session> session = OpenSession(ownerConninfo);
    soci::session& sql = *session;
    const std::vector<EmbeddedMigration>& migrations = EmbeddedMigrations();
    int applied = 0;
    try {
        InLockedTransaction(sql, [&] {
            PrepareAppRole(sql, appRole);
            int exists = 0;
            sql << "SELECT CAST(to_regclass('schema_migrations') IS NOT NULL AS integer)", into(exists);
            if (exists == 0)
                ExecScript(sql,
                           "CREATE TABLE schema_migrations ("
                           " version integer PRIMARY KEY,"
                           " name text NOT NULL,"
                           " checksum text NOT NULL,"
                           " applied_at timestamptz NOT NULL DEFAULT now())");
            int newest = 0;
            sql << "SELECT COALESCE(max(version), 0) FROM schema_migrations", into(newest);
            const int known = migrations.empty() ? 0 : migrations.back().version;
            if (newest > known)
                throw Error(ErrorCategory::Environment,
                            N_("The database was migrated by a newer version of this program"), {},
                            "database at migration " + std::to_string(newest) + ", this program knows up to " +
                                std::to_string(known));
        });
        for (const EmbeddedMigration& m : migrations) {
            InLockedTransaction(sql, [&] {
                std::optional<std::string> checksum;
                sql << "SELECT checksum FROM schema_migrations WHERE version = :version", use(m.version, "version"),
                    into(checksum);
                if (checksum) {
                    // An applied migration is history: if its file changed, the database and the code disagree.
                    if (*checksum != m.checksum && !IsEarlierChecksum(m.version, *checksum))
                        throw Error(ErrorCategory::Environment,
                                    N_("An applied database migration differs from this program's copy"), {},
                                    std::string(m.name) + ": applied with checksum " + *checksum + ", file has " +
                                        std::string(m.checksum));
                    return;
                }
                try {
                    ExecScript(sql, std::string(m.sql));
                } catch (const Error& e) {
                    throw WithContext(e, "migration " + std::string(m.name));
                }
                const std::string name(m.name);
                const std::string sum(m.checksum);
                sql << "INSERT INTO schema_migrations (version, name, checksum) VALUES (:version, :name, :checksum)",
                    use(m.version, "version"), use(name, "name"), use(sum, "checksum");
                ++applied;
            });
        }
        InLockedTransaction(sql, [&] { GrantToAppRole(sql, appRole); });
    } catch (...) {
        RethrowAsError(!IsConnectionOk(sql));
    }
    return applied;
}

}  // namespace motcua::pg
