// Test helper shared by the tests that vary a document object by object
// (json_direct_test.cpp, schema_test.cpp).
#pragma once

#include <boost/json/value.hpp>

#include <cstddef>
#include <string>
#include <utility>
#include <vector>

namespace govplan::testing {

/// Every object of `doc`, with its JSON pointer, in document order.
inline void objects_of(boost::json::value& doc, const std::string& at,
                       std::vector<std::pair<std::string, boost::json::object*>>& out)
{
    if (doc.is_object()) {
        out.emplace_back(at, &doc.as_object());
        for (auto& kv : doc.as_object()) objects_of(kv.value(), at + "/" + std::string(kv.key()), out);
    } else if (doc.is_array()) {
        auto& arr = doc.as_array();
        for (std::size_t i = 0; i < arr.size(); ++i) objects_of(arr[i], at + "/" + std::to_string(i), out);
    }
}

}  // namespace govplan::testing
