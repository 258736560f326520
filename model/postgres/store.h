// The server's only door to PostgreSQL: typed repository calls, each in its own transaction, SQLSTATE → motcua::Error.
#pragma once

#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "model/agency.h"
#include "model/attachment.h"
#include "model/audit.h"
#include "model/citizen_rating.h"
#include "model/delegation.h"
#include "model/dossier.h"
#include "model/dossier_code.h"
#include "model/error.h"
#include "model/inbox.h"
#include "model/kpi.h"
#include "model/postgres/access_scope.h"
#include "model/procedure.h"
#include "model/search_key.h"
#include "model/staff.h"
#include "model/work_queue.h"
#include "model/workflow.h"

namespace motcua::pg {

class ConnectionPool;  // SOCI sessions; defined in the .cpp so SOCI stays inside model/postgres

// What signing in checks; only the session service sees it, everything after sign-in holds a StaffMember.
struct StaffCredentials {
    StaffMember member;
    std::string passwordHash;  // "scrypt$N$r$p$salt_b64$hash_b64" (made and checked by the server)
    bool active = true;
};

struct SessionInfo {
    std::int64_t staffId = 0;
    Instant expiresAt{};
    Instant lastSeenAt{};  // the last request it served, to within a minute (the server writes it that often)
};

// The failed sign-ins in a row under one username as typed (known or not), and the lock the server set on it.
struct LoginThrottle {
    int failures = 0;
    std::optional<Instant> lockedUntil;
};

// A staff member's second factor: the sealed secrets (SecretBox) and the step of the last code accepted.
struct TotpRecord {
    std::vector<std::uint8_t> secret;   // confirmed; empty: sign-in asks for no code
    std::vector<std::uint8_t> pending;  // being enrolled; empty when none
    std::int64_t lastStep = 0;
};

// Keyset cursor of the inbox: the (dueAt, id) of the last row seen; rows without dueAt sort last.
struct InboxCursor {
    std::optional<Instant> dueAt;
    std::int64_t id = 0;
};

struct InboxPage {
    std::vector<InboxRow> rows;
    std::optional<InboxCursor> next;  // empty on the last page
};

// Keyset cursor of a work queue: the sort key of the last row seen and its id. The key is whole epoch seconds or
// "Infinity" (no time: last) for the due and received orders, the dossier's code for the code order.
struct QueueCursor {
    std::string key;
    std::int64_t id = 0;
};

struct QueuePageRequest {
    WorkQueue queue = WorkQueue::Mine;
    QueueSort sort = QueueSort::Due;
    bool descending = false;
    std::optional<QueueCursor> after;
    int limit = 50;
};

struct QueuePage {
    std::vector<InboxRow> rows;
    std::optional<QueueCursor> next;  // empty on the last page
};

// A queue's size as the navigation pane shows it; `count` stops at the cap asked for (`capped` then true).
struct QueueCount {
    WorkQueue queue = WorkQueue::Mine;
    long long count = 0;
    long long overdue = 0;
    bool capped = false;
};

// What the search box asks: the key (model/search_key.h; none: the filters alone) and the filters; the agency is the
// scope.
struct DossierSearch {
    std::int64_t agencyId = 0;
    std::optional<SearchKey> key;
    std::optional<NationalStatus> status;
    std::optional<std::int64_t> procedureId;
    std::optional<Instant> submittedFrom;  // inclusive
    std::optional<Instant> submittedTo;    // exclusive
    std::optional<std::int64_t> afterId;   // newest first: the id of the last row seen
    int limit = 50;
    // Up to this many names of the dictionary match the words: their dossiers by equality; more: a scan of the
    // agency's dossiers newest first, where matches are dense (tests set 0 to take that path).
    long long namesForEquality = 2000;
};

struct SearchPage {
    std::vector<InboxRow> rows;
    std::optional<std::int64_t> next;  // the afterId of the next page; empty on the last page
};

// The dossiers behind one count of the KPIs (GET /staff/v1/kpis/dossiers): the count by its name (kpi.h,
// kKpiCounts), the period and the agencies as Store::Kpis takes them, optionally one procedure; newest first, after
// the id of the last row seen.
struct KpiDossierQuery {
    std::string count;
    KpiPeriod period;
    std::vector<std::int64_t> agencyIds;
    std::optional<std::int64_t> procedureId;
    std::optional<std::int64_t> afterId;
    int limit = 50;
    // false: the caller takes the total from the figure (Store::Kpis), which the summary answers in milliseconds where
    // counting a province's year in kpi_dossier takes seconds; the page's total is then 0.
    bool countTotal = true;
};

struct KpiDossierPage {
    std::vector<std::int64_t> ids;  // at most `limit`, newest first
    bool more = false;              // further ids follow the last one
    std::int64_t total = 0;         // every id of the count, whatever the cursor
};

// One history event as read back: also a hand-over, when the holding agency or person changed (form 06).
struct HistoryRow {
    Instant at{};
    Action action = Action::Submit;
    Role role = Role::Citizen;
    std::optional<std::int64_t> staffId;
    std::optional<std::string> staffName;
    std::optional<std::string> onBehalfOfName;  // the delegator, for an act under a delegation of approval
    WorkflowState from;
    WorkflowState to;
    std::string note;
    std::optional<std::int64_t> fromAgencyId;  // empty for events written before hand-overs were recorded
    std::optional<std::int64_t> toAgencyId;
    std::optional<std::string> toStaffName;  // who holds the dossier after the event
    std::optional<Instant> stageDueAt;       // deadline of the stage this event closed
};

// Who changed a dossier last and when: what a colleague whose version is stale is told.
struct ChangeStamp {
    std::optional<std::string> staffName;  // empty for the citizen or the server itself
    Role role = Role::Citizen;
    Instant at{};
};
// Error(Conflict) naming who changed the dossier and when, for a client that sent version `sent`.
Error StaleVersionError(const ChangeStamp& last, int current, int sent);

// Liên thông in parallel: a consultation the step opens (asking `agencyId` for its part) or answers (as `agencyId`).
struct ConsultationChange {
    enum class Kind { Open, Answer } kind = Kind::Open;
    std::int64_t agencyId = 0;
    std::optional<Instant> dueAt;  // Open: the consulted agency's own deadline
    std::string answer;            // Answer: the agency's opinion
};

// One consultation of a dossier, as the detail shows it.
struct Consultation {
    std::int64_t id = 0;
    std::int64_t agencyId = 0;
    std::int64_t leadAgencyId = 0;
    Instant requestedAt{};
    std::optional<Instant> dueAt;
    std::optional<Instant> answeredAt;
    std::optional<std::string> answeredBy;
    std::string answer;
};

// What an accepted transition changes besides the state; empty optionals leave a column as it is.
struct DossierChange {
    std::optional<Instant> receivedAt;
    std::optional<Instant> dueAt;
    std::optional<std::int64_t> assignedStaffId;
    bool unassign = false;  // the dossier leaves its handler (forwarded, back at the desk)
    std::optional<std::int64_t> handlingAgencyId;
    std::optional<Instant> forwardDueAt;
    std::optional<Instant> clockStartedAt;
    std::optional<Instant> originalDueAt;
    std::optional<Outcome> outcome;
    std::optional<std::string> outcomeNote;
    bool countSupplementAfterAppraisal = false;
    bool takeRegisterNumber = false;  // the next number of the receiving agency's register for the local year
    std::optional<ConsultationChange> consultation;
    std::vector<SubmittedDocument> addedDocuments;  // a supplement's documents, listed after the dossier's own
};

struct StoredOutput {
    OutputKind kind = OutputKind::Receipt;
    std::vector<std::uint8_t> bytes;
    std::string mediaType = "application/pdf";
    // The register of issued documents: set for documents that carry an identifier (results).
    std::string identifier{};
    std::optional<std::int64_t> agencyId{};
    std::string signerName{};
    std::string documentNumber{};  // the issuing agency's number for it (results), empty for forms
};

// A document of the register as the public verification page shows it: no personal data.
struct IssuedDocument {
    std::string identifier;
    OutputKind kind = OutputKind::Result;
    std::string dossierCode;
    std::string procedureName;
    std::string agencyName;
    std::string signerName;
    Instant issuedAt{};
    std::string sha256Hex;
    std::optional<Instant> revokedAt;
    std::string revokedReason;
    std::string documentNumber;  // empty for documents issued before numbers (migration 0015)
};

// A key the server signs with, as stored: its PKCS#12 file and the password sealed under the server's key.
struct StoredSigningKey {
    std::int64_t id = 0;
    std::int64_t agencyId = 0;
    std::vector<std::uint8_t> pkcs12;
    std::vector<std::uint8_t> sealedPassword;
    std::string subject;  // the certificate's, RFC 2253
    Instant notAfter{};
};

// An output as listed: no bytes.
struct OutputInfo {
    std::int64_t id = 0;
    std::int64_t dossierId = 0;
    OutputKind kind = OutputKind::Receipt;
    Instant createdAt{};
    std::string sha256Hex;
    std::string mediaType;
};

// What the documents of a transition are printed from, inside its transaction: the dossier as it now stands and,
// on demand, its history with the new event (for the control sheet).
struct TransitionOutcome {
    const Dossier& dossier;
    std::function<std::vector<HistoryRow>()> history;
    // The next number of the agency's documents of the year (1, 2, …), taken in this transaction: a step that rolls
    // back gives its number back, so the book has no gaps.
    std::function<int(std::int64_t agencyId, int year)> nextDocumentNumber;
};

// One transition to apply: the row of the table, who, when, what else changes, and the documents it issues.
struct TransitionRequest {
    std::int64_t dossierId = 0;
    int expectedVersion = 0;
    const Transition* transition = nullptr;
    std::optional<std::int64_t> staffId;
    std::optional<std::int64_t> onBehalfOf;  // the delegator, when staffId acts under a delegation of approval
    Instant now{};
    DossierChange change;
    std::string note;
    std::optional<Instant> stageDueAt;  // the deadline of the stage this step closes, for the hand-over row
    // The hand-over's agencies when they are not the holder before and after (a consultation goes to another agency
    // and its answer comes back while the lead keeps the dossier).
    std::optional<std::int64_t> handOverFromAgencyId;
    std::optional<std::int64_t> handOverToAgencyId;
    // Called inside the transaction with the dossier as it now stands (register number included), so that a form
    // prints what was stored; a failure rolls everything back.
    std::function<std::vector<StoredOutput>(const TransitionOutcome&)> outputs;
};

// One line of the register (form 07), as the book lists it.
struct RegisterLine {
    int number = 0;
    std::string dossierCode;
    std::string procedureName;
    std::string applicantName;
    std::string applicantAddress;
    std::string applicantPhone;
    std::optional<Instant> receivedAt;
    std::optional<Instant> dueAt;
    std::optional<Instant> resultReadyAt;
    std::optional<Instant> returnedAt;
    std::optional<std::string> receivingOfficer;
    NationalStatus status = NationalStatus::Received;
};

// A system registered to call the citizen API; its secret travels only sealed (server/usecases/secret_box.h).
struct ApiClient {
    std::int64_t id = 0;
    std::string code;  // the X-MotCua-Client header
    std::string name;
    std::vector<std::uint8_t> sealedSecret;
    std::string callbackUrl;  // where the outbox posts its events; empty: none
    bool active = true;
};

// One change of a dossier filed by a client system, claimed for delivery to that client's callback URL.
struct OutboxEvent {
    std::int64_t id = 0;  // the payload's eventId; grows with the changes of each dossier
    std::int64_t dossierId = 0;
    std::string dossierCode;
    NationalStatus status = NationalStatus::New;
    SubState subState = SubState::None;
    int version = 0;
    std::optional<Instant> appointmentAt;
    Instant at{};      // when the change happened
    int attempts = 0;  // failed attempts so far
    ApiClient client;  // who filed the dossier: its code, callback URL and sealed secret
};

// The outbox's retry policy: the n-th failure (n ≥ 1) waits kOutboxFirstRetry·2^(n-1), at most kOutboxMaxRetry; a
// failure of an event older than kOutboxParkAfter parks it (no more attempts; counted in OutboxBacklog).
inline constexpr std::chrono::seconds kOutboxFirstRetry{1};
inline constexpr std::chrono::seconds kOutboxMaxRetry{600};
inline constexpr std::chrono::hours kOutboxParkAfter{24};

struct OutboxCounts {
    long long pending = 0;  // neither delivered nor parked
    long long parked = 0;
};

// The first answer to an idempotent write, replayed to its retries.
struct IdempotentAnswer {
    int status = 0;
    std::string contentType;
    std::string body;
    std::string location;  // the Location header, empty when none
};

// The first answer to an idempotent submission, stored by the statement that creates its dossier (Store::CreateDossier)
// under a key claimed earlier in the transaction: in `answer`'s body and location, the text "{id}" stands for the new
// dossier's id and "{code}" for its code, as they are (no escaping: the caller makes sure that the code needs none
// where it stands).
struct AnswerTemplate {
    std::int64_t clientId = 0;
    std::string key;
    IdempotentAnswer answer;

