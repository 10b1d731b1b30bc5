#include <govplan/archive.hpp>
#include <govplan/json.hpp>
#include <govplan/serialization.hpp>

#include <doctest/doctest.h>

#include "support.hpp"
#include "temp_dir.hpp"

#include <boost/archive/binary_iarchive.hpp>
#include <boost/archive/binary_oarchive.hpp>
#include <boost/archive/text_iarchive.hpp>
#include <boost/archive/text_oarchive.hpp>
#include <boost/crc.hpp>

#include <cstdio>
#include <random>
#include <vector>
#include <sstream>
#include <string>

using namespace govplan;
using govplan::testing::make_clean_plan;

namespace {

constexpr archive_kind all_kinds[] = {archive_kind::text, archive_kind::xml, archive_kind::binary};

/// A new envelope around `payload` with a correct length and checksum, as a
/// hostile writer would make it.
std::string reseal(const std::string& archive, const std::string& payload)
{
    std::string out = archive.substr(0, archive_header_size);
    std::uint64_t length = payload.size();
    for (int i = 0; i < 8; ++i) out[static_cast<std::size_t>(12 + i)] = static_cast<char>((length >> (8 * i)) & 0xff);
    boost::crc_32_type crc;
    crc.process_bytes(payload.data(), payload.size());
    const std::uint32_t sum = crc.checksum();
    for (int i = 0; i < 4; ++i) out[static_cast<std::size_t>(20 + i)] = static_cast<char>((sum >> (8 * i)) & 0xff);
    return out + payload;
}

std::string payload_of(const std::string& archive) { return archive.substr(archive_header_size); }

std::string replace_once(std::string s, const std::string& from, const std::string& to)
{
    const auto at = s.find(from);
    REQUIRE_MESSAGE(at != std::string::npos, from);
    return s.replace(at, from.size(), to);
}

plan small_plan()
{
    plan p = make_clean_plan();
    p.focus_areas[0].measures[0].targets.resize(3);
    p.focus_areas[0].measures[0].projects.clear();
    p.focus_areas[0].measures[0].organisations = {"ORGMARKER"};
    return p;
}

}  // namespace

TEST_CASE("archive round trip of each kind")
{
    const plan p = make_clean_plan();
    for (auto kind : all_kinds) {
        auto bytes = plan_to_archive(p, kind);
        REQUIRE(bytes.has_value());
        CHECK(archive_kind_of(*bytes).value() == kind);
        auto back = plan_from_archive(*bytes);
        REQUIRE_MESSAGE(back.has_value(), back.error().to_string());
        CHECK(*back == p);
    }
}

TEST_CASE("archive units of one archive share their definitions")
{
    plan p = make_clean_plan();
    auto& targets = p.focus_areas[0].measures[0].targets;
    REQUIRE(targets.size() >= 3);
    // three separately made units with one definition, and one that differs
    targets[0].unit = unit{"千亩", dimension::land_area, "平方米", {2'000'000, 3}};
    targets[1].unit = unit{"千亩", dimension::land_area, "平方米", {2'000'000, 3}};
    targets[2].unit = unit{"千亩/人", dimension::land_area, "平方米", {2'000'000, 3}, "人"};
    p.units = {targets[0].unit};
    REQUIRE_FALSE(targets[0].unit.shares_definition_with(targets[1].unit));
    for (auto kind : all_kinds) {
        auto bytes = plan_to_archive(p, kind);
        REQUIRE(bytes.has_value());
        auto back = plan_from_archive(*bytes);
        REQUIRE_MESSAGE(back.has_value(), back.error().to_string());
        CHECK(*back == p);
        const auto& loaded = back->focus_areas[0].measures[0].targets;
        CHECK(loaded[0].unit.shares_definition_with(back->units[0]));
        CHECK(loaded[1].unit.shares_definition_with(back->units[0]));
        CHECK_FALSE(loaded[2].unit.shares_definition_with(back->units[0]));
        CHECK(loaded[2].unit.per() == "人");
    }
}

