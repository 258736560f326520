#include "bench/desk_bench_child.h"

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <functional>
#include <future>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <type_traits>
#include <vector>

#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>
#include <Poco/Net/HTTPClientSession.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPResponse.h>
#include <Poco/StreamCopier.h>
#include <wx/app.h>
#include <wx/evtloop.h>
#include <wx/frame.h>
#include <wx/init.h>
#include <wx/listctrl.h>
#include <wx/timer.h>

#include "bench/http_probe.h"
#include "bench/measurement.h"
#include "desktop/app/desk_controller.h"
#include "desktop/app/desk_translations.h"
#include "desktop/app/toolkit_environment.h"
#include "desktop/app/wx_call_later.h"
#include "desktop/staff_api_client.h"
#include "desktop/task_runner.h"
#include "server/usecases/request_signature.h"
#include "views/alert.h"
#include "views/dossier_list_panel.h"
#include "views/main_frame.h"
#include "views/queue_nav_panel.h"

namespace motcua::bench {
namespace {

SteadyClock::time_point g_mainStart;

void SayPhase(const std::string& name, SteadyClock::time_point at)
{
    std::fputs(("phase " + name + " " + std::to_string(at.time_since_epoch().count()) + "\n").c_str(), stdout);
}

// One line to the parent, at once: the parent times its arrival.
void Say(const std::string& line)
{
    std::fputs((line + "\n").c_str(), stdout);
    std::fflush(stdout);
}

// VmHWM, not getrusage's ru_maxrss: Linux carries ru_maxrss across execve, so a child would report the parent's.
std::string Kib()
{
    std::ifstream status("/proc/self/status");
    for (std::string line; std::getline(status, line);)
        if (line.rfind("VmHWM:", 0) == 0)
            return std::to_string(std::stoll(line.substr(6)));
    return "-1";
}

// Runs a real event loop until `done` holds or `timeout` passes. `done` is checked when the loop goes idle, which is
// right after the desk's deliveries (CallAfter) have run, and on a 10 ms timer that keeps the loop waking. A faster
// timer would starve those deliveries on a loaded machine: GTK runs idle work only when no timer is due. A modal
// dialog's loop inside ours is left alone.
bool WaitUntil(const std::function<bool()>& done, std::chrono::milliseconds timeout)
{
    if (done())
        return true;
    const auto until = SteadyClock::now() + timeout;
    wxGUIEventLoop loop;
    wxTimer timer;
    bool ok = false;
    const auto check = [&] {
        if (ok || wxEventLoopBase::GetActive() != &loop)
            return;
        ok = done();
        if (ok || SteadyClock::now() > until)
            loop.Exit();
    };
    const auto onIdle = [&](wxIdleEvent& event) {
        event.Skip();
        check();
    };
    timer.Bind(wxEVT_TIMER, [&](wxTimerEvent&) { check(); });
    wxTheApp->Bind(wxEVT_IDLE, onIdle);
    timer.Start(10);
    loop.Run();
    timer.Stop();
    wxTheApp->Unbind(wxEVT_IDLE, onIdle);
    return ok;
}

void Pause(std::chrono::milliseconds pause)
{
    const auto until = SteadyClock::now() + pause;
    WaitUntil([until] { return SteadyClock::now() > until; }, pause + std::chrono::seconds(1));
}

// The bench answers no question and opens nothing; an error is printed for the parent's log.
class PrintingAlert final : public views::Alert {
public:
    void ShowError(const std::string& message, const std::string& details) override
    {
        std::fprintf(stderr, "motcua-desk-bench: the desk showed an error: %s | %s\n", message.c_str(),
                     details.c_str());
    }
    void ShowInfo(const std::string&) override {}
    bool AskYesNo(const std::string&) override { return false; }
};

class NoLauncher final : public desktop::IDocumentLauncher {
public:
    void OpenDocument(const std::filesystem::path&) override {}
};

// The desk's server calls, passed through with when each began and ended (on the worker threads): where the time
// of a launch or a page goes, the server's exchange or the desk's own work.
class TimedStaffApi final : public desktop::IStaffApi {
public:
    explicit TimedStaffApi(desktop::IStaffApi& api) : m_api(api) {}

