#include "demo/demo_catalogue.h"

#include <charconv>
#include <cstdio>
#include <map>
#include <string>
#include <string_view>
#include <system_error>
#include <vector>

#include "demo/person_generator.h"
#include "model/error.h"

namespace motcua::demo {
namespace {

struct DepartmentRow {
    const char* name;
    const char* slug;
};

// The departments and provincial agencies that take dossiers after the 2025 reorganisation (14 departments merged
// from 17–20, plus the agencies a one-stop centre routes to). Position + 1 is the NN of "000.00.NN.H41".
const std::vector<DepartmentRow> kDepartments = {
    {"Trung tâm Phục vụ hành chính công tỉnh", "ttpvhcc"},
    {"Văn phòng Ủy ban nhân dân tỉnh", "vpubnd"},
    {"Sở Nội vụ", "sonoivu"},
    {"Sở Tư pháp", "sotuphap"},
    {"Sở Tài chính", "sotaichinh"},
    {"Sở Công Thương", "socongthuong"},
    {"Sở Nông nghiệp và Môi trường", "sonnmt"},
    {"Sở Xây dựng", "soxaydung"},
    {"Sở Khoa học và Công nghệ", "sokhcn"},
    {"Sở Văn hóa, Thể thao và Du lịch", "sovhttdl"},
    {"Sở Giáo dục và Đào tạo", "sogddt"},
    {"Sở Y tế", "soyte"},
    {"Sở Dân tộc và Tôn giáo", "sodttg"},
    {"Thanh tra tỉnh", "thanhtra"},
    {"Ban Quản lý các khu công nghiệp tỉnh", "bqlkcn"},
    {"Ban Quản lý Khu kinh tế Thái Bình", "bqlkkt"},
    {"Văn phòng Đăng ký đất đai tỉnh", "vpdkdd"},
    {"Công an tỉnh", "congan"},
    {"Bảo hiểm xã hội tỉnh", "bhxh"},
    {"Thuế tỉnh Hưng Yên", "thue"},
};

struct CommuneGroup {
    int group;  // Y1Y2 of "000.Z1Z2.Y1Y2.H41": the former district, kept so codes stay stable after the merger
    std::vector<const char*> names;
};

// Communes and wards of the province formed on 1 July 2025, grouped by the former district they came from.
const std::vector<CommuneGroup> kCommunes = {
    {31, {"Phường Phố Hiến", "Phường Sơn Nam", "Phường Hồng Châu", "Xã Hoàng Hoa Thám", "Xã Tân Hưng"}},
    {32, {"Phường Mỹ Hào", "Phường Đường Hào", "Phường Thượng Hồng"}},
    {33, {"Xã Như Quỳnh", "Xã Lạc Đạo", "Xã Đại Đồng"}},
    {34, {"Xã Văn Giang", "Xã Phụng Công", "Xã Nghĩa Trụ", "Xã Mễ Sở"}},
    {35, {"Xã Yên Mỹ", "Xã Việt Yên", "Xã Hoàn Long", "Xã Nguyễn Văn Linh"}},
    {36, {"Xã Khoái Châu", "Xã Triệu Việt Vương", "Xã Việt Tiến", "Xã Chí Minh", "Xã Châu Ninh"}},
    {37, {"Xã Ân Thi", "Xã Xuân Trúc", "Xã Phạm Ngũ Lão", "Xã Nguyễn Trãi", "Xã Hồng Quang"}},
    {38, {"Xã Lương Bằng", "Xã Nghĩa Dân", "Xã Hiệp Cường", "Xã Đức Hợp"}},
    {39, {"Xã Tống Trân", "Xã Nguyên Hòa", "Xã Tiên Tiến"}},
    {40, {"Xã Tiên Lữ", "Xã Tiên Hoa", "Xã Quang Hưng", "Xã Đoàn Đào"}},
    {41, {"Phường Thái Bình", "Phường Trần Lãm", "Phường Trần Hưng Đạo", "Phường Trà Lý", "Phường Vũ Phúc"}},
    {42,
     {"Xã Quỳnh Phụ", "Xã Phụ Dực", "Xã Minh Thọ", "Xã Nguyễn Du", "Xã Quỳnh An", "Xã Ngọc Lâm", "Xã Đồng Bằng",
      "Xã A Sào", "Xã Tân Tiến"}},
    {43,
     {"Xã Hưng Hà", "Xã Long Hưng", "Xã Diên Hà", "Xã Tiên La", "Xã Lê Quý Đôn", "Xã Hồng Minh", "Xã Thần Khê",
      "Xã Ngự Thiên", "Xã Hưng Phú"}},
    {44,
     {"Xã Đông Hưng", "Xã Bắc Đông Hưng", "Xã Nam Đông Hưng", "Xã Đông Quan", "Xã Bắc Tiên Hưng", "Xã Tiên Hưng",
      "Xã Nam Tiên Hưng", "Xã Đông Tiên Hưng", "Xã Bắc Đông Quan"}},
    {45,
     {"Xã Thái Thụy", "Xã Đông Thụy Anh", "Xã Bắc Thụy Anh", "Xã Thụy Anh", "Xã Nam Thụy Anh", "Xã Bắc Thái Ninh",
      "Xã Thái Ninh", "Xã Đông Thái Ninh", "Xã Nam Thái Ninh"}},
    {46,
     {"Xã Tiền Hải", "Xã Tây Tiền Hải", "Xã Ái Quốc", "Xã Đồng Châu", "Xã Đông Tiền Hải", "Xã Nam Cường",
      "Xã Nam Tiền Hải"}},
    {47, {"Xã Kiến Xương", "Xã Lê Lợi", "Xã Quang Lịch", "Xã Vũ Quý", "Xã Bình Thanh", "Xã Bình Định"}},
    {48, {"Xã Vũ Thư", "Xã Thư Trì", "Xã Tân Thuận", "Xã Thư Vũ", "Xã Vũ Tiên", "Xã Vạn Xuân"}},
};

std::string Code(int z, int y)
{
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "000.%02d.%02d.%s", z, y, kProvinceCodeSuffix);
    return buffer;
}

[[noreturn]] void ThrowMalformed(std::size_t line, const std::string& what)
{
    throw Error(ErrorCategory::Internal, N_("The demo catalogue has a malformed line"), {},
                "demo_catalogue.tsv:" + std::to_string(line) + ": " + what);
}

std::vector<std::string> SplitTabs(std::string_view line)
{
    std::vector<std::string> fields;
    for (std::size_t start = 0;;) {
        const std::size_t tab = line.find('\t', start);
        fields.emplace_back(line.substr(start, tab == std::string_view::npos ? std::string_view::npos : tab - start));
        if (tab == std::string_view::npos) {
            return fields;
        }
        start = tab + 1;
    }
}

// Whole-field numbers only, in the C locale whatever the process's locale is.
template <typename T>
T Number(const std::string& text, std::size_t line)
{
    T value{};
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (error != std::errc{} || end != text.data() + text.size()) {
        ThrowMalformed(line, "not a number: " + text);
    }
    return value;
}

bool YesNo(const std::string& text, std::size_t line)
{
    if (text != "yes" && text != "no") {
        ThrowMalformed(line, "expected yes or no: " + text);
    }
    return text == "yes";
}

}  // namespace

