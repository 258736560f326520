// Fills a demo province's dossiers: who takes which procedure, down which path, when, with which code.
#pragma once

#include <cstdint>
#include <map>
#include <utility>
#include <vector>

#include "demo/demo_province.h"
#include "demo/demo_random.h"
#include "demo/dossier_player.h"
#include "demo/dossier_timeline.h"
#include "demo/workflow_walk.h"

namespace motcua::demo {

class ProvinceBuilder {
public:
    // The province must already hold its catalogue (agencies, procedures, staff) and `now`; dossier times are
    // placed on `calendar`.
    ProvinceBuilder(DemoProvince& province, std::uint32_t seed, const WorkingCalendar& calendar);

    // Appends `count` dossiers with their histories, in order of submission.
    void Build(int count);

private:
    // Everything about one dossier before its code is known.
    struct Draft {
        Dossier dossier;
        std::vector<HistoryEvent> history;
        std::vector<DemoConsultation> consultations;
    };

    Draft MakeDraft(NationalStatus target, bool demoWard);
    // Plays the path at its times through the DossierPlayer, choosing who acts and the fields of each request;
    // false when the server would refuse a step that changes the state (the caller draws another path).
    bool Play(Draft& draft, const std::vector<const Transition*>& path, const std::vector<Instant>& times,
              const Procedure& procedure, std::int64_t competent, DemoRandom& random);
    // The agency a lead asks for its part (liên thông in parallel): another department.
    std::int64_t ConsultedAgency(std::int64_t holder, DemoRandom& random) const;
    // Whether the server would already have closed the dossier for want of a supplement.
    bool LeftUnsupplied(const Dossier& d) const;
    // Register numbers (form 07) per receiving agency and year of acceptance, in order of acceptance.
    void NumberRegisters();
    std::int64_t StaffFor(std::int64_t agency, Role role, DemoRandom& random);
    void FillApplicant(Dossier& d, std::int64_t receiving, DemoRandom& random);
    static void FillDocumentsAndForm(Dossier& d, const Procedure& p, Channel channel, DemoRandom& random);
    // Codes in order of submission: per receiving agency and local day, sequence 1, 2, … without gaps.
    void AssignCodes(std::vector<Draft>& drafts);

    DemoProvince& m_province;
    DemoRandom m_random;
    DemoRandom m_consultRandom;  // whether and where a dossier's appraisal consults another agency
    const WorkingCalendar& m_calendar;
    DossierTimeline m_timeline;
    DossierPlayer m_player;
    WorkflowWalk m_walk;         // dossiers decided where they were received
    WorkflowWalk m_forwardWalk;  // dossiers the receiving desk forwards to the competent department
    std::map<std::pair<std::int64_t, Role>, std::int64_t> m_staffIndex;
    std::map<std::int64_t, std::vector<std::int64_t>> m_handlers;       // per agency
    std::map<std::pair<std::int64_t, Role>, std::int64_t> m_demoStaff;  // the fixed demo accounts
    std::vector<std::int64_t> m_communes;
    std::vector<double> m_communeWeights;
    std::int64_t m_centreId = 0;
    std::vector<std::int64_t> m_departments;
    std::vector<std::int64_t> m_communeProcedures;
    std::vector<double> m_communeWeightsP;
    std::vector<std::int64_t> m_upperProcedures;
    std::vector<double> m_upperWeightsP;
    std::vector<std::int64_t> m_demoDepartmentProcedures;
    std::vector<double> m_demoDepartmentWeightsP;
};

}  // namespace motcua::demo
