#include "demo/demo_province.h"

#include <algorithm>
#include <array>
#include <chrono>
#include <limits>
#include <map>
#include <optional>
#include <tuple>
#include <utility>

#include "demo/demo_catalogue.h"
#include "demo/demo_random.h"
#include "demo/person_generator.h"
#include "model/dossier_code.h"
#include "model/error.h"
#include "model/working_calendar.h"

namespace motcua::demo {
namespace {

using std::chrono::days;
using std::chrono::minutes;
using std::chrono::seconds;

constexpr int kUnreachable = std::numeric_limits<int>::max();
constexpr std::int64_t kMinutesPerDay = std::int64_t{24} * 60;
constexpr std::int64_t kWorkingDayMinutes = std::int64_t{8} * 60;
constexpr std::int64_t kHistoryDays = 90;

// The model's transition table as a graph: distance (in transitions) from each state to each national status.
class WorkflowGraph {
public:
    WorkflowGraph() : m_table(TransitionTable())
    {
        for (const auto& t : m_table) {
            IndexOf(t.from);
            IndexOf(t.to);
        }
        for (int status = 1; status <= 10; ++status) {
            auto& dist = m_distance[static_cast<std::size_t>(status)];
            dist.assign(m_states.size(), kUnreachable);
            for (std::size_t i = 0; i < m_states.size(); ++i) {
                if (static_cast<int>(m_states[i].status) == status) {
                    dist[i] = 0;
                }
            }
            // Relax until stable; the table has a few dozen rows.
            for (bool changed = true; changed;) {
                changed = false;
                for (const auto& t : m_table) {
                    if (t.action == Action::Submit) {
                        continue;
                    }
                    const int to = dist[Find(t.to)];
                    auto& from = dist[Find(t.from)];
                    if (to != kUnreachable && to + 1 < from) {
                        from = to + 1;
                        changed = true;
                    }
                }
            }
        }
    }

    const std::vector<Transition>& Table() const { return m_table; }

    int Distance(const WorkflowState& s, int status) const
    {
        return m_distance[static_cast<std::size_t>(status)][Find(s)];
    }

    // The Submit row for this channel: the citizen for online dossiers, the desk (a clerk) for the others.
    const Transition* SubmitRow(Channel channel) const
    {
        const Role wanted = channel == Channel::Online ? Role::Citizen : Role::Clerk;
        const Transition* any = nullptr;
        for (const auto& t : m_table) {
            if (t.action == Action::Submit) {
                if (t.role == wanted) {
                    return &t;
                }
                if (any == nullptr) {
                    any = &t;
                }
            }
        }
        return any;
    }

    bool Reachable(int status) const
    {
        for (Channel c : {Channel::Online, Channel::InPerson}) {
            const Transition* submit = SubmitRow(c);
            if (submit != nullptr && Distance(submit->to, status) != kUnreachable) {
                return true;
            }
        }
        return false;
    }

private:
    std::size_t IndexOf(const WorkflowState& s)
    {
        for (std::size_t i = 0; i < m_states.size(); ++i) {
            if (m_states[i] == s) {
                return i;
            }
        }
        m_states.push_back(s);
        return m_states.size() - 1;
    }
    std::size_t Find(const WorkflowState& s) const
    {
        for (std::size_t i = 0; i < m_states.size(); ++i) {
            if (m_states[i] == s) {
                return i;
            }
        }
        throw Error(ErrorCategory::Internal, N_("The workflow table has no such state"));
    }