    static constexpr const char* kId = "{id}";
    static constexpr const char* kCode = "{code}";
    // The text of `answer`'s body or location once filled, as the statement fills it.
    static std::string Fill(const std::string& text, std::int64_t id, const std::string& code);
};

// Whether a write ends the transaction it joins (Store::InOneTransaction). Commit sends its last statement together
// with the COMMIT (PreparedStatement::RunAndCommit), so that a lock the statement takes is released without a round
// trip to this process: nothing may follow it in that transaction. A write outside any joined transaction is its own
// transaction and always ends it so.
enum class Finish { KeepOpen, Commit };

// An Idempotency-Key to claim for a signed write: whose, and the SHA-256 of the request it stands for.
struct KeyClaim {
    std::int64_t clientId = 0;
    std::string key;
    std::string requestSha256;
};

// What Store::RememberRequest found.
struct RequestCheck {
    bool fresh = false;                       // false: the signature was seen before (a replay); nothing claimed
    std::optional<IdempotentAnswer> earlier;  // the first answer, when the claimed key was used before
};

// One change of a dossier as the live updates tell it (change_event, written by a trigger at commit; migration 0009).
struct ChangeEvent {
    std::int64_t id = 0;
    std::uint64_t xid = 0;  // the writing transaction (pg_current_xact_id)
    std::int64_t dossierId = 0;
    std::string code;
    int version = 0;
    std::optional<Action> action;  // empty when the change wrote no history (a hand-made fix)
    NationalStatus status = NationalStatus::New;
    std::vector<std::int64_t> agencyIds;   // receiving and handling, before and after; no repeats
    std::vector<std::string> agencyCodes;  // the same agencies' codes, sorted
    Instant at{};
};

// Where a reader of change events stands: every event up to (xid, id) in that order has been read.
struct ChangeCursor {
    std::uint64_t xid = 0;
    std::int64_t id = 0;
};

struct ChangeBatch {
    std::vector<ChangeEvent> events;  // after the cursor in (xid, id) order, without the skipped ids
    // Every transaction below this xid had ended before the events were read: the events of those transactions are
    // final, and a cursor may move past them. Later ones may still commit events with smaller ids.
    std::uint64_t settledBelow = 0;
};

class ChangeListener;  // change_listener.h

// The end of the audit chain as the sealer left it, and how many rows wait to be sealed.
struct AuditHead {
    std::int64_t seq = 0;
    std::string chainHashHex;  // empty before the first row
    long long unsealed = 0;
};

class Store {
public:
    // `conninfo` is a libpq connection string for the application role (not the table owner). Opens one connection
    // at once (Error(Environment) if the database is unreachable), the others on demand up to `poolSize`; a call
    // waits up to `checkoutTimeout` for a free connection, then fails with Error(Environment).
    explicit Store(const std::string& conninfo, std::size_t poolSize = 4,
                   std::chrono::milliseconds checkoutTimeout = std::chrono::seconds(10));
    ~Store();
    Store(const Store&) = delete;
    Store& operator=(const Store&) = delete;

