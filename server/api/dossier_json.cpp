#include "server/api/dossier_json.h"

#include <algorithm>
#include <sstream>

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Parser.h>

#include "model/inbox.h"
#include "model/stage_deadlines.h"
#include "model/workflow.h"
#include "server/usecases/dossier_actions.h"

namespace motcua::server {

namespace {

using Poco::JSON::Array;
using Poco::JSON::Object;

Object::Ptr NewObject()
{
    return new Object(Poco::JSON_PRESERVE_KEY_ORDER);
}

Poco::Dynamic::Var OptionalTime(const std::optional<Instant>& t)
{
    return t ? Poco::Dynamic::Var(FormatIso8601(*t)) : Poco::Dynamic::Var();
}

void SetSummary(Object& o, std::int64_t id, const std::string& code, const std::string& applicantName,
                const std::string& procedureName, Instant submittedAt, const std::optional<Instant>& receivedAt,
                const std::optional<Instant>& dueAt, NationalStatus status, SubState subState, int version)
{
    o.set("id", id);
    o.set("code", code);
    o.set("applicantName", applicantName);
    o.set("procedureName", procedureName);
    o.set("submittedAt", FormatIso8601(submittedAt));
    o.set("receivedAt", OptionalTime(receivedAt));
    o.set("dueAt", OptionalTime(dueAt));
    o.set("status", static_cast<int>(status));
    o.set("statusName", std::string(VietnameseName(status)));
    o.set("subState", std::string(motcua::ToString(subState)));
    o.set("version", version);
}

Object::Ptr AgencyObject(const std::vector<Agency>& agencies, std::int64_t id)
{
    Object::Ptr o = NewObject();
    o->set("id", id);
    for (const Agency& a : agencies) {
        if (a.id == id) {
            o->set("code", a.code);
            o->set("name", a.name);
            return o;
        }
    }
    o->set("code", Poco::Dynamic::Var());
    o->set("name", Poco::Dynamic::Var());
    return o;
}

Object::Ptr DocumentObject(const std::string& name, DocumentForm form, int count)
{
    Object::Ptr o = NewObject();
    o->set("name", name);
    o->set("form", std::string(motcua::ToString(form)));
    o->set("count", count);
    return o;
}

Array::Ptr RequiredDocumentsArray(const Procedure& procedure)
{
    Array::Ptr documents = new Array;
    for (const RequiredDocument& d : procedure.documents) {
        Object::Ptr item = DocumentObject(d.name, d.form, d.count);
        item->set("mandatory", d.mandatory);
        documents->add(item);
    }
    return documents;
}

Poco::Dynamic::Var ParseFormData(const std::string& json)
{
    try {
        Poco::JSON::Parser parser;
        return parser.parse(json.empty() ? "{}" : json);
    } catch (const Poco::Exception&) {
        return Poco::Dynamic::Var(NewObject());  // stored by us from parsed JSON; cannot be malformed in practice
    }
}

}  // namespace

Object::Ptr DossierJson::InboxItem(const InboxRow& row, const QueueViewer& viewer)
{
    Object::Ptr o = NewObject();
    SetSummary(*o, row.id, row.code, row.applicantName, row.procedureName, row.submittedAt, row.receivedAt, row.dueAt,
               row.status, row.subState, row.version);
    o->set("overdue", IsOverdue(row, viewer.now));
    o->set("dueSoon", IsDueSoon(row.dueAt, row.status, viewer.now, viewer.dueSoonUntil));
    Poco::Dynamic::Var assignedTo;
    if (row.assignedTo) {
        Object::Ptr staff = NewObject();
        staff->set("id", row.assignedTo->id);
        staff->set("name", row.assignedTo->name);
        assignedTo = staff;
    }
    o->set("assignedTo", assignedTo);
    return o;
}

HttpResponse DossierJson::ListPage(const std::vector<InboxRow>& rows, const QueueViewer& viewer,
                                   const std::optional<std::string>& next, std::optional<std::int64_t> total)
{
    Array::Ptr items = new Array;
    for (const InboxRow& row : rows)
        items->add(InboxItem(row, viewer));
    Object::Ptr out = NewObject();
    out->set("items", items);
    out->set("next", next ? Poco::Dynamic::Var(*next) : Poco::Dynamic::Var());
    if (total)
        out->set("total", *total);
    return HttpResponse::Json(200, ToString(out));
}

Object::Ptr DossierJson::OutputItem(const pg::OutputInfo& output)
{
    Object::Ptr o = NewObject();
    o->set("id", output.id);
    o->set("kind", std::string(motcua::ToString(output.kind)));
    o->set("form", FormNumber(output.kind));
    o->set("created", FormatIso8601(output.createdAt));
    o->set("sha256", output.sha256Hex);
    o->set("mediaType", output.mediaType);
    o->set("href", "/staff/v1/outputs/" + std::to_string(output.id));
    return o;
}

Object::Ptr DossierJson::AttachmentItem(const AttachmentInfo& attachment)
{
    Object::Ptr o = NewObject();
    o->set("position", attachment.position);
    o->set("documentIndex", attachment.documentPosition - 1);  // into `documents`
    o->set("fileName", attachment.fileName);
    o->set("mediaType", attachment.mediaType);
    o->set("size", attachment.size);
    o->set("sha256", attachment.sha256Hex);
    o->set("href", "/staff/v1/dossiers/" + std::to_string(attachment.dossierId) + "/attachments/" +
                       std::to_string(attachment.position));
    return o;
}

namespace {

Object::Ptr ConsultationObject(const std::vector<Agency>& agencies, const pg::Consultation& c)
{
    Object::Ptr o = NewObject();
    o->set("agency", AgencyObject(agencies, c.agencyId));
    o->set("leadAgency", AgencyObject(agencies, c.leadAgencyId));
    o->set("requestedAt", FormatIso8601(c.requestedAt));
    o->set("dueAt", OptionalTime(c.dueAt));
    o->set("answeredAt", OptionalTime(c.answeredAt));
    o->set("answeredBy", c.answeredBy ? Poco::Dynamic::Var(*c.answeredBy) : Poco::Dynamic::Var());
    o->set("answer", c.answer);
    return o;
}

}  // namespace

Object::Ptr DossierJson::ConsultationItem(const Dossier& dossier, const Procedure& procedure,
                                          const std::vector<Agency>& agencies, const pg::Consultation& c)
{
    Object::Ptr o = NewObject();
    o->set("id", dossier.id);
    o->set("code", dossier.code);
    o->set("applicantName", dossier.applicant.fullName);
    o->set("procedureName", procedure.name);
    o->set("version", dossier.version);
    o->set("consultation", ConsultationObject(agencies, c));
    return o;
}

Object::Ptr DossierJson::Detail(const DetailParts& parts)
{
    const Dossier& dossier = parts.dossier;
    const Procedure& procedure = parts.procedure;
    const std::vector<Agency>& agencies = parts.agencies;
    const std::vector<pg::HistoryRow>& history = parts.history;
    Object::Ptr o = NewObject();
    SetSummary(*o, dossier.id, dossier.code, dossier.applicant.fullName, procedure.name, dossier.submittedAt,
               dossier.receivedAt, dossier.dueAt, dossier.status, dossier.subState, dossier.version);
    o->set("channel", std::string(motcua::ToString(dossier.channel)));

    Object::Ptr p = NewObject();
    p->set("id", procedure.id);
    p->set("code", procedure.code);
    p->set("name", procedure.name);
    p->set("processingTime", procedure.processingTime);
    p->set("processingUnit", std::string(motcua::ToString(procedure.processingUnit)));
    p->set("feeVnd", procedure.feeVnd);
    // What the procedure asks for: the desk's request for supplement offers these, not only what was submitted.
    p->set("requiredDocuments", RequiredDocumentsArray(procedure));
    o->set("procedure", p);

    Object::Ptr a = NewObject();
    a->set("fullName", dossier.applicant.fullName);
    a->set("citizenId", dossier.applicant.citizenId);
    a->set("dateOfBirth", FormatDate(dossier.applicant.dateOfBirth));
    a->set("address", dossier.applicant.address);
    a->set("phone", dossier.applicant.phone);
    a->set("email",
           dossier.applicant.email.empty() ? Poco::Dynamic::Var() : Poco::Dynamic::Var(dossier.applicant.email));
    o->set("applicant", a);

    o->set("formData", ParseFormData(dossier.formDataJson));

    Array::Ptr documents = new Array;
    for (const SubmittedDocument& d : dossier.documents)
        documents->add(DocumentObject(d.name, d.form, d.count));
    o->set("documents", documents);
    Array::Ptr attachments = new Array;
    for (const AttachmentInfo& attachment : parts.attachments)
        attachments->add(AttachmentItem(attachment));
    o->set("attachments", attachments);
    o->set("receivingAgency", AgencyObject(agencies, dossier.receivingAgencyId));
    o->set("handlingAgency", AgencyObject(agencies, dossier.handlingAgencyId));
    o->set("assignedStaffId",
           dossier.assignedStaffId ? Poco::Dynamic::Var(*dossier.assignedStaffId) : Poco::Dynamic::Var());
    o->set("overdue", IsOverdue(dossier.dueAt, dossier.status, parts.now));
    // Art. 17.2: the desk answers an online submission within 8 working hours; late when it answered after, or has
    // not answered and the time is past.
    o->set("intakeDueAt", OptionalTime(dossier.intakeDueAt));
    std::optional<Instant> intakeAnswered;
    for (const pg::HistoryRow& h : history)
        if (!intakeAnswered && h.from.subState == SubState::AwaitingIntakeCheck && h.action != Action::Submit)
            intakeAnswered = h.at;
    o->set("intakeLate", dossier.intakeDueAt.has_value() && intakeAnswered.value_or(parts.now) > *dossier.intakeDueAt);
    o->set("forwardDueAt", OptionalTime(dossier.forwardDueAt));
    o->set("clockStartedAt", OptionalTime(dossier.clockStartedAt));
    o->set("originalDueAt", OptionalTime(dossier.originalDueAt));
    o->set("supplementRequestsAfterAppraisal", dossier.supplementRequestsAfterAppraisal);
    o->set("outcome", dossier.outcome == Outcome::None
                          ? Poco::Dynamic::Var()
                          : Poco::Dynamic::Var(std::string(motcua::ToString(dossier.outcome))));
    o->set("outcomeNote", dossier.outcomeNote);
    Object::Ptr entry = NewObject();
    entry->set("year", dossier.registerYear ? Poco::Dynamic::Var(*dossier.registerYear) : Poco::Dynamic::Var());
    entry->set("number", dossier.registerNumber ? Poco::Dynamic::Var(*dossier.registerNumber) : Poco::Dynamic::Var());
    o->set("register", entry);
    Array::Ptr allowed = new Array;
    for (const Action action : parts.allowedActions)
        allowed->add(std::string(motcua::ToString(action)));
    o->set("allowedActions", allowed);

    Array::Ptr events = new Array;
    for (const pg::HistoryRow& h : history) {
        Object::Ptr e = NewObject();
        e->set("at", FormatIso8601(h.at));
        e->set("action", std::string(motcua::ToString(h.action)));
        e->set("role", std::string(motcua::ToString(h.role)));
        e->set("staffName", h.staffName ? Poco::Dynamic::Var(*h.staffName) : Poco::Dynamic::Var());
        if (h.onBehalfOfName)
            e->set("onBehalfOf", *h.onBehalfOfName);
        e->set("fromStatus", static_cast<int>(h.from.status));
        e->set("toStatus", static_cast<int>(h.to.status));
        e->set("note", h.note);
        e->set("fromAgency",
               h.fromAgencyId ? Poco::Dynamic::Var(AgencyObject(agencies, *h.fromAgencyId)) : Poco::Dynamic::Var());
        e->set("toAgency",
               h.toAgencyId ? Poco::Dynamic::Var(AgencyObject(agencies, *h.toAgencyId)) : Poco::Dynamic::Var());
        e->set("toStaffName", h.toStaffName ? Poco::Dynamic::Var(*h.toStaffName) : Poco::Dynamic::Var());
        e->set("stageDueAt", OptionalTime(h.stageDueAt));
        e->set("stageOutcome",
               h.stageDueAt ? Poco::Dynamic::Var(std::string(motcua::ToString(ClassifyStage(h.at, h.stageDueAt))))
                            : Poco::Dynamic::Var());
        events->add(e);
    }
    o->set("history", events);
    bool hasReceipt = false;
    Array::Ptr outputs = new Array;
    for (const pg::OutputInfo& output : parts.outputs) {
        hasReceipt = hasReceipt || output.kind == OutputKind::Receipt;
        outputs->add(OutputItem(output));
    }
    o->set("hasReceipt", hasReceipt);
    o->set("outputs", outputs);
    Array::Ptr consultations = new Array;
    for (const pg::Consultation& c : parts.consultations)
        consultations->add(ConsultationObject(agencies, c));
    o->set("consultations", consultations);
    return o;
}

namespace {

// The history events the citizen sees, and whether the note is for them too (what is missing, the reasons of a
// refusal or stop, the new appointment's reason). Assignment, consultations, proposals and rework are the agencies'
// own steps and stay out, with their notes.
struct PublicEvent {
    Action action;
    bool publicNote;
};
// clang-format off
constexpr PublicEvent kPublicEvents[] = {
    {Action::Submit, false},
    {Action::Accept, false},
    {Action::RequestSupplement, true},
    {Action::Refuse, true},
    {Action::Supplement, true},
    {Action::Forward, false},
    {Action::RequestFees, true},
    {Action::PayFees, false},
    {Action::Approve, false},
    {Action::ReturnResult, false},
    {Action::Reschedule, true},
    {Action::Withdraw, true},
    {Action::Stop, true},
    {Action::CloseUnsupplied, false},
};
// clang-format on

const PublicEvent* FindPublicEvent(Action action)
{
    for (const PublicEvent& e : kPublicEvents)
        if (e.action == action)
            return &e;
    return nullptr;
}

std::string AgencyName(const std::vector<Agency>& agencies, std::optional<std::int64_t> id)
{
    for (const Agency& a : agencies)
        if (id && a.id == *id)
            return a.name;
    return {};
}

Object::Ptr PublicAgency(const std::vector<Agency>& agencies, std::int64_t id)
{
    Object::Ptr o = AgencyObject(agencies, id);
    o->remove("id");
    return o;
}

// The summary every citizen-facing document starts with; `o` gets code, status, procedure, agency and dates.
void SetPublicSummary(Object& o, const Dossier& dossier, const Procedure& procedure,
                      const std::vector<Agency>& agencies)
{
    o.set("code", dossier.code);
    o.set("status", static_cast<int>(dossier.status));
    o.set("statusName", std::string(VietnameseName(dossier.status)));
    Object::Ptr p = NewObject();
    p->set("code", procedure.code);
    p->set("name", procedure.name);
    o.set("procedure", p);
    o.set("receivingAgency", PublicAgency(agencies, dossier.receivingAgencyId));
    o.set("receivedAt", OptionalTime(dossier.receivedAt));
    o.set("appointmentAt", OptionalTime(dossier.dueAt));
}

}  // namespace

Object::Ptr DossierJson::CitizenStatus(const CitizenParts& parts)
{
    const Dossier& dossier = parts.dossier;
    Object::Ptr o = NewObject();
    SetPublicSummary(*o, dossier, parts.procedure, parts.agencies);
    o->set("submittedAt", FormatIso8601(dossier.submittedAt));
    o->set("handlingAgency", PublicAgency(parts.agencies, dossier.handlingAgencyId));

    // What is missing: the open request's notice (the desk's or the handler's), and when the 15 days run out.
    Poco::Dynamic::Var supplement;
    if (dossier.status == NationalStatus::SupplementRequested) {
        const auto h = std::find_if(parts.history.rbegin(), parts.history.rend(),
                                    [](const auto& e) { return e.action == Action::RequestSupplement; });
        if (h != parts.history.rend()) {
            Object::Ptr request = NewObject();
            request->set("requestedAt", FormatIso8601(h->at));
            request->set("missing", h->note);
            request->set("supplyBy", FormatIso8601(h->at + DossierActions::kSupplementWait));
            supplement = request;
        }
    }
    o->set("supplementRequest", supplement);
    const bool decided = dossier.status == NationalStatus::ResultReady || dossier.status == NationalStatus::Returned;
    o->set("outcome", decided && dossier.outcome != Outcome::None
                          ? Poco::Dynamic::Var(std::string(motcua::ToString(dossier.outcome)))
                          : Poco::Dynamic::Var());
    o->set("refusalReasons", decided && dossier.outcome == Outcome::Refuse ? Poco::Dynamic::Var(dossier.outcomeNote)
                                                                           : Poco::Dynamic::Var());

    Array::Ptr actions = new Array;
    for (const std::string& action : parts.actions)
        actions->add(action);
    o->set("actions", actions);
    const std::string self = "/citizen/v1/dossiers/" + dossier.code;
    o->set("receipt", parts.hasReceipt ? Poco::Dynamic::Var(self + "/receipt") : Poco::Dynamic::Var());
    o->set("result", parts.hasResult ? Poco::Dynamic::Var(self + "/result") : Poco::Dynamic::Var());
    o->set("rating",
           parts.rating ? Poco::Dynamic::Var(RatingObject(dossier.code, *parts.rating)) : Poco::Dynamic::Var());

    Array::Ptr events = new Array;
    for (const pg::HistoryRow& h : parts.history) {
        const PublicEvent* shown = FindPublicEvent(h.action);
        if (!shown)
            continue;
        Object::Ptr e = NewObject();
        e->set("at", FormatIso8601(h.at));
        e->set("action", std::string(motcua::ToString(h.action)));
        e->set("status", static_cast<int>(h.to.status));
        e->set("statusName", std::string(VietnameseName(h.to.status)));
        e->set("agency", AgencyName(parts.agencies, h.toAgencyId));
        e->set("note", shown->publicNote && !h.note.empty() ? Poco::Dynamic::Var(h.note) : Poco::Dynamic::Var());
        events->add(e);
    }
    o->set("history", events);
    return o;
}

Object::Ptr DossierJson::PublicStatus(const Dossier& dossier, const Procedure& procedure,
                                      const std::vector<Agency>& agencies)
{
    Object::Ptr o = NewObject();
    SetPublicSummary(*o, dossier, procedure, agencies);
    return o;
}

Object::Ptr DossierJson::ProcedureItem(const Procedure& procedure)
{
    Object::Ptr o = NewObject();
    o->set("code", procedure.code);
    o->set("name", procedure.name);
    o->set("sector", procedure.sector);
    o->set("competentLevel", std::string(motcua::ToString(procedure.competentLevel)));
    Object::Ptr time = NewObject();
    time->set("value", procedure.processingTime);
    time->set("unit", std::string(motcua::ToString(procedure.processingUnit)));
    o->set("processingTime", time);
    o->set("feeVnd", procedure.feeVnd);
    o->set("resultType", procedure.resultType);
    o->set("online", procedure.online);
    o->set("requiredDocuments", RequiredDocumentsArray(procedure));
    Array::Ptr fields = new Array;
    for (const FormField& f : procedure.formFields) {
        Object::Ptr item = NewObject();
        item->set("key", f.key);
        item->set("label", f.label);
        item->set("type", std::string(motcua::ToString(f.type)));
        item->set("required", f.required);
        fields->add(item);
    }
    o->set("formFields", fields);
    return o;
}

Object::Ptr DossierJson::RatingObject(const std::string& dossierCode, const CitizenRating& rating)
{
    Object::Ptr o = NewObject();
    o->set("code", dossierCode);
    o->set("ratedAt", FormatIso8601(rating.ratedAt));
    Object::Ptr scores = NewObject();
    for (std::size_t i = 0; i < kRatingIndicatorCount; ++i)
        scores->set(kRatingIndicators[i].key, rating.scores[i]);
    o->set("scores", scores);
    o->set("comment", rating.comment);
    return o;
}

std::string DossierJson::ToString(const Object::Ptr& object)
{
    std::ostringstream out;
    object->stringify(out);
    return out.str();
}

HttpResponse DossierJson::Download(const std::string& dossierCode, const pg::StoredOutput& output,
                                   const std::string& suffix)
{
    HttpResponse response = HttpResponse::Binary(output.mediaType, output.bytes);
    const std::string form = output.kind == OutputKind::Result ? std::string("ket-qua") : FormNumber(output.kind);
    response.headers.emplace_back("Content-Disposition",
                                  "inline; filename=\"" + dossierCode + "-" + form + suffix + ".pdf\"");
    return response;
}

}  // namespace motcua::server
