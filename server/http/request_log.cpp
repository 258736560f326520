#include "server/http/request_log.h"

#include <algorithm>
#include <cstdint>
#include <random>
#include <sstream>

#include <Poco/Logger.h>

#include "server/http/log_escape.h"

namespace motcua::server {

namespace {

std::string Field(const std::string& text)
{
    return text.empty() ? "-" : EscapeLogField(text);
}

}  // namespace

std::string RequestLogLine(const RequestLogEntry& entry)
{
    const long long micros = entry.duration.count();
    std::ostringstream line;
    line << "request_id=" << Field(entry.requestId) << " client=" << Field(entry.client)
         << " method=" << Field(entry.method) << " route=" << Field(entry.route) << " path=" << Field(entry.path)
         << " status=" << entry.status << " ms=" << micros / 1000 << '.' << (micros % 1000) / 100;
    return line.str();
}

std::string RequestIdFrom(const std::string& header)
{
    const bool usable = !header.empty() && header.size() <= 64 && std::all_of(header.begin(), header.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' || c == '_' ||
               c == '-';
    });
    if (usable)
        return header;
    // Not a secret, only unique enough to find a line: a per-thread generator seeded once.
    thread_local std::mt19937_64 generator{std::random_device{}()};
    static constexpr char kHex[] = "0123456789abcdef";
    std::uint64_t bits = generator();
    std::string id(16, '0');
    for (char& c : id) {
        c = kHex[bits & 0xF];
        bits >>= 4;
    }
    return id;
}

void LogRequest(const RequestLogEntry& entry)
{
    Poco::Logger& logger = Poco::Logger::get("motcua.http");
    if (logger.information())
        logger.information(RequestLogLine(entry));
}

}  // namespace motcua::server