    // A round trip to the database (readiness probes); Error(Environment) when it cannot be reached.
    void Ping();
    // The row-level security scope (access_scope.h) of transactions on threads without a ScopedAccess: None unless
    // set, so that such a transaction sees no dossier. Seeding, IT's tools and the server's own jobs set All. Call
    // before the store is shared between threads.
    void SetDefaultScope(AccessScope scope);

    // --- catalogue ---
    std::vector<Agency> LoadAgencies();
    std::optional<Agency> FindAgencyByCode(const std::string& code);
    std::optional<Procedure> FindProcedureByCode(const std::string& code);
    Procedure GetProcedure(std::int64_t id);  // throws NotFound
    std::vector<Procedure> LoadProcedures();

    // --- dossiers ---
    // In one transaction: takes the next code of (receiving agency, local receipt date) from a per-day counter row
    // held until commit (no gap, no duplicate), inserts the dossier, its form payload, its documents, its
    // attachments (numbered 1, 2, … in the order given, with the SHA-256 of their bytes) and the Submit history
    // event; and with `answer`, the answer of the idempotent request it creates (in the same statement as the code, so
    // that nothing but the commit follows the counter, sent with it: `finish`). Returns the dossier with id, code
    // and version filled in.
    Dossier CreateDossier(Dossier dossier, const std::string& receivingAgencyCode, const DossierCodeFormat& format,
                          Instant now, const std::vector<Attachment>& attachments = {},
                          const std::optional<AnswerTemplate>& answer = std::nullopt, Finish finish = Finish::KeepOpen);
    std::optional<Dossier> FindDossier(std::int64_t id);  // includes form data, documents, pauses
    std::optional<Dossier> FindDossierByCode(const std::string& code);
    // Open dossiers (IsOpen) whose handling agency is `agencyId`, ordered by dueAt (nulls last), id.
    InboxPage Inbox(std::int64_t agencyId, const std::optional<InboxCursor>& after, int limit);
    // A page of a work queue (model/work_queue.h) as `viewer` sees it, read by keyset through the queue's partial
    // index; BadInput (field "limit") outside 1..500.
    QueuePage Queue(const QueuePageRequest& request, const QueueViewer& viewer);
    // Every queue's size and overdue dossiers in kWorkQueueNames order; a count above `cap` is given as `cap`.
    std::vector<QueueCount> QueueCounts(const QueueViewer& viewer, long long cap);
    // Dossiers of the search's agency matching its key and filters, newest first; BadInput (field "limit")
    // outside 1..500.
    SearchPage SearchDossiers(const DossierSearch& search);
    // The list rows of these dossiers (those the thread's scope sees), newest first: a list made elsewhere (the
    // dossiers behind a KPI figure).
    std::vector<InboxRow> ListedDossiers(const std::vector<std::int64_t>& ids);
    // In one transaction: locks the row; NotFound when it is gone, StaleVersionError when its version is not the
    // expected one, NotAllowed when it is no longer in the transition's `from` state; then applies the state and
    // the change, bumps the version, opens or closes a pause, writes the history event with the hand-over (agency
    // and person before and after), and stores the outputs. Returns the dossier as it now stands.
    Dossier ApplyTransition(const TransitionRequest& request);
    // CreateDossier and then ApplyTransition(accept) in one transaction (the desk's paper intake): both or neither.
    // `accept.dossierId` and `expectedVersion` are filled in here.
    Dossier CreateAccepted(Dossier dossier, const std::string& receivingAgencyCode, const DossierCodeFormat& format,
                           TransitionRequest accept);
    std::optional<ChangeStamp> LastChange(std::int64_t dossierId);
    // Who made the dossier's latest result proposal (the two-person rule), if anyone did.
    std::optional<std::int64_t> ResultProposer(std::int64_t dossierId);
    std::vector<HistoryRow> History(std::int64_t dossierId);
    std::optional<StoredOutput> LoadOutput(std::int64_t dossierId, OutputKind kind);  // the latest of its kind
    std::vector<OutputInfo> Outputs(std::int64_t dossierId);                          // oldest first
    // An output by its id with the id of its dossier (for the caller's scope check); empty when unknown.
    std::optional<std::pair<OutputInfo, StoredOutput>> LoadOutputById(std::int64_t outputId);
    // The register of issued documents, by the identifier printed on the document (store_documents.cpp).
    std::optional<IssuedDocument> FindIssuedDocument(const std::string& identifier);
    // Replaces an output's bytes with a version signed elsewhere, if they are still those with `expectedSha256Hex`
    // (false otherwise: someone replaced them first). The register keeps its identifier and signer.
    bool ReplaceOutputBytes(std::int64_t outputId, const std::string& expectedSha256Hex,
                            const std::vector<std::uint8_t>& bytes);
    // The issued document whose bytes have this SHA-256 (64 lowercase hex digits), if any.
    std::optional<IssuedDocument> FindIssuedDocumentBySha256(const std::string& sha256Hex);
    // The current key of every agency that has one.
    std::vector<StoredSigningKey> CurrentSigningKeys();
    // Retires the agency's current key, if any, and makes this one current; returns its id.
    std::int64_t SaveSigningKey(const StoredSigningKey& key);
    // The trusted root certificates (DER), oldest first.
    std::vector<std::vector<std::uint8_t>> TrustAnchors();
    // Adds a root certificate; false when it was trusted already.
    bool AddTrustAnchor(const std::vector<std::uint8_t>& certificateDer, const std::string& subject);
    // Dossiers waiting for a supplement whose open pause started before `startedBefore`, oldest first.
    std::vector<std::int64_t> AwaitingSupplementSince(Instant startedBefore, int limit);
    std::vector<AttachmentInfo> Attachments(std::int64_t dossierId);  // by position
    // The attachment at `position` (1, 2, …) of the dossier with its bytes, empty when there is none. The bytes are
    // hashed again as read: when they no longer match the SHA-256 taken when they were stored, Error(Internal)
    // "stored attachment is damaged" and nothing is served.
    std::optional<std::pair<AttachmentInfo, std::vector<std::uint8_t>>> LoadAttachment(std::int64_t dossierId,
                                                                                       int position);
    std::vector<Consultation> Consultations(std::int64_t dossierId);  // oldest first
    // Whether `agencyId` was ever consulted about the dossier: it may then read it, for its part.
    bool WasConsulted(std::int64_t dossierId, std::int64_t agencyId);
    // The dossiers `agencyId` has been asked about and not yet answered, oldest request first.
    std::vector<std::int64_t> OpenConsultationsOf(std::int64_t agencyId, int limit);
    // KPIs (store_kpis.cpp, issue 9): the facts of every dossier that counts for `period` and the agencies (its
    // answerable agency or, for the intake answer, its receiving desk is one of them; the caller expands a subtree),
    // in id order, with their pauses. ComputeKpis over them gives the figures. Both read under the thread's scope
    // (row-level security): an agency scope does not see the dossiers its agencies decided once the result went back
    // to another receiving desk (art. 20.1), so a caller that has checked the subtree reads with AccessScope::All(),
    // `agencyIds` doing the selecting.
    std::vector<DossierFacts> LoadKpiFacts(const KpiPeriod& period, const std::vector<std::int64_t>& agencyIds);
    // The same figures as ComputeKpis(LoadKpiFacts(…)), read from the KPI summary (migration 0022) when `period`
    // runs from a local midnight to a local midnight (at `calendar`'s offset) and `agencyIds` are whole subtrees, as
    // the dashboard asks; otherwise counted as KpisNaive does. The summary is first brought to `calendar`
    // (SyncKpiCalendar).
    KpiSummary Kpis(const KpiPeriod& period, const std::vector<std::int64_t>& agencyIds,
                    const WorkingCalendar& calendar);
    // One page of the dossiers the count named in `query` counts, read from the summary's kpi_dossier (one judged row
    // per dossier, migration 0022) with that count's rule in SQL, so that a province-wide year reads one page and a
    // count rather than every dossier's facts: exactly the ids whose DossierKpis(LoadKpiFacts(…)) is not zero there.
    // Answers only where Kpis reads the summary (a period from a local midnight to a local midnight at `calendar`'s
    // offset, whole subtrees): empty otherwise, the caller then counting from the facts. Throws Internal for a name
    // that is no count. Reads past row-level security as LoadKpiFacts does (AccessScope::All()).
    std::optional<KpiDossierPage> KpiDossiers(const KpiDossierQuery& query, const WorkingCalendar& calendar);
    // The same figures counted by PostgreSQL in one statement: a GROUP BY over the dossier table and its history,
    // working time from `calendar`'s periods, days off and offset (the summary's reference, and the bench's).
    KpiSummary KpisNaive(const KpiPeriod& period, const std::vector<std::int64_t>& agencyIds,
                         const WorkingCalendar& calendar);
    // Makes the KPI summary count with `calendar`: when it was computed with another one (other hours, days off or
    // offset), it is recomputed for every dossier (long at millions of dossiers: motcua-server does it at start).
    // Returns whether it was.
    bool SyncKpiCalendar(const WorkingCalendar& calendar);
    // The register (form 07) of a receiving agency for a year, by number.
    std::vector<RegisterLine> Register(std::int64_t agencyId, int year);

