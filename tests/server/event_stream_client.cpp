#include "tests/server/event_stream_client.h"

#include <sstream>

#include <Poco/JSON/Parser.h>
#include <Poco/Net/SocketAddress.h>

namespace motcua::test {

EventStreamClient::EventStreamClient(std::uint16_t port, const std::string& token, const std::string& lastEventId,
                                     int receiveBuffer)
    : socket(Poco::Net::SocketAddress::IPv4)
{
    if (receiveBuffer > 0)
        socket.setReceiveBufferSize(receiveBuffer);
    socket.connect(Poco::Net::SocketAddress("127.0.0.1", port));
    std::string request = "GET /staff/v1/events HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: text/event-stream\r\n";
    if (!token.empty())
        request += "Authorization: Bearer " + token + "\r\n";
    if (!lastEventId.empty())
        request += "Last-Event-ID: " + lastEventId + "\r\n";
    request += "\r\n";
    socket.sendBytes(request.data(), static_cast<int>(request.size()));
    const auto until = std::chrono::steady_clock::now() + std::chrono::seconds{10};
    std::size_t end = std::string::npos;
    while ((end = m_input.find("\r\n\r\n")) == std::string::npos && std::chrono::steady_clock::now() < until)
        if (!Receive(std::chrono::milliseconds{100}) && m_closed)
            break;
    if (end == std::string::npos)
        return;
    m_head = m_input.substr(0, end);
    m_input.erase(0, end + 4);
    std::istringstream line(m_head);
    std::string version;
    line >> version >> m_status;
}

bool EventStreamClient::Receive(std::chrono::milliseconds timeout)
{
    if (m_closed || !socket.poll(Poco::Timespan(timeout.count() * 1000), Poco::Net::Socket::SELECT_READ))
        return false;
    char buffer[8192];
    int got = 0;
    try {
        got = socket.receiveBytes(buffer, sizeof buffer);
    } catch (const Poco::Exception&) {
        got = 0;
    }
    if (got <= 0) {
        m_closed = true;
        return false;
    }
    m_input.append(buffer, static_cast<std::size_t>(got));
    return true;
}

std::optional<SseMessage> EventStreamClient::Next(std::chrono::milliseconds timeout)
{
    const auto until = std::chrono::steady_clock::now() + timeout;
    for (;;) {
        const std::size_t end = m_input.find("\n\n");
        if (end == std::string::npos) {
            const auto left =
                std::chrono::duration_cast<std::chrono::milliseconds>(until - std::chrono::steady_clock::now());
            if (left.count() <= 0 || (!Receive(left) && m_closed))
                return std::nullopt;
            continue;
        }
        const std::string block = m_input.substr(0, end);
        m_input.erase(0, end + 2);
        SseMessage message;
        std::istringstream lines(block);
        bool comment = false;
        for (std::string line; std::getline(lines, line);) {
            if (line.rfind(':', 0) == 0)
                comment = true;
            else if (line.rfind("id: ", 0) == 0)
                message.id = line.substr(4);
            else if (line.rfind("event: ", 0) == 0)
                message.event = line.substr(7);
            else if (line.rfind("data: ", 0) == 0)
                message.data = line.substr(6);
        }
        if (message.event.empty()) {
            if (comment && block == ": hb")
                ++m_heartbeats;
            continue;  // a comment or the retry field
        }
        Poco::JSON::Parser parser;
        message.json = parser.parse(message.data).extract<Poco::JSON::Object::Ptr>();
        return message;
    }
}

}  // namespace motcua::test
