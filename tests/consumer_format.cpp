// The opt-in {fmt} formatters, used by the consumer tests (consumer.cpp).
#include <govplan/decimal.hpp>
#include <govplan/format.hpp>

#include <fmt/format.h>

#include <string>

std::string formatted(const govplan::decimal& d) { return fmt::format("{}", d); }
