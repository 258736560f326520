// A plain TCP connection to the server under test, for what an HTTP client library will not send: trickled bytes,
// garbage request lines, lying Content-Length headers; and a small reader of one HTTP answer.
#pragma once

#include <chrono>
#include <cstdint>
#include <map>
#include <string>

#include <Poco/Net/StreamSocket.h>

namespace motcua::test {

struct RawReply {
    int status = 0;  // 0: no answer (closed or timed out first)
    std::string head;
    std::map<std::string, std::string> headers;  // names in lower case
    std::string body;
    bool closed = false;  // the server closed (or reset) the connection
};

class RawConnection {
public:
    explicit RawConnection(std::uint16_t port);

    // Sends every byte; false when the connection is no longer writable.
    bool Send(const std::string& bytes);
    // No more bytes from us (the server reads end of input).
    void FinishSending();
    // Reads one answer: its head, then as many body bytes as Content-Length says; stops at a close or after
    // `timeout`.
    RawReply Read(std::chrono::milliseconds timeout);
    // Whether the server closed the connection within `timeout` (whatever it sent before is discarded).
    bool ClosedWithin(std::chrono::milliseconds timeout);

    Poco::Net::StreamSocket socket;

private:
    // Appends what arrives within `timeout` to m_input; false when the peer closed.
    bool Receive(std::chrono::milliseconds timeout);
    std::string m_input;
    bool m_closed = false;
};

// "GET /health HTTP/1.1" with the Host header: a complete request as raw bytes.
std::string RawRequest(const std::string& method, const std::string& target, const std::string& headers = {},
                       const std::string& body = {});

}  // namespace motcua::test