    struct CallTime {
        std::string name;
        SteadyClock::time_point start, end;
    };
    std::vector<CallTime> Calls()
    {
        const std::lock_guard lock(m_mutex);
        return m_calls;
    }

    void SetServerUrl(const std::string& url) override { m_api.SetServerUrl(url); }
    std::string ServerUrl() const override { return m_api.ServerUrl(); }
    void SetCaFile(const std::string& caFile) override { m_api.SetCaFile(caFile); }
    using desktop::IStaffApi::Login;
    desktop::Session Login(const std::string& username, const std::string& password, const std::string& otp) override
    {
        return Timed("login", [&] { return m_api.Login(username, password, otp); });
    }
    void Logout() override { m_api.Logout(); }
    desktop::InboxPage Inbox(int limit, const std::optional<std::string>& after) override
    {
        return m_api.Inbox(limit, after);
    }
    desktop::DossierDetail Dossier(std::int64_t id) override
    {
        return Timed("dossier", [&] { return m_api.Dossier(id); });
    }
    desktop::DossierDetail Accept(std::int64_t id, int version) override { return m_api.Accept(id, version); }
    std::vector<std::uint8_t> Receipt(std::int64_t id) override { return m_api.Receipt(id); }
    std::vector<std::uint8_t> OutputFile(std::int64_t outputId) override { return m_api.OutputFile(outputId); }
    std::vector<desktop::QueueCount> Queues() override
    {
        return Timed("queues", [&] { return m_api.Queues(); });
    }
    desktop::DossierPage QueuePage(const desktop::QueuePageRequest& request) override
    {
        return Timed("page", [&] { return m_api.QueuePage(request); });
    }
    desktop::DossierPage Search(const desktop::SearchQuery& query, int limit,
                                const std::optional<std::string>& after) override
    {
        return m_api.Search(query, limit, after);
    }
    desktop::DossierPage KpiDossiers(const desktop::KpiDrill& drill, int limit,
                                     const std::optional<std::string>& after) override
    {
        return m_api.KpiDossiers(drill, limit, after);
    }
    desktop::EventStreamTarget EventsTarget() const override { return m_api.EventsTarget(); }

private:
    template <class F>
    std::invoke_result_t<F> Timed(const char* name, F call)
    {
        const auto start = SteadyClock::now();
        auto result = call();
        const std::lock_guard lock(m_mutex);
        m_calls.push_back({name, start, SteadyClock::now()});
        return result;
    }

    desktop::IStaffApi& m_api;
    std::mutex m_mutex;
    std::vector<CallTime> m_calls;
};

class BareApp final : public wxApp {
public:
    bool OnInit() override
    {
        auto* frame = new wxFrame(nullptr, wxID_ANY, "motcua-desk-bench");
        auto* list = new wxListCtrl(frame, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxLC_REPORT | wxLC_VIRTUAL);
        list->AppendColumn("-");
        frame->Show();
        CallAfter([frame, list] {
            if (WaitUntil([frame] { return frame->IsShownOnScreen(); }, std::chrono::seconds(20))) {
                list->Update();
                Say("ready");
                Say("hwm " + Kib());
            } else {
                Say("error the bare frame was not shown within 20 s");
            }
            frame->Destroy();
        });
        return true;
    }
};

// The desk as motcua-desk builds it (DeskApp), with settings in memory so no earlier run's layout counts, then the
// measurements. Its steps run one after another inside the event loop (WaitUntil runs nested loops).
class DeskBenchApp final : public wxApp {
public:
    // `status` is where the script's outcome goes: wx deletes the app before wxEntry returns.
    DeskBenchApp(DeskChildOptions options, int& status) : m_options(std::move(options)), m_status(status) {}

    bool OnInit() override
    {
        SayPhase("main", g_mainStart);
        SayPhase("oninit", SteadyClock::now());
        SetAppName("motcua-desk");
        desktop::SetUpTranslations("vi", {});
        m_api = std::make_unique<desktop::StaffApiClient>(
            desktop::StaffApiClientOptions{"http://127.0.0.1:" + std::to_string(m_options.port)});
        m_tasks = std::make_unique<desktop::ThreadPoolTaskRunner>(desktop::WxUiQueue());
        m_timed = std::make_unique<TimedStaffApi>(*m_api);
        m_controller = std::make_unique<desktop::DeskController>(*m_timed, *m_api, *m_api, *m_api, *m_tasks, m_alert,
                                                                 m_launcher, m_clock, m_settings);
        CallAfter([this] {
            m_status = Script();
            if (m_controller->Frame())
                m_controller->Frame()->Close(true);
            ExitMainLoop();
        });
        return true;
    }