std::vector<ProcedureRow> ParseProcedureTable(std::string_view text)
{
    std::vector<ProcedureRow> rows;
    std::size_t lineNumber = 0;
    for (std::size_t start = 0; start < text.size();) {
        const std::size_t newline = text.find('\n', start);
        const std::size_t end = newline == std::string_view::npos ? text.size() : newline;
        std::string_view line = text.substr(start, end - start);
        start = end + 1;
        if (line.ends_with('\r')) {
            line.remove_suffix(1);  // a checkout with Windows line ends
        }
        ++lineNumber;
        if (line.empty() || line.front() == '#') {
            continue;
        }
        const std::vector<std::string> f = SplitTabs(line);
        try {
            if (f[0] == "procedure" && f.size() == 12) {
                ProcedureRow row;
                Procedure& p = row.procedure;
                p.code = f[1];
                p.name = f[2];
                p.sector = f[3];
                p.competentLevel = AgencyLevelFromString(f[4]);
                row.department = f[5];
                p.processingTime = Number<int>(f[6], lineNumber);
                p.processingUnit = DurationUnitFromString(f[7]);
                p.feeVnd = Number<std::int64_t>(f[8], lineNumber);
                p.resultType = f[9];
                p.online = YesNo(f[10], lineNumber);
                row.popularity = Number<double>(f[11], lineNumber);
                rows.push_back(std::move(row));
            } else if (f[0] == "document" && f.size() == 5 && !rows.empty()) {
                rows.back().procedure.documents.push_back(RequiredDocument{f[1], DocumentFormFromString(f[2], "form"),
                                                                           Number<int>(f[3], lineNumber),
                                                                           YesNo(f[4], lineNumber)});
            } else {
                ThrowMalformed(lineNumber, "expected a procedure line (12 fields) or a document line (5 fields)");
            }
        } catch (const Error& e) {
            if (e.Category() != ErrorCategory::BadInput) {
                throw;
            }
            ThrowMalformed(lineNumber, e.what());
        }
    }
    return rows;
}

