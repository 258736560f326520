// Fills a demo province's dossiers: who takes which procedure, down which path, when, with which code.
#pragma once

#include <cstdint>
#include <map>
#include <utility>
#include <vector>

#include "demo/demo_province.h"
#include "demo/demo_random.h"
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
    };

    Draft MakeDraft(NationalStatus target, bool demoWard);
    std::int64_t StaffFor(std::int64_t agency, Role role, DemoRandom& random);
    void FillApplicant(Dossier& d, std::int64_t receiving, DemoRandom& random);
    static void FillDocumentsAndForm(Dossier& d, const Procedure& p, Channel channel, DemoRandom& random);
    // Codes in order of submission: per receiving agency and local day, sequence 1, 2, … without gaps.
    void AssignCodes(std::vector<Draft>& drafts);

    DemoProvince& m_province;
    DemoRandom m_random;
    DossierTimeline m_timeline;
    WorkflowWalk m_walk;
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

}  // namespace motcua::demo