    int OnExit() override
    {
        m_controller.reset();
        m_tasks.reset();
        return wxApp::OnExit();
    }

private:
    int Fail(const std::string& what)
    {
        Say("error " + what);
        return 1;
    }

    int Script()
    {
        const desktop::LoginDefaults login{"http://127.0.0.1:" + std::to_string(m_options.port), m_options.user,
                                           m_options.password};
        // As motcua-desk with --user and --password: the login dialog pressed at once, then the main window.
        if (!m_controller->RunLogin(login, true))
            return Fail("the login did not succeed");
        SayPhase("window", SteadyClock::now());
        views::MainFrame* frame = m_controller->Frame();
        if (!frame)
            return Fail("no main window");
        wxListCtrl* list = frame->DossierList()->List();
        if (!WaitUntil([&] { return frame->IsShownOnScreen() && list->GetItemCount() > 0; }, std::chrono::seconds(30)))
            return Fail("the usual queue listed no rows within 30 s");
        list->Update();  // the rows drawn
        SayPhase("rows", SteadyClock::now());
        Say("ready");
        for (const TimedStaffApi::CallTime& call : m_timed->Calls()) {
            SayPhase(call.name + "-start", call.start);
            SayPhase(call.name + "-end", call.end);
        }
        Say("hwm-launch " + Kib());
        if (m_options.changes > 0)
            if (const int status = Changes(list); status != 0)
                return status;
        if (m_options.pages > 0) {
            if (const int status = Pages(list); status != 0)
                return status;
            if (const int status = Screens(list); status != 0)
                return status;
            Say("hwm-pages " + Kib());
        }
        return 0;
    }

    // A person paging down a screen at a time (reading each before the next) in the finished dossiers from the
    // top: timed from the scroll until the next screen's last row is drawn; "screen MS LOADED", LOADED 1 when that
    // row had been fetched before the scroll (the list fetches a page ahead of the rows shown).
    int Screens(wxListCtrl* list)
    {
        desktop::DossierListPresenter* rows = m_controller->List();
        const auto& names = desktop::QueueNavPresenter::QueueNames();
        m_controller->Queues()->OnQueueChosen(
            static_cast<std::size_t>(std::find(names.begin(), names.end(), "finished") - names.begin()));
        if (!WaitUntil([&] { return rows->Source().queue == "finished" && rows->ItemCount() > 0; },
                       std::chrono::seconds(30)))
            return Fail("the finished queue listed no rows within 30 s");
        list->Update();
        for (int screen = 0; screen < m_options.pages; ++screen) {
            Pause(std::chrono::milliseconds(300));
            WaitUntil([&] { return !rows->Loading(); }, std::chrono::seconds(10));
            const long perScreen = std::max(1, list->GetCountPerPage());
            const auto last = static_cast<std::size_t>(list->GetTopItem() + 2 * perScreen - 1);
            if (last >= rows->ItemCount() && !rows->HasMore())
                break;
            const bool loaded = last < rows->ItemCount();
            const auto start = SteadyClock::now();
            list->EnsureVisible(static_cast<long>(std::min(last, rows->ItemCount() - 1)));
            if (!WaitUntil([&] { return rows->ItemCount() > last; }, std::chrono::seconds(10)))
                return Fail("screen " + std::to_string(screen + 1) + " did not come within 10 s");
            list->EnsureVisible(static_cast<long>(last));
            list->Update();
            Say("screen " + Fixed(Milliseconds(SteadyClock::now() - start), 3) + (loaded ? " 1" : " 0"));
        }
        return 0;
    }

