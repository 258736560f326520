#include "bench/sign_bench.h"

#include <algorithm>
#include <array>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <map>
#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

#include <Poco/Process.h>
#include <Poco/TemporaryFile.h>

#include "bench/measurement.h"
#include "bench/pdf_baseline.h"
#include "reports/embedded_fonts.h"
#include "reports/file_signing_key.h"
#include "reports/http_timestamp_source.h"
#include "reports/pades_signer.h"
#include "reports/pkcs11_signing_key.h"
#include "reports/receipt_form.h"
#include "reports/result_document.h"
#include "reports/result_template.h"
#include "reports/shipped_templates.h"
#include "tests/support/local_timestamp_authority.h"
#include "tests/support/sample_receipt.h"
#include "tests/support/sample_result.h"
#include "tests/support/soft_hsm_token.h"
#include "tests/support/test_pki.h"

namespace motcua::bench {
namespace {

using reports::PadesSigner;
using reports::SigningKey;

constexpr double kBatchTargetSeconds = 3;
constexpr std::size_t kSizeTargetBytes = std::size_t{30} * 1024;
constexpr double kGenerationTargetRatio = 0.80;

// The form fields the shipped templates name, as the tests render them.
const std::vector<std::string>& kFormKeys = test::SampleResultFormKeys();
const char* const kTemplates[] = {"household-business-certificate", "decision"};

// The n-th of a batch of results: a Hà Nội ward's decisions and household business certificates, names, addresses
// and businesses changing from one to the next as they would in a day's work.
reports::TemplateData ResultData(int n)
{
    static const char* const kNames[] = {"Nguyễn Thị Thu Hương", "Trần Minh Đức",   "Lê Hoàng Phúc", "Phạm Ngọc Ánh",
                                         "Vũ Quốc Việt",         "Đặng Thùy Trang", "Bùi Văn Hùng",  "Hoàng Thị Ngân"};
    static const char* const kStreets[] = {"phố Hàng Bạc",   "phố Lò Đúc",          "phố Hàng Trống",
                                           "ngõ Tạm Thương", "phố Đinh Tiên Hoàng", "phố Hàng Gai"};
    static const char* const kBusinesses[] = {"Hộ kinh doanh Phở Thìn Bờ Hồ", "Cửa hàng tạp hóa Minh Anh",
                                              "Tiệm may Hồng Nhung", "Quán cà phê Góc Phố Cổ",
                                              "Cửa hàng điện thoại Việt Tiến"};
    static const char* const kLines[] = {"Dịch vụ ăn uống (phở, bún, cơm)", "Bán lẻ hàng tạp hóa, đồ uống",
                                         "May đo quần áo, sửa chữa quần áo", "Dịch vụ đồ uống (cà phê, giải khát)",
                                         "Bán lẻ điện thoại di động và phụ kiện"};
    const auto pick = [n](const auto& table) {
        return std::string(table[static_cast<std::size_t>(n) % std::size(table)]);
    };
    char code[64], identifier[32], number[16], citizen[16];
    std::snprintf(code, sizeof code, "000.00.00.H41-261130-%04d", n % 10000);
    std::snprintf(identifier, sizeof identifier, "GT-2026-%06d", n % 1000000);
    std::snprintf(number, sizeof number, "%d/2026", 100 + n % 900);
    std::snprintf(citizen, sizeof citizen, "0011900%05d", n % 100000);
    const std::string name = pick(kNames);
    reports::TemplateData data;
    data.values = {
        {"dossier.code", code},
        {"dossier.receivedDate", "27/11/2026"},
        {"applicant.fullName", name},
        {"applicant.citizenId", citizen},
        {"applicant.address", "Số " + std::to_string(1 + n % 120) + " " + pick(kStreets) +
                                  ", phường Hoàn Kiếm, "
                                  "thành phố Hà Nội"},
        {"applicant.phone", "0912 345 " + std::to_string(100 + n % 900)},
        {"procedure.name", "Đăng ký thành lập hộ kinh doanh"},
        {"agency.name", "UBND phường Hoàn Kiếm"},
        {"agency.province", "UBND THÀNH PHỐ HÀ NỘI"},
        {"agency.place", "Hoàn Kiếm"},
        {"signer.name", "Trần Minh Đức"},
        {"signer.position", "CHỦ TỊCH"},
        {"document.number", number},
        {"document.identifier", identifier},
        {"document.date", "30/11/2026"},
        {"document.dateInWords", "ngày 30 tháng 11 năm 2026"},
        {"document.verifyUrl", std::string("https://dichvucong.example.vn/verify/") + identifier},
        {"outcome.note", "Hộ kinh doanh được hoạt động kể từ ngày được cấp Giấy chứng nhận."},
        {"form.businessName", pick(kBusinesses)},
        {"form.businessAddress", std::to_string(1 + n % 80) + " " + pick(kStreets) + ", phường Hoàn Kiếm"},
        {"form.businessLine", pick(kLines)},
        {"form.capital", std::to_string(50 + n % 450) + ".000.000"},
    };
    data.lists["documents"] = {
        {{"number", "1"}, {"name", "Giấy đề nghị đăng ký hộ kinh doanh"}, {"form", "Bản chính"}, {"count", "01"}},
        {{"number", "2"}, {"name", "Bản sao hợp đồng thuê địa điểm kinh doanh"}, {"form", "Bản sao"}, {"count", "01"}},
        {{"number", "3"}, {"name", "Biên bản họp thành viên hộ gia đình"}, {"form", "Bản chính"}, {"count", "01"}},
    };
    return data;
}

reports::ResultTemplate LoadTemplate(const std::string& name)
{
    const auto text = reports::ShippedTemplate(name);
    if (!text)
        throw std::runtime_error("no shipped template " + name);
    return reports::ResultTemplate::Parse(*text, reports::ResultVocabulary(kFormKeys));
}

// The box a desk signs results with: above the bottom margin, ending at the right margin.
reports::SignatureRequest Request()
{
    using namespace std::chrono;
    reports::SignatureRequest request;
    request.agency = "UBND phường Hoàn Kiếm";
    request.time = sys_days(year(2026) / November / 30) + hours(2) + minutes(15);
    request.reason = "Ký số kết quả giải quyết thủ tục hành chính";
    request.location = "Hoàn Kiếm, Hà Nội";
    request.box = {.page = 0, .left = 298, .bottom = 60, .width = 240, .height = 56};
    return request;
}

struct NamedKey {
    std::string name;
    std::unique_ptr<SigningKey> key;
    test::TestPki pki;
};

std::vector<NamedKey> MakeKeys(std::ostream& out)
{
    std::vector<NamedKey> keys;
    for (const auto& [kind, name] :
         {std::pair{test::TestKeyKind::Rsa2048, "RSA-2048"}, {test::TestKeyKind::P256, "P-256"}}) {
        test::TestPki pki = test::MakeTestPki(kind);
        auto key = reports::FileSigningKey::FromPem(pki.signerKeyPem, pki.signerChainPem);
        keys.push_back({std::string(name) + " file", std::move(key), std::move(pki)});
    }
    if (!test::SoftHsmToken::ModulePath()) {
        out << "  (SoftHSM 2 not found at build time: token keys not measured)\n";
        return keys;
    }
    for (const auto& [kind, name] :
         {std::pair{test::TestKeyKind::Rsa2048, "RSA-2048"}, {test::TestKeyKind::P256, "P-256"}}) {
        test::TestPki pki = test::MakeTestPki(kind);
        auto key =
            reports::Pkcs11SigningKey::Open(test::SoftHsmToken::Shared().Import(pki.signerKeyPem), pki.signerChainPem);
        keys.push_back({std::string(name) + " SoftHSM", std::move(key), std::move(pki)});
    }
    return keys;
}

std::string Kb(std::size_t bytes)
{
    return Fixed(static_cast<double>(bytes) / 1024.0, 1) + " KB";
}

std::string Verdict(bool met)
{
    return met ? "met" : "NOT met";
}

// `openssl cms -sign` started once per document over the same unsigned PDF: what signing costs with the usual tool.
LoopResult OpensslBaseline(const std::string& openssl, const std::vector<std::uint8_t>& pdf, const test::TestPki& pki,
                           int runs)
{
    Poco::TemporaryFile input, key, signer, chain, output;
    WriteFile(input.path(), pdf.data(), pdf.size());
    const auto write = [](const Poco::TemporaryFile& file, const std::string& text) {
        WriteFile(file.path(), reinterpret_cast<const std::uint8_t*>(text.data()), text.size());
    };
    write(key, pki.signerKeyPem);
    write(signer, pki.signerChainPem);  // openssl takes its first certificate as the signer's
    write(chain, pki.caCertificatePem);
    const std::vector<std::string> args{"cms",        "-sign",    "-binary",     "-md",    "sha256",     "-in",
                                        input.path(), "-signer",  signer.path(), "-inkey", key.path(),   "-certfile",
                                        chain.path(), "-outform", "DER",         "-out",   output.path()};
    LoopResult r;
    const auto start = SteadyClock::now();
    for (int i = 0; i < runs; ++i) {
        Poco::ProcessHandle process = Poco::Process::launch(openssl, args);
        if (process.wait() != 0)
            throw std::runtime_error("openssl cms -sign failed");
        ++r.documents;
    }
    r.seconds = SecondsSince(start);
    r.lastSize = static_cast<std::size_t>(std::filesystem::file_size(output.path()));
    return r;
}

}  // namespace

int RunSignBench(const SignBenchOptions& options, std::ostream& out)
{
    const double s = options.seconds;
    out << "Signing results (issue 7): loops of " << Fixed(s, 1) << " s; targets: " << options.batch
        << " results generated and signed in < " << Fixed(kBatchTargetSeconds, 0) << " s with a file key, a one-page "
        << "document < " << kSizeTargetBytes / 1024 << " KB, generation >= " << Fixed(kGenerationTargetRatio, 2)
        << " of a bare libharu page of the same font and text\n";
    const double rssStart = PeakRssMiB();

    // Receipts.
    const reports::ReceiptForm form = test::SampleReceipt();
    const LoopResult receipts = TimedLoop(s, [&] { return reports::RenderReceipt(form); });
    out << "  receipts rendered (form 01): " << Fixed(receipts.PerSecond(), 1) << "/s ("
        << Fixed(receipts.MsPerDocument(), 2) << " ms), " << Kb(receipts.lastSize) << "\n";

    // Generation against the bare page, per template; sizes.
    Poco::TemporaryFile font;
    const auto ttf = reports::NotoSansRegularTtf();
    WriteFile(font.path(), ttf.data(), ttf.size());
    std::map<std::string, reports::ResultTemplate> layouts;
    std::map<std::string, std::vector<std::uint8_t>> unsignedPdfs;
    const reports::TemplateData data = ResultData(1);
    for (const char* name : kTemplates) {
        const reports::ResultTemplate& layout = layouts.emplace(name, LoadTemplate(name)).first->second;
        const std::vector<std::uint8_t>& pdf =
            unsignedPdfs.emplace(name, reports::RenderResultDocument(layout, data)).first->second;
        std::vector<std::string> fallback;
        for (const auto& [key, value] : data.values)
            fallback.push_back(value);
        std::string source;
        const std::vector<std::string> lines = PrintedLines(pdf, fallback, source);
        const int pages = CountPages(pdf);
        const LoopResult bare = TimedLoop(s, [&] { return RenderBarePage(lines, font.path()); });
        const LoopResult generated = TimedLoop(s, [&] { return reports::RenderResultDocument(layout, data); });
        const double ratio = generated.PerSecond() * pages / bare.PerSecond();
        out << "  " << name << " (" << pages << " page(s), " << lines.size() << " lines from " << source << ")\n"
            << "    bare libharu page   " << Fixed(bare.PerSecond(), 1) << "/s (" << Fixed(bare.MsPerDocument(), 2)
            << " ms), " << Kb(bare.lastSize) << "\n"
            << "    generated           " << Fixed(generated.PerSecond(), 1) << "/s ("
            << Fixed(generated.MsPerDocument(), 2) << " ms), " << Kb(generated.lastSize) << "\n"
            << "    ratio generated pages/s / bare pages/s: " << Fixed(ratio, 2)
            << " (target >= " << Fixed(kGenerationTargetRatio, 2) << ": " << Verdict(ratio >= kGenerationTargetRatio)
            << ")\n";
    }

    // Keys: sign only, generate and sign, sizes.
    std::vector<NamedKey> keys = MakeKeys(out);
    const reports::SignatureRequest request = Request();
    double rsaSignOnly = 0, rsaGenerateAndSign = 0;
    for (const NamedKey& k : keys) {
        const PadesSigner signer(*k.key);
        out << "  " << k.name << " key (/Contents reserve " << signer.ReservedSignatureBytes() << " bytes)\n";
        for (const char* name : kTemplates) {
            const reports::ResultTemplate& layout = layouts.at(name);
            const std::vector<std::uint8_t>& pdf = unsignedPdfs.at(name);
            const LoopResult signOnly = TimedLoop(s, [&] { return signer.Sign(pdf, request); });
            const LoopResult both =
                TimedLoop(s, [&] { return signer.Sign(reports::RenderResultDocument(layout, data), request); });
            const bool onePage = CountPages(pdf) == 1;
            if (!options.outputFolder.empty()) {
                const std::string stem = options.outputFolder + "/" + name;
                WriteFile(stem + ".pdf", pdf.data(), pdf.size());
                std::string suffix = k.name;
                std::replace(suffix.begin(), suffix.end(), ' ', '-');
                const std::vector<std::uint8_t> signedPdf = signer.Sign(pdf, request);
                WriteFile(stem + "-signed-" + suffix + ".pdf", signedPdf.data(), signedPdf.size());
            }
            out << "    " << name << ": sign " << Fixed(signOnly.PerSecond(), 1) << "/s, generate + sign "
                << Fixed(both.PerSecond(), 1) << "/s (" << Fixed(both.MsPerDocument(), 2) << " ms); " << Kb(pdf.size())
                << " unsigned, " << Kb(both.lastSize) << " signed";
            if (onePage)
                out << " (one page, target < " << kSizeTargetBytes / 1024
                    << " KB: " << Verdict(both.lastSize < kSizeTargetBytes) << ")";
            out << "\n";
            if (k.name == "RSA-2048 file" && std::string(name) == kTemplates[0]) {
                rsaSignOnly = signOnly.PerSecond();
                rsaGenerateAndSign = both.PerSecond();
            }
        }
    }

    // PAdES B-T: the RSA-2048 file key (the first) timestamped by a TSA of a test PKI, OpenSSL's responder on 127.0.0.1
    // over HTTP (a real TSA adds its network round trip and its own signing time).
    {
        const test::TestPki tsaPki = test::MakeTestPkiWithTimestampAuthority(test::TestKeyKind::Rsa2048);
        const test::LocalTimestampAuthority tsa(tsaPki.timestampKeyPem, tsaPki.timestampChainPem);
        const reports::HttpTimestampSource source(tsa.Url());
        const PadesSigner signer(*keys.front().key, &source);
        out << "  " << keys.front().name << " key with a local TSA over HTTP, PAdES B-T (/Contents reserve "
            << signer.ReservedSignatureBytes() << " bytes)\n";
        for (const char* name : kTemplates) {
            const reports::ResultTemplate& layout = layouts.at(name);
            const LoopResult both =
                TimedLoop(s, [&] { return signer.Sign(reports::RenderResultDocument(layout, data), request); });
            out << "    " << name << ": generate + sign + timestamp " << Fixed(both.PerSecond(), 1) << "/s ("
                << Fixed(both.MsPerDocument(), 2) << " ms); " << Kb(both.lastSize) << " signed and timestamped\n";
            if (!options.outputFolder.empty()) {
                const std::vector<std::uint8_t> signedPdf = signer.Sign(unsignedPdfs.at(name), request);
                WriteFile(options.outputFolder + "/" + name + "-signed-timestamped.pdf", signedPdf.data(),
                          signedPdf.size());
            }
        }
    }

    // A batch: each result its own data, the two templates in turn, one signer per key as a desk holds it.
    for (const NamedKey& k : keys) {
        if (k.name.find("file") == std::string::npos)
            continue;
        const PadesSigner signer(*k.key);
        std::size_t bytes = 0;
        const auto start = SteadyClock::now();
        for (int i = 0; i < options.batch; ++i) {
            const reports::ResultTemplate& layout = layouts.at(kTemplates[i % 2]);
            bytes += signer.Sign(reports::RenderResultDocument(layout, ResultData(i)), request).size();
        }
        const double seconds = SecondsSince(start);
        out << "  batch of " << options.batch << " results generated and signed, " << k.name
            << " key: " << Fixed(seconds, 2) << " s (" << Fixed(options.batch / seconds, 1) << "/s, "
            << Kb(bytes / options.batch) << " each; target < " << Fixed(kBatchTargetSeconds, 0)
            << " s: " << Verdict(seconds < kBatchTargetSeconds) << ")\n";
    }

#if defined(MOTCUA_BENCH_OPENSSL)
    const LoopResult openssl =
        OpensslBaseline(MOTCUA_BENCH_OPENSSL, unsignedPdfs.at(kTemplates[0]), keys.front().pki, options.opensslRuns);
    out << "  baseline `openssl cms -sign` (RSA-2048, one process per document, " << openssl.documents
        << " documents): " << Fixed(openssl.PerSecond(), 1) << "/s (" << Fixed(openssl.MsPerDocument(), 2)
        << " ms), CMS " << openssl.lastSize << " bytes\n"
        << "    ratio to it: our signing " << Ratio(rsaSignOnly, openssl.PerSecond()) << ", our generation + signing "
        << Ratio(rsaGenerateAndSign, openssl.PerSecond()) << "\n";
#else
    (void)rsaSignOnly;
    (void)rsaGenerateAndSign;
    out << "  (openssl not found at build time: no `openssl cms -sign` baseline)\n";
#endif
    out << "  peak RSS: " << Fixed(rssStart, 1) << " MiB at the start, " << Fixed(PeakRssMiB(), 1)
        << " MiB at the end\n";
    return 0;
}

}  // namespace motcua::bench
