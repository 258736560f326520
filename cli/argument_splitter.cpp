#include "cli/argument_splitter.h"

#include <utility>

#include <Poco/Util/OptionException.h>
#include <Poco/Util/OptionProcessor.h>
#include <Poco/Util/OptionSet.h>

namespace motcua::cli {

ArgumentError::ArgumentError(Kind kind, std::string option, std::string argument, const std::string& what)
    : std::runtime_error(what),
      m_kind(kind),
      m_option(std::move(option)),
      m_argument(std::move(argument))
{}

OptionNames OptionNames::WithHelpAndVersion(std::set<std::string> valued)
{
    OptionNames names;
    names.valued = std::move(valued);
    names.flags = {"--help", "--version"};
    names.stopAt = names.flags;
    return names;
}

namespace {

Poco::Util::OptionSet OptionSetOf(const OptionNames& names)
{
    Poco::Util::OptionSet options;
    auto add = [&options, &names](const std::string& name, bool takesValue) {
        // Repeatable: the caller decides whether the last one wins or a second one is a mistake.
        Poco::Util::Option option(name.substr(2), names.shortOptions && name == "--help" ? "h" : "");
        option.repeatable(true);
        if (takesValue)
            option.argument("VALUE");
        options.addOption(option);
    };
    for (const std::string& name : names.valued)
        add(name, true);
    for (const std::string& name : names.flags)
        add(name, false);
    return options;
}

}  // namespace

SplitArguments SplitCommandLine(const std::vector<std::string>& args, const OptionNames& names)
{
    const Poco::Util::OptionSet options = OptionSetOf(names);
    Poco::Util::OptionProcessor processor(options);
    processor.setUnixStyle(true);
    SplitArguments result;
    std::string due;  // the option waiting for its value, as written
    std::string arg;
    const auto nameOf = [](const std::string& text) { return text.substr(0, text.find('=')); };
    try {
        for (const std::string& current : args) {
            arg = current;
            const bool shortOption = arg.size() > 1 && arg[0] == '-' && arg[1] != '-';
            if (due.empty() && arg.rfind("--", 0) == 0 && arg != "--") {
                const std::string name = nameOf(arg);
                if (!names.valued.count(name) && !names.flags.count(name))
                    throw ArgumentError(ArgumentError::Kind::UnknownOption, name, arg, "unknown option " + name);
            }
            std::string name;
            std::string value;
            if ((due.empty() && shortOption && !names.shortOptions) || !processor.process(arg, name, value)) {
                if (result.plain.size() >= names.maxPlain)
                    throw ArgumentError(ArgumentError::Kind::UnexpectedArgument, "", arg,
                                        "unexpected argument '" + arg + "'");
                result.plain.push_back(arg);
                continue;
            }
            if (name.empty()) {  // "--name" waiting for its value, or "--"
                due = arg == "--" ? "" : nameOf(arg);
                continue;
            }
            due.clear();
            const std::string option = "--" + name;
            result.options.push_back({option, names.flags.count(option) ? "" : value});
            if (names.stopAt.count(option))
                return result;
        }
        processor.checkRequired();  // throws when the last option still waits for its value
    } catch (const Poco::Util::MissingArgumentException&) {
        throw ArgumentError(ArgumentError::Kind::MissingValue, due, arg, "option " + due + " needs a value");
    } catch (const Poco::Util::UnexpectedArgumentException&) {
        const std::string name = nameOf(arg);
        throw ArgumentError(ArgumentError::Kind::UnexpectedValue, name, arg, "option " + name + " takes no value");
    } catch (const Poco::Util::OptionException& e) {  // "-x": an unknown short option
        throw ArgumentError(ArgumentError::Kind::UnknownOption, nameOf(arg), arg, e.displayText());
    }
    return result;
}

}  // namespace motcua::cli
