// When each step of a demo dossier's history happened: gaps per action, placed on the working calendar before `now`.
#pragma once

#include <cstdint>
#include <optional>
#include <vector>

#include "demo/demo_random.h"
#include "model/dossier.h"
#include "model/procedure.h"
#include "model/time.h"
#include "model/workflow.h"
#include "model/working_calendar.h"

namespace motcua::demo {

class DossierTimeline {
public:
    // `calendar` is the province's (its file, loaded by the caller); the timeline keeps a copy.
    DossierTimeline(Instant now, WorkingCalendar calendar);

    // One instant per transition of the path, all before now: online submissions at any hour, the desk's steps in
    // office hours. Open dossiers end a plausible wait before now, mostly still within their due time; closed ones
    // anywhere in the last 90 days.
    std::vector<Instant> Times(const std::vector<const Transition*>& path, const Procedure& procedure, Channel channel,
                               DemoRandom& random) const;

private:
    // The due time the history implies, to place open dossiers mostly within it: from receipt, restarted by a
    // supplement after appraisal (Đ19.5), extended by later pauses; empty while a pause holds the clock; before
    // receipt, the provisional one of submission. An estimate (a reschedule is not known yet): the stored due time
    // is the DossierPlayer's.
    std::optional<Instant> DueFor(const std::vector<const Transition*>& path, const std::vector<Instant>& times,
                                  const Procedure& procedure) const;

    struct Gap {
        bool working = true;  // working minutes (office hours) or wall-clock minutes
        std::int64_t minutes = 0;
    };

    static Gap GapBefore(const Transition& t, const Procedure& p, Channel channel, DemoRandom& random);
    // How long the dossier has sat in its final state at `now` (wall-clock minutes); -1 for a closed one.
    static std::int64_t WaitAfter(const Transition& last, const Procedure& p, bool late, DemoRandom& random);
    // Event times from the gaps, shifted so the last event sits `wait` minutes before now (or, for closed dossiers,
    // anywhere in the last 90 days).
    std::vector<Instant> Place(const std::vector<Gap>& gaps, Channel channel, std::int64_t wait,
                               DemoRandom& random) const;

    Instant m_now;
    WorkingCalendar m_calendar;
};

}  // namespace motcua::demo