    // Scrolls to the last row so the list asks for the next keyset page; timed until the first new row is drawn.
    // The usual queue first; when it has no more pages (a clerk's intake is a few pages at most), the finished
    // dossiers, the longest list a clerk scrolls.
    int Pages(wxListCtrl* list)
    {
        desktop::DossierListPresenter* rows = m_controller->List();
        Say("page-queue " + rows->Source().queue);
        for (int page = 0; page < m_options.pages; ++page) {
            WaitUntil([&] { return !rows->Loading(); }, std::chrono::seconds(10));
            if (!rows->HasMore()) {
                if (rows->Source().queue == "finished")
                    break;
                const auto& names = desktop::QueueNavPresenter::QueueNames();
                m_controller->Queues()->OnQueueChosen(
                    static_cast<std::size_t>(std::find(names.begin(), names.end(), "finished") - names.begin()));
                if (!WaitUntil([&] { return rows->Source().queue == "finished" && !rows->Loading(); },
                               std::chrono::seconds(30)))
                    return Fail("the finished queue listed no rows within 30 s");
                Say("page-queue finished");
                if (!rows->HasMore())
                    break;
            }
            const std::size_t before = rows->ItemCount();
            const auto start = SteadyClock::now();
            list->EnsureVisible(static_cast<long>(before) - 1);
            // Where the time goes: until the presenter asks (the scroll's paint and cache hint), until the rows
            // are in, until they are drawn.
            std::optional<SteadyClock::time_point> asked;
            if (!WaitUntil(
                    [&] {
                        if (!asked && rows->Loading())
                            asked = SteadyClock::now();
                        return rows->ItemCount() > before && !rows->Loading();
                    },
                    std::chrono::seconds(10)))
                return Fail("page " + std::to_string(page + 1) + " did not come within 10 s");
            const auto arrived = SteadyClock::now();
            list->EnsureVisible(static_cast<long>(before));
            list->Update();
            const auto drawn = SteadyClock::now();
            const TimedStaffApi::CallTime call = m_timed->Calls().back();
            Say("page " + Fixed(Milliseconds(drawn - start), 3) + " " +
                Fixed(asked ? Milliseconds(*asked - start) : -1.0, 3) + " " + Fixed(Milliseconds(arrived - start), 3) +
                " " + Fixed(Milliseconds(call.start - start), 3) + " " + Fixed(Milliseconds(call.end - start), 3));
        }
        return 0;
    }

