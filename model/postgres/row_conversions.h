// Private to model/postgres: the rows of the tables as model types (SOCI type_conversion), and the dossier's columns.
#pragma once

#include <concepts>
#include <cstdint>
#include <optional>
#include <string>
#include <type_traits>

#include <soci/values.h>

#include "model/agency.h"
#include "model/dossier.h"
#include "model/postgres/soci_conversions.h"
#include "model/postgres/sql_support.h"
#include "model/postgres/store.h"
#include "model/procedure.h"

namespace motcua::pg {

// How a field type travels. `Base` is what SOCI `values` holds, exactly (bigint ↔ long long, integer ↔ int: `values`
// insists on exact types); `kArrayType` the element type of a bulk array parameter; Write() the SQL that stores a
// bound operand in the column; Read() the SQL that selects the column as Base.
struct PlainColumn {
    static std::string Write(const std::string& operand) { return operand; }
    static std::string Read(const std::string& column) { return column; }
};

template <typename T>
struct ColumnType;

template <>
struct ColumnType<std::int64_t> : PlainColumn {
    using Base = long long;
    static constexpr const char* kArrayType = "bigint";
    static Base ToBase(std::int64_t v) { return v; }
    static std::int64_t FromBase(Base v) { return v; }
};

template <>
struct ColumnType<int> : PlainColumn {
    using Base = int;
    static constexpr const char* kArrayType = "integer";
    static Base ToBase(int v) { return v; }
    static int FromBase(Base v) { return v; }
};

template <>
struct ColumnType<std::string> : PlainColumn {
    using Base = std::string;
    static constexpr const char* kArrayType = "text";
    static const Base& ToBase(const std::string& v) { return v; }
    static std::string FromBase(Base v) { return v; }
};

// Enumerations are small integers in the database; their codes are the enumerators' values.
template <typename E>
requires std::is_enum_v<E>
struct ColumnType<E> {
    using Base = int;
    static constexpr const char* kArrayType = "integer";
    static std::string Write(const std::string& operand) { return operand; }
    static std::string Read(const std::string& column) { return "CAST(" + column + " AS integer)"; }
    static Base ToBase(E v) { return static_cast<int>(v); }
    static E FromBase(Base v)
    {
        if constexpr (std::same_as<E, NationalStatus>)
            return NationalStatusFromInt(v);  // the one enum whose codes are checked on the way in
        else
            return static_cast<E>(v);
    }
};

// Instants travel as epoch seconds (soci_conversions.h).
template <>
struct ColumnType<Instant> {
    using Base = Instant;
    static constexpr const char* kArrayType = "bigint";
    static std::string Write(const std::string& operand) { return "to_timestamp(" + operand + ")"; }
    static std::string Read(const std::string& column) { return Epoch(column); }
    static Base ToBase(Instant v) { return v; }
    static Instant FromBase(Base v) { return v; }
};

// Dates travel as days since 1970-01-01 (soci_conversions.h).
template <>
struct ColumnType<Date> {
    using Base = Date;
    static constexpr const char* kArrayType = "integer";
    static std::string Write(const std::string& operand)
    {
        return "DATE '1970-01-01' + CAST(" + operand + " AS integer)";
    }
    static std::string Read(const std::string& column) { return column + " - DATE '1970-01-01'"; }
    static Base ToBase(Date v) { return v; }
    static Date FromBase(Base v) { return v; }
};

// A nullable column of T.
template <typename T>
struct ColumnType<std::optional<T>> {
    using Inner = ColumnType<T>;
    using Base = std::optional<typename Inner::Base>;
    static constexpr const char* kArrayType = Inner::kArrayType;
    static std::string Write(const std::string& operand) { return Inner::Write(operand); }
    static std::string Read(const std::string& column) { return Inner::Read(column); }
    static Base ToBase(const std::optional<T>& v) { return v ? Base(Inner::ToBase(*v)) : Base(); }
    static std::optional<T> FromBase(const Base& v) { return v ? std::optional<T>(Inner::FromBase(*v)) : std::nullopt; }
};

template <typename Field>
using ColumnOf = ColumnType<std::remove_cvref_t<Field>>;

// The columns of table `dossier` that a Dossier holds, written once: each is its name and the field it maps to.
// Reading (the SELECT list and from_base), binding one row (to_base) and the arrays of a bulk load all come from
// here. `visit(name, field)` is called in column order, with `dossier` any Dossier (a temporary one where only the
// names and types matter). Not here: form_data, which lives in dossier_form, and updated_at, which no Dossier field
// holds.
template <typename D, typename Visit>
requires std::same_as<std::remove_cvref_t<D>, Dossier>
void ForEachDossierColumn(D&& dossier, Visit&& visit)
{
    visit("id", dossier.id);
    visit("code", dossier.code);
    visit("receiving_agency_id", dossier.receivingAgencyId);
    visit("handling_agency_id", dossier.handlingAgencyId);
    visit("procedure_id", dossier.procedureId);
    visit("channel", dossier.channel);
    visit("applicant_name", dossier.applicant.fullName);
    visit("citizen_id", dossier.applicant.citizenId);
    visit("date_of_birth", dossier.applicant.dateOfBirth);
    visit("phone", dossier.applicant.phone);
    visit("email", dossier.applicant.email);
    visit("address", dossier.applicant.address);
    visit("status", dossier.status);
    visit("sub_state", dossier.subState);
    visit("submitted_at", dossier.submittedAt);
    visit("received_at", dossier.receivedAt);
    visit("due_at", dossier.dueAt);
    visit("assigned_staff_id", dossier.assignedStaffId);
    visit("intake_due_at", dossier.intakeDueAt);
    visit("forward_due_at", dossier.forwardDueAt);
    visit("clock_started_at", dossier.clockStartedAt);
    visit("original_due_at", dossier.originalDueAt);
    visit("supplement_requests_after_appraisal", dossier.supplementRequestsAfterAppraisal);
    visit("outcome", dossier.outcome);
    visit("outcome_note", dossier.outcomeNote);
    visit("register_year", dossier.registerYear);
    visit("register_number", dossier.registerNumber);
    visit("client_id", dossier.clientId);
    visit("version", dossier.version);
}

}  // namespace motcua::pg

