#include "demo/province_builder.h"

#include <algorithm>
#include <array>
#include <chrono>
#include <optional>
#include <string>

#include "demo/person_generator.h"
#include "model/dossier_code.h"
#include "model/error.h"
#include "model/text.h"

namespace motcua::demo {
namespace {

struct StatusShare {
    NationalStatus status;
    int demoWardPerMille;  // the demo clerk's ward: a busier mix, so that its inbox is worth opening
    int provincePerMille;  // every other agency
    bool takesTime;        // on-the-spot procedures are finished the day they arrive: they never sit here
};

// The national statuses in code order with their share of the generated dossiers.
// clang-format off
const std::array<StatusShare, 10> kStatusMix = {{
    // status                              demo ward  province  takes time
    {NationalStatus::New,                  130,        40,      false},
    {NationalStatus::Received,              70,        40,      true},
    {NationalStatus::RefusedAtIntake,       30,        30,      false},
    {NationalStatus::Processing,           200,       160,      true},
    {NationalStatus::SupplementRequested,   50,        40,      true},
    {NationalStatus::FeesDue,               30,        20,      true},
    {NationalStatus::WithdrawalRequested,   20,        15,      true},
    {NationalStatus::Stopped,               20,        15,      false},
    // A result that is ready on the spot is collected on the spot: those do not wait here either.
    {NationalStatus::ResultReady,           60,        60,      true},
    {NationalStatus::Returned,             390,       580,      false},
}};
// clang-format on

std::size_t MixRow(NationalStatus status)
{
    for (std::size_t i = 0; i < kStatusMix.size(); ++i) {
        if (kStatusMix[i].status == status) {
            return i;
        }
    }
    throw Error(ErrorCategory::Internal, N_("The demo status mix has no such status"), {}, ToString(status));
}

// Largest-remainder split of `total` by one per-mille column of kStatusMix; every reachable status gets at least one
// when possible. The statuses come out in code order, each repeated its number of times.
std::vector<NationalStatus> Quotas(int total, int StatusShare::*perMille, const std::vector<bool>& reachable,
                                   bool atLeastOne)
{
    const std::size_t rows = kStatusMix.size();
    const std::size_t processing = MixRow(NationalStatus::Processing);
    const std::size_t returned = MixRow(NationalStatus::Returned);
    std::vector<int> weights(rows);
    for (std::size_t i = 0; i < rows; ++i) {
        weights[i] = kStatusMix[i].*perMille;
    }
    for (std::size_t i = 0; i < rows; ++i) {
        if (!reachable[i]) {
            // An unreachable status (a gap in the workflow table) gives its share to "processing".
            weights[processing] += weights[i];
            weights[i] = 0;
        }
    }
    int weightSum = 0;
    for (int w : weights) {
        weightSum += w;
    }
    std::vector<int> count(rows);
    std::vector<std::pair<double, std::size_t>> remainders;
    int assigned = 0;
    for (std::size_t i = 0; i < rows; ++i) {
        const double exact = static_cast<double>(total) * weights[i] / weightSum;
        count[i] = static_cast<int>(exact);
        assigned += count[i];
        remainders.emplace_back(exact - static_cast<int>(exact), i);
    }
    std::stable_sort(remainders.begin(), remainders.end(), [](auto a, auto b) { return a.first > b.first; });
    for (std::size_t i = 0; assigned < total; i = (i + 1) % remainders.size()) {
        ++count[remainders[i].second];
        ++assigned;
    }
    if (atLeastOne) {
        for (std::size_t i = 0; i < rows; ++i) {
            if (reachable[i] && count[i] == 0 && count[returned] > 1) {
                ++count[i];
                --count[returned];
            }
        }
    }
    std::vector<NationalStatus> statuses;
    for (std::size_t i = 0; i < rows; ++i) {
        statuses.insert(statuses.end(), static_cast<std::size_t>(count[i]), kStatusMix[i].status);
    }
    return statuses;
}

std::string NoteFor(const Transition& t, const Procedure& p, Channel channel, DemoRandom& random)
{
    switch (t.action) {
    case Action::Submit:
        return channel == Channel::Online ? ""
               : channel == Channel::Post ? "Tiếp nhận qua dịch vụ bưu chính công ích"
                                          : "Tiếp nhận trực tiếp tại Bộ phận Một cửa";
    case Action::Accept: return "Hồ sơ đầy đủ, hợp lệ";
    case Action::Refuse:
        return random.Chance(0.5) ? "Hồ sơ không thuộc thẩm quyền giải quyết"
                                  : "Giấy tờ trong hồ sơ không hợp lệ, đã hướng dẫn công dân";
    case Action::RequestSupplement: {
        const auto& doc = p.documents.at(random.Index(p.documents.size()));
        return "Đề nghị bổ sung: " + doc.name + " (" + VietnameseName(doc.form) + ")";
    }
    case Action::Supplement:
        return t.role == Role::Citizen ? "Công dân đã bổ sung giấy tờ trực tuyến"
                                       : "Công dân bổ sung giấy tờ tại Bộ phận Một cửa";
    case Action::Assign: return "Chuyển chuyên viên thụ lý";
    case Action::ProposeResult: return "Đủ điều kiện, đề xuất phê duyệt";
    case Action::Approve: return "Đã ký duyệt kết quả";
    case Action::ReturnResult: return "Đã trả kết quả cho công dân";
    case Action::Stop:
        return t.from.status == NationalStatus::WithdrawalRequested
                   ? "Dừng xử lý theo đề nghị rút hồ sơ của công dân"
                   : "Dừng xử lý do hồ sơ không đủ điều kiện giải quyết";
    case Action::Withdraw:
        return t.role == Role::Citizen ? "Công dân đề nghị rút hồ sơ" : "Xác nhận rút hồ sơ theo đề nghị của công dân";
    case Action::RequestFees:
        return "Đề nghị thực hiện nghĩa vụ tài chính: " + GroupThousands(std::max<std::int64_t>(p.feeVnd, 50000)) +
               " đồng";
    case Action::PayFees: return channel == Channel::Online ? "Đã thanh toán trực tuyến" : "Đã nộp tại Bộ phận Một cửa";
    case Action::Claim: return "Nhận xử lý hồ sơ";
    case Action::Forward: return "Chuyển cơ quan có thẩm quyền giải quyết";
    case Action::ReturnForRework: return "Đề nghị thẩm định lại";
    case Action::Reschedule: return "Xin lỗi và hẹn lại ngày trả kết quả";
    case Action::CloseUnsupplied: return "Quá 15 ngày công dân không bổ sung hồ sơ";
    case Action::Consult: return "Lấy ý kiến cơ quan phối hợp";
    case Action::AnswerConsultation: return "Cơ quan phối hợp đã có ý kiến";
    }
    return {};
}

const std::vector<const char*> kPurposes = {"Bổ sung hồ sơ xin việc",
                                            "Hoàn thiện hồ sơ vay vốn ngân hàng",
                                            "Làm thủ tục nhập học cho con",
                                            "Theo yêu cầu của cơ quan",
                                            "Sử dụng cá nhân",
                                            "Hoàn thiện hồ sơ mua bán nhà đất",
                                            "Bổ sung hồ sơ bảo hiểm",
                                            "Phục vụ kinh doanh"};

std::string JsonEscape(const std::string& text)
{
    std::string out;
    for (char c : text) {
        switch (c) {
        case '"': out += "\\\""; break;
        case '\\': out += "\\\\"; break;
        case '\n': out += "\\n"; break;
        default: out += c;
        }
    }
    return out;
}

}  // namespace

ProvinceBuilder::ProvinceBuilder(DemoProvince& province, std::uint32_t seed, const WorkingCalendar& calendar)
    : m_province(province),
      m_random((static_cast<std::uint64_t>(seed) << 32U) ^ 0x6d6f74637561ULL),
      m_timeline(province.now, calendar)
{
    for (const auto& s : province.staff) {
        m_staffIndex.try_emplace({s.agencyId, s.role}, s.id);
    }
    for (const auto& s : province.staff) {
        if (s.agencyId == province.demoAgencyId && s.username.starts_with("demo.")) {
            m_demoStaff[s.role] = s.id;
        }
    }
    for (const auto& a : province.agencies) {
        if (a.level == AgencyLevel::Commune && a.id != province.demoAgencyId) {
            m_communes.push_back(a.id);
            // Wards are busier than rural communes.
            m_communeWeights.push_back(a.name.starts_with("UBND phường") ? 2.0 : m_random.Real(0.6, 1.3));
        }
        if (a.level == AgencyLevel::Department && m_centreId == 0) {
            m_centreId = a.id;  // the provincial public-service centre comes first among the departments
        }
    }
    for (const auto& p : province.procedures) {
        const auto i = static_cast<std::size_t>(p.id - 1);
        auto& list = p.competentLevel == AgencyLevel::Commune ? m_communeProcedures : m_upperProcedures;
        auto& weights = p.competentLevel == AgencyLevel::Commune ? m_communeWeightsP : m_upperWeightsP;
        list.push_back(p.id);
        weights.push_back(province.procedurePopularity[i]);
    }
}

void ProvinceBuilder::Build(int count)
{
    std::vector<bool> reachable;
    reachable.reserve(std::size(kStatusMix));
    for (const auto& row : kStatusMix)
        reachable.push_back(m_walk.Reachable(row.status));
    // The demo clerk's ward gets one dossier in 25 and a busier mix, so its inbox is worth opening.
    const int demoCount = count / 25;
    std::vector<NationalStatus> demoStatuses = Quotas(demoCount, &StatusShare::demoWardPerMille, reachable, false);
    std::vector<NationalStatus> otherStatuses =
        Quotas(count - demoCount, &StatusShare::provincePerMille, reachable, count >= 10);
    m_random.Shuffle(demoStatuses);
    m_random.Shuffle(otherStatuses);

    std::vector<Draft> drafts;
    drafts.reserve(static_cast<std::size_t>(count));
    for (NationalStatus status : demoStatuses) {
        drafts.push_back(MakeDraft(status, true));
    }
    for (NationalStatus status : otherStatuses) {
        drafts.push_back(MakeDraft(status, false));
    }
    AssignCodes(drafts);
}

ProvinceBuilder::Draft ProvinceBuilder::MakeDraft(NationalStatus target, bool demoWard)
{
    DemoRandom random(m_random.Next());  // one stream per dossier: replaying its timeline redraws nothing else
    const Procedure* procedure = nullptr;
    std::int64_t receiving = 0;
    std::int64_t department = 0;
    const bool mustBeOnline = target == NationalStatus::New;
    const bool needsTime = kStatusMix[MixRow(target)].takesTime;
    for (int attempt = 0; attempt < 50; ++attempt) {
        if (demoWard || random.Chance(0.72)) {
            receiving = demoWard ? m_province.demoAgencyId : m_communes[random.Weighted(m_communeWeights)];
            procedure = &m_province.ProcedureById(m_communeProcedures[random.Weighted(m_communeWeightsP)]);
            department = 0;
        } else {
            procedure = &m_province.ProcedureById(m_upperProcedures[random.Weighted(m_upperWeightsP)]);
            department = m_province.DepartmentOf(procedure->id);
            // Đ14.2: the provincial centre takes dossiers for every department; some go to the department.
            receiving = random.Chance(0.45) ? m_centreId : department;
        }
        if ((!mustBeOnline || procedure->online) && (!needsTime || procedure->processingTime > 0)) {
            break;
        }
    }
    Channel channel = Channel::InPerson;
    if (mustBeOnline) {
        channel = Channel::Online;
    } else if (procedure->online) {
        const double x = random.Unit();
        channel = x < 0.55 ? Channel::Online : x < 0.95 ? Channel::InPerson : Channel::Post;
    } else {
        channel = random.Chance(0.9) ? Channel::InPerson : Channel::Post;
    }

    auto path = m_walk.Walk(target, channel, random);
    if (path.empty()) {
        channel = channel == Channel::Online ? Channel::InPerson : Channel::Online;
        path = m_walk.Walk(target, channel, random);
    }
    if (path.empty()) {
        throw Error(ErrorCategory::Internal, N_("The demo generator found no workflow path to a status"), {},
                    ToString(target));
    }
    const std::vector<Instant> times = m_timeline.Times(path, *procedure, channel, random);

    Draft draft;
    Dossier& d = draft.dossier;
    d.receivingAgencyId = receiving;
    d.procedureId = procedure->id;
    d.channel = channel;
    FillApplicant(d, receiving, random);
    FillDocumentsAndForm(d, *procedure, channel, random);

    const std::int64_t processingAgency = department != 0 ? department : receiving;
    bool received = false;
    Dossier cursor = d;
    cursor.status = path.front()->from.status;
    cursor.subState = path.front()->from.subState;
    for (std::size_t i = 0; i < path.size(); ++i) {
        const Transition& t = *path[i];
        const Instant at = times[i];
        if (t.action == Action::Accept && !received) {
            received = true;
            d.receivedAt = at;
        }
        std::optional<std::int64_t> staffId;
        if (t.role != Role::Citizen) {
            const std::int64_t agency = t.role == Role::Clerk || !received ? receiving
                                        : t.role == Role::Admin            ? 1
                                                                           : processingAgency;
            staffId = StaffFor(agency, t.role, random);
        }
        if (t.action == Action::Assign) {
            d.assignedStaffId = StaffFor(processingAgency, Role::Handler, random);
        }
        if (t.pausesClock) {
            d.pauses.push_back(PauseInterval{at, std::nullopt,
                                             t.action == Action::RequestSupplement
                                                 ? "Chờ công dân bổ sung giấy tờ"
                                                 : "Chờ thực hiện nghĩa vụ tài chính"});
        }
        if (t.resumesClock) {
            for (auto& pause : d.pauses) {  // at most one is open
                if (!pause.end) {
                    pause.end = at;
                }
            }
        }
        draft.history.push_back(MakeHistoryEvent(cursor, t, staffId, at, NoteFor(t, *procedure, channel, random)));
        cursor.status = t.to.status;
        cursor.subState = t.to.subState;
    }
    d.submittedAt = times.front();
    d.status = cursor.status;
    d.subState = cursor.subState;
    d.version = static_cast<int>(path.size());
    d.dueAt = m_timeline.DueFor(path, times, *procedure);
    // The result comes back to the desk that took the dossier (Đ20.1); before intake it is still there too.
    const bool atDesk = !d.receivedAt || d.status == NationalStatus::ResultReady ||
                        d.status == NationalStatus::Returned || d.status == NationalStatus::RefusedAtIntake;
    d.handlingAgencyId = atDesk ? receiving : processingAgency;
    return draft;
}

std::int64_t ProvinceBuilder::StaffFor(std::int64_t agency, Role role, DemoRandom& random)
{
    if (agency == m_province.demoAgencyId) {
        auto it = m_demoStaff.find(role);
        if (it != m_demoStaff.end() && random.Chance(0.5)) {
            return it->second;
        }
    }
    auto it = m_staffIndex.find({agency, role});
    if (it == m_staffIndex.end()) {
        it = m_staffIndex.find({1, role});  // no such role there: the province's own staff act
    }
    if (it == m_staffIndex.end()) {
        throw Error(ErrorCategory::Internal, N_("The demo province has no staff for a role"), {}, ToString(role));
    }
    return it->second;
}

void ProvinceBuilder::FillApplicant(Dossier& d, std::int64_t receiving, DemoRandom& random)
{
    PersonGenerator people(random);
    Person person = people.MakePerson(LocalDate(m_province.now), 18, 82);
    // Applicants mostly live where they hand in the dossier; the provincial centre serves the whole province.
    std::int64_t home = receiving;
    if (m_province.AgencyById(receiving).level != AgencyLevel::Commune || random.Chance(0.15)) {
        home = m_communes[random.Weighted(m_communeWeights)];
    }
    std::string place = m_province.AgencyById(home).name.substr(std::string("UBND ").size());
    if (!place.empty() && place[0] >= 'a' && place[0] <= 'z') {
        place[0] = static_cast<char>(place[0] - 'a' + 'A');
    }
    d.applicant.fullName = person.fullName;
    d.applicant.citizenId = person.citizenId;
    d.applicant.dateOfBirth = person.dateOfBirth;
    d.applicant.address = people.Address(place, m_province.name);
    d.applicant.phone = person.phone;
    d.applicant.email = person.email;
}

void ProvinceBuilder::FillDocumentsAndForm(Dossier& d, const Procedure& p, Channel channel, DemoRandom& random)
{
    for (const auto& doc : p.documents) {
        if (doc.mandatory || random.Chance(0.4)) {
            d.documents.push_back(SubmittedDocument{doc.name, doc.form, doc.count});
        }
    }
    const int copies = random.Chance(0.7) ? 1 : static_cast<int>(random.Between(2, 5));
    const char* delivery = channel == Channel::Post || random.Chance(0.1) ? "post" : "desk";
    d.formDataJson = R"({"purpose":")" + JsonEscape(random.Pick(kPurposes)) + R"(","copies":)" +
                     std::to_string(copies) + R"(,"resultDelivery":")" + delivery + R"("})";
}

void ProvinceBuilder::AssignCodes(std::vector<Draft>& drafts)
{
    std::stable_sort(drafts.begin(), drafts.end(),
                     [](const Draft& a, const Draft& b) { return a.dossier.submittedAt < b.dossier.submittedAt; });
    const DossierCodeFormat format;
    std::map<std::pair<std::int64_t, std::int64_t>, int> sequence;
    for (auto& draft : drafts) {
        const Date date = LocalDate(draft.dossier.submittedAt);
        const auto day = std::chrono::sys_days{date}.time_since_epoch().count();
        const int seq = ++sequence[{draft.dossier.receivingAgencyId, day}];
        draft.dossier.code = format.Format(m_province.AgencyById(draft.dossier.receivingAgencyId).code, date, seq);
        m_province.dossiers.push_back(std::move(draft.dossier));
        m_province.history.push_back(std::move(draft.history));
    }
}

}  // namespace motcua::demo