    // --- the citizen's rating (one per dossier) ---
    // Stores the rating; false, with nothing written, when the dossier was rated before.
    bool SaveRating(const CitizenRating& rating, std::optional<std::int64_t> clientId);
    std::optional<CitizenRating> FindRating(std::int64_t dossierId);

    // Runs `work` in one transaction: every Store call it makes on this thread joins it, and all of them commit
    // together when `work` returns, or none when it throws.
    void InOneTransaction(const std::function<void()>& work);

    // --- the audit trail (migration 0018; acts are recorded by a trigger on their history rows) ---
    // Records that the transaction's actor (access_scope.h) opened a dossier, or one of its documents or
    // attachments: `action` is "open.dossier", "open.document" or "open.attachment". Nothing is written for a
    // thread that stated no actor.
    void RecordOpening(const std::string& action, std::int64_t dossierId, std::optional<std::int64_t> documentId,
                       const std::string& detail, Instant at);
    // Records an act that leaves no history row (a document signed at the desk; without a dossier, an
    // administrator's act on a staff account), durably, in the caller's transaction when there is one
    // (InOneTransaction).
    void RecordAct(const std::string& action, std::optional<std::int64_t> dossierId,
                   std::optional<std::int64_t> documentId, const std::string& detail, Instant at);
    // Chains up to `limit` committed rows not chained yet, oldest first; returns how many (the server's job).
    int SealAudit(int limit);
    // Refuses a database whose schema is not the one this program was built for (Environment): behind (run
    // `motcua-server migrate`), ahead (migrated by a newer program), or never migrated. `serve` checks it at start,
    // before any request can meet a missing table or column.
    void RequireCurrentSchema();
    AuditHead LoadAuditHead();
    // Up to `limit` sealed rows after chain position `afterSeq`, in chain order (audit verify).
    std::vector<AuditRecord> AuditRecordsAfter(std::int64_t afterSeq, int limit);
    // A dossier's trail for people, oldest first, with names.
    std::vector<AuditEntry> AuditTrail(std::int64_t dossierId);

