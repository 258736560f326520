// A seeded random source whose draws are the same on every platform (std distributions are not portable).
#pragma once

#include <cstddef>
#include <cstdint>
#include <random>
#include <stdexcept>
#include <vector>

namespace motcua::demo {

class DemoRandom {
public:
    explicit DemoRandom(std::uint64_t seed) : m_engine(seed) {}

    std::uint64_t Next() { return m_engine(); }

    // Uniform integer in [low, high]; the modulo bias is below 2^-40 for the ranges used here.
    std::int64_t Between(std::int64_t low, std::int64_t high)
    {
        if (high < low) {
            throw std::invalid_argument("DemoRandom::Between: empty range");
        }
        const auto span = static_cast<std::uint64_t>(high - low) + 1U;
        return low + static_cast<std::int64_t>(m_engine() % span);
    }

    // Uniform real in [0, 1) from the top 53 bits.
    double Unit() { return static_cast<double>(m_engine() >> 11U) * (1.0 / 9007199254740992.0); }

    double Real(double low, double high) { return low + (high - low) * Unit(); }

    bool Chance(double probability) { return Unit() < probability; }

    std::size_t Index(std::size_t size)
    {
        return static_cast<std::size_t>(Between(0, static_cast<std::int64_t>(size) - 1));
    }

    template <typename T>
    const T& Pick(const std::vector<T>& items)
    {
        return items.at(Index(items.size()));
    }

    // Index drawn with the given non-negative weights.
    std::size_t Weighted(const std::vector<double>& weights)
    {
        double total = 0;
        for (double w : weights) {
            total += w;
        }
        double x = Unit() * total;
        for (std::size_t i = 0; i < weights.size(); ++i) {
            if (x < weights[i]) {
                return i;
            }
            x -= weights[i];
        }
        return weights.size() - 1;
    }

    template <typename T>
    void Shuffle(std::vector<T>& items)
    {
        for (std::size_t i = items.size(); i > 1; --i) {
            std::swap(items[i - 1], items[Index(i)]);
        }
    }

private:
    std::mt19937_64 m_engine;  // its output sequence is fixed by the standard
};

}  // namespace motcua::demo
