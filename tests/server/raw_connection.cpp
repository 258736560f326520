#include "tests/server/raw_connection.h"

#include <algorithm>
#include <cctype>

#include <Poco/Exception.h>
#include <Poco/Net/SocketAddress.h>

namespace motcua::test {

RawConnection::RawConnection(std::uint16_t port)
{
    socket.connect(Poco::Net::SocketAddress("127.0.0.1", port), Poco::Timespan(5, 0));
}

bool RawConnection::Send(const std::string& bytes)
{
    try {
        socket.sendBytes(bytes.data(), static_cast<int>(bytes.size()));
        return true;
    } catch (const Poco::Exception&) {
        return false;
    }
}

void RawConnection::FinishSending()
{
    try {
        socket.shutdownSend();
    } catch (const Poco::Exception&) {
    }
}

bool RawConnection::Receive(std::chrono::milliseconds timeout)
{
    if (m_closed)
        return false;
    try {
        if (!socket.poll(Poco::Timespan(static_cast<long>(timeout.count()) * 1000), Poco::Net::Socket::SELECT_READ))
            return true;
        char buffer[8192];
        const int got = socket.receiveBytes(buffer, sizeof buffer);
        if (got <= 0)
            m_closed = true;
        else
            m_input.append(buffer, static_cast<std::size_t>(got));
    } catch (const Poco::Exception&) {  // reset by the server: closed as well
        m_closed = true;
    }
    return !m_closed;
}

RawReply RawConnection::Read(std::chrono::milliseconds timeout)
{
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    auto left = [&] {
        return std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
    };
    RawReply reply;
    std::size_t end;
    while ((end = m_input.find("\r\n\r\n")) == std::string::npos) {
        if (left().count() <= 0 || !Receive(std::min(left(), std::chrono::milliseconds(50)))) {
            reply.closed = m_closed;
            return reply;
        }
    }
    const std::string head = m_input.substr(0, end);
    reply.head = head;
    m_input.erase(0, end + 4);
    const std::size_t space = head.find(' ');
    if (head.rfind("HTTP/", 0) == 0 && space != std::string::npos)
        reply.status = std::atoi(head.c_str() + space + 1);
    std::size_t line = head.find("\r\n");
    while (line != std::string::npos) {
        const std::size_t next = head.find("\r\n", line + 2);
        const std::string field =
            head.substr(line + 2, next == std::string::npos ? std::string::npos : next - line - 2);
        const std::size_t colon = field.find(':');
        if (colon != std::string::npos) {
            std::string name = field.substr(0, colon);
            std::transform(name.begin(), name.end(), name.begin(),
                           [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
            reply.headers[name] = field.substr(field.find_first_not_of(' ', colon + 1));
        }
        line = next;
    }
    const std::size_t length =
        reply.headers.count("content-length") ? std::stoul(reply.headers["content-length"]) : std::size_t{0};
    while (m_input.size() < length && left().count() > 0 && Receive(std::min(left(), std::chrono::milliseconds(50)))) {
    }
    reply.body = m_input.substr(0, std::min(length, m_input.size()));
    m_input.erase(0, reply.body.size());
    reply.closed = m_closed;
    return reply;
}

bool RawConnection::ClosedWithin(std::chrono::milliseconds timeout)
{
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    while (!m_closed && std::chrono::steady_clock::now() < deadline) {
        Receive(std::chrono::milliseconds(50));
        m_input.clear();
    }
    return m_closed;
}

std::string RawRequest(const std::string& method, const std::string& target, const std::string& headers,
                       const std::string& body)
{
    return method + " " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\n" + headers +
           (body.empty() ? "" : "Content-Length: " + std::to_string(body.size()) + "\r\n") + "\r\n" + body;
}

}  // namespace motcua::test