TEST_CASE("archive checksum of each kind is CRC-32 of the payload, as Boost.CRC computes it")
{
    // Plans of 0 to 9 targets: payloads of many lengths, so every tail of
    // the eight-byte step is summed.
    for (std::size_t n = 0; n < 10; ++n) {
        plan p = make_clean_plan();
        p.focus_areas[0].measures[0].targets.resize(std::min(n, p.focus_areas[0].measures[0].targets.size()));
        for (auto kind : all_kinds) {
            auto bytes = plan_to_archive(p, kind);
            REQUIRE(bytes.has_value());
            const std::string payload = payload_of(*bytes);
            boost::crc_32_type crc;
            crc.process_bytes(payload.data(), payload.size());
            std::uint32_t recorded = 0;
            for (int i = 0; i < 4; ++i)
                recorded |= std::uint32_t{static_cast<unsigned char>((*bytes)[static_cast<std::size_t>(20 + i)])} << (8 * i);
            CHECK(recorded == crc.checksum());
        }
    }
}

TEST_CASE("archive checksum of a payload of every length from 0 to 400 bytes is checked as Boost.CRC computes it")
{
    // Long payloads are summed sixteen bytes at a time with carry-less
    // multiplication where the processor has it, short ones and the tail by
    // tables: every length up to 400 and some long ones, random bytes, each
    // sealed with Boost's CRC, must pass the check (and then fail as the
    // nonsense they are), and one flipped bit must not.
    const std::string archive = *plan_to_archive(small_plan(), archive_kind::binary);
    std::mt19937 random(20261201);
    std::vector<std::size_t> lengths;
    for (std::size_t n = 0; n <= 400; ++n) lengths.push_back(n);
    for (std::size_t n : {std::size_t{1023}, std::size_t{1024}, std::size_t{4099}, std::size_t{65536 + 37}, std::size_t{1000003}})
        lengths.push_back(n);
    std::size_t checked = 0;
    for (std::size_t n : lengths) {
        std::string payload(n, '\0');
        for (auto& c : payload) c = static_cast<char>(random() & 0xFFu);
        const auto sealed = plan_from_archive(reseal(archive, payload));
        REQUIRE_FALSE(sealed.has_value());
        INFO("payload of " << n << " bytes");
        CHECK(sealed.error().code != errc::checksum_mismatch);
        if (n == 0) continue;
        std::string damaged = payload;
        damaged[random() % n] ^= static_cast<char>(1u << (random() % 8));
        const auto stale = plan_from_archive(reseal(archive, payload).substr(0, archive_header_size) + damaged);
        REQUIRE_FALSE(stale.has_value());
        CHECK(stale.error().code == errc::checksum_mismatch);
        ++checked;
    }
    CHECK(checked == lengths.size() - 1);
}

TEST_CASE("archive an archive built by hand loads several objects of one type through Boost")
{
    // The archive loaders read a type's later objects without Boost's
    // per-object step; an archive a program builds itself keeps Boost's.
    const plan p = make_clean_plan();
    const auto& targets = p.focus_areas[0].measures[0].targets;
    REQUIRE(targets.size() >= 2);
    std::stringstream stream;
    {
        boost::archive::binary_oarchive out(stream);
        out << p << targets[0] << targets[1] << p.focus_areas[0] << p;
    }
    boost::archive::binary_iarchive in(stream);
    plan first, last;
    target t0, t1;
    focus_area area;
    in >> first >> t0 >> t1 >> area >> last;
    CHECK(first == p);
    CHECK(t0 == targets[0]);
    CHECK(t1 == targets[1]);
    CHECK(area == p.focus_areas[0]);
    CHECK(last == p);
}

