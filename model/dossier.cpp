#include "model/dossier.h"

#include "model/citizen_id.h"
#include "model/error.h"
#include "model/utf8.h"

namespace motcua {

const char* VietnameseName(NationalStatus status) noexcept
{
    return NameOf(kNationalStatusNames, status, "", &EnumName<NationalStatus>::vietnamese);
}

const char* EnglishName(NationalStatus status) noexcept
{
    return NameOf(kNationalStatusNames, status, "", &EnumName<NationalStatus>::english);
}

const char* ToString(NationalStatus status) noexcept
{
    return NameOf(kNationalStatusNames, status, "");
}

NationalStatus NationalStatusFromInt(int code)
{
    const auto status = static_cast<NationalStatus>(code);
    if (!HasName(kNationalStatusNames, status))
        ThrowBadInput(N_("Unknown dossier status: expected a code from 1 to 10"), "status");
    return status;
}

bool IsOpen(NationalStatus status) noexcept
{
    return status != NationalStatus::RefusedAtIntake && status != NationalStatus::Stopped &&
           status != NationalStatus::Returned;
}

const char* ToString(SubState s) noexcept
{
    return NameOf(kSubStateNames, s, "none");
}

SubState SubStateFromString(const std::string& text)
{
    return ValueOf(kSubStateNames, text, N_("Unknown dossier sub-state"), "subState");
}

const char* ToString(Channel c) noexcept
{
    return NameOf(kChannelNames, c, "online");
}

Channel ChannelFromString(const std::string& text, const std::string& field)
{
    return ValueOf(kChannelNames, text, N_("Unknown channel: expected in_person, online or post"), field);
}

const char* ToString(OutputKind k) noexcept
{
    return NameOf(kOutputKindNames, k, "receipt");
}

std::string FormNumber(OutputKind k)
{
    if (k == OutputKind::Result)
        return {};
    const std::string number = std::to_string(static_cast<int>(k));
    return number.size() < 2 ? "0" + number : number;
}

const char* ToString(Outcome o) noexcept
{
    return NameOf(kOutcomeNames, o, "none");
}

Outcome OutcomeFromString(const std::string& text, const std::string& field)
{
    return ValueOf(kOutcomeNames, text, N_("Unknown outcome: expected grant or refuse"), field);
}

std::string ProposalNote(Outcome outcome, const std::string& note)
{
    std::string text = outcome == Outcome::Refuse ? "Đề xuất từ chối" : "Đề xuất giải quyết";
    if (!note.empty())
        text += ": " + note;
    return text;
}

namespace {

// `prefix`, the items "; "-separated, then ". " and the note when there is one.
std::string ListNote(std::string text, const std::vector<std::string>& items, const std::string& note)
{
    for (std::size_t i = 0; i < items.size(); ++i)
        text += (i ? "; " : "") + items[i];
    if (!note.empty())
        text += ". " + note;
    return text;
}

}  // namespace

std::string SupplementRequestNote(const std::vector<std::string>& missing, const std::string& note)
{
    return ListNote("Thiếu: ", missing, note);
}

std::string SupplementNote(const std::vector<SubmittedDocument>& supplied, const std::string& note)
{
    if (supplied.empty())
        return note;
    std::vector<std::string> names;
    names.reserve(supplied.size());
    for (const SubmittedDocument& d : supplied)
        names.push_back(d.name);
    return ListNote("Bổ sung: ", names, note);
}

namespace {

constexpr std::size_t kMaxNameLength = 200;     // code points
constexpr std::size_t kMaxAddressLength = 500;  // code points

bool IsSpace(char c) noexcept
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

bool IsBlank(const std::string& s)
{
    for (char c : s)
        if (!IsSpace(c))
            return false;
    return true;
}

bool AllDigits(const std::string& s, std::size_t from)
{
    if (from >= s.size())
        return false;
    for (std::size_t i = from; i < s.size(); ++i)
        if (s[i] < '0' || s[i] > '9')
            return false;
    return true;
}

// A national number without the leading 0: mobile 9 digits (3x, 5x, 7x, 8x, 9x), landline 10 digits (2xx…).
bool IsNationalSignificantNumber(const std::string& s, std::size_t from)
{
    if (!AllDigits(s, from))
        return false;
    const std::size_t length = s.size() - from;
    const char first = s[from];
    if (length == 9)
        return first == '3' || first == '5' || first == '7' || first == '8' || first == '9';
    if (length == 10)
        return first == '2';
    return false;
}

bool IsEmailAtom(char c) noexcept
{
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))
        return true;
    static constexpr std::string_view kOther = "!#$%&'*+/=?^_`{|}~.-";
    return kOther.find(c) != std::string_view::npos;
}

}  // namespace

std::string NormalizeSpaces(const std::string& text)
{
    std::string out;
    out.reserve(text.size());
    bool pendingSpace = false;
    for (char c : text) {
        if (IsSpace(c)) {
            pendingSpace = !out.empty();
            continue;
        }
        if (pendingSpace)
            out += ' ';
        pendingSpace = false;
        out += c;
    }
    return out;
}

