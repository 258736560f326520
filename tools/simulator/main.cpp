// motcua-simulator: a stand-in for the citizen app's backend, trickling dossiers into motcua-server.
#include <atomic>
#include <chrono>
#include <csignal>
#include <iostream>
#include <string>
#include <vector>

#include "model/error.h"
#include "tools/simulator/citizen_simulator.h"

namespace {

std::atomic<bool> g_stop{false};

extern "C" void OnSignal(int /*signal*/)
{
    g_stop = true;
}

}  // namespace

#ifndef MOTCUA_VERSION
#define MOTCUA_VERSION "0"
#endif

int main(int argc, char** argv)
{
    std::signal(SIGTERM, OnSignal);
    std::signal(SIGINT, OnSignal);
    try {
        const auto seed = static_cast<std::uint64_t>(std::chrono::system_clock::now().time_since_epoch().count());
        const auto commandLine =
            motcua::tools::ParseSimulatorOptions(std::vector<std::string>(argv + 1, argv + argc), seed);
        if (!commandLine.options) {
            std::cout << (commandLine.version ? "motcua-simulator " MOTCUA_VERSION "\n"
                                              : motcua::tools::SimulatorUsage());
            return 0;
        }
        motcua::tools::CitizenSimulator simulator(*commandLine.options, std::cout);
        const auto tally = simulator.Run(g_stop);
        std::cout << "sent " << tally.sent << ", created " << tally.created << ", refused as expected "
                  << tally.refusedAsExpected << ", unexpected " << tally.unexpected << ", retries " << tally.retries
                  << ", gave up " << tally.gaveUp << std::endl;
        return tally.unexpected == 0 ? 0 : 1;
    } catch (const motcua::Error& e) {
        std::cerr << "motcua-simulator: " << e.what();
        if (!e.Field().empty()) {
            std::cerr << " (" << e.Field() << ')';
        }
        std::cerr << '\n' << motcua::tools::SimulatorUsage();
        return 2;
    }
}