TEST_CASE("archive envelope errors are typed and located")
{
    const std::string good = plan_to_archive(small_plan(), archive_kind::binary).value();
    auto error_of = [](const std::string& bytes) {
        auto r = plan_from_archive(bytes);
        REQUIRE_FALSE(r.has_value());
        return r.error();
    };
    std::string wrong_magic = good;
    wrong_magic[0] = 'X';
    CHECK(error_of(wrong_magic).code == errc::bad_magic);
    CHECK(error_of("{\"format\": \"govplan\"}").code == errc::bad_magic);

    std::string newer = good;
    newer[8] = 3;
    const error v = error_of(newer);
    CHECK(v.code == errc::unsupported_version);
    CHECK(v.byte_offset == 8u);

    std::string flipped = good;
    flipped[good.size() / 2] = static_cast<char>(flipped[good.size() / 2] ^ 0x10);
    const error c = error_of(flipped);
    CHECK(c.code == errc::checksum_mismatch);
    CHECK(c.byte_offset == 20u);

    CHECK(error_of(good.substr(0, good.size() - 1)).code == errc::truncated);
    CHECK(error_of(good + "x").code == errc::corrupt_archive);
    CHECK(error_of("").code == errc::truncated);

    std::string kind = good;
    kind[10] = 9;
    CHECK(error_of(kind).code == errc::corrupt_archive);

    archive_limits tight;
    tight.max_bytes = 64;
    CHECK(plan_from_archive(good, tight).error().code == errc::limit_exceeded);
}

TEST_CASE("archive every truncation of a small binary archive fails cleanly")
{
    const std::string good = plan_to_archive(small_plan(), archive_kind::binary).value();
    for (std::size_t n = 0; n < good.size(); ++n) {
        auto r = plan_from_archive(std::string_view(good).substr(0, n));
        REQUIRE_FALSE_MESSAGE(r.has_value(), "length " << n);
        CHECK(r.error().code == errc::truncated);
    }
    // Truncated payloads resealed with a valid checksum reach Boost: still clean errors.
    const std::string payload = payload_of(good);
    for (std::size_t n = 0; n < payload.size(); ++n) {
        auto r = plan_from_archive(reseal(good, payload.substr(0, n)));
        CHECK_FALSE_MESSAGE(r.has_value(), "payload length " << n);
    }
}

TEST_CASE("archive random byte flips never crash")
{
    std::mt19937_64 rng(20250417);
    for (auto kind : all_kinds) {
        const std::string good = plan_to_archive(small_plan(), kind).value();
        const std::string payload = payload_of(good);
        int failures = 0;
        for (int i = 0; i < 1500; ++i) {
            // Flip in the whole file: the envelope must catch it.
            std::string bytes = good;
            const auto at = std::uniform_int_distribution<std::size_t>(0, bytes.size() - 1)(rng);
            bytes[at] = static_cast<char>(bytes[at] ^ static_cast<char>(1 + rng() % 255));
            CHECK_FALSE(plan_from_archive(bytes).has_value());
            // Flip the payload and reseal it: Boost and govplan's checks must cope.
            std::string hostile = payload;
            const auto p = std::uniform_int_distribution<std::size_t>(0, hostile.size() - 1)(rng);
            hostile[p] = static_cast<char>(hostile[p] ^ static_cast<char>(1 + rng() % 255));
            auto r = plan_from_archive(reseal(good, hostile));
            if (!r.has_value()) {
                ++failures;
                CHECK(r.error().byte_offset >= archive_header_size);
                continue;
            }
            // Whatever loads is whole: it validates without throwing and
            // writes and reads back to itself.
            CHECK_NOTHROW((void)validate(*r));
            const auto again = plan_from_archive(plan_to_archive(*r, kind).value());
            REQUIRE(again.has_value());
            CHECK(*again == *r);
        }
        CHECK(failures > 0);
    }
}