    // --- the citizen door ---
    std::optional<ApiClient> FindApiClient(const std::string& code);
    // Inserts the client, or updates the one with its code; returns its id.
    std::int64_t SaveApiClient(const ApiClient& client);
    // Records a signature accepted at `at`; false when it was seen before (a replay). Not durable at once: after a
    // crash of the database the last few may be forgotten (a replay of a write still meets its idempotency key).
    bool RememberSignature(const std::string& signature, Instant at);
    void SaveIdempotentAnswer(std::int64_t clientId, const std::string& key, const IdempotentAnswer& answer);
    // RememberSignature and, for a fresh signature, claims `claim`'s key for its request hash (method, target, citizen
    // and body) inside InOneTransaction, in one statement: a signed write's checks cost one round trip. `earlier` is
    // the first answer when the same request was made before (empty on a first use: the caller writes, then
    // SaveIdempotentAnswer in the same transaction); Error(Conflict) when the key was used for another request. A
    // retry sent while the first is still running waits for it.
    RequestCheck RememberRequest(const std::string& signature, Instant at, const std::optional<KeyClaim>& claim);
    // Housekeeping: forgets signatures seen before `signaturesBefore` and answers made before `answersBefore`.
    void ForgetOldRequests(Instant signaturesBefore, Instant answersBefore);

