// One key=value log line per HTTP request (request id, client, method, route, path, status, milliseconds), and the
// request id that ties a client's report to that line.
#pragma once

#include <chrono>
#include <string>

namespace motcua::server {

struct RequestLogEntry {
    std::string requestId;
    std::string client;  // the peer's address
    std::string method;
    std::string route;  // the route pattern matched; empty when none did
    std::string path;
    int status = 0;
    std::chrono::microseconds duration{0};
};

// "request_id=… client=… method=GET route=/api/x/{id} path=/api/x/7 status=200 ms=1.4": fields that come from the
// client are escaped (no space, no control character), an empty one is "-".
std::string RequestLogLine(const RequestLogEntry& entry);

// The client's X-Request-Id when it is 1 to 64 of [A-Za-z0-9._-] (a proxy's id is kept across the hop), else a new
// random one (16 hex digits).
std::string RequestIdFrom(const std::string& header);

// Writes the line at level information to the logger "motcua.http" (the root logger's channel, ConfigureServerLog).
void LogRequest(const RequestLogEntry& entry);

}  // namespace motcua::server
