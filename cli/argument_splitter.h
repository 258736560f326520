// Splits a program's arguments into its --options and plain arguments with Poco::Util's option processor.
#pragma once

#include <cstddef>
#include <set>
#include <stdexcept>
#include <string>
#include <vector>

namespace motcua::cli {

// What a program's command line may hold; names are written "--name".
struct OptionNames {
    std::set<std::string> valued;  // take a value: "--name value" or "--name=value"
    std::set<std::string> flags;   // take none; "--name=value" is refused
    // Met on the command line, these end the reading at once (--help, --version answer whatever follows).
    std::set<std::string> stopAt;
    std::size_t maxPlain = 0;  // how many plain arguments (file names) are allowed
    // true: "-h" is --help, any other "-x" an unknown option; false: "-x" is a plain argument.
    bool shortOptions = true;

    // A program's own `valued` options, with --help and --version, either of which answers at once.
    static OptionNames WithHelpAndVersion(std::set<std::string> valued);
};

struct SplitOption {
    std::string name;   // "--name"
    std::string value;  // empty for a flag
};

struct SplitArguments {
    std::vector<SplitOption> options;  // in the order given; an option may come more than once
    std::vector<std::string> plain;
};

// A mistake on the command line, found in the order of the arguments.
class ArgumentError : public std::runtime_error {
public:
    enum class Kind {
        UnknownOption,       // a name not in OptionNames (abbreviations and other letter cases included)
        MissingValue,        // the last argument is an option waiting for its value
        UnexpectedValue,     // "--flag=value"
        UnexpectedArgument,  // more plain arguments than maxPlain
    };
    ArgumentError(Kind kind, std::string option, std::string argument, const std::string& what);
    Kind GetKind() const noexcept { return m_kind; }
    // "--name" as written without its "=value" ("-x" for a short one); empty for UnexpectedArgument.
    const std::string& Option() const noexcept { return m_option; }
    const std::string& Argument() const noexcept { return m_argument; }  // the argument as written

private:
    Kind m_kind;
    std::string m_option;
    std::string m_argument;
};

// `args` without the program name. Poco takes any unambiguous prefix of a name, in any case; we keep to the full
// names as documented, so scripts written against them do not break when a longer name is added. "--" ends the
// options. Throws ArgumentError.
SplitArguments SplitCommandLine(const std::vector<std::string>& args, const OptionNames& names);

}  // namespace motcua::cli