    // --- the outbox (events written by a trigger on dossier; migration 0006) ---
    // Locks and returns up to `limit` events due at `now`, oldest first, skipping rows another dispatcher holds
    // (FOR UPDATE SKIP LOCKED). Only the oldest pending event of each dossier is eligible, so a dossier's changes go
    // out in order. Must run inside InOneTransaction (Error(Internal) otherwise): the row locks last until the
    // caller has sent the events and recorded each outcome with the calls below, so no other process sends them
    // meanwhile.
    std::vector<OutboxEvent> ClaimOutboxEvents(Instant now, int limit);
    // `deliveredTo`: the URL that answered 2xx, or "" for a client without one (the event is settled unsent).
    void MarkOutboxDelivered(std::int64_t eventId, const std::string& deliveredTo, Instant now);
    // Counts a failed attempt and schedules the next one (kOutboxFirstRetry…), or parks the event when it is older
    // than kOutboxParkAfter; returns true when it was parked.
    bool RecordOutboxFailure(std::int64_t eventId, const std::string& error, Instant now);
    OutboxCounts OutboxBacklog();
    // Housekeeping: deletes the events delivered before `before` (parked ones stay for the operators).
    void ForgetDeliveredOutboxEvents(Instant before);

    // --- change events (migration 0009) ---
    // A cursor at the present: events of transactions running now are still read after it.
    ChangeCursor ChangeEventsNow();
    // Up to `limit` events after `after` except the ids in `skip` (those read before their transaction settled).
    ChangeBatch ReadChangeEvents(const ChangeCursor& after, const std::vector<std::int64_t>& skip, int limit);
    // Housekeeping: deletes the events written before `before`.
    void ForgetChangeEvents(Instant before);
    // A connection of its own that listens for kChangeChannel (change_listener.h); Error(Environment) when the
    // database cannot be reached.
    std::unique_ptr<ChangeListener> ListenForChanges();