    const std::vector<Transition>& m_table;
    std::vector<WorkflowState> m_states;
    std::array<std::vector<int>, 11> m_distance;
};

// A legal path from Submit to the target status; occasionally with one detour (a supplement round, a sub-state hop),
// and for open statuses sometimes a few more steps inside the target status (e.g. on to "awaiting signature").
std::vector<const Transition*> WalkTo(const WorkflowGraph& graph, int target, Channel channel, DemoRandom& random)
{
    std::vector<const Transition*> path;
    const Transition* submit = graph.SubmitRow(channel);
    if (submit == nullptr) {
        return path;
    }
    path.push_back(submit);
    WorkflowState state = submit->to;
    if (graph.Distance(state, target) == kUnreachable) {
        return {};
    }
    int detours = 0;
    while (static_cast<int>(state.status) != target) {
        const int here = graph.Distance(state, target);
        std::vector<const Transition*> progress;
        std::vector<const Transition*> detour;
        for (const auto& t : graph.Table()) {
            if (!(t.from == state) || t.action == Action::Submit || t.to == state) {
                continue;
            }
            const int there = graph.Distance(t.to, target);
            if (there == kUnreachable) {
                continue;
            }
            if (there < here) {
                progress.push_back(&t);
            } else {
                detour.push_back(&t);
            }
        }
        const Transition* chosen = nullptr;
        if (detours == 0 && !detour.empty() && random.Chance(0.08)) {
            chosen = detour[random.Index(detour.size())];
            ++detours;
        } else if (!progress.empty()) {
            chosen = progress[random.Index(progress.size())];
        } else {
            return {};
        }
        path.push_back(chosen);
        state = chosen->to;
        if (path.size() > 40) {
            throw Error(ErrorCategory::Internal, N_("The demo workflow walk did not converge"));
        }
    }
    if (IsOpen(state.status) && random.Chance(0.5)) {
        for (int extra = 0; extra < 2; ++extra) {
            std::vector<const Transition*> inside;
            for (const auto& t : graph.Table()) {
                if (t.from == state && !(t.to == state) && static_cast<int>(t.to.status) == target &&
                    t.action != Action::Submit) {
                    inside.push_back(&t);
                }
            }
            if (inside.empty() || !random.Chance(0.6)) {
                break;
            }
            const Transition* chosen = inside[random.Index(inside.size())];
            path.push_back(chosen);
            state = chosen->to;
        }
    }
    return path;
}

struct Gap {
    bool working = true;  // working minutes (office hours) or wall-clock minutes
    std::int64_t minutes = 0;
};

// Working minutes a procedure legally takes; calendar days count roughly five working days a week.
std::int64_t WindowMinutes(const Procedure& p)
{
    const std::int64_t perDay = kWorkingDayMinutes;
    std::int64_t window =
        p.processingUnit == DurationUnit::WorkingDays ? p.processingTime * perDay : p.processingTime * perDay * 5 / 7;
    return std::max<std::int64_t>(window, 90);
}

Gap GapBefore(const Transition& t, const Procedure& p, Channel channel, DemoRandom& random)
{
    const bool atIntake = t.from.status == NationalStatus::New;
    const bool onTheSpot = p.processingTime == 0;
    switch (t.action) {
    case Action::Submit: return {true, 0};
    case Action::Accept:
    case Action::Refuse:
        if (channel != Channel::Online) {
            return {true, random.Between(3, 25)};
        }
        // Đ17.2: online dossiers get an answer within 8 working hours; about one in ten is late.
        return {true, random.Chance(0.9) ? random.Between(15, 480) : random.Between(480, 960)};
    case Action::RequestSupplement:
        if (atIntake) {
            return {true, channel == Channel::Online ? random.Between(15, 480) : random.Between(3, 25)};
        }
        return {true, random.Between(60, 3 * kWorkingDayMinutes)};  // within 3 working days of receipt
    case Action::Supplement:
        return t.role == Role::Citizen ? Gap{false, random.Between(kMinutesPerDay / 2, 12 * kMinutesPerDay)}
                                       : Gap{true, random.Between(240, 6 * kWorkingDayMinutes)};
    case Action::Assign: return {true, onTheSpot ? random.Between(2, 20) : random.Between(10, 240)};
    case Action::ProposeResult: {
        const double share = random.Chance(0.9) ? random.Real(0.3, 0.9) : random.Real(1.0, 1.35);
        return {true, static_cast<std::int64_t>(static_cast<double>(WindowMinutes(p)) * share)};
    }
    case Action::Approve: return {true, onTheSpot ? random.Between(5, 40) : random.Between(20, 480)};
    case Action::ReturnResult:
        return {true, onTheSpot ? random.Between(5, 60) : random.Between(20, 3 * kWorkingDayMinutes)};
    case Action::Withdraw:
        // The citizen asks (any time of day); the desk confirms within the working day.
        return t.role == Role::Citizen ? Gap{false, random.Between(60, 5 * kMinutesPerDay)}
                                       : Gap{true, random.Between(15, 480)};
    case Action::Stop: return {true, random.Between(30, 960)};
    case Action::RequestFees: return {true, random.Between(60, std::max<std::int64_t>(WindowMinutes(p) / 2, 90))};
    case Action::PayFees:
        return t.role == Role::Citizen ? Gap{false, random.Between(30, 5 * kMinutesPerDay)}
                                       : Gap{true, random.Between(30, 3 * kWorkingDayMinutes)};
    }
    return {true, random.Between(15, 480)};
}

// How long the dossier has sat in its final state at `now` (wall-clock minutes).
std::int64_t WaitAfter(const Transition& last, const Procedure& p, bool late, DemoRandom& random)
{
    const NationalStatus status = last.to.status;
    if (status == NationalStatus::Processing && last.action == Action::ProposeResult) {
        return random.Between(30, 2 * kMinutesPerDay);  // waiting for the signer
    }
    switch (status) {
    case NationalStatus::New:
        return random.Chance(0.85) ? random.Between(5, std::int64_t{8} * 60)
                                   : random.Between(std::int64_t{8} * 60, 3 * kMinutesPerDay);
    case NationalStatus::Received: return random.Between(5, std::int64_t{10} * 60);
    case NationalStatus::Processing: {
        // Working minutes → wall clock: about 3 × 7/5. Some sit past their due date (overdue).
        const double share = late ? random.Real(1.0, 1.6) : random.Real(0.0, 0.75);
        return static_cast<std::int64_t>(static_cast<double>(WindowMinutes(p)) * share * 4.2);
    }
    case NationalStatus::SupplementRequested: return random.Between(kMinutesPerDay, 14 * kMinutesPerDay);
    case NationalStatus::FeesDue: return random.Between(std::int64_t{10} * 60, 7 * kMinutesPerDay);
    case NationalStatus::WithdrawalRequested: return random.Between(60, 3 * kMinutesPerDay);
    case NationalStatus::ResultReady: return random.Between(60, 5 * kMinutesPerDay);
    default: return -1;  // closed: spread over the whole period by the caller
    }
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
        return "Đề nghị thực hiện nghĩa vụ tài chính: " + std::to_string(std::max<std::int64_t>(p.feeVnd, 50000)) +
               " đồng";
    case Action::PayFees: return channel == Channel::Online ? "Đã thanh toán trực tuyến" : "Đã nộp tại Bộ phận Một cửa";
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

// Largest-remainder split of `total` by per-mille weights; every reachable status gets at least one when possible.
std::vector<int> Quotas(int total, const std::array<int, 11>& perMille, const std::array<bool, 11>& reachable,
                        bool atLeastOne)
{
    std::array<int, 11> weights = perMille;
    for (int s = 1; s <= 10; ++s) {
        if (!reachable[static_cast<std::size_t>(s)]) {
            // An unreachable status (a gap in the workflow table) gives its share to "processing".
            weights[4] += weights[static_cast<std::size_t>(s)];
            weights[static_cast<std::size_t>(s)] = 0;
        }
    }
    int weightSum = 0;
    for (int s = 1; s <= 10; ++s) {
        weightSum += weights[static_cast<std::size_t>(s)];
    }
    std::array<int, 11> count{};
    std::vector<std::pair<double, int>> remainders;
    int assigned = 0;
    for (int s = 1; s <= 10; ++s) {
        const double exact = static_cast<double>(total) * weights[static_cast<std::size_t>(s)] / weightSum;
        count[static_cast<std::size_t>(s)] = static_cast<int>(exact);
        assigned += count[static_cast<std::size_t>(s)];
        remainders.emplace_back(exact - static_cast<int>(exact), s);
    }
    std::stable_sort(remainders.begin(), remainders.end(), [](auto a, auto b) { return a.first > b.first; });
    for (std::size_t i = 0; assigned < total; i = (i + 1) % remainders.size()) {
        ++count[static_cast<std::size_t>(remainders[i].second)];
        ++assigned;
    }
    if (atLeastOne) {
        for (int s = 1; s <= 10; ++s) {
            if (reachable[static_cast<std::size_t>(s)] && count[static_cast<std::size_t>(s)] == 0 && count[10] > 1) {
                ++count[static_cast<std::size_t>(s)];
                --count[10];
            }
        }
    }
    std::vector<int> statuses;
    for (int s = 1; s <= 10; ++s) {
        statuses.insert(statuses.end(), static_cast<std::size_t>(count[static_cast<std::size_t>(s)]), s);
    }
    return statuses;
}

// Everything about one dossier before its code is known.
struct Draft {
    Dossier dossier;
    std::vector<HistoryEvent> history;
};

class ProvinceBuilder {
public:
    ProvinceBuilder(DemoProvince& province, std::uint32_t seed)
        : m_province(province),
          m_random((static_cast<std::uint64_t>(seed) << 32U) ^ 0x6d6f74637561ULL),
          m_calendar(CalendarSettings{}, HolidayTable::Vietnam2026And2027())
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

    void Build(int count)
    {
        std::array<bool, 11> reachable{};
        for (int s = 1; s <= 10; ++s) {
            reachable[static_cast<std::size_t>(s)] = m_graph.Reachable(s);
        }
        // The demo clerk's ward gets one dossier in 25 and a busier mix, so its inbox is worth opening.
        const int demoCount = count / 25;
        const std::array<int, 11> demoMix = {0, 130, 70, 30, 200, 50, 30, 20, 20, 60, 390};
        const std::array<int, 11> provinceMix = {0, 40, 40, 30, 160, 40, 20, 15, 15, 60, 580};
        std::vector<int> demoStatuses = Quotas(demoCount, demoMix, reachable, false);
        std::vector<int> otherStatuses = Quotas(count - demoCount, provinceMix, reachable, count >= 10);
        m_random.Shuffle(demoStatuses);
        m_random.Shuffle(otherStatuses);

        std::vector<Draft> drafts;
        drafts.reserve(static_cast<std::size_t>(count));
        for (int status : demoStatuses) {
            drafts.push_back(MakeDraft(status, true));
        }
        for (int status : otherStatuses) {
            drafts.push_back(MakeDraft(status, false));
        }
        AssignCodes(drafts);
    }

private:
    Draft MakeDraft(int target, bool demoWard)
    {
        DemoRandom random(m_random.Next());  // one stream per dossier: replaying its timeline redraws nothing else
        const Procedure* procedure = nullptr;
        std::int64_t receiving = 0;
        std::int64_t department = 0;
        const bool mustBeOnline = target == static_cast<int>(NationalStatus::New);
        // On-the-spot procedures are finished the day they arrive: they do not sit half-way through processing.
        // A result that is ready on the spot is collected on the spot: those do not wait in status 9 either.
        const bool needsTime = target == 2 || (target >= 4 && target <= 7) || target == 9;
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

        auto path = WalkTo(m_graph, target, channel, random);
        if (path.empty()) {
            channel = channel == Channel::Online ? Channel::InPerson : Channel::Online;
            path = WalkTo(m_graph, target, channel, random);
        }
        if (path.empty()) {
            throw Error(ErrorCategory::Internal, N_("The demo generator found no workflow path to a status"), {},
                        std::to_string(target));
        }

        std::vector<Gap> gaps;
        gaps.reserve(path.size());
        for (const Transition* t : path) {
            gaps.push_back(GapBefore(*t, *procedure, channel, random));
        }
        // About one dossier in eight still being processed is past its due time; the others are shifted until
        // they are not (the wait is only an estimate: office hours and weekends stretch working time).
        const bool late = random.Chance(0.12);
        std::int64_t wait = WaitAfter(*path.back(), *procedure, late, random);
        std::vector<Instant> times = Timeline(gaps, channel, wait, random);
        const auto finalStatus = path.back()->to.status;
        // Results waiting to be collected are mostly still within their appointment too.
        const bool keepsInDue = IsOpen(finalStatus) && finalStatus != NationalStatus::New;
        for (int round = 0; keepsInDue && !late && wait > 0 && round < 10; ++round) {
            const auto due = DueFor(path, times, *procedure);
            if (!due || *due >= m_province.now) {
                break;
            }
            wait /= 2;
            times = Timeline(gaps, channel, wait, random);
        }

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
        d.dueAt = DueFor(path, times, *procedure);
        // The result comes back to the desk that took the dossier (Đ20.1); before intake it is still there too.
        const bool atDesk = !d.receivedAt || d.status == NationalStatus::ResultReady ||
                            d.status == NationalStatus::Returned || d.status == NationalStatus::RefusedAtIntake;
        d.handlingAgencyId = atDesk ? receiving : processingAgency;
        return draft;
    }

    // The due time the history implies: from receipt, restarted by a supplement after appraisal (Đ19.5), extended
    // by later pauses; empty while a pause holds the clock; before receipt, the provisional one of submission.
    std::optional<Instant> DueFor(const std::vector<const Transition*>& path, const std::vector<Instant>& times,
                                  const Procedure& procedure) const
    {
        std::optional<Instant> clockBase;
        std::vector<PauseInterval> pauses;
        for (std::size_t i = 0; i < path.size(); ++i) {
            const Transition& t = *path[i];
            if (t.action == Action::Accept && !clockBase) {
                clockBase = times[i];
            }
            if (t.action == Action::Supplement && t.from.subState == SubState::SupplementAfterAppraisal) {
                clockBase = times[i];
            }
            if (t.pausesClock) {
                pauses.push_back(PauseInterval{times[i], std::nullopt, {}});
            }
            if (t.resumesClock && !pauses.empty()) {
                pauses.back().end = times[i];
            }
        }
        if (!clockBase) {
            // Not received (yet): the provisional appointment the server gives at submission, as if received then.
            return m_calendar.ProvisionalAppointment(times.front(), procedure);
        }
        std::vector<PauseInterval> counted;
        for (const auto& pause : pauses) {
            if (pause.start >= *clockBase) {
                counted.push_back(pause);
            }
        }
        return m_calendar.DueAtUnlessPaused(*clockBase, procedure, counted);
    }

    // Event times from the gaps, shifted so the last event sits `wait` minutes before now (or, for closed dossiers,
    // anywhere in the last 90 days). Recomputed from a moved start because office hours bend the spacing.
    std::vector<Instant> Timeline(const std::vector<Gap>& gaps, Channel channel, std::int64_t wait, DemoRandom& random)
    {
        const Instant now = m_province.now;
        auto compute = [&](Instant start) {
            std::vector<Instant> times;
            times.reserve(gaps.size());
            Instant t = channel == Channel::Online ? start : m_calendar.AddWorkingHours(start, minutes{1});
            times.push_back(t);
            for (std::size_t i = 1; i < gaps.size(); ++i) {
                t = gaps[i].working ? m_calendar.AddWorkingHours(t, minutes{gaps[i].minutes})
                                    : t + minutes{gaps[i].minutes};
                times.push_back(t);
            }
            return times;
        };
        Instant start = now - days{kHistoryDays} + seconds{random.Between(0, 59)};
        std::vector<Instant> times = compute(start);
        const auto span = std::chrono::duration_cast<minutes>(times.back() - times.front()).count();
        if (wait < 0) {
            const std::int64_t room = std::max<std::int64_t>(kHistoryDays * kMinutesPerDay - span - 60, 60);
            wait = random.Between(30, room);
        }
        const Instant targetLast = now - minutes{wait};
        for (int round = 0; round < 12; ++round) {
            const auto diff = targetLast - times.back();
            if (times.back() < now && std::chrono::abs(diff) < minutes{45}) {
                return times;
            }
            start += diff;
            times = compute(start);
        }
        // Office hours can swallow a small shift (a start at night snaps to the next morning): grow it each round.
        for (int round = 0; round < 12 && times.back() >= now; ++round) {
            start -= (times.back() - now) + std::chrono::hours{2} * (1 << round);
            times = compute(start);
        }
        if (times.back() >= now) {
            std::string detail = "gaps";
            for (const auto& g : gaps) {
                detail += " " + std::string(g.working ? "w" : "c") + std::to_string(g.minutes);
            }
            detail += "; times";
            for (const auto& t : times) {
                detail += " " + FormatIso8601(t);
            }
            throw Error(ErrorCategory::Internal, N_("The demo generator could not place a dossier in the past"), {},
                        detail);
        }
        return times;
    }

    std::int64_t StaffFor(std::int64_t agency, Role role, DemoRandom& random)
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

    void FillApplicant(Dossier& d, std::int64_t receiving, DemoRandom& random)
    {
        PersonGenerator people(random);
        const Date today{std::chrono::sys_days{std::chrono::floor<days>(ToLocal(m_province.now).time_since_epoch())}};
        Person person = people.MakePerson(today, 18, 82);
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

    static void FillDocumentsAndForm(Dossier& d, const Procedure& p, Channel channel, DemoRandom& random)
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

    // Codes in order of submission: per receiving agency and local day, sequence 1, 2, … without gaps.
    void AssignCodes(std::vector<Draft>& drafts)
    {
        std::stable_sort(drafts.begin(), drafts.end(),
                         [](const Draft& a, const Draft& b) { return a.dossier.submittedAt < b.dossier.submittedAt; });
        const DossierCodeFormat format;
        std::map<std::pair<std::int64_t, std::int64_t>, int> sequence;
        for (auto& draft : drafts) {
            const auto localDay = std::chrono::floor<days>(ToLocal(draft.dossier.submittedAt).time_since_epoch());
            const Date date{std::chrono::sys_days{localDay}};
            const int seq = ++sequence[{draft.dossier.receivingAgencyId, localDay.count()}];
            draft.dossier.code = format.Format(m_province.AgencyById(draft.dossier.receivingAgencyId).code, date, seq);
            m_province.dossiers.push_back(std::move(draft.dossier));
            m_province.history.push_back(std::move(draft.history));
        }
    }

    DemoProvince& m_province;
    DemoRandom m_random;
    WorkingCalendar m_calendar;
    WorkflowGraph m_graph;
    std::map<std::pair<std::int64_t, Role>, std::int64_t> m_staffIndex;
    std::map<Role, std::int64_t> m_demoStaff;
    std::vector<std::int64_t> m_communes;
    std::vector<double> m_communeWeights;
    std::int64_t m_centreId = 0;
    std::vector<std::int64_t> m_communeProcedures;
    std::vector<double> m_communeWeightsP;
    std::vector<std::int64_t> m_upperProcedures;
    std::vector<double> m_upperWeightsP;
};

}  // namespace

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
    return province;
}

DemoProvince GenerateProvince(const ProvinceOptions& options)
{
    if (options.dossiers < 0) {
        ThrowBadInput(N_("The number of demo dossiers must not be negative"), "dossiers");
    }
    if (options.now == Instant{}) {
        ThrowBadInput(N_("The demo generator needs the current time"), "now");
    }
    DemoProvince province = GenerateCatalogue(options.randomSeed);
    province.now = options.now;
    ProvinceBuilder builder(province, options.randomSeed);
    builder.Build(options.dossiers);
    return province;
}

}  // namespace motcua::demo