TEST_CASE("archive hostile lengths and counts are refused before allocating")
{
    const std::string good = plan_to_archive(small_plan(), archive_kind::binary).value();
    std::string payload = payload_of(good);
    const auto marker = payload.find("ORGMARKER");
    REQUIRE(marker != std::string::npos);
    auto patch_u64 = [](std::string s, std::size_t at, std::uint64_t v) {
        for (int i = 0; i < 8; ++i) s[at + static_cast<std::size_t>(i)] = static_cast<char>((v >> (8 * i)) & 0xff);
        return s;
    };
    // The string length just before the marker.
    const auto huge_string = plan_from_archive(reseal(good, patch_u64(payload, marker - 8, 0x7fffffffffffULL)));
    REQUIRE_FALSE(huge_string.has_value());
    CHECK(huge_string.error().code == errc::limit_exceeded);
    // The collection count before that string.
    const auto huge_count = plan_from_archive(reseal(good, patch_u64(payload, marker - 16, 0xffffffffffffffffULL)));
    REQUIRE_FALSE(huge_count.has_value());
    CHECK(huge_count.error().code == errc::limit_exceeded);
    // A count within the budget but beyond the data runs out of data, not memory.
    const auto long_count = plan_from_archive(reseal(good, patch_u64(payload, marker - 16, payload.size() - 1)));
    REQUIRE_FALSE(long_count.has_value());
    CHECK(long_count.error().code == errc::corrupt_archive);
}

TEST_CASE("archive a collection over its limit is refused when its count is read")
{
    // Millions of empty strings cost two bytes each in a text archive and 32 in
    // memory: the count is checked against max_collection_size before any is built.
    plan p = small_plan();
    p.focus_areas[0].measures[0].targets[0].responsibility.edit().partner_units.assign(3000, std::string());
    for (auto kind : all_kinds) {
        CAPTURE(kind);
        const std::string bytes = plan_to_archive(p, kind).value();
        archive_limits limits;
        limits.max_collection_size = 2999;
        const auto refused = plan_from_archive(bytes, limits);
        REQUIRE_FALSE(refused.has_value());
        CHECK(refused.error().code == errc::limit_exceeded);
        CHECK(refused.error().message == "a collection of 3000 elements exceeds the limit of 2999");
        limits.max_collection_size = 3000;
        CHECK(plan_from_archive(bytes, limits).has_value());
        CHECK(plan_from_archive(bytes).has_value());  // the default: 1,048,576
    }
}

TEST_CASE("archive a string that is not UTF-8 or an id used twice is refused as the JSON reader refuses it")
{
    // Patched into a binary archive (same lengths), past the writer, which refuses both.
    plan p = small_plan();
    auto& ts = p.focus_areas[0].measures[0].targets;
    ts[0].id = "idAAA";
    ts[1].id = "idBBB";
    const std::string good = plan_to_archive(p, archive_kind::binary).value();
    const auto not_utf8 = plan_from_archive(reseal(good, replace_once(payload_of(good), "ORGMARKER", "ORG\xff" "ARKER")));
    REQUIRE_FALSE(not_utf8.has_value());
    CHECK(not_utf8.error().code == errc::corrupt_archive);
    CHECK(not_utf8.error().message == "item is not UTF-8 text");
    const auto twice = plan_from_archive(reseal(good, replace_once(payload_of(good), "idBBB", "idAAA")));
    REQUIRE_FALSE(twice.has_value());
    CHECK(twice.error().code == errc::duplicate_id);
    CHECK(twice.error().message == "id \"idAAA\" is used twice (focus_areas[0].measures[0].targets[1].id)");
    // The writers refuse the same plans before writing anything.
    ts[1].id = "idAAA";
    CHECK(plan_to_archive(p, archive_kind::xml).error().code == errc::duplicate_id);
    ts[1].id = "idBBB";
    p.focus_areas[0].measures[0].organisations = {"ORG\xff" "ARKER"};
    const auto refused = plan_to_archive(p, archive_kind::text);
    REQUIRE_FALSE(refused.has_value());
    CHECK(refused.error().message == "focus_areas[0].measures[0].organisations[0] is not UTF-8 text: refused before writing");
    // inside a member held out of line (a boxed responsibility)
    p.focus_areas[0].measures[0].organisations = {"ORGMARKER"};
    ts[1].responsibility.edit().partner_units = {"ok", "\xff"};
    const auto bad_box = plan_to_archive(p, archive_kind::binary);
    REQUIRE_FALSE(bad_box.has_value());
    CHECK(bad_box.error().message ==
          "focus_areas[0].measures[0].targets[1].responsibility.partner_units[1] is not UTF-8 text: refused before writing");
    ts[1].responsibility.reset();
    // inside a unit too (a unit is a handle: its definition is checked)
    ts[0].unit = unit{"\xff" "吨", dimension::mass, "千克", {1000, 1}};
    const auto bad_unit = plan_to_archive(p, archive_kind::binary);
    REQUIRE_FALSE(bad_unit.has_value());
    CHECK(bad_unit.error().message == "focus_areas[0].measures[0].targets[0].unit.symbol is not UTF-8 text: refused before writing");
    ts[0].unit = unit{"斤斤", static_cast<dimension>(99), "克"};
    const auto bad_dimension = plan_to_archive(p, archive_kind::text);
    REQUIRE_FALSE(bad_dimension.has_value());
    CHECK(bad_dimension.error().code == errc::invalid_value);
}