// Rows as model types, read by column name (SOCI `values`). Statements alias their columns to these names and cast
// them to the C++ types read here (bigint ↔ long long, integer ↔ int), since `values` insists on exact types.
namespace soci {

template <>
struct type_conversion<motcua::Agency> {
    using base_type = values;
    static void from_base(const values& v, indicator, motcua::Agency& a)
    {
        a.id = v.get<long long>("id");
        a.parentId = v.get<std::optional<long long>>("parent_id");
        a.code = v.get<std::string>("code");
        a.name = v.get<std::string>("name");
        a.level = static_cast<motcua::AgencyLevel>(v.get<int>("level"));
        a.clerksMayAssign = v.get<int>("clerks_may_assign") != 0;
    }
};

template <>
struct type_conversion<motcua::Procedure> {
    using base_type = values;
    static void from_base(const values& v, indicator, motcua::Procedure& p)
    {
        p.id = v.get<long long>("id");
        p.code = v.get<std::string>("code");
        p.name = v.get<std::string>("name");
        p.sector = v.get<std::string>("sector");
        p.competentLevel = static_cast<motcua::AgencyLevel>(v.get<int>("competent_level"));
        p.processingTime = v.get<int>("processing_time");
        p.processingUnit = static_cast<motcua::DurationUnit>(v.get<int>("processing_unit"));
        p.feeVnd = v.get<long long>("fee_vnd");
        p.resultType = v.get<std::string>("result_type");
        p.online = v.get<int>("online") != 0;
        p.resultTemplate = v.get<std::string>("result_template");
    }
};

template <>
struct type_conversion<motcua::pg::StaffCredentials> {
    using base_type = values;
    static void from_base(const values& v, indicator, motcua::pg::StaffCredentials& s)
    {
        s.member.id = v.get<long long>("id");
        s.member.username = v.get<std::string>("username");
        s.member.fullName = v.get<std::string>("full_name");
        s.member.role = static_cast<motcua::Role>(v.get<int>("role"));
        s.member.agencyId = v.get<long long>("agency_id");
        s.member.agencyName = v.get<std::string>("agency_name");
        s.member.position = v.get<std::string>("position");
        s.passwordHash = v.get<std::string>("password_hash");
        s.active = v.get<int>("active") != 0;
    }
};

// The dossier row both ways (SOCI's object-relational mapping): `into(dossier)` reads a row selected with
// pg::DossierSelect(), `use(dossier)` binds every column by name for pg::DossierInsert(). Bind a const Dossier, so
// that SOCI does not convert the bound values back into it after the statement.
template <>
struct type_conversion<motcua::Dossier> {
    using base_type = values;
    static void from_base(const values& v, indicator, motcua::Dossier& d)
    {
        motcua::pg::ForEachDossierColumn(d, [&v](const char* name, auto& field) {
            using Column = motcua::pg::ColumnOf<decltype(field)>;
            field = Column::FromBase(v.get<typename Column::Base>(name));
        });
        d.formDataJson = v.get<std::string>("form_data");
    }
    static void to_base(const motcua::Dossier& d, values& v, indicator& ind)
    {
        motcua::pg::ForEachDossierColumn(d, [&v](const char* name, const auto& field) {
            using Column = motcua::pg::ColumnOf<decltype(field)>;
            v.set(name, Column::ToBase(field));
        });
        ind = i_ok;
    }
};

template <>
struct type_conversion<motcua::InboxRow> {
    using base_type = values;
    static void from_base(const values& v, indicator, motcua::InboxRow& r)
    {
        r.id = v.get<long long>("id");
        r.code = v.get<std::string>("code");
        r.applicantName = v.get<std::string>("applicant_name");
        r.procedureName = v.get<std::string>("procedure_name");
        r.submittedAt = v.get<motcua::Instant>("submitted_at");
        r.receivedAt = v.get<std::optional<motcua::Instant>>("received_at");
        r.dueAt = v.get<std::optional<motcua::Instant>>("due_at");
        r.status = motcua::NationalStatusFromInt(v.get<int>("status"));
        r.subState = static_cast<motcua::SubState>(v.get<int>("sub_state"));
        r.version = v.get<int>("version");
        // `r` may be the previous row's (SOCI reuses it): an unassigned row must clear the handler.
        r.assignedTo.reset();
        if (const auto staffId = v.get<std::optional<long long>>("assigned_staff_id"))
            r.assignedTo = motcua::AssignedStaff{*staffId, v.get<std::string>("assigned_staff_name")};
    }
};

template <>
struct type_conversion<motcua::pg::HistoryRow> {
    using base_type = values;
    static void from_base(const values& v, indicator, motcua::pg::HistoryRow& h)
    {
        h.at = v.get<motcua::Instant>("at");
        h.action = static_cast<motcua::Action>(v.get<int>("action"));
        h.role = static_cast<motcua::Role>(v.get<int>("role"));
        h.staffId = v.get<std::optional<long long>>("staff_id");
        h.staffName = v.get<std::optional<std::string>>("staff_name");
        h.onBehalfOfName = v.get<std::optional<std::string>>("on_behalf_of_name");
        h.from = {motcua::NationalStatusFromInt(v.get<int>("from_status")),
                  static_cast<motcua::SubState>(v.get<int>("from_sub_state"))};
        h.to = {motcua::NationalStatusFromInt(v.get<int>("to_status")),
                static_cast<motcua::SubState>(v.get<int>("to_sub_state"))};
        h.note = v.get<std::string>("note");
        h.fromAgencyId = v.get<std::optional<long long>>("from_agency_id");
        h.toAgencyId = v.get<std::optional<long long>>("to_agency_id");
        h.toStaffName = v.get<std::optional<std::string>>("to_staff_name");
        h.stageDueAt = v.get<std::optional<motcua::Instant>>("stage_due_at");
    }
};

}  // namespace soci
