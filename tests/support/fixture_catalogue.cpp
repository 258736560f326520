#include "tests/support/fixture_catalogue.h"

#include <cstdio>

#include "model/postgres/seeder.h"

namespace motcua::test {
namespace {

Agency AddAgency(pg::Seeder& seeder, std::optional<std::int64_t> parent, const char* code, const char* name,
                 AgencyLevel level, bool clerksMayAssign = false)
{
    Agency a;
    a.parentId = parent;
    a.code = code;
    a.name = name;
    a.level = level;
    a.clerksMayAssign = clerksMayAssign;
    a.id = seeder.InsertAgency(a);
    return a;
}

Procedure AddProcedure(pg::Seeder& seeder, Procedure p)
{
    p.id = seeder.InsertProcedure(p);
    return p;
}

StaffMember AddStaff(pg::Seeder& seeder, const char* username, const char* fullName, Role role, const Agency& agency,
                     const std::string& passwordHash, const char* position = "")
{
    pg::StaffCredentials s;
    s.member.username = username;
    s.member.fullName = fullName;
    s.member.role = role;
    s.member.agencyId = agency.id;
    s.member.agencyName = agency.name;
    s.member.position = position;
    s.passwordHash = passwordHash;
    s.active = true;
    s.member.id = seeder.InsertStaff(s);
    return s.member;
}

}  // namespace

FixtureCatalogue SeedFixtureCatalogue(pg::Store& store,
                                      const std::function<std::string(const std::string&)>& hashPassword)
{
    const std::string hash = hashPassword ? hashPassword(FixtureCatalogue::kPassword)
                                          : std::string("fixture-placeholder-matches-no-password");
    pg::Seeder seeder(store);
    FixtureCatalogue c;
    c.province = AddAgency(seeder, std::nullopt, "000.00.00.H41", "UBND tỉnh Nghệ An", AgencyLevel::Province);
    c.department = AddAgency(seeder, c.province.id, "000.00.12.H41", "Sở Xây dựng", AgencyLevel::Department);
    // A ward office small enough that its desk assigns dossiers; the department leaves that to its manager.
    c.commune =
        AddAgency(seeder, c.province.id, "000.31.21.H41", "UBND phường Trường Vinh", AgencyLevel::Commune, true);
    c.otherCommune = AddAgency(seeder, c.province.id, "000.32.22.H41", "UBND xã Nghi Lộc", AgencyLevel::Commune);

    Procedure birth;
    birth.code = "1.001193";
    birth.name = "Đăng ký khai sinh";
    birth.sector = "Hộ tịch";
    birth.competentLevel = AgencyLevel::Commune;
    birth.processingTime = 3;
    birth.processingUnit = DurationUnit::WorkingDays;
    birth.documents = {{"Tờ khai đăng ký khai sinh", DocumentForm::Original, 1, true},
                       {"Giấy chứng sinh", DocumentForm::Original, 1, true},
                       {"Giấy tờ tùy thân của người đi đăng ký", DocumentForm::Copy, 1, false}};
    birth.resultType = "Giấy khai sinh";
    birth.formFields = {{"childName", "Họ, chữ đệm, tên người được khai sinh", FormFieldType::Text, true},
                        {"childDateOfBirth", "Ngày, tháng, năm sinh", FormFieldType::CalendarDate, true},
                        {"serial", "Số thứ tự (dữ liệu thử)", FormFieldType::Number, false}};
    c.birthRegistration = AddProcedure(seeder, birth);

    Procedure permit;
    permit.code = "1.009972";
    permit.name = "Cấp giấy phép xây dựng nhà ở riêng lẻ";
    permit.sector = "Xây dựng";
    permit.competentLevel = AgencyLevel::Department;
    permit.processingTime = 15;
    permit.processingUnit = DurationUnit::WorkingDays;
    permit.documents = {{"Đơn đề nghị cấp giấy phép xây dựng", DocumentForm::Original, 1, true},
                        {"Giấy chứng nhận quyền sử dụng đất", DocumentForm::CertifiedCopy, 1, true},
                        {"Bản vẽ thiết kế xây dựng", DocumentForm::Original, 2, true}};
    permit.feeVnd = 75000;
    permit.resultType = "Giấy phép xây dựng";
    permit.formFields = {{"plotNumber", "Số thửa đất", FormFieldType::Text, true},
                         {"floorArea", "Tổng diện tích sàn (m²)", FormFieldType::Number, true}};
    c.buildingPermit = AddProcedure(seeder, permit);

    Procedure dispute;
    dispute.code = "2.000488";
    dispute.name = "Hòa giải tranh chấp đất đai";
    dispute.sector = "Đất đai";
    dispute.competentLevel = AgencyLevel::Commune;
    dispute.processingTime = 45;
    dispute.processingUnit = DurationUnit::CalendarDays;
    dispute.documents = {{"Đơn yêu cầu hòa giải", DocumentForm::Original, 1, true}};
    dispute.resultType = "Biên bản hòa giải";
    dispute.online = false;
    c.landDispute = AddProcedure(seeder, dispute);

    c.clerk = AddStaff(seeder, "clerk", "Nguyễn Thị Thu Hà", Role::Clerk, c.commune, hash);
    c.handler = AddStaff(seeder, "handler", "Trần Văn Đức", Role::Handler, c.commune, hash);
    c.manager = AddStaff(seeder, "manager", "Lê Thị Hồng Nhung", Role::Manager, c.commune, hash);
    c.signer = AddStaff(seeder, "signer", "Phạm Quốc Việt", Role::Signer, c.commune, hash, "CHỦ TỊCH");
    c.admin = AddStaff(seeder, "admin", "Hoàng Minh Tuấn", Role::Admin, c.province, hash);
    c.secondHandler = AddStaff(seeder, "handler2", "Đỗ Thị Mai", Role::Handler, c.commune, hash);
    c.departmentClerk = AddStaff(seeder, "dept.clerk", "Bùi Thị Hạnh", Role::Clerk, c.department, hash);
    c.departmentHandler = AddStaff(seeder, "dept.handler", "Ngô Văn Thành", Role::Handler, c.department, hash);
    c.departmentManager = AddStaff(seeder, "dept.manager", "Vũ Thị Lan", Role::Manager, c.department, hash);
    c.departmentSigner = AddStaff(seeder, "dept.signer", "Đinh Công Sơn", Role::Signer, c.department, hash);
    return c;
}

Dossier MakeNewDossier(const Procedure& procedure, const Agency& agency, int serial, Instant submittedAt)
{
    static const char* const kNames[] = {"Nguyễn Văn Hùng", "Trần Thị Thùy Trang", "Lê Văn Ngân", "Đặng Thị Ánh",
                                         "Phạm Đức Anh"};
    Dossier d;
    d.receivingAgencyId = agency.id;
    d.handlingAgencyId = agency.id;
    d.procedureId = procedure.id;
    d.channel = Channel::Online;
    d.applicant.fullName = kNames[static_cast<unsigned>(serial) % 5];
    // 001 Hà Nội, century digit 0 (a man born in the 1900s), year 90, then the serial.
    char citizenId[16];
    std::snprintf(citizenId, sizeof citizenId, "001090%06d", serial % 1000000);
    d.applicant.citizenId = citizenId;
    d.applicant.dateOfBirth = std::chrono::year{1990} / std::chrono::May / 12;
    d.applicant.address = "Số 12 đường Lê Lợi, phường Trường Vinh, tỉnh Nghệ An";
    d.applicant.phone = "0912345678";
    d.applicant.email = "hung.nguyen@example.vn";
    d.formDataJson = R"({"childName": "Nguyễn Văn An", "serial": )" + std::to_string(serial) + "}";
    for (const RequiredDocument& r : procedure.documents)
        d.documents.push_back({r.name, r.form, r.count});
    d.status = NationalStatus::New;
    d.subState = SubState::AwaitingIntakeCheck;
    d.submittedAt = submittedAt;
    return d;
}

}  // namespace motcua::test