namespace {

/// What valid_utf8 must say, decoded by the letter of RFC 3629: each
/// sequence's code point, refused when overlong, a surrogate or past U+10FFFF.
bool utf8_by_rfc3629(const std::string& s)
{
    std::size_t i = 0;
    while (i < s.size()) {
        const auto c = static_cast<unsigned char>(s[i]);
        std::size_t n = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 0;
        if (n == 0 || i + n > s.size()) return false;
        std::uint32_t cp = n == 1 ? c : n == 2 ? (c & 0x1Fu) : n == 3 ? (c & 0x0Fu) : (c & 0x07u);
        for (std::size_t k = 1; k < n; ++k) {
            const auto b = static_cast<unsigned char>(s[i + k]);
            if ((b >> 6) != 0x2) return false;
            cp = (cp << 6) | (b & 0x3Fu);
        }
        const std::uint32_t least[] = {0, 0, 0x80, 0x800, 0x10000};
        if (cp < least[n] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return false;
        i += n;
    }
    return true;
}

}  // namespace

TEST_CASE("archive UTF-8 check agrees with RFC 3629 on every short sequence and on long mixed text")
{
    using serialization_detail::valid_utf8;
    // Every one- and two-byte string, and every three-byte string that starts
    // a multi-byte sequence, each behind an ASCII run that crosses the
    // eight-byte step (0 to 9 bytes) and before one.
    std::size_t checked = 0, disagreed = 0;
    auto check = [&](const std::string& s) {
        ++checked;
        if (valid_utf8(s) != utf8_by_rfc3629(s)) {
            if (++disagreed <= 5) {
                std::string hex;
                for (char ch : s) {
                    char two[4];
                    std::snprintf(two, sizeof two, "%02X ", static_cast<unsigned>(static_cast<unsigned char>(ch)));
                    hex += two;
                }
                MESSAGE("disagree on " << hex);
            }
        }
    };
    // Strings of 32 bytes and more go sixteen at a time (SSSE3): the same
    // sequences again behind 30 bytes, so that they cross the block boundary
    // or are cut by the end.
    const std::string long_lead(30, 'l');
    for (unsigned a = 0; a < 256; ++a) {
        for (std::size_t lead = 0; lead < 10; lead += 3) check(std::string(lead, 'a') + char(a) + "tail");
        for (unsigned b = 0; b < 256; ++b) {
            check(std::string{char(a), char(b)});
            check(long_lead + char(a) + char(b));
            check(long_lead + char(a) + char(b) + std::string(16, 'z'));
            if (a >= 0xC0) {
                for (unsigned c = 0x70; c < 0xD0; ++c) {
                    check(std::string(9, 'x') + char(a) + char(b) + char(c));
                    check(long_lead + char(a) + char(b) + char(c) + "yz");
                }
            }
        }
    }
    // Random texts of valid characters of every length, some with one byte
    // changed, 0 to 100 bytes long.
    std::mt19937 random(20261201);
    const std::vector<std::string> characters = {"a", "Z", "7", "{", "é", "ß", "规", "划", "€", "😀", "𐍈", "\xf4\x8f\xbf\xbf"};
    for (int round = 0; round < 200'000; ++round) {
        std::string s;
        const std::size_t length = random() % 101;
        while (s.size() < length) s += characters[random() % characters.size()];
        if (!s.empty() && random() % 2 == 0) s[random() % s.size()] = static_cast<char>(random() % 256);
        check(s);
    }
    for (unsigned a = 0xF0; a < 0xF8; ++a)
        for (unsigned b = 0x80; b < 0xC0; b += 7)
            for (unsigned c : {0x7Fu, 0x80u, 0xBFu, 0xC0u})
                for (unsigned d : {0x7Fu, 0x80u, 0xBFu, 0xC0u}) check(std::string{char(a), char(b), char(c), char(d)});
    // Long text: Chinese, ASCII and emoji, whole and cut at every byte.
    const std::string text = "2025年郾城区GDP增长6.5%左右 🚀 ok 规上工业增加值增长8%";
    for (std::size_t cut = 0; cut <= text.size(); ++cut) {
        check(text.substr(0, cut));
        check(text.substr(cut));
    }
    CHECK(valid_utf8(text));
    CHECK(disagreed == 0);
    CHECK(checked > 3'500'000);  // the loops above ran
}

TEST_CASE("archive from a newer class version is rejected")
{
    const std::string good = plan_to_archive(small_plan(), archive_kind::xml).value();
    const std::string payload =
        replace_once(payload_of(good), "<plan class_id=\"0\" tracking_level=\"0\" version=\"1\">",
                     "<plan class_id=\"0\" tracking_level=\"0\" version=\"2\">");
    auto r = plan_from_archive(reseal(good, payload));
    REQUIRE_FALSE(r.has_value());
    CHECK(r.error().code == errc::unsupported_version);
    CHECK(r.error().message.find("plan was written by class version 2") != std::string::npos);
}

TEST_CASE("archive XML without its end tag is an error not an abort")
{
    const std::string good = plan_to_archive(small_plan(), archive_kind::xml).value();
    const std::string payload = replace_once(payload_of(good), "</boost_serialization>", "");
    auto r = plan_from_archive(reseal(good, payload));
    REQUIRE_FALSE(r.has_value());
    CHECK(r.error().code == errc::corrupt_archive);
    // Cut in the middle of an element: Boost's own parser error, mapped.
    auto cut = plan_from_archive(reseal(good, payload_of(good).substr(0, payload_of(good).size() / 2)));
    REQUIRE_FALSE(cut.has_value());
}

TEST_CASE("archive XML is loaded as strictly as text and binary")
{
    const std::string good = plan_to_archive(small_plan(), archive_kind::xml).value();
    const std::string payload = payload_of(good);
    REQUIRE(plan_from_archive(reseal(good, payload)).has_value());
    auto refused = [&](const std::string& damaged) {
        auto r = plan_from_archive(reseal(good, damaged));
        REQUIRE_FALSE(r.has_value());
        return r.error();
    };
    // The plan's own end tag missing.
    const error no_plan_end = refused(replace_once(payload, "</plan>", ""));
    CHECK(no_plan_end.code == errc::corrupt_archive);
    CHECK(no_plan_end.message == "the XML archive closes <boost_serialization> where <plan> is open");
    // An end tag of another name.
    const error renamed = refused(replace_once(payload, "</title>", "</titel>"));
    CHECK(renamed.message == "the XML archive closes <titel> where <title> is open");
    // A Boost archive version newer than this build reads (text and binary refuse it too).
    const auto at = payload.find("<boost_serialization signature=\"serialization::archive\" version=\"");
    REQUIRE(at != std::string::npos);
    std::string newer = payload;
    const auto v = at + std::string_view("<boost_serialization signature=\"serialization::archive\" version=\"").size();
    newer.replace(v, newer.find('"', v) - v, "99");
    const error version = refused(newer);
    CHECK(version.code == errc::unsupported_version);
    CHECK(version.message.find("Boost archive version 99") != std::string::npos);
    // Nesting deeper than any archive of a plan.
    std::string opens, closes;
    for (int i = 0; i < 300; ++i) {
        opens += "<a>";
        closes += "</a>";
    }
    CHECK(refused(replace_once(payload, "</plan>", "</plan>" + opens + closes)).message ==
          "the XML archive nests deeper than 256 elements");
    // Text after the root element, and a second root.
    CHECK(refused(payload + "junk").message == "the XML archive has text outside its root element");
    CHECK(refused(payload + "<boost_serialization/>").message == "the XML archive has a second root element");
}

TEST_CASE("archive invalid dates and enum values are errors not exceptions")
{
    const std::string good = plan_to_archive(small_plan(), archive_kind::xml).value();
    auto bad_date = plan_from_archive(
        reseal(good, replace_once(payload_of(good), "<period_first>20250101", "<period_first>20250230")));
    REQUIRE_FALSE(bad_date.has_value());
    CHECK(bad_date.error().code == errc::corrupt_archive);
    CHECK(bad_date.error().message.find("2025-02-30") != std::string::npos);

    auto bad_enum = plan_from_archive(reseal(good, replace_once(payload_of(good), "<level>3</level>", "<level>7</level>")));
    REQUIRE_FALSE(bad_enum.has_value());
    CHECK(bad_enum.error().code == errc::corrupt_archive);
}

TEST_CASE("archive files save atomically and load")
{
    govplan::testing::temp_dir dir;
    const plan p = make_clean_plan();
    for (auto kind : all_kinds) {
        const auto file = dir.path() / (std::string("plan.") + std::string(to_code(kind)));
        REQUIRE(save_archive(p, file, kind).has_value());
        auto back = load_archive(file);
        REQUIRE(back.has_value());
        CHECK(*back == p);
    }
    const auto file = dir.path() / "plan.binary";
    const std::string before = govplan::testing::read_all(file);
    plan broken = p;
    broken.focus_areas[0].measures[0].projects[0].stage = static_cast<project_stage>(99);
    const auto r = save_archive(broken, file, archive_kind::binary);
    REQUIRE_FALSE(r.has_value());
    CHECK(govplan::testing::read_all(file) == before);
    {
        govplan::testing::file_size_limit limit(100);
        CHECK_FALSE(save_archive(p, file, archive_kind::binary).has_value());
    }
    CHECK(govplan::testing::read_all(file) == before);
    CHECK(dir.entries() == 3);
    const auto missing = load_archive(dir.path() / "nothing");
    REQUIRE_FALSE(missing.has_value());
    CHECK(missing.error().code == errc::io_error);
}

TEST_CASE("archive errors of the serialization templates are govplan exceptions")
{
    // A program archiving the model with its own Boost archive catches them
    // with govplan's other errors.
    const plan p = small_plan();
    std::ostringstream out;
    {
        boost::archive::text_oarchive ar(out);
        ar << p;
    }
    std::istringstream in(out.str());
    boost::archive::text_iarchive ar(in);
    plan back;
    CHECK(govplan::load_budget_of(ar).max_length == govplan::load_budget::default_limit);
    govplan::set_load_budget(ar, {.max_length = 4});  // no string or list longer than 4
    CHECK(govplan::load_budget_of(ar).max_length == 4);
    try {
        ar >> back;
        FAIL("a string over the load budget loaded");
    } catch (const govplan::exception& e) {
        CHECK(e.error().code == errc::limit_exceeded);
        CHECK(e.error().message.find("exceeds the load limit of 4") != std::string::npos);
    }
    // The budget is the archive's: another archive read meanwhile on this
    // thread keeps the default and loads the same plan.
    std::istringstream again(out.str());
    boost::archive::text_iarchive other(again);
    plan whole;
    other >> whole;
    CHECK(whole == p);
    CHECK(govplan::load_budget_of(ar).max_length == 4);
}
