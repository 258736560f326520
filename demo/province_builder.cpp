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
    {NationalStatus::Processing,           250,       160,      true},
    {NationalStatus::SupplementRequested,   60,        40,      true},
    {NationalStatus::FeesDue,               45,        20,      true},
    {NationalStatus::WithdrawalRequested,   20,        15,      true},
    {NationalStatus::Stopped,               20,        15,      false},
    // A result that is ready on the spot is collected on the spot: those do not wait here either.
    {NationalStatus::ResultReady,           60,        60,      true},
    {NationalStatus::Returned,             315,       580,      false},
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
    // The server stores no note for these steps: a submission, an acceptance, a claim, the server's closing.
    case Action::Submit:
    case Action::Accept:
    case Action::Claim:
    case Action::CloseUnsupplied: return {};
    case Action::Refuse:
        return random.Chance(0.5) ? "Hồ sơ không thuộc thẩm quyền giải quyết"
                                  : "Giấy tờ trong hồ sơ không hợp lệ, đã hướng dẫn công dân";
    case Action::RequestSupplement: {
        // As the server writes it: every missing document in one notice, then the clerk's or handler's note.
        const auto& doc = p.documents.at(random.Index(p.documents.size()));
        return SupplementRequestNote({doc.name}, std::string("Đề nghị bổ sung ") + VietnameseName(doc.form));
    }
    case Action::Supplement:
        return t.role == Role::Citizen ? "Công dân đã bổ sung giấy tờ trực tuyến"
                                       : "Công dân bổ sung giấy tờ tại Bộ phận Một cửa";
    case Action::Assign: return "Chuyển chuyên viên thụ lý";
    case Action::ProposeResult: return "Đủ điều kiện, đề xuất phê duyệt";  // a refusal's reasons: RefusalReasons
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
    case Action::Forward: return "Chuyển cơ quan có thẩm quyền giải quyết";
    case Action::ReturnForRework:
        return random.Chance(0.5) ? "Đề nghị thẩm định lại, bổ sung căn cứ pháp lý"
                                  : "Dự thảo kết quả chưa đúng thông tin, đề nghị chỉnh sửa";
    case Action::Reschedule: return "Cần xác minh thêm thông tin tại cơ quan liên quan";
    case Action::Consult: return "Lấy ý kiến cơ quan phối hợp";
    case Action::AnswerConsultation: return "Thống nhất với nội dung hồ sơ, không có ý kiến khác";
    }
    return {};
}

