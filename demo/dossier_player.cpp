#include "demo/dossier_player.h"

#include <algorithm>

#include "model/error.h"
#include "model/stage_deadlines.h"

namespace motcua::demo {
namespace {

void RequireAssignedHandler(const Transition& t, const Dossier& d, std::optional<std::int64_t> staffId)
{
    if (t.role == Role::Handler && d.assignedStaffId != staffId) {
        throw Error(ErrorCategory::NotAllowed, N_("Only the handler assigned to this dossier may do this"));
    }
}

// As the server: the desk's hand-over deadline while the dossier is still at the receiving desk, then the due time.
std::optional<Instant> HandOverStageDue(const Dossier& d)
{
    return d.status == NationalStatus::Received ? d.forwardDueAt : d.dueAt;
}

}  // namespace

void DossierPlayer::Play(Dossier& dossier, const Procedure& procedure, const Step& step,
                         std::vector<HistoryEvent>& history, std::vector<DemoConsultation>& consultations) const
{
    std::vector<DemoConsultation> asked = consultations;  // as the dossier: changed as a copy
    const auto open = std::find_if(asked.begin(), asked.end(), [](const DemoConsultation& c) { return !c.answeredAt; });
    const Transition& t = *step.transition;
    const Instant at = step.at;
    Dossier d = dossier;  // changed as a copy: a refused step leaves the dossier as it was
    HistoryEvent event = MakeHistoryEvent(d, t, step.staffId, at, step.note);
    if (t.action == Action::Submit) {
        // What the citizen API (online) or the desk stores: the provisional appointment, the intake deadline.
        d.submittedAt = at;
        d.handlingAgencyId = d.receivingAgencyId;
        d.dueAt = m_calendar.ProvisionalAppointment(at, procedure);
        if (d.channel == Channel::Online) {
            d.intakeDueAt = IntakeDeadline(m_calendar, at);
        }
        d.status = t.to.status;
        d.subState = t.to.subState;
        d.version = 1;
        event.toAgencyId = d.handlingAgencyId;
        history.push_back(std::move(event));
        dossier = std::move(d);
        return;
    }
    event.fromAgencyId = d.handlingAgencyId;
    std::optional<Instant> stageDue;
    switch (t.action) {
    case Action::Accept:
        d.receivedAt = at;
        d.clockStartedAt = at;
        d.dueAt = m_calendar.DueAtUnlessPaused(at, procedure, d.pauses);
        d.forwardDueAt = ForwardingDeadline(m_calendar, at);
        d.registerYear = static_cast<int>(LocalDate(at).year());
        stageDue = d.intakeDueAt;
        break;
    case Action::RequestSupplement:
        if (t.from.subState == SubState::Appraising) {
            RequireAssignedHandler(t, d, step.staffId);
            CheckSupplementAfterAppraisal(m_calendar, d.clockStartedAt.value_or(*d.receivedAt), at,
                                          d.supplementRequestsAfterAppraisal);
            ++d.supplementRequestsAfterAppraisal;
            stageDue = d.dueAt;
        } else {
            stageDue = d.intakeDueAt;
        }
        break;
    case Action::Supplement:
        if (t.from.subState == SubState::SupplementAfterAppraisal) {
            d.clockStartedAt = at;  // Đ19.5: the processing time starts over, in full
            d.dueAt = m_calendar.DueAt(at, procedure);
        }
        break;
    case Action::Refuse: stageDue = d.intakeDueAt; break;
    case Action::Assign:
        if (!step.assignee || d.assignedStaffId == step.assignee) {
            throw Error(ErrorCategory::BadInput, N_("The dossier is already assigned to this person"), "staffId");
        }
        stageDue = HandOverStageDue(d);
        d.assignedStaffId = step.assignee;
        break;
    case Action::Claim:
        stageDue = HandOverStageDue(d);
        d.assignedStaffId = step.staffId;
        break;
    case Action::Forward:
        RequireAssignedHandler(t, d, step.staffId);
        if (!step.toAgencyId || *step.toAgencyId == d.handlingAgencyId) {
            throw Error(ErrorCategory::BadInput, N_("The dossier is already at this agency"), "agencyCode");
        }
        stageDue = HandOverStageDue(d);
        d.handlingAgencyId = *step.toAgencyId;
        d.assignedStaffId.reset();
        break;
    case Action::RequestFees: RequireAssignedHandler(t, d, step.staffId); break;
    case Action::PayFees: {
        std::vector<PauseInterval> pauses = d.pauses;
        std::optional<Instant> pauseStart;
        for (PauseInterval& p : pauses) {
            if (!p.end) {
                pauseStart = p.start;
                p.end = at;
            }
        }
        if (d.originalDueAt && d.dueAt && pauseStart) {
            // A moved appointment is not recomputed from the procedure: the pause extends it, unless it began late.
            if (*pauseStart < *d.dueAt) {
                d.dueAt = m_calendar.AddWorkingHours(*d.dueAt, m_calendar.WorkingTimeBetween(*pauseStart, at));
            }
        } else if (d.receivedAt) {
            if (auto due = m_calendar.DueAtUnlessPaused(d.clockStartedAt.value_or(*d.receivedAt), procedure, pauses)) {
                d.dueAt = due;
            }
        }
        break;
    }
    case Action::ProposeResult:
        RequireAssignedHandler(t, d, step.staffId);
        if (open != asked.end()) {
            throw Error(ErrorCategory::NotAllowed,
                        N_("Some agencies consulted about this dossier have not answered yet"));
        }
        d.outcome = step.outcome;
        d.outcomeNote = step.note;
        event.note = ProposalNote(step.outcome, step.note);
        stageDue = d.dueAt;
        break;
    case Action::Approve:
        // The result goes back to the desk that received the dossier (Đ20.1), which hands it over.
        d.handlingAgencyId = d.receivingAgencyId;
        d.assignedStaffId.reset();
        stageDue = d.dueAt;
        break;
    case Action::ReturnForRework:
        d.outcome = Outcome::None;
        d.outcomeNote.clear();
        break;
    case Action::ReturnResult: stageDue = d.dueAt; break;
    case Action::Reschedule:
        if (t.role == Role::Handler && d.assignedStaffId) {
            RequireAssignedHandler(t, d, step.staffId);
        }
        if (!d.dueAt || !step.newDueAt) {
            throw Error(ErrorCategory::NotAllowed, N_("This dossier has no appointment to move"));
        }
        CheckReschedule(m_calendar, at, *d.dueAt, *step.newDueAt, d.originalDueAt.has_value());
        d.originalDueAt = d.dueAt;
        d.dueAt = step.newDueAt;
        break;
    case Action::Consult: {
        RequireAssignedHandler(t, d, step.staffId);
        // One question at a time in the demo (the server allows one open question per agency).
        if (!step.toAgencyId || *step.toAgencyId == d.handlingAgencyId || open != asked.end()) {
            throw Error(ErrorCategory::BadInput, N_("The dossier is already at this agency"), "agencyCode");
        }
        if (d.dueAt && *d.dueAt <= at) {
            throw Error(ErrorCategory::BadInput, N_("The deadline of the answer must be in the future"), "dueAt");
        }
        asked.push_back({*step.toAgencyId, d.handlingAgencyId, at, step.staffId, d.dueAt, {}, {}, {}});
        stageDue = d.dueAt;
        break;
    }
    case Action::AnswerConsultation:
        if (open == asked.end() || open->agencyId != step.toAgencyId || step.note.empty()) {
            throw Error(ErrorCategory::NotAllowed, N_("Your agency has no open question about this dossier"));
        }
        open->answeredAt = at;
        open->answeredBy = step.staffId;
        open->answer = step.note;
        event.fromAgencyId = open->agencyId;  // the answer comes back to the lead
        stageDue = open->dueAt;
        break;
    case Action::Submit:
    case Action::Withdraw:
    case Action::Stop:
    case Action::CloseUnsupplied: break;
    }
    // The Store: the open pause ends when the clock resumes; a new one starts, with the step's note as its reason.
    if (t.resumesClock) {
        for (PauseInterval& p : d.pauses) {
            if (!p.end) {
                p.end = at;
            }
        }
    }
    if (t.pausesClock) {
        d.pauses.push_back(PauseInterval{at, std::nullopt, event.note});
    }
    d.status = t.to.status;
    d.subState = t.to.subState;
    ++d.version;
    // A question goes out to the consulted agency while the dossier stays with the lead.
    event.toAgencyId = t.action == Action::Consult ? asked.back().agencyId : d.handlingAgencyId;
    event.toStaffId = d.assignedStaffId;
    event.stageDueAt = stageDue;
    history.push_back(std::move(event));
    dossier = std::move(d);
    consultations = std::move(asked);
}

}  // namespace motcua::demo
