#include "bench/http_probe.h"

#include <arpa/inet.h>
#include <cerrno>
#include <cstring>
#include <netinet/in.h>
#include <sstream>
#include <stdexcept>
#include <sys/epoll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPResponse.h>
#include <Poco/StreamCopier.h>

namespace motcua::bench {

Reply Call(Poco::Net::HTTPClientSession& session, const std::string& method, const std::string& path,
           const std::string& token, const std::string& body)
{
    Poco::Net::HTTPRequest request(method, path, Poco::Net::HTTPMessage::HTTP_1_1);
    if (!token.empty())
        request.set("Authorization", "Bearer " + token);
    if (!body.empty()) {
        request.setContentType("application/json");
        request.setContentLength64(static_cast<Poco::Int64>(body.size()));
    }
    session.sendRequest(request) << body;
    Poco::Net::HTTPResponse response;
    std::istream& in = session.receiveResponse(response);
    Reply reply;
    reply.status = static_cast<int>(response.getStatus());
    std::ostringstream text;
    Poco::StreamCopier::copyStream(in, text);
    reply.body = text.str();
    return reply;
}

std::string StaffToken(std::uint16_t port, const std::string& username, const std::string& password)
{
    Poco::Net::HTTPClientSession session("127.0.0.1", port);
    Poco::JSON::Object login;
    login.set("username", username);
    login.set("password", password);
    std::ostringstream body;
    login.stringify(body);
    const Reply r = Call(session, "POST", "/staff/v1/login", {}, body.str());
    if (r.status != 200)
        throw std::runtime_error("the login of " + username + " answered " + std::to_string(r.status));
    return Poco::JSON::Parser().parse(r.body).extract<Poco::JSON::Object::Ptr>()->getValue<std::string>("token");
}

StreamClients::StreamClients(std::uint16_t port, const std::string& token, int count) : m_epoll(epoll_create1(0))
{
    const std::string request = "GET /staff/v1/events HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + token +
                                "\r\nAccept: text/event-stream\r\n\r\n";
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_port = htons(port);
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    for (int i = 0; i < count; ++i) {
        const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
        if (fd < 0 || ::connect(fd, reinterpret_cast<const sockaddr*>(&address), sizeof address) != 0 ||
            ::send(fd, request.data(), request.size(), MSG_NOSIGNAL) != static_cast<ssize_t>(request.size()))
            throw std::runtime_error(std::string("cannot open stream: ") + std::strerror(errno));
        epoll_event event{};
        event.events = EPOLLIN;
        event.data.u32 = static_cast<std::uint32_t>(m_streams.size());
        epoll_ctl(m_epoll, EPOLL_CTL_ADD, fd, &event);
        m_streams.push_back({fd, {}, false, 0});
    }
    m_thread = std::thread([this] { Run(); });
}

StreamClients::~StreamClients()
{
    m_stop = true;
    m_thread.join();
    for (const Stream& s : m_streams)
        ::close(s.fd);
    ::close(m_epoll);
}

std::map<std::pair<std::int64_t, std::string>, std::vector<SteadyClock::time_point>> StreamClients::Arrivals()
{
    const std::lock_guard lock(m_mutex);
    return m_arrivals;
}

void StreamClients::Run()
{
    std::vector<epoll_event> ready(256);
    char buffer[16384];
    while (!m_stop) {
        const int n = epoll_wait(m_epoll, ready.data(), static_cast<int>(ready.size()), 100);
        const auto now = SteadyClock::now();
        for (int i = 0; i < n; ++i) {
            Stream& s = m_streams[ready[i].data.u32];
            const ssize_t got = ::recv(s.fd, buffer, sizeof buffer, MSG_DONTWAIT);
            if (got <= 0) {
                if (got == 0 || (errno != EAGAIN && errno != EINTR)) {
                    epoll_ctl(m_epoll, EPOLL_CTL_DEL, s.fd, nullptr);
                    ++m_closed;
                }
                continue;
            }
            s.input.append(buffer, static_cast<std::size_t>(got));
            Parse(s, now);
        }
    }
}

void StreamClients::Parse(Stream& s, SteadyClock::time_point now)
{
    if (!s.headSeen) {
        const std::size_t end = s.input.find("\r\n\r\n");
        if (end == std::string::npos)
            return;
        s.headSeen = true;
        ++m_open;
        s.input.erase(0, end + 4);
    }
    for (std::size_t end; (end = s.input.find("\n\n")) != std::string::npos;) {
        const std::string block = s.input.substr(0, end);
        s.input.erase(0, end + 2);
        const std::size_t data = block.find("data: ");
        if (block.find("event: dossier") == std::string::npos || data == std::string::npos)
            continue;
        Poco::JSON::Parser parser;
        const auto json = parser.parse(block.substr(data + 6)).extract<Poco::JSON::Object::Ptr>();
        const std::lock_guard lock(m_mutex);
        m_arrivals[{json->getValue<std::int64_t>("dossierId"), json->getValue<std::string>("what")}].push_back(now);
    }
}

}  // namespace motcua::bench