    // A citizen submits to the clerk's agency through the citizen API (signed, as the citizen app does) while the
    // desk shows the intake queue; timed from the request until the desk shows it (the intake count in the queue
    // pane or a new row in the list, whichever comes first), and until a raw event-stream client reads the event.
    int Changes(wxListCtrl* list)
    {
        desktop::DossierListPresenter* rows = m_controller->List();
        wxListCtrl* queues = m_controller->Frame()->Queues()->List();
        const auto& names = desktop::QueueNavPresenter::QueueNames();
        const long intake = static_cast<long>(std::find(names.begin(), names.end(), "intake") - names.begin());
        const auto port = static_cast<std::uint16_t>(m_options.port);
        const std::string token = StaffToken(port, m_options.user, m_options.password);
        StreamClients stream(port, token, 1);
        if (!WaitUntil([&] { return stream.Open() == 1; }, std::chrono::seconds(10)))
            return Fail("the raw event stream did not open");
        Pause(std::chrono::milliseconds(1000));  // the desk's own stream is open by now
        Poco::Net::HTTPClientSession citizen("127.0.0.1", port);
        for (int i = 0; i < m_options.changes; ++i) {
            // Past the list's and the counts' throttle periods: each change is the first news in a while.
            Pause(std::chrono::milliseconds(500));
            const wxString countBefore = queues->GetItemText(intake, 1);
            const std::size_t rowsBefore = rows->ItemCount();
            const std::string body = SubmissionBody(i);
            const std::string timestamp = std::to_string(
                std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch())
                    .count());
            const auto start = SteadyClock::now();
            std::future<std::pair<Reply, double>> submit = std::async(std::launch::async, [&, start] {
                Poco::Net::HTTPRequest request(Poco::Net::HTTPRequest::HTTP_POST, "/citizen/v1/dossiers",
                                               Poco::Net::HTTPMessage::HTTP_1_1);
                request.setContentType("application/json");
                request.setContentLength64(static_cast<Poco::Int64>(body.size()));
                for (const auto& [name, value] : server::SignatureHeaderValues(
                         m_options.client, m_options.secret, {"POST", "/citizen/v1/dossiers", timestamp, "", body}))
                    request.set(name, value);
                request.set("Idempotency-Key", "desk-bench-" + timestamp + "-" + std::to_string(i));
                citizen.sendRequest(request) << body;
                Poco::Net::HTTPResponse response;
                std::istream& in = citizen.receiveResponse(response);
                Reply r;
                r.status = static_cast<int>(response.getStatus());
                Poco::StreamCopier::copyToString(in, r.body);
                return std::make_pair(std::move(r), Milliseconds(SteadyClock::now() - start));
            });
            const bool shown = WaitUntil(
                [&] { return queues->GetItemText(intake, 1) != countBefore || rows->ItemCount() > rowsBefore; },
                std::chrono::seconds(5));
            queues->Update();
            list->Update();
            const double deskMs = Milliseconds(SteadyClock::now() - start);
            const auto [reply, requestMs] = submit.get();
            if (reply.status != 201) {
                Say("change-refused " + std::to_string(reply.status) + " " + reply.body.substr(0, 300));
                continue;
            }
            const auto id =
                Poco::JSON::Parser().parse(reply.body).extract<Poco::JSON::Object::Ptr>()->getValue<std::int64_t>("id");
            std::optional<double> sseMs;
            WaitUntil(
                [&] {
                    const auto arrivals = stream.Arrivals();
                    const auto found = arrivals.find({id, "submit"});
                    if (found == arrivals.end() || found->second.empty())
                        return false;
                    sseMs = Milliseconds(found->second.front() - start);
                    return true;
                },
                std::chrono::seconds(2));
            // Where the desk's time went: its first server call after the news (a refetch of the list or of the
            // counts) began and ended.
            std::optional<double> callStart, callEnd;
            for (const TimedStaffApi::CallTime& call : m_timed->Calls())
                if (call.start > start && !callStart) {
                    callStart = Milliseconds(call.start - start);
                    callEnd = Milliseconds(call.end - start);
                }
            Say("change " + (shown ? Fixed(deskMs, 3) : std::string("-1")) + " " +
                (sseMs ? Fixed(*sseMs, 3) : std::string("-1")) + " " + Fixed(requestMs, 3) + " " +
                Fixed(callStart.value_or(-1), 3) + " " + Fixed(callEnd.value_or(-1), 3));
        }
        return 0;
    }

    // A small online submission to the clerk's agency, one procedure the parent chose.
    std::string SubmissionBody(int serial) const
    {
        std::string number = std::to_string(serial % 1000000);
        number.insert(0, 6 - number.size(), '0');
        return R"({"procedureCode":")" + m_options.procedureCode + R"(","agencyCode":")" + m_options.agencyCode +
               R"(","applicant":{"fullName":"Nguyễn Văn Bình","citizenId":"001090)" + number +
               R"(","dateOfBirth":"1990-05-12","address":"Số 12 Lê Lợi","phone":"0912345678","email":""},)"
               R"("formData":{},"documents":[{"name":"Tờ khai","form":"original","count":1}]})";
    }

    DeskChildOptions m_options;
    SystemClock m_clock;
    desktop::MemorySettings m_settings;
    PrintingAlert m_alert;
    NoLauncher m_launcher;
    std::unique_ptr<desktop::StaffApiClient> m_api;
    std::unique_ptr<TimedStaffApi> m_timed;
    std::unique_ptr<desktop::ThreadPoolTaskRunner> m_tasks;
    std::unique_ptr<desktop::DeskController> m_controller;
    int& m_status;
};

}  // namespace

void MarkMainStart()
{
    g_mainStart = SteadyClock::now();
}

int RunBareChild(int argc, char** argv)
{
    desktop::PrepareToolkitEnvironment();  // the same environment as motcua-desk's main(), for both
    wxApp::SetInstance(new BareApp());
    return wxEntry(argc, argv);
}

int RunDeskChild(int argc, char** argv, const DeskChildOptions& options)
{
    int status = 1;
    desktop::PrepareToolkitEnvironment();
    wxApp::SetInstance(new DeskBenchApp(options, status));
    const int exit = wxEntry(argc, argv);
    return exit != 0 ? exit : status;
}

}  // namespace motcua::bench
