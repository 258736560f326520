// Where motcua-server's log goes: to journald through stderr when systemd runs it, to a rotated file, or to stderr.
#pragma once

#include <string>

namespace motcua::server {

struct LogSettings {
    std::string file;                   // --log-file; empty: stderr
    std::string rotation = "10 M";      // --log-rotation: Poco FileChannel's rotation ("10 M", "daily", "never")
    std::string archive = "timestamp";  // --log-archive: how rotated files are named ("number" or "timestamp")
    std::string keep = "10";            // --log-keep: rotated files kept
    std::string level = "information";  // --log-level: error, warning, notice, information, debug
    bool journal = false;  // JOURNAL_STREAM is set: stderr without timestamp, a <N> priority prefix for journald
};

// The channel and level of Poco's root logger (every logger of the process). A file wins over the journal. Throws
// Error(BadInput) naming the option for a value Poco refuses, Error(Environment) when the file cannot be opened.
void ConfigureServerLog(const LogSettings& settings);

}  // namespace motcua::server
