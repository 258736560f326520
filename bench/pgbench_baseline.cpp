#include "bench/pgbench_baseline.h"

#include <algorithm>
#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <memory>
#include <regex>
#include <sstream>

#include "model/dossier.h"
#include "model/postgres/access_scope.h"
#include "model/workflow.h"

namespace motcua::bench {

namespace {

std::string Quote(const std::string& text)
{
    std::string out = "'";
    for (char c : text) {
        out += c;
        if (c == '\'')
            out += '\'';
    }
    return out + "'";
}

// One submission's rows, as Store::CreateDossier writes them for the citizen API, one statement per table: parts
// first with deferred foreign keys, then the day's counter, then the dossier row (the server now sends them as one
// statement; the baseline keeps the plain form the issue describes).
std::string Script(const PgbenchShape& shape)
{
    std::ostringstream ids, codes;
    for (std::size_t i = 0; i < shape.agencies.size(); ++i) {
        ids << (i ? "," : "") << shape.agencies[i].id;
        codes << (i ? "," : "") << Quote(shape.agencies[i].code);
    }
    const Date day = LocalDate(shape.now);
    const std::string date = FormatDate(day);                                              // 2026-11-23
    const std::string yymmdd = date.substr(2, 2) + date.substr(5, 2) + date.substr(8, 2);  // 261123
    const std::string at = "to_timestamp(" + std::to_string(shape.now.time_since_epoch().count()) + ")";
    const int submit = static_cast<int>(Action::Submit);
    const int citizen = static_cast<int>(Role::Citizen);
    const int fresh = static_cast<int>(NationalStatus::New);
    const int awaiting = static_cast<int>(SubState::AwaitingIntakeCheck);

    std::ostringstream s;
    s << "\\set a random(1, " << shape.agencies.size() << ")\n"
      << "BEGIN;\n"
      // The scope and actor every transaction of the citizen door states, by the server's own statement: without
      // them row-level security refuses the rows, and the audit trail could not name the client.
      << pg::AccessScope::All()
             .ActingAs(pg::AuditActor{
                 .kind = pg::AuditActor::Kind::CitizenApp, .clientId = shape.clientId, .address = "127.0.0.1"})
             .SettingStatement()
      << ";\n"
      << "SELECT nextval(pg_get_serial_sequence('dossier', 'id')) AS id, (ARRAY[" << ids.str()
      << "])[:a] AS agency \\gset\n"
      << "SET CONSTRAINTS dossier_form_dossier_id_fkey, dossier_document_dossier_id_fkey,"
         " dossier_pause_dossier_id_fkey, dossier_event_dossier_id_fkey"
      << (shape.attachmentSql.empty() ? "" : ", dossier_attachment_dossier_id_fkey") << " DEFERRED;\n"
      << "INSERT INTO dossier_form (dossier_id, payload) VALUES (:id, '{\"childName\": \"Nguyễn Văn An\", "
         "\"serial\": 1}');\n"
      << "INSERT INTO dossier_document (dossier_id, position, name, form, count) VALUES"
         " (:id, 0, 'Tờ khai đăng ký khai sinh', 1, 1), (:id, 1, 'Giấy chứng sinh', 1, 1);\n"
      << "INSERT INTO dossier_event (dossier_id, at, action, role, from_status, from_sub_state, to_status,"
         " to_sub_state, to_agency_id) VALUES (:id, "
      << at << ", " << submit << ", " << citizen << ", " << fresh << ", 0, " << fresh << ", " << awaiting
      << ", :agency);\n";
    if (!shape.attachmentSql.empty())
        s << shape.attachmentSql << "\n";
    s << "INSERT INTO dossier_code_counter AS c (agency_id, day, last_seq) VALUES (:agency, DATE '" << date
      << "', 1) ON CONFLICT (agency_id, day) DO UPDATE SET last_seq = c.last_seq + 1 RETURNING last_seq AS seq"
         " \\gset\n"
      << "INSERT INTO dossier (id, code, receiving_agency_id, handling_agency_id, procedure_id, channel,"
         " applicant_name, citizen_id, date_of_birth, phone, email, address, status, sub_state, submitted_at,"
         " due_at, intake_due_at, client_id) VALUES (:id, (ARRAY["
      << codes.str() << "])[:a] || '-" << yymmdd << "-' || lpad(CAST(:seq AS text), 4, '0'), :agency, :agency, "
      << shape.procedureId
      << ", 2, 'Nguyễn Văn Hùng', '001090000001', DATE '1990-05-12', '0912345678', 'hung.nguyen@example.vn',"
         " 'Số 12 đường Lê Lợi, phường Trường Vinh, tỉnh Nghệ An', "
      << fresh << ", " << awaiting << ", " << at << ", " << at << " + interval '3 days', " << at
      << " + interval '8 hours', " << shape.clientId << ");\n"
      << "END;\n";
    return s.str();
}

std::string ShellQuote(const std::string& text)
{
    std::string out = "'";
    for (char c : text)
        out += c == '\'' ? std::string("'\\''") : std::string(1, c);
    return out + "'";
}

}  // namespace

std::string FindPgbench()
{
    namespace fs = std::filesystem;
    std::vector<fs::path> found;
    std::error_code ec;
    for (const auto& entry : fs::directory_iterator("/usr/lib/postgresql", ec))
        if (fs::exists(entry.path() / "bin" / "pgbench"))
            found.push_back(entry.path() / "bin" / "pgbench");
    std::sort(found.begin(), found.end());
    return found.empty() ? std::string() : found.back().string();
}

PgbenchResult RunPgbench(const std::string& pgbench, const std::string& conninfo, const PgbenchShape& shape,
                         const std::string& workDir)
{
    PgbenchResult result;
    const std::string script = workDir + "/submission.sql";
    {
        std::ofstream out(script);
        out << Script(shape);
        if (!out) {
            result.error = "cannot write " + script;
            return result;
        }
    }
    const std::string command = ShellQuote(pgbench) + " -n -M prepared -f " + ShellQuote(script) + " -c " +
                                std::to_string(shape.clients) + " -j " + std::to_string(shape.clients) + " -T " +
                                std::to_string(shape.seconds) + " " + ShellQuote(conninfo) + " 2>&1";
    std::unique_ptr<FILE, int (*)(FILE*)> pipe(popen(command.c_str(), "r"), &pclose);
    if (!pipe) {
        result.error = "cannot run pgbench";
        return result;
    }
    std::string output;
    std::array<char, 4096> buffer{};
    while (fgets(buffer.data(), static_cast<int>(buffer.size()), pipe.get()) != nullptr)
        output += buffer.data();
    std::smatch m;
    if (std::regex_search(output, m, std::regex(R"(tps = ([0-9.]+) \(without initial connection time\))")))
        result.perSecond = std::stod(m[1]);
    if (std::regex_search(output, m, std::regex(R"(latency average = ([0-9.]+) ms)")))
        result.latencyMs = std::stod(m[1]);
    if (std::regex_search(output, m, std::regex(R"(number of transactions actually processed: ([0-9]+))")))
        result.transactions = std::stoll(m[1]);
    if (result.perSecond <= 0 || output.find("error") != std::string::npos)
        result.error = output.substr(0, 600);
    return result;
}

}  // namespace motcua::bench