    // --- staff and sessions ---
    std::optional<StaffCredentials> FindStaffByUsername(const std::string& username);
    std::optional<StaffMember> FindActiveStaffById(std::int64_t id);  // empty for an unknown or disabled account
    // The active staff of an agency, by full name (the desk's "assign to" list).
    std::vector<StaffMember> ActiveStaffOfAgency(std::int64_t agencyId);
    // Only a hash of the token is stored, so a leaked table does not leak sessions. `now` is its first last-seen.
    void CreateSession(const std::string& tokenHash, std::int64_t staffId, Instant expiresAt, Instant now);
    std::optional<SessionInfo> FindSession(const std::string& tokenHash, Instant now);  // empty when expired
    void DeleteSession(const std::string& tokenHash);
    // Records that the session served a request at `now`.
    void TouchSession(const std::string& tokenHash, Instant now);
    // Deletes every session of the staff member (an administrator's revocation); returns how many there were.
    long long DeleteSessionsOf(std::int64_t staffId);
    // Housekeeping: deletes the sessions expired at `now` and those not seen since `idleBefore`.
    long long ForgetStaleSessions(Instant now, Instant idleBefore);
    // Any staff member by id, active or not (an administrator's routes); empty for an unknown id.
    std::optional<StaffMember> FindStaffById(std::int64_t id);