void ValidateFullName(const std::string& fullName, const std::string& field)
{
    if (IsBlank(fullName))
        ThrowBadInput(N_("Full name is required"), field);
    const auto codePoints = DecodeUtf8(fullName);
    if (!codePoints)
        ThrowBadInput(N_("Full name may contain only letters and spaces"), field);
    if (codePoints->size() > kMaxNameLength)
        ThrowBadInput(N_("Full name must be at most 200 characters"), field);
    if (fullName != NormalizeSpaces(fullName))
        ThrowBadInput(N_("Full name must not start or end with spaces or contain several spaces in a row"), field);
    // Letters, single spaces, combining marks after a letter (decomposed input), and an apostrophe inside a word:
    // names of the Ê Đê, Gia Rai and other peoples are written like "H'Hen Niê".
    char32_t previous = U' ';
    for (std::size_t i = 0; i < codePoints->size(); ++i) {
        const char32_t c = (*codePoints)[i];
        const char32_t next = i + 1 < codePoints->size() ? (*codePoints)[i + 1] : U' ';
        bool ok = false;
        if (IsLatinLetter(c) || c == U' ')
            ok = true;
        else if (IsCombiningMark(c))
            ok = IsLatinLetter(previous) || IsCombiningMark(previous);
        else if (c == U'\'' || c == U'\u2019')
            ok = (IsLatinLetter(previous) || IsCombiningMark(previous)) && IsLatinLetter(next);
        if (!ok)
            ThrowBadInput(N_("Full name may contain only letters and spaces"), field);
        previous = c;
    }
}

void ValidatePhone(const std::string& phone, const std::string& field)
{
    if (phone.empty())
        ThrowBadInput(N_("Phone number is required"), field);
    bool ok = false;
    if (phone.size() >= 3 && phone.compare(0, 3, "+84") == 0)
        ok = IsNationalSignificantNumber(phone, 3);
    else if (phone[0] == '0')
        ok = IsNationalSignificantNumber(phone, 1);
    if (!ok)
        ThrowBadInput(N_("Phone number must be a Vietnamese number: 0 and 9 digits for a mobile, 0 and 10 digits "
                         "for a landline, or +84 instead of the 0"),
                      field);
}

void ValidateEmail(const std::string& email, const std::string& field)
{
    if (email.empty())
        return;
    const auto bad = [&field]() { ThrowBadInput(N_("Email address is not valid"), field); };
    const std::size_t at = email.find('@');
    if (email.size() > 254 || at == std::string::npos || email.find('@', at + 1) != std::string::npos)
        bad();
    const std::string local = email.substr(0, at);
    const std::string domain = email.substr(at + 1);
    if (local.empty() || local.size() > 64 || local.front() == '.' || local.back() == '.' ||
        local.find("..") != std::string::npos)
        bad();
    for (char c : local)
        if (!IsEmailAtom(c))
            bad();
    // Domain: dot-separated labels of letters, digits and inner hyphens, at least two labels.
    if (domain.find('.') == std::string::npos)
        bad();
    std::size_t start = 0;
    while (start <= domain.size()) {
        std::size_t end = domain.find('.', start);
        if (end == std::string::npos)
            end = domain.size();
        const std::string label = domain.substr(start, end - start);
        if (label.empty() || label.size() > 63 || label.front() == '-' || label.back() == '-')
            bad();
        for (char c : label)
            if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-'))
                bad();
        start = end + 1;
    }
}

void ValidateNewDossier(const Dossier& dossier, Date today)
{
    const Applicant& a = dossier.applicant;
    ValidateFullName(a.fullName);
    ParseCitizenId(a.citizenId, "applicant.citizenId");
    if (!a.dateOfBirth.ok())
        ThrowBadInput(N_("Date of birth is not a valid date"), "applicant.dateOfBirth");
    if (a.dateOfBirth > today)
        ThrowBadInput(N_("Date of birth cannot be in the future"), "applicant.dateOfBirth");
    if (a.dateOfBirth < Date{std::chrono::year{1900}, std::chrono::January, std::chrono::day{1}})
        ThrowBadInput(N_("Date of birth cannot be before 1900"), "applicant.dateOfBirth");
    ValidateCitizenId(a.citizenId, a.dateOfBirth, "applicant.citizenId");
    if (IsBlank(a.address))
        ThrowBadInput(N_("Address is required"), "applicant.address");
    const auto address = DecodeUtf8(a.address);
    if (!address)
        ThrowBadInput(N_("Address is not valid UTF-8 text"), "applicant.address");
    if (address->size() > kMaxAddressLength)
        ThrowBadInput(N_("Address must be at most 500 characters"), "applicant.address");
    ValidatePhone(a.phone);
    ValidateEmail(a.email);
    if (!HasName(kChannelNames, dossier.channel))
        ThrowBadInput(N_("Unknown channel: expected in_person, online or post"), "channel");
    if (dossier.documents.empty())
        ThrowBadInput(N_("At least one document is required"), "documents");
    for (std::size_t i = 0; i < dossier.documents.size(); ++i) {
        const SubmittedDocument& d = dossier.documents[i];
        ValidateDocument(d.name, d.form, d.count, "documents[" + std::to_string(i) + "]");
    }
    const std::size_t first = dossier.formDataJson.find_first_not_of(" \t\r\n");
    if (first == std::string::npos || dossier.formDataJson[first] != '{')
        ThrowBadInput(N_("Form data must be a JSON object"), "formData");
}

}  // namespace motcua
