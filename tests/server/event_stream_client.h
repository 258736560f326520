// A client of GET /staff/v1/events for the tests: opens the stream over a plain socket and reads its server-sent
// events one by one with a timeout.
#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>

#include <Poco/JSON/Object.h>
#include <Poco/Net/StreamSocket.h>

namespace motcua::test {

struct SseMessage {
    std::string id;
    std::string event;  // "dossier", "reset"
    std::string data;
    Poco::JSON::Object::Ptr json;  // data parsed
};

class EventStreamClient {
public:
    // `lastEventId`: sent as Last-Event-ID when not empty; `receiveBuffer` > 0 shrinks the socket's receive buffer
    // (a client that stops reading then fills up soon).
    EventStreamClient(std::uint16_t port, const std::string& token, const std::string& lastEventId = {},
                      int receiveBuffer = 0);

    int Status() const noexcept { return m_status; }  // of the response head; 0 when none came within 10 s
    const std::string& Head() const noexcept { return m_head; }
    // The next event (comments skipped, heartbeats counted), or empty when none came within `timeout` or the
    // server closed the stream.
    std::optional<SseMessage> Next(std::chrono::milliseconds timeout = std::chrono::seconds{5});
    // Events until one satisfies `match`; empty when none did within `timeout`.
    template <typename Match>
    std::optional<SseMessage> NextWhere(Match match, std::chrono::milliseconds timeout = std::chrono::seconds{5})
    {
        const auto until = std::chrono::steady_clock::now() + timeout;
        while (std::chrono::steady_clock::now() < until) {
            std::optional<SseMessage> message =
                Next(std::chrono::duration_cast<std::chrono::milliseconds>(until - std::chrono::steady_clock::now()));
            if (!message || match(*message))
                return message;
        }
        return std::nullopt;
    }
    int Heartbeats() const noexcept { return m_heartbeats; }
    bool Closed() const noexcept { return m_closed; }

    Poco::Net::StreamSocket socket;

private:
    bool Receive(std::chrono::milliseconds timeout);

    std::string m_input;
    std::string m_head;
    int m_status = 0;
    int m_heartbeats = 0;
    bool m_closed = false;
};

}  // namespace motcua::test
