#include "server/server_log.h"

#include <Poco/AutoPtr.h>
#include <Poco/ConsoleChannel.h>
#include <Poco/Exception.h>
#include <Poco/FileChannel.h>
#include <Poco/FormattingChannel.h>
#include <Poco/Logger.h>
#include <Poco/PatternFormatter.h>

#include "model/error.h"

namespace motcua::server {

namespace {

void SetProperty(Poco::Channel& channel, const std::string& name, const std::string& value, const char* option)
{
    try {
        channel.setProperty(name, value);
    } catch (const Poco::Exception& e) {
        throw Error(ErrorCategory::BadInput, N_("The log setting is not valid"), option, value + ": " + e.message());
    }
}

}  // namespace

void ConfigureServerLog(const LogSettings& settings)
{
    int level = 0;
    try {
        level = Poco::Logger::parseLevel(settings.level);
    } catch (const Poco::Exception&) {
        throw Error(ErrorCategory::BadInput, N_("The log setting is not valid"), "--log-level", settings.level);
    }
    Poco::AutoPtr<Poco::Channel> sink;
    // journald stamps each line itself and reads a leading <N> as its priority (Poco's levels 1-7 are syslog's).
    std::string pattern = "%Y-%m-%dT%H:%M:%S.%iZ %p %t";
    if (!settings.file.empty()) {
        Poco::AutoPtr<Poco::FileChannel> file = new Poco::FileChannel(settings.file);
        SetProperty(*file, Poco::FileChannel::PROP_ROTATION, settings.rotation, "--log-rotation");
        SetProperty(*file, Poco::FileChannel::PROP_ARCHIVE, settings.archive, "--log-archive");
        SetProperty(*file, Poco::FileChannel::PROP_PURGECOUNT, settings.keep, "--log-keep");
        try {
            file->open();
        } catch (const Poco::Exception& e) {
            throw Error(ErrorCategory::Environment, N_("The log file cannot be opened"), "--log-file",
                        settings.file + ": " + e.message());
        }
        sink = file;
    } else {
        sink = new Poco::ConsoleChannel;  // std::clog: stderr
        if (settings.journal)
            pattern = "<%l>%t";
    }
    Poco::AutoPtr<Poco::PatternFormatter> formatter = new Poco::PatternFormatter(pattern);
    Poco::AutoPtr<Poco::FormattingChannel> channel = new Poco::FormattingChannel(formatter, sink);
    Poco::Logger::root().setChannel(channel);
    Poco::Logger::root().setLevel(level);
    // Loggers made before (Poco::Logger::get) keep the channel and level they were given: set them all.
    Poco::Logger::setChannel("", channel);
    Poco::Logger::setLevel("", level);
}

}  // namespace motcua::server
