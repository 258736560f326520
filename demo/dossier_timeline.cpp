#include "demo/dossier_timeline.h"

#include <algorithm>
#include <chrono>
#include <string>

#include "model/error.h"

namespace motcua::demo {
namespace {

using std::chrono::days;
using std::chrono::minutes;
using std::chrono::seconds;

constexpr std::int64_t kMinutesPerDay = std::int64_t{24} * 60;
constexpr std::int64_t kWorkingDayMinutes = std::int64_t{8} * 60;
constexpr std::int64_t kHistoryDays = 90;

// Working minutes a procedure legally takes; calendar days count roughly five working days a week.
std::int64_t WindowMinutes(const Procedure& p)
{
    const std::int64_t perDay = kWorkingDayMinutes;
    std::int64_t window =
        p.processingUnit == DurationUnit::WorkingDays ? p.processingTime * perDay : p.processingTime * perDay * 5 / 7;
    return std::max<std::int64_t>(window, 90);
}

}  // namespace

DossierTimeline::DossierTimeline(Instant now, WorkingCalendar calendar) : m_now(now), m_calendar(std::move(calendar)) {}

std::vector<Instant> DossierTimeline::Times(const std::vector<const Transition*>& path, const Procedure& procedure,
                                            Channel channel, DemoRandom& random) const
{
    std::vector<Gap> gaps;
    gaps.reserve(path.size());
    for (const Transition* t : path) {
        gaps.push_back(GapBefore(*t, procedure, channel, random));
    }
    // About one dossier in eight still being processed is past its due time; the others are shifted until they are
    // not (the wait is only an estimate: office hours and weekends stretch working time).
    const bool late = random.Chance(0.12);
    std::int64_t wait = WaitAfter(*path.back(), procedure, late, random);
    std::vector<Instant> times = Place(gaps, channel, wait, random);
    const auto finalStatus = path.back()->to.status;
    // Results waiting to be collected are mostly still within their appointment too.
    const bool keepsInDue = IsOpen(finalStatus) && finalStatus != NationalStatus::New;
    for (int round = 0; keepsInDue && !late && wait > 0 && round < 10; ++round) {
        const auto due = DueFor(path, times, procedure);
        if (!due || *due >= m_now) {
            break;
        }
        wait /= 2;
        times = Place(gaps, channel, wait, random);
    }
    return times;
}

std::optional<Instant> DossierTimeline::DueFor(const std::vector<const Transition*>& path,
                                               const std::vector<Instant>& times, const Procedure& procedure) const
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

DossierTimeline::Gap DossierTimeline::GapBefore(const Transition& t, const Procedure& p, Channel channel,
                                                DemoRandom& random)
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
        // Within 3 working days of receipt (Đ19.5): the steps before it take some of them already.
        return {true, random.Between(30, kWorkingDayMinutes)};
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
    case Action::Claim: return {true, onTheSpot ? random.Between(2, 20) : random.Between(10, 240)};
    // Đ18.2: the desk hands the dossier over the same day (or next morning after 15:00); about one in ten is late.
    case Action::Forward: return {true, random.Chance(0.9) ? random.Between(10, 180) : random.Between(480, 720)};
    case Action::ReturnForRework: return {true, random.Between(30, 480)};
    case Action::Reschedule: return {true, random.Between(30, 240)};
    // The server's job closes a dossier once the notice is 15 days old; it runs every few minutes.
    case Action::CloseUnsupplied: return {false, 15 * kMinutesPerDay + random.Between(5, 60)};
    case Action::Consult: return {true, random.Between(30, 480)};
    case Action::AnswerConsultation: return {true, random.Between(240, 3 * kWorkingDayMinutes)};
    }
    return {true, random.Between(15, 480)};
}

std::int64_t DossierTimeline::WaitAfter(const Transition& last, const Procedure& p, bool late, DemoRandom& random)
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
    default: return -1;  // closed: spread over the whole period by Place()
    }
}

// Recomputed from a moved start because office hours bend the spacing.
std::vector<Instant> DossierTimeline::Place(const std::vector<Gap>& gaps, Channel channel, std::int64_t wait,
                                            DemoRandom& random) const
{
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
    Instant start = m_now - days{kHistoryDays} + seconds{random.Between(0, 59)};
    std::vector<Instant> times = compute(start);
    const auto span = std::chrono::duration_cast<minutes>(times.back() - times.front()).count();
    if (wait < 0) {
        const std::int64_t room = std::max<std::int64_t>(kHistoryDays * kMinutesPerDay - span - 60, 60);
        wait = random.Between(30, room);
    }
    const Instant targetLast = m_now - minutes{wait};
    for (int round = 0; round < 12; ++round) {
        const auto diff = targetLast - times.back();
        if (times.back() < m_now && std::chrono::abs(diff) < minutes{45}) {
            return times;
        }
        start += diff;
        times = compute(start);
    }
    // Office hours can swallow a small shift (a start at night snaps to the next morning): grow it each round.
    for (int round = 0; round < 12 && times.back() >= m_now; ++round) {
        start -= (times.back() - m_now) + std::chrono::hours{2} * (1 << round);
        times = compute(start);
    }
    if (times.back() >= m_now) {
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

}  // namespace motcua::demo