const std::vector<const char*> kRefusalReasons = {"Không đủ điều kiện theo quy định của thủ tục",
                                                  "Thông tin kê khai không khớp với cơ sở dữ liệu quốc gia về dân cư",
                                                  "Đối tượng không thuộc trường hợp được giải quyết"};

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
      m_consultRandom((static_cast<std::uint64_t>(seed) << 32U) ^ 0x6c69656e74686fULL),
      m_calendar(calendar),
      m_timeline(province.now, calendar),
      m_player(calendar),
      m_forwardWalk(WorkflowWalk::Route::ForwardedToDepartment)
{
    for (const auto& s : province.staff) {
        m_staffIndex.try_emplace({s.agencyId, s.role}, s.id);
        if (s.role == Role::Handler) {
            m_handlers[s.agencyId].push_back(s.id);
        }
        if (s.username.starts_with("demo.") && s.role != Role::Admin) {
            m_demoStaff[{s.agencyId, s.role}] = s.id;
        }
    }
    for (const auto& a : province.agencies) {
        if (a.level == AgencyLevel::Commune && a.id != province.demoAgencyId) {
            m_communes.push_back(a.id);
            // Wards are busier than rural communes.
            m_communeWeights.push_back(a.name.starts_with("UBND phường") ? 2.0 : m_random.Real(0.6, 1.3));
        }
        if (a.level == AgencyLevel::Department) {
            m_departments.push_back(a.id);
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
        if (province.DepartmentOf(p.id) == province.demoDepartmentId) {
            m_demoDepartmentProcedures.push_back(p.id);
            m_demoDepartmentWeightsP.push_back(province.procedurePopularity[i]);
        }
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
    NumberRegisters();
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
        department = 0;
        if (demoWard && random.Chance(0.2)) {
            // The ward takes department-level dossiers too and forwards them to the demo department.
            receiving = m_province.demoAgencyId;
            procedure =
                &m_province.ProcedureById(m_demoDepartmentProcedures[random.Weighted(m_demoDepartmentWeightsP)]);
            department = m_province.demoDepartmentId;
        } else if (demoWard || random.Chance(0.72)) {
            receiving = demoWard ? m_province.demoAgencyId : m_communes[random.Weighted(m_communeWeights)];
            if (!demoWard && random.Chance(0.06)) {
                procedure = &m_province.ProcedureById(m_upperProcedures[random.Weighted(m_upperWeightsP)]);
                department = m_province.DepartmentOf(procedure->id);
            } else {
                procedure = &m_province.ProcedureById(m_communeProcedures[random.Weighted(m_communeWeightsP)]);
            }
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

    Draft draft;
    Dossier& d = draft.dossier;
    d.receivingAgencyId = receiving;
    d.procedureId = procedure->id;
    d.channel = channel;
    FillApplicant(d, receiving, random);
    FillDocumentsAndForm(d, *procedure, channel, random);

    const Dossier blank = d;
    const bool forwarded = department != 0 && department != receiving;
    const std::int64_t competent = forwarded ? department : receiving;
    const WorkflowWalk& walk = forwarded ? m_forwardWalk : m_walk;
    // A drawn path whose times the server would refuse (a supplement asked after appraisal too late) is drawn again.
    for (int attempt = 0; attempt < 30; ++attempt) {
        auto path = walk.Walk(target, channel, random);
        if (path.empty()) {
            channel = channel == Channel::Online ? Channel::InPerson : Channel::Online;
            d.channel = channel;
            path = walk.Walk(target, channel, random);
        }
        if (path.empty()) {
            throw Error(ErrorCategory::Internal, N_("The demo generator found no workflow path to a status"), {},
                        ToString(target));
        }
        // The demo ward consults more often, so that the demo department has questions to answer.
        walk.MaybeConsult(path, receiving == m_province.demoAgencyId ? 0.5 : 0.06, m_consultRandom);
        const std::vector<Instant> times = m_timeline.Times(path, *procedure, channel, random);
        // A road too long for the demo's 90 days (a slow procedure with every detour) is drawn again.
        const bool fits = times.front() >= m_province.now - std::chrono::days{100};
        if (fits && Play(draft, path, times, *procedure, competent, random) && !LeftUnsupplied(d)) {
            return draft;
        }
        d = blank;
        d.channel = channel;
        draft.history.clear();
        draft.consultations.clear();
    }
    throw Error(ErrorCategory::Internal, N_("The demo generator found no workflow path to a status"), {},
                ToString(target));
}

bool ProvinceBuilder::Play(Draft& draft, const std::vector<const Transition*>& path, const std::vector<Instant>& times,
                           const Procedure& procedure, std::int64_t competent, DemoRandom& random)
{
    Dossier& d = draft.dossier;
    for (std::size_t i = 0; i < path.size(); ++i) {
        const Transition* t = path[i];
        // The server scopes every staff action to the agency that holds the dossier.
        std::int64_t holder = i == 0 ? d.receivingAgencyId : d.handlingAgencyId;
        const bool answering = t->action == Action::AnswerConsultation && !draft.consultations.empty();
        if (answering) {
            holder = draft.consultations.back().agencyId;  // the consulted agency's staff answer
        }
        if (t->action == Action::Assign && t->role == Role::Clerk && !m_province.AgencyById(holder).clerksMayAssign) {
            t = &NextState(t->from, Action::Assign, Role::Manager);  // only a manager assigns there
        }
        DossierPlayer::Step step;
        step.transition = t;
        step.at = times[i];
        step.note = NoteFor(*t, procedure, d.channel, random);
        const bool byAssignee =
            t->role == Role::Handler && t->action != Action::Claim && !answering && d.assignedStaffId;
        // The server records no account for the citizen, for its own job, nor for a submission (the desk's accepting
        // step right after it names the clerk).
        if (t->role == Role::Citizen || t->role == Role::System || t->action == Action::Submit) {
            step.staffId.reset();
        } else if (byAssignee) {
            step.staffId = d.assignedStaffId;
        } else {
            step.staffId = StaffFor(holder, t->role, random);
        }
        const bool keepsState = t->from == t->to;
        switch (t->action) {
        case Action::Assign: {
            std::vector<std::int64_t> others;
            for (std::int64_t id : m_handlers[holder]) {
                if (id != d.assignedStaffId) {
                    others.push_back(id);
                }
            }
            if (!others.empty()) {
                step.assignee =
                    keepsState ? others[random.Index(others.size())] : StaffFor(holder, Role::Handler, random);
            }
            break;
        }
        case Action::Forward: step.toAgencyId = competent; break;
        case Action::Consult: step.toAgencyId = ConsultedAgency(holder, random); break;
        case Action::AnswerConsultation: step.toAgencyId = holder; break;
        case Action::ProposeResult:
            // Đ19.3: some dossiers are refused after appraisal; the refusal goes through approval as a result.
            if (random.Chance(0.08)) {
                step.outcome = Outcome::Refuse;
                step.note = random.Pick(kRefusalReasons);
            } else {
                step.outcome = Outcome::Grant;
            }
            break;
        case Action::Reschedule:
            if (d.dueAt) {
                step.newDueAt = m_calendar.AddWorkingHours(
                    *d.dueAt, std::chrono::hours{m_calendar.Settings().hoursPerWorkingDay * random.Between(2, 5)});
            }
            break;
        default: break;
        }
        try {
            m_player.Play(d, procedure, step, draft.history, draft.consultations);
        } catch (const Error&) {
            // A step that keeps the state (reschedule, reassignment) is only tried: the server would have refused it.
            if (!keepsState) {
                return false;
            }
        }
    }
    return true;
}

std::int64_t ProvinceBuilder::ConsultedAgency(std::int64_t holder, DemoRandom& random) const
{
    // The demo ward asks the demo department, so that its accounts have questions to answer too.
    if (holder == m_province.demoAgencyId) {
        return m_province.demoDepartmentId;
    }
    std::vector<std::int64_t> others;
    for (std::int64_t id : m_departments) {
        if (id != holder && id != m_centreId) {
            others.push_back(id);
        }
    }
    return others[random.Index(others.size())];
}

bool ProvinceBuilder::LeftUnsupplied(const Dossier& d) const
{
    // Đ19.5: the server's job closes a supplement request unanswered for 15 days; with half a day's margin, so that
    // the job finds nothing to close when the demo is served right after seeding.
    const auto oldest = m_province.now - std::chrono::days{15} + std::chrono::hours{12};
    return d.status == NationalStatus::SupplementRequested && !d.pauses.empty() && d.pauses.back().start < oldest;
}

void ProvinceBuilder::NumberRegisters()
{
    // Form 07: one book per receiving agency and local year, numbered in order of acceptance from 1.
    std::vector<std::size_t> order;
    for (std::size_t i = 0; i < m_province.dossiers.size(); ++i) {
        if (m_province.dossiers[i].receivedAt) {
            order.push_back(i);
        }
    }
    std::stable_sort(order.begin(), order.end(), [this](std::size_t a, std::size_t b) {
        return *m_province.dossiers[a].receivedAt < *m_province.dossiers[b].receivedAt;
    });
    std::map<std::pair<std::int64_t, int>, int> last;
    for (std::size_t i : order) {
        Dossier& d = m_province.dossiers[i];
        d.registerNumber = ++last[{d.receivingAgencyId, *d.registerYear}];
    }
}

std::int64_t ProvinceBuilder::StaffFor(std::int64_t agency, Role role, DemoRandom& random)
{
    if (agency == m_province.demoAgencyId || agency == m_province.demoDepartmentId) {
        auto it = m_demoStaff.find({agency, role});
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
        m_province.consultations.push_back(std::move(draft.consultations));
    }
}

}  // namespace motcua::demo