    // --- delegation of approval (migration 0021) ---
    // Stores a delegation the rules accepted (CheckNewDelegation) and records it in the audit trail; returns it as
    // stored, names included.
    Delegation AddDelegation(const Delegation& delegation);
    // The agency's delegations not revoked that have not ended before `day`, earliest first.
    std::vector<Delegation> CurrentDelegations(std::int64_t agencyId, Date day);
    std::optional<Delegation> FindDelegation(std::int64_t id);  // revoked ones included
    // Ends the delegation at `now`, as `staffId`, and records it; false when it was revoked already.
    bool RevokeDelegation(std::int64_t id, std::int64_t staffId, Instant now);
    // The delegation that lends `delegateId` a manager's decisions at `agencyId` on `day`: not revoked, covering the
    // day, from a delegator who is still an active manager of that agency; the oldest when several do.
    std::optional<Delegation> DelegationFor(std::int64_t delegateId, std::int64_t agencyId, Date day);

    // --- failed sign-ins (migration 0019); the server decides when to lock and for how long ---
    // The username's failures in a row and lock; zero failures when none are recorded.
    LoginThrottle FindLoginThrottle(const std::string& username);
    // Counts one more failure at `now` and returns the failures in a row, this one included (one statement, so
    // concurrent guesses are all counted).
    int CountLoginFailure(const std::string& username, Instant now);
    void LockLogin(const std::string& username, Instant until);
    // A successful sign-in or an administrator's unlock: the count starts again from zero.
    void ClearLoginFailures(const std::string& username);
    // Housekeeping: deletes the counts whose last failure was before `before` and whose lock is over at `now`.
    void ForgetLoginFailures(Instant before, Instant now);

    // --- second factor (migration 0019) ---
    std::optional<TotpRecord> FindTotp(std::int64_t staffId);
    // Stores a new secret being enrolled (the confirmed one, if any, stays in force until this one is confirmed).
    void SaveTotpPending(std::int64_t staffId, const std::vector<std::uint8_t>& sealed);
    // Makes the pending secret the confirmed one, `step` being the step of the code that confirmed it.
    void ConfirmTotp(std::int64_t staffId, std::int64_t step);
    // Records that the code of `step` was used; false when that step or a later one was used before (a replay), in
    // one statement so two requests with the same code cannot both pass.
    bool UseTotpStep(std::int64_t staffId, std::int64_t step);
    void DeleteTotp(std::int64_t staffId);

private:
    friend class Seeder;  // loads the demo and test catalogues over the same connections (seeder.h)

    void EnsureKpiCalendar(const WorkingCalendar& calendar);  // SyncKpiCalendar unless this Store did it already

    std::unique_ptr<ConnectionPool> m_pool;
    // The calendar this Store last brought the KPI summary to (SyncKpiCalendar): Kpis asks the database again only
    // when it is handed another one.
    std::mutex m_kpiCalendarMutex;
    std::string m_kpiCalendar;
};

// Applies the embedded, versioned migrations over `ownerConninfo` (a role that owns the schema), each in its own
// transaction, recorded in schema_migrations; re-running is a no-op. Creates the application role `appRole` if it
// does not exist (NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE, LOGIN) and grants it only DML on the tables and
// USAGE on the sequences. Returns the number of migrations applied now.
int Migrate(const std::string& ownerConninfo, const std::string& appRole = "motcua_app");

// Names and versions of the embedded migrations, in order.
std::vector<std::string> MigrationNames();

}  // namespace motcua::pg
