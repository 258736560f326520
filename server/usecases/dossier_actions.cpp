#include "server/usecases/dossier_actions.h"

#include <algorithm>
#include <chrono>
#include <functional>

#include "model/error.h"
#include "model/stage_deadlines.h"
#include "model/workflow.h"
#include "server/usecases/dossier_scope.h"

namespace motcua::server {

namespace {

constexpr std::size_t kMaxReason = 2000;  // characters; a reason is a paragraph, not a file
constexpr std::size_t kMaxMissingDocuments = 50;
constexpr std::size_t kMaxDocumentName = 500;

std::string RequiredText(const std::string& value, const char* field)
{
    std::string text = NormalizeSpaces(value);
    if (text.empty())
        throw Error(ErrorCategory::BadInput, N_("This field is required"), field);
    if (text.size() > kMaxReason * 4)
        throw Error(ErrorCategory::BadInput, N_("This text is too long"), field);
    return text;
}

void RequireAssignedHandler(const StaffMember& staff, const Dossier& dossier)
{
    if (staff.role == Role::Handler && dossier.assignedStaffId != staff.id)
        throw Error(ErrorCategory::NotAllowed, N_("Only the handler assigned to this dossier may do this"), {},
                    "assigned " + (dossier.assignedStaffId ? std::to_string(*dossier.assignedStaffId) : "nobody"));
}

// The competent agency a dossier is forwarded to, in sequence or in parallel: known, and not the one holding it.
const Agency& ForwardTarget(const AgencyTree& agencies, const Dossier& dossier, const std::string& code)
{
    if (code.empty())
        throw Error(ErrorCategory::BadInput, N_("This field is required"), "agencyCode");
    const Agency* target = agencies.FindByCode(code);
    if (!target)
        throw Error(ErrorCategory::BadInput, N_("Unknown agency"), "agencyCode", code);
    if (target->id == dossier.handlingAgencyId)
        throw Error(ErrorCategory::BadInput, N_("The dossier is already at this agency"), "agencyCode");
    return *target;
}

// The deadline of the stage a hand-over closes: the desk's own (same day, or next morning after 15:00) while the
// dossier has not left the receiving desk, the processing deadline afterwards.
std::optional<Instant> HandOverStageDue(const Dossier& dossier)
{
    if (dossier.status == NationalStatus::Received)
        return dossier.forwardDueAt;
    return dossier.dueAt;
}

}  // namespace

DossierActions::DossierActions(pg::Store& store, const Clock& clock, const WorkingCalendar& calendar,
                               const FormPrinter& forms)
    : m_store(store),
      m_clock(clock),
      m_calendar(calendar),
      m_forms(forms)
{}

Dossier DossierActions::Execute(const StaffMember& staff, std::int64_t dossierId, const ActionRequest& request)
{
    const Dossier dossier = LoadDossierToAct(m_store, staff, dossierId);
    // The API's forward in parallel is the table's consultation; a consulted agency may only answer.
    const Action action =
        request.action == Action::Forward && request.mode == ForwardMode::Parallel ? Action::Consult : request.action;
    if (!HandlesDossier(staff, dossier) && action != Action::AnswerConsultation)
        throw Error(ErrorCategory::NotAllowed,
                    N_("Your agency was consulted about this dossier: it can only give its answer"));
    // Before the workflow check: a colleague's change usually moved the state too, and "someone changed it" is the
    // answer that helps, not "not allowed in this state".
    if (dossier.version != request.version)
        throw pg::StaleVersionError(m_store.LastChange(dossierId).value_or(pg::ChangeStamp{}), dossier.version,
                                    request.version);
    const WorkflowState state{dossier.status, dossier.subState};
    // A manager's decision on a proposed result, by whoever holds the manager's delegation today: the table's row for
    // the manager, both names on the record.
    const std::optional<Delegation> delegation = LendingDelegation(staff, dossier, action);
    const Transition& transition = NextState(state, action, delegation ? Role::Manager : staff.role);
    std::optional<pg::ScopedAccess> onBehalf;
    if (const pg::AccessScope* scope = pg::ThreadAccessScope(); scope && delegation)
        onBehalf.emplace(scope->OnBehalfOf(delegation->delegatorId));
    return Apply(staff, staff.id, dossier, transition, request,
                 delegation ? std::optional(delegation->delegatorId) : std::nullopt);
}

const Transition& DossierActions::CitizenStep(const Dossier& dossier, Action action)
{
    const WorkflowState state{dossier.status, dossier.subState};
    if (const Transition* t = FindTransition(state, action, Role::Citizen))
        return *t;
    const std::string detail = std::string(ToString(dossier.status)) + "/" + ToString(dossier.subState);
    switch (action) {
    case Action::Supplement:
        throw Error(ErrorCategory::NotAllowed,
                    N_("This dossier is not waiting for a supplement: none was requested, or it was supplied"), {},
                    detail);
    case Action::Withdraw:
        throw Error(ErrorCategory::NotAllowed,
                    N_("This dossier can no longer be withdrawn: a withdrawal may be asked once, until the result is "
                       "ready"),
                    {}, detail);
    default: return NextState(state, action, Role::Citizen);  // throws: the table's own message
    }
}

Dossier DossierActions::ExecuteForCitizen(const Dossier& dossier, const ActionRequest& request)
{
    const Transition& transition = CitizenStep(dossier, request.action);
    StaffMember citizen;
    citizen.role = Role::Citizen;
    citizen.agencyId = dossier.handlingAgencyId;
    ActionRequest current = request;
    current.version = dossier.version;  // the citizen does not send one: the dossier as the caller just read it
    return Apply(citizen, std::nullopt, dossier, transition, current);
}

Dossier DossierActions::Apply(const StaffMember& actor, std::optional<std::int64_t> staffId, const Dossier& dossier,
                              const Transition& transition, const ActionRequest& request,
                              std::optional<std::int64_t> onBehalfOf)
{
    const Instant now = m_clock.Now();
    pg::TransitionRequest apply = Prepare(actor, dossier, transition, request, now);
    apply.dossierId = dossier.id;
    apply.expectedVersion = request.version;
    apply.transition = &transition;
    apply.staffId = staffId;
    apply.onBehalfOf = onBehalfOf;
    apply.now = now;
    // A hand-over moves the dossier out of the caller's scope; the database lets a transaction write only rows it
    // could then still see, so this one sees the receiving agency too (the rules above chose it).
    std::optional<pg::ScopedAccess> handingOver;
    if (const pg::AccessScope* scope = pg::ThreadAccessScope(); scope && apply.change.handlingAgencyId)
        handingOver.emplace(scope->Including(*apply.change.handlingAgencyId));
    return m_store.ApplyTransition(apply);
}

pg::DossierChange DossierActions::AcceptChange(const Dossier& dossier, const Procedure& procedure, Instant now) const
{
    pg::DossierChange change;
    change.receivedAt = now;
    change.clockStartedAt = now;
    change.dueAt = m_calendar.DueAtUnlessPaused(now, procedure, dossier.pauses);
    change.forwardDueAt = ForwardingDeadline(m_calendar, now);
    change.takeRegisterNumber = true;
    return change;
}

pg::TransitionRequest DossierActions::Prepare(const StaffMember& staff, const Dossier& dossier, const Transition& t,
                                              const ActionRequest& request, Instant now) const
{
    pg::TransitionRequest step;
    // The forms are filled from the catalogue and the agencies as they are now; loaded once, shared by the lambdas.
    auto procedure = std::make_shared<const Procedure>(m_store.GetProcedure(dossier.procedureId));
    auto agencies = std::make_shared<const AgencyTree>(m_store.LoadAgencies());
    // Every step that ends the dossier also files its control sheet (form 06), read from the history just written.
    const bool ends = !IsOpen(t.to.status);
    const auto issue = [this, &step, procedure, agencies, staff, now, ends](auto print) {
        step.outputs = [this, procedure, agencies, staff, now, ends, print](const pg::TransitionOutcome& o) {
            const FormContext context{o.dossier, *procedure, *agencies, staff, now, o.nextDocumentNumber};
            std::vector<pg::StoredOutput> outputs = print(m_forms, context);
            if (ends)
                outputs.push_back(m_forms.ControlSheet(context, o.history()));
            return outputs;
        };
    };
    if (ends)
        issue([](const FormPrinter&, const FormContext&) { return std::vector<pg::StoredOutput>{}; });

    switch (t.action) {
    case Action::Accept:
        step.change = AcceptChange(dossier, *procedure, now);
        step.stageDueAt = dossier.intakeDueAt;
        step.note = NormalizeSpaces(request.note);
        issue([](const FormPrinter& f, const FormContext& c) { return std::vector{f.Receipt(c)}; });
        break;

    case Action::RequestSupplement: {
        if (request.missingDocuments.empty())
            throw Error(ErrorCategory::BadInput, N_("List every missing document"), "missingDocuments");
        if (request.missingDocuments.size() > kMaxMissingDocuments)
            throw Error(ErrorCategory::BadInput, N_("Too many items"), "missingDocuments");
        std::vector<std::string> missing;
        for (std::size_t i = 0; i < request.missingDocuments.size(); ++i) {
            const std::string field = "missingDocuments[" + std::to_string(i) + "]";
            std::string name = NormalizeSpaces(request.missingDocuments[i]);
            if (name.empty() || name.size() > kMaxDocumentName * 4)
                throw Error(ErrorCategory::BadInput, N_("A missing document needs a name"), field);
            missing.push_back(std::move(name));
        }
        if (t.from.subState == SubState::Appraising) {
            RequireAssignedHandler(staff, dossier);
            CheckSupplementAfterAppraisal(m_calendar, dossier.clockStartedAt.value_or(*dossier.receivedAt), now,
                                          dossier.supplementRequestsAfterAppraisal);
            step.change.countSupplementAfterAppraisal = true;
            step.stageDueAt = dossier.dueAt;
        } else {
            step.stageDueAt = dossier.intakeDueAt;
        }
        std::string note = NormalizeSpaces(request.note);
        step.note = SupplementRequestNote(missing, note);
        issue([missing, note](const FormPrinter& f, const FormContext& c) {
            return std::vector{f.SupplementRequest(c, missing, note)};
        });
        break;
    }

    case Action::Supplement:
        step.note = SupplementNote(request.documents, NormalizeSpaces(request.note));
        step.change.addedDocuments = request.documents;
        if (t.from.subState == SubState::SupplementAfterAppraisal) {
            // Art. 19.5: the processing time starts over, in full, from the supplement.
            step.change.clockStartedAt = now;
            step.change.dueAt = m_calendar.DueAt(now, *procedure);
        }
        break;

    case Action::Refuse: {
        const std::string reason = RequiredText(request.reason, "reason");
        step.note = reason;
        step.stageDueAt = dossier.intakeDueAt;
        issue([reason](const FormPrinter& f, const FormContext& c) { return std::vector{f.Refusal(c, reason)}; });
        break;
    }

    case Action::Assign: {
        if (!request.staffId)
            throw Error(ErrorCategory::BadInput, N_("This field is required"), "staffId");
        if (staff.role == Role::Clerk && !agencies->ById(dossier.handlingAgencyId).clerksMayAssign)
            throw Error(ErrorCategory::NotAllowed, N_("In this agency only a manager assigns dossiers"));
        const std::optional<StaffMember> target = m_store.FindActiveStaffById(*request.staffId);
        if (!target || target->agencyId != dossier.handlingAgencyId ||
            (target->role != Role::Handler && target->role != Role::Manager))
            throw Error(ErrorCategory::BadInput, N_("Choose a handler of the agency that holds the dossier"), "staffId",
                        std::to_string(*request.staffId));
        if (dossier.assignedStaffId == target->id)
            throw Error(ErrorCategory::BadInput, N_("The dossier is already assigned to this person"), "staffId");
        step.change.assignedStaffId = target->id;
        step.stageDueAt = HandOverStageDue(dossier);
        step.note = NormalizeSpaces(request.note);
        break;
    }

    case Action::Claim:
        step.note = NormalizeSpaces(request.note);
        step.change.assignedStaffId = staff.id;
        step.stageDueAt = HandOverStageDue(dossier);
        break;

    case Action::Forward: {
        RequireAssignedHandler(staff, dossier);
        const Agency& target = ForwardTarget(*agencies, dossier, request.agencyCode);
        step.change.handlingAgencyId = target.id;
        step.change.unassign = true;
        step.stageDueAt = HandOverStageDue(dossier);
        step.note = NormalizeSpaces(request.note);
        break;
    }

    case Action::Consult: {
        RequireAssignedHandler(staff, dossier);
        const Agency& target = ForwardTarget(*agencies, dossier, request.agencyCode);
        for (const pg::Consultation& c : m_store.Consultations(dossier.id))
            if (c.agencyId == target.id && !c.answeredAt)
                throw Error(ErrorCategory::BadInput, N_("This agency has been asked already and has not answered yet"),
                            "agencyCode");
        pg::ConsultationChange open;
        open.kind = pg::ConsultationChange::Kind::Open;
        open.agencyId = target.id;
        open.dueAt = request.newDueAt ? request.newDueAt : dossier.dueAt;
        if (open.dueAt && *open.dueAt <= now)
            throw Error(ErrorCategory::BadInput, N_("The deadline of the answer must be in the future"), "dueAt");
        step.change.consultation = open;
        step.handOverToAgencyId = target.id;
        step.stageDueAt = dossier.dueAt;
        step.note = NormalizeSpaces(request.note);
        break;
    }

    case Action::AnswerConsultation: {
        std::optional<Instant> due;
        bool open = false;
        for (const pg::Consultation& c : m_store.Consultations(dossier.id))
            if (c.agencyId == staff.agencyId && !c.answeredAt) {
                open = true;
                due = c.dueAt;
            }
        if (!open)
            throw Error(ErrorCategory::NotAllowed, N_("Your agency has no open question about this dossier"));
        pg::ConsultationChange answer;
        answer.kind = pg::ConsultationChange::Kind::Answer;
        answer.agencyId = staff.agencyId;
        answer.answer = RequiredText(request.note, "note");
        step.note = answer.answer;
        step.change.consultation = answer;
        step.handOverFromAgencyId = staff.agencyId;
        step.handOverToAgencyId = dossier.handlingAgencyId;
        step.stageDueAt = due;
        break;
    }

    case Action::RequestFees:
        RequireAssignedHandler(staff, dossier);
        step.note = NormalizeSpaces(request.note);
        break;

    case Action::PayFees: {
        step.note = NormalizeSpaces(request.note);
        // The clock resumes: the pause's length in working time moves the appointment.
        std::vector<PauseInterval> pauses = dossier.pauses;
        std::optional<Instant> pauseStart;
        for (PauseInterval& p : pauses)
            if (!p.end) {
                pauseStart = p.start;
                p.end = now;
            }
        if (dossier.originalDueAt && dossier.dueAt && pauseStart) {
            // A moved appointment is not recomputed from the procedure: the pause extends it, unless it began late.
            if (*pauseStart < *dossier.dueAt)
                step.change.dueAt =
                    m_calendar.AddWorkingHours(*dossier.dueAt, m_calendar.WorkingTimeBetween(*pauseStart, now));
        } else if (dossier.receivedAt)
            step.change.dueAt =
                m_calendar.DueAtUnlessPaused(dossier.clockStartedAt.value_or(*dossier.receivedAt), *procedure, pauses);
        break;
    }

    case Action::ProposeResult: {
        RequireAssignedHandler(staff, dossier);
        for (const pg::Consultation& c : m_store.Consultations(dossier.id))
            if (!c.answeredAt)
                throw Error(ErrorCategory::NotAllowed,
                            N_("Some agencies consulted about this dossier have not answered yet"));
        if (!request.outcome || *request.outcome == Outcome::None)
            throw Error(ErrorCategory::BadInput, N_("Choose the outcome: grant or refuse"), "outcome");
        std::string note = NormalizeSpaces(request.note);
        if (*request.outcome == Outcome::Refuse && note.empty())
            throw Error(ErrorCategory::BadInput, N_("A refusal needs its reasons"), "note");
        step.change.outcome = *request.outcome;
        step.change.outcomeNote = note;
        step.note = ProposalNote(*request.outcome, note);
        step.stageDueAt = dossier.dueAt;
        break;
    }

    case Action::Approve:
        if (BarredAsProposer(Action::Approve, staff.id, m_store.ResultProposer(dossier.id)))
            throw Error(ErrorCategory::NotAllowed,
                        N_("You proposed this result: another person must approve it (two-person rule)"));
        // The result goes back to the desk that received the dossier (art. 20.1), which hands it over.
        step.change.handlingAgencyId = dossier.receivingAgencyId;
        step.change.unassign = true;
        step.stageDueAt = dossier.dueAt;
        step.note = NormalizeSpaces(request.note);
        if (dossier.outcome == Outcome::Refuse) {
            const std::string reasons = dossier.outcomeNote;
            issue([reasons](const FormPrinter& f, const FormContext& c) { return std::vector{f.Refusal(c, reasons)}; });
        } else if (dossier.outcome == Outcome::Grant) {
            // The approver's agency issues the result; it is drawn from the procedure's template (ResultTemplates).
            issue([](const FormPrinter& f, const FormContext& c) { return std::vector{f.Result(c)}; });
        }
        break;

    case Action::ReturnForRework:
        step.note = RequiredText(request.reason, "reason");
        step.change.outcome = Outcome::None;
        step.change.outcomeNote = std::string();
        break;

    case Action::ReturnResult:
        step.stageDueAt = dossier.dueAt;
        step.note = NormalizeSpaces(request.note);
        break;

    case Action::Reschedule: {
        if (staff.role == Role::Handler && dossier.assignedStaffId)
            RequireAssignedHandler(staff, dossier);
        if (!request.newDueAt)
            throw Error(ErrorCategory::BadInput, N_("This field is required"), "newDueAt");
        const std::string reason = RequiredText(request.reason, "reason");
        if (!dossier.dueAt)
            throw Error(ErrorCategory::NotAllowed, N_("This dossier has no appointment to move"));
        CheckReschedule(m_calendar, now, *dossier.dueAt, *request.newDueAt, dossier.originalDueAt.has_value());
        step.change.dueAt = *request.newDueAt;
        step.change.originalDueAt = *dossier.dueAt;
        step.note = reason;
        const Instant originalDue = *dossier.dueAt;
        const Instant newDue = *request.newDueAt;
        issue([originalDue, newDue, reason](const FormPrinter& f, const FormContext& c) {
            return std::vector{f.Apology(c, originalDue, newDue, reason)};
        });
        break;
    }

    case Action::Withdraw: step.note = NormalizeSpaces(request.note); break;

    case Action::Stop: {
        const std::string ground = RequiredText(request.reason, "reason");
        step.note = ground;
        issue([ground](const FormPrinter& f, const FormContext& c) { return std::vector{f.StopNotice(c, ground)}; });
        break;
    }

    case Action::Submit:
    case Action::CloseUnsupplied:
        throw Error(ErrorCategory::Internal, N_("Unexpected error"), {}, "no staff step for this action");
    }
    return step;
}

std::vector<Action> DossierActions::AllowedActions(const StaffMember& staff, const Dossier& dossier,
                                                   const std::vector<pg::Consultation>& consultations,
                                                   const std::vector<Agency>& agencies,
                                                   std::optional<std::int64_t> resultProposer, bool holdsDelegation)
{
    const bool holds = HandlesDossier(staff, dossier);
    bool consultedOpen = false;
    bool anyOpen = false;
    for (const pg::Consultation& c : consultations) {
        anyOpen = anyOpen || !c.answeredAt;
        consultedOpen = consultedOpen || (c.agencyId == staff.agencyId && !c.answeredAt);
    }
    // A handler's steps under appraisal are the assigned handler's (RequireAssignedHandler).
    const bool othersAppraisal = staff.role == Role::Handler && dossier.status == NationalStatus::Processing &&
                                 dossier.subState == SubState::Appraising && dossier.assignedStaffId &&
                                 *dossier.assignedStaffId != staff.id;
    const auto holder = std::find_if(agencies.begin(), agencies.end(),
                                     [&](const Agency& a) { return a.id == dossier.handlingAgencyId; });
    const bool clerksMayAssign = holder != agencies.end() && holder->clerksMayAssign;
    std::vector<Action> candidates = ActionsAllowed({dossier.status, dossier.subState}, staff.role);
    if (holdsDelegation)
        for (Action action : ActionsAllowed({dossier.status, dossier.subState}, Role::Manager))
            if (IsApprovalDecision(action))
                candidates.push_back(action);
    std::vector<Action> allowed;
    for (Action action : candidates) {
        if (action == Action::AnswerConsultation) {
            if (consultedOpen && !holds)
                allowed.push_back(action);
            continue;
        }
        if (!holds)
            continue;
        if (action == Action::Consult)
            action = Action::Forward;
        if (othersAppraisal)
            continue;
        if (action == Action::ProposeResult && anyOpen)
            continue;
        if (BarredAsProposer(action, staff.id, resultProposer))
            continue;
        if (action == Action::Assign && staff.role == Role::Clerk && !clerksMayAssign)
            continue;
        if (std::find(allowed.begin(), allowed.end(), action) == allowed.end())
            allowed.push_back(action);
    }
    return allowed;
}

std::optional<std::int64_t> DossierActions::ResultProposer(const std::vector<pg::HistoryRow>& history)
{
    const auto latest = std::find_if(history.rbegin(), history.rend(),
                                     [](const pg::HistoryRow& row) { return row.action == Action::ProposeResult; });
    return latest == history.rend() ? std::nullopt : latest->staffId;
}

std::optional<Delegation> DossierActions::LendingDelegation(const StaffMember& staff, const Dossier& dossier,
                                                            std::optional<Action> action)
{
    const WorkflowState state{dossier.status, dossier.subState};
    const auto lendable = [&](Action decision) {
        return IsApprovalDecision(decision) && !FindTransition(state, decision, staff.role);
    };
    bool worthAsking = false;
    if (action)
        worthAsking = lendable(*action);
    else
        for (Action decision : ActionsAllowed(state, Role::Manager))
            worthAsking = worthAsking || lendable(decision);
    if (!worthAsking || !HandlesDossier(staff, dossier))
        return std::nullopt;
    return m_store.DelegationFor(staff.id, dossier.handlingAgencyId, LocalDate(m_clock.Now()));
}

Dossier DossierActions::TakeInAtDesk(const StaffMember& staff, Dossier dossier, const DossierCodeFormat& codeFormat)
{
    const Instant now = m_clock.Now();
    ValidateNewDossier(dossier, LocalDate(now));
    if (dossier.channel == Channel::Online)
        throw Error(ErrorCategory::BadInput, N_("A dossier taken in at the desk comes in person or by post"),
                    "channel");
    // The role checks of both rows, before anything is written.
    const Transition& submit = NextState(kBeforeSubmit, Action::Submit, staff.role);
    const Transition& accept = NextState(submit.to, Action::Accept, staff.role);

    const Procedure procedure = m_store.GetProcedure(dossier.procedureId);
    const auto agencies = std::make_shared<const AgencyTree>(m_store.LoadAgencies());
    const Agency& desk = agencies->ById(staff.agencyId);
    dossier.receivingAgencyId = desk.id;
    dossier.handlingAgencyId = desk.id;
    dossier.status = submit.to.status;
    dossier.subState = submit.to.subState;
    dossier.submittedAt = now;

    pg::TransitionRequest apply;
    apply.transition = &accept;
    apply.staffId = staff.id;
    apply.now = now;
    apply.change = AcceptChange(dossier, procedure, now);
    apply.outputs = [this, procedure, agencies, staff, now](const pg::TransitionOutcome& o) {
        return std::vector{m_forms.Receipt(FormContext{o.dossier, procedure, *agencies, staff, now})};
    };
    return m_store.CreateAccepted(std::move(dossier), desk.code, codeFormat, apply);
}

int DossierActions::CloseUnsupplied(int batchSize)
{
    const Instant now = m_clock.Now();
    int closed = 0;
    const std::vector<std::int64_t> due =
        m_store.AwaitingSupplementSince(now - DossierActions::kSupplementWait, batchSize);
    if (due.empty())
        return 0;
    // One read of the agencies for the whole batch: the job runs every few minutes, mostly with nothing to close.
    const auto agencies = std::make_shared<const AgencyTree>(m_store.LoadAgencies());
    for (const std::int64_t id : due) {
        const std::optional<Dossier> dossier = m_store.FindDossier(id);
        if (!dossier)
            continue;
        const Transition* t =
            FindTransition({dossier->status, dossier->subState}, Action::CloseUnsupplied, Role::System);
        if (!t)
            continue;
        const auto procedure = std::make_shared<const Procedure>(m_store.GetProcedure(dossier->procedureId));
        StaffMember server;
        server.role = Role::System;
        server.agencyId = dossier->handlingAgencyId;
        pg::TransitionRequest apply;
        apply.dossierId = id;
        apply.expectedVersion = dossier->version;
        apply.transition = t;
        apply.now = now;
        apply.outputs = [this, procedure, agencies, server, now](const pg::TransitionOutcome& o) {
            return std::vector{
                m_forms.ControlSheet(FormContext{o.dossier, *procedure, *agencies, server, now}, o.history())};
        };
        try {
            m_store.ApplyTransition(apply);
            ++closed;
        } catch (const Error& e) {
            // Another server process, or the citizen's supplement, got there first: nothing to do.
            if (e.Category() != ErrorCategory::Conflict && e.Category() != ErrorCategory::NotAllowed &&
                e.Category() != ErrorCategory::NotFound)
                throw;
        }
    }
    return closed;
}

}  // namespace motcua::server