void AddAgencies(DemoProvince& province)
{
    auto add = [&province](Agency agency, std::string slug) {
        agency.id = static_cast<std::int64_t>(province.agencies.size()) + 1;
        province.agencies.push_back(std::move(agency));
        province.agencySlugs.push_back(std::move(slug));
    };
    add(Agency{0, std::nullopt, Code(0, 0), "UBND tỉnh Hưng Yên", AgencyLevel::Province}, "ubndtinh");
    const std::int64_t provinceId = 1;
    int number = 0;
    for (const auto& row : kDepartments) {
        ++number;
        add(Agency{0, provinceId, Code(0, number), row.name, AgencyLevel::Department}, row.slug);
    }
    for (const auto& group : kCommunes) {
        int index = 0;
        for (const char* name : group.names) {
            ++index;
            // "Phường Phố Hiến" → agency "UBND phường Phố Hiến", slug "phohien".
            std::string place(name);
            const bool ward = place.starts_with("Phường");
            const std::string prefix = ward ? "Phường " : "Xã ";
            std::string bare = place.substr(prefix.size());
            // A commune's office is small: its desk may assign dossiers to handlers (departments have managers).
            add(Agency{0, provinceId, Code(index, group.group), "UBND " + std::string(ward ? "phường " : "xã ") + bare,
                       AgencyLevel::Commune, true},
                Slug(bare));
        }
    }
}

void AddProcedures(DemoProvince& province)
{
    std::map<std::string, std::int64_t> departmentBySlug;
    for (std::size_t i = 0; i < province.agencies.size(); ++i) {
        if (province.agencies[i].level == AgencyLevel::Department) {
            departmentBySlug[province.agencySlugs[i]] = province.agencies[i].id;
        }
    }
    const auto bytes = DemoCatalogueTsv();
    for (auto& row : ParseProcedureTable({reinterpret_cast<const char*>(bytes.data()), bytes.size()})) {
        Procedure& p = row.procedure;
        p.id = static_cast<std::int64_t>(province.procedures.size()) + 1;
        std::int64_t department = 0;
        if (p.competentLevel != AgencyLevel::Commune) {
            auto it = departmentBySlug.find(row.department);
            if (it == departmentBySlug.end()) {
                throw Error(ErrorCategory::Internal, N_("The demo catalogue names an unknown department"), {},
                            row.department);
            }
            department = it->second;
        }
        // Every demo dossier's form carries the same two members (citizen_request.cpp, province_builder.cpp).
        p.formFields = {{"purpose", "Mục đích sử dụng", FormFieldType::Text, true},
                        {"copies", "Số bản đề nghị cấp", FormFieldType::Number, true}};
        province.procedures.push_back(std::move(p));
        province.procedureDepartment.push_back(department);
        province.procedurePopularity.push_back(row.popularity);
    }
}

}  // namespace motcua::demo
