// Expectations written down independently of the code under test: a table of
// every standard unit typed from the definitions (not read from the
// registry), calendar facts, every place a unit can stand, and the envelope
// damaged field by field.
#include <govplan/archive.hpp>
#include <govplan/govplan.hpp>
#include <govplan/json.hpp>

#include <doctest/doctest.h>

#include "support.hpp"

#include <boost/crc.hpp>
#include <boost/json/parse.hpp>

#include <cstdint>
#include <string>
#include <vector>

using namespace govplan;
using namespace govplan::literals;
using govplan::testing::make_clean_plan;

namespace {

struct unit_fact {
    const char* symbol;
    dimension dim;
    const char* base;
    std::int64_t numerator;
    std::int64_t denominator;
};

// 1 mu = 1/15 hectare = 10000/15 m² = 2000/3 m²; 1 公斤 = 1 千克; 1 公顷 = 10^4 m².
const unit_fact standard_units[] = {
    {"个", dimension::count, "个", 1, 1},       {"家", dimension::count, "家", 1, 1},
    {"套", dimension::count, "套", 1, 1},       {"所", dimension::count, "所", 1, 1},
    {"条", dimension::count, "条", 1, 1},       {"户", dimension::count, "户", 1, 1},
    {"人", dimension::count, "人", 1, 1},       {"项", dimension::count, "项", 1, 1},
    {"件", dimension::count, "件", 1, 1},       {"单", dimension::count, "单", 1, 1},
    {"座", dimension::count, "座", 1, 1},       {"处", dimension::count, "处", 1, 1},
    {"间", dimension::count, "间", 1, 1},       {"台", dimension::count, "台", 1, 1},
    {"次", dimension::count, "次", 1, 1},       {"辆", dimension::count, "辆", 1, 1},
    {"栋", dimension::count, "栋", 1, 1},       {"张", dimension::count, "张", 1, 1},
    {"名", dimension::count, "名", 1, 1},       {"批", dimension::count, "批", 1, 1},
    {"场", dimension::count, "场", 1, 1},       {"人次", dimension::count, "人次", 1, 1},
    {"天", dimension::count, "天", 1, 1},       {"位", dimension::count, "位", 1, 1},
    {"万单", dimension::count, "单", 10000, 1},
    {"万户", dimension::count, "户", 10000, 1}, {"万人", dimension::count, "人", 10000, 1},
    {"万人次", dimension::count, "人次", 10000, 1}, {"万套", dimension::count, "套", 10000, 1},
    {"万件", dimension::count, "件", 10000, 1}, {"万个", dimension::count, "个", 10000, 1},
    {"万家", dimension::count, "家", 10000, 1}, {"亿人次", dimension::count, "人次", 100000000, 1},
    {"元", dimension::money, "元", 1, 1},       {"万元", dimension::money, "元", 10000, 1},
    {"亿元", dimension::money, "元", 100000000, 1}, {"美元", dimension::money, "美元", 1, 1},
    {"万美元", dimension::money, "美元", 10000, 1}, {"亿美元", dimension::money, "美元", 100000000, 1},
    {"平方米", dimension::area, "平方米", 1, 1}, {"万平方米", dimension::area, "平方米", 10000, 1},
    {"公顷", dimension::land_area, "平方米", 10000, 1}, {"平方公里", dimension::land_area, "平方米", 1000000, 1},
    {"亩", dimension::land_area, "平方米", 2000, 3}, {"万亩", dimension::land_area, "平方米", 20000000, 3},
    {"米", dimension::length, "米", 1, 1},      {"公里", dimension::length, "米", 1000, 1},
    {"千克", dimension::mass, "千克", 1, 1},    {"公斤", dimension::mass, "千克", 1, 1},
    {"吨", dimension::mass, "千克", 1000, 1},   {"万吨", dimension::mass, "千克", 10000000, 1},
    {"%", dimension::percent, "%", 1, 1},       {"个百分点", dimension::percentage_point, "个百分点", 1, 1},
    {"百分点", dimension::percentage_point, "个百分点", 1, 1},
    // Format 2: power, volume, energy, duration, ratio (written from the units' definitions in law and use:
    // 1 兆瓦 = 1000 千瓦, 1 小时 = 60 分钟; 番 is a doubling, not a multiple of 倍; 成 is a tenth).
    {"千瓦", dimension::power, "千瓦", 1, 1},   {"万千瓦", dimension::power, "千瓦", 10000, 1},
    {"兆瓦", dimension::power, "千瓦", 1000, 1}, {"立方米", dimension::volume, "立方米", 1, 1},
    {"万立方米", dimension::volume, "立方米", 10000, 1}, {"千瓦时", dimension::energy, "千瓦时", 1, 1},
    {"万千瓦时", dimension::energy, "千瓦时", 10000, 1}, {"亿千瓦时", dimension::energy, "千瓦时", 100000000, 1},
    {"吨标准煤", dimension::energy, "吨标准煤", 1, 1}, {"万吨标准煤", dimension::energy, "吨标准煤", 10000, 1},
    {"分钟", dimension::duration, "分钟", 1, 1}, {"小时", dimension::duration, "分钟", 60, 1},
    {"个工作日", dimension::duration, "个工作日", 1, 1}, {"工作日", dimension::duration, "个工作日", 1, 1},
    {"倍", dimension::ratio, "倍", 1, 1},       {"番", dimension::ratio, "番", 1, 1},
    {"成", dimension::ratio, "成", 1, 1},
};

void put_u64(std::string& s, std::size_t at, std::uint64_t v);

/// A correct length and checksum for whatever payload `archive` now holds.
std::string reseal(std::string archive)
{
    put_u64(archive, 12, archive.size() - archive_header_size);
    const std::string_view payload = std::string_view(archive).substr(archive_header_size);
    boost::crc_32_type crc;
    crc.process_bytes(payload.data(), payload.size());
    const std::uint32_t sum = crc.checksum();
    for (int i = 0; i < 4; ++i) archive[static_cast<std::size_t>(20 + i)] = static_cast<char>((sum >> (8 * i)) & 0xff);
    return archive;
}

void put_u32(std::string& s, std::size_t at, std::uint32_t v)
{
    for (int i = 0; i < 4; ++i) s[at + static_cast<std::size_t>(i)] = static_cast<char>((v >> (8 * i)) & 0xff);
}

void put_u64(std::string& s, std::size_t at, std::uint64_t v)
{
    for (int i = 0; i < 8; ++i) s[at + static_cast<std::size_t>(i)] = static_cast<char>((v >> (8 * i)) & 0xff);
}

}  // namespace

TEST_CASE("expectations every standard unit has the dimension base and scale of a hand-written table")
{
    const auto& registry = unit_registry::standard();
    CHECK(registry.units().size() == std::size(standard_units));
    for (const auto& fact : standard_units) {
        INFO(fact.symbol);
        const unit* u = registry.lookup(fact.symbol);
        REQUIRE(u != nullptr);
        CHECK(u->dimension() == fact.dim);
        CHECK(u->base() == fact.base);
        // Compared as fractions, so that 4000/6 would do as well as 2000/3.
        CHECK(u->scale().numerator * fact.denominator == fact.numerator * u->scale().denominator);
        CHECK(u->scale().denominator > 0);
    }
}

TEST_CASE("expectations conversions between units the bundled plan never uses")
{
    const auto& r = unit_registry::standard();
    auto in = [&](const char* value, const char* from, const char* to) {
        auto q = convert({decimal::parse(value).value(), r.find(from).value()}, r.find(to).value());
        REQUIRE_MESSAGE(q.has_value(), value << from << " → " << to);
        return q->value.to_string();
    };
    CHECK(in("1", "平方公里", "公顷") == "100");
    CHECK(in("1", "公顷", "亩") == "15");
    CHECK(in("3", "平方公里", "亩") == "4500");
    CHECK(in("2.5", "万吨", "吨") == "25000");
    CHECK(in("1", "吨", "公斤") == "1000");
    CHECK(in("12", "公里", "米") == "12000");
    CHECK(in("1.5", "亿美元", "万美元") == "15000");
    CHECK(in("3", "亿人次", "万人次") == "30000");
    CHECK(in("2", "百分点", "个百分点") == "2");
    CHECK(in("7", "万家", "家") == "70000");
}

TEST_CASE("expectations the Gregorian calendar: leap years and month lengths")
{
    for (const char* valid : {"2000-02-29", "2024-02-29", "2400-02-29", "1600-02-29", "2025-01-31", "2025-03-31",
                              "2025-04-30", "2025-06-30", "2025-09-30", "2025-11-30", "2025-12-31"}) {
        CHECK_MESSAGE(parse_date(valid).has_value(), valid);
    }
    // Divisible by 100 but not by 400: not leap years.
    for (const char* invalid : {"1900-02-29", "2100-02-29", "2200-02-29", "1700-02-29", "2023-02-29",
                                "2025-04-31", "2025-06-31", "2025-09-31", "2025-11-31", "2024-02-30"}) {
        CHECK_MESSAGE(!parse_date(invalid).has_value(), invalid);
    }
    CHECK(calendar_year(2000).length().days() == 366);
    CHECK(calendar_year(2100).length().days() == 365);
    CHECK(calendar_year(2024).length().days() == 366);
}

TEST_CASE("expectations a plan-defined unit survives every place a unit can stand")
{
    plan p = make_clean_plan();
    const unit qian_yuan{"千元", dimension::money, "元", {1000, 1}, ""};
    const unit bai_wan_yuan{"百万元", dimension::money, "元", {1000000, 1}, ""};
    const unit jin{"斤", dimension::mass, "千克", {1, 2}, ""};
    p.units = {qian_yuan, bai_wan_yuan, jin};
    const unit yi_yuan = unit_registry::standard().find("亿元").value();
    auto& ts = p.focus_areas[0].measures[0].targets;
    // 4500千元 with a stretch, a baseline in 百万元, observations in the
    // target's unit, in a standard unit and in another plan-defined one.
    target& money = ts[1];
    money.value = "4500"_dec;
    money.unit = qian_yuan;
    money.stretch = "5000"_dec;
    money.baseline = baseline{0, date(2024, 12, 31), quantity{"4"_dec, bai_wan_yuan}};
    money.observations = {{date(2025, 6, 30), {"2250"_dec, qian_yuan}, "半年", "统计局"},
                          {date(2025, 9, 30), {"0.04"_dec, yi_yuan}, "", ""},
                          {date(2025, 11, 30), {"4.6"_dec, bai_wan_yuan}, "", ""}};
    // A level in 斤 from 80 to 90, observed in 千克.
    target& grain = ts[4];
    grain.kind = target_kind::level;
    grain.comparator = comparator::range;
    grain.value.reset();
    grain.low = "80"_dec;
    grain.high = "90"_dec;
    grain.unit = jin;
    grain.observations = {{date(2025, 6, 30), {"42.5"_dec, unit_registry::standard().find("千克").value()}, "", ""}};
    REQUIRE(error_count(validate(p)) == 0);

    // The JSON names the symbol at each place where it differs from the
    // target's unit, and leaves it out where it is the same (docs/format.md).
    const std::string json = plan_to_json(p);
    const auto doc = boost::json::parse(json);
    const auto& t1 = doc.at_pointer("/focus_areas/0/measures/0/targets/1").as_object();
    CHECK(t1.at("unit").as_string() == "千元");
    CHECK(t1.at("value").as_string() == "4500");
    CHECK(t1.at("stretch").as_string() == "5000");
    CHECK(t1.at("baseline").at("unit").as_string() == "百万元");
    CHECK(t1.at("observations").at(0).as_object().count("unit") == 0);
    CHECK(t1.at("observations").at(1).at("unit").as_string() == "亿元");
    CHECK(t1.at("observations").at(2).at("unit").as_string() == "百万元");
    const auto& t4 = doc.at_pointer("/focus_areas/0/measures/0/targets/4").as_object();
    CHECK(t4.at("unit").as_string() == "斤");
    CHECK(t4.at("low").as_string() == "80");
    CHECK(t4.at("high").as_string() == "90");
    CHECK(t4.at("observations").at(0).at("unit").as_string() == "千克");
    CHECK(doc.at_pointer("/units/2/symbol").as_string() == "斤");
    CHECK(doc.at_pointer("/units/2/scale").as_string() == "1/2");

    auto check_plan = [&](const plan& back) {
        const auto& bt = back.focus_areas[0].measures[0].targets;
        CHECK(bt[1].unit == qian_yuan);
        CHECK(bt[1].baseline->value->unit == bai_wan_yuan);
        CHECK(bt[1].observations[0].value.unit == qian_yuan);
        CHECK(bt[1].observations[1].value.unit == yi_yuan);
        CHECK(bt[1].observations[2].value.unit == bai_wan_yuan);
        CHECK(bt[4].unit == jin);
        CHECK(back.units == p.units);
        CHECK(back == p);
    };
    const auto from_json = plan_from_json(json);
    REQUIRE_MESSAGE(from_json.has_value(), from_json.error().to_string());
    check_plan(*from_json);
    for (auto kind : {archive_kind::text, archive_kind::xml, archive_kind::binary}) {
        INFO(to_code(kind));
        const auto back = plan_from_archive(plan_to_archive(p, kind).value());
        REQUIRE_MESSAGE(back.has_value(), back.error().to_string());
        check_plan(*back);
    }

    // And the values mean what they say: 4.6百万元 is 4600千元, 42.5千克 is 85斤.
    const auto progress = evaluate_progress(*from_json, date(2025, 12, 31));
    const auto& money_progress = progress[2];  // the lead's target first, then targets 0 and 1
    REQUIRE(money_progress.target_id == "t-stored");
    REQUIRE(money_progress.observed.has_value());
    CHECK(money_progress.observed->value == "4600"_dec);
    CHECK(money_progress.observed->unit == qian_yuan);
    CHECK(money_progress.status == progress_status::met);
    const auto& grain_progress = progress[5];
    REQUIRE(grain_progress.target_id == "t-farmland");
    REQUIRE(grain_progress.observed.has_value());
    CHECK(grain_progress.observed->value == "85"_dec);
    CHECK(grain_progress.status == progress_status::met);
}

TEST_CASE("expectations the envelope damaged field by field")
{
    const std::string good = plan_to_archive(make_clean_plan(), archive_kind::text).value();
    REQUIRE(plan_from_archive(good).has_value());
    auto refused = [](const std::string& bytes, errc code, std::size_t offset) {
        const auto r = plan_from_archive(bytes);
        REQUIRE_FALSE(r.has_value());
        CHECK(r.error().code == code);
        CHECK(r.error().byte_offset == offset);
    };
    // Magic: every one of its 8 bytes matters.
    for (std::size_t i = 0; i < 8; ++i) {
        INFO("magic byte " << i);
        std::string bad = good;
        bad[i] = static_cast<char>(bad[i] ^ 0x20);
        refused(bad, errc::bad_magic, 0);
    }
    // Version: 0 and anything above the current one; both bytes count.
    for (std::uint16_t v : {std::uint16_t{0}, std::uint16_t{3}, std::uint16_t{0x0101}, std::uint16_t{0xffff}}) {
        INFO("version " << v);
        std::string bad = good;
        bad[8] = static_cast<char>(v & 0xff);
        bad[9] = static_cast<char>(v >> 8);
        refused(bad, errc::unsupported_version, 8);
    }
    // Kind: 0 and 4 are no kind; another valid kind is a damaged payload.
    for (char k : {'\0', '\4', '\xff'}) {
        std::string bad = good;
        bad[10] = k;
        refused(bad, errc::corrupt_archive, 10);
    }
    {
        std::string bad = good;
        bad[10] = '\3';  // says binary, holds text
        const auto r = plan_from_archive(bad);
        REQUIRE_FALSE(r.has_value());
        CHECK(r.error().code == errc::corrupt_archive);
    }
    {
        std::string bad = good;
        bad[11] = '\1';  // reserved
        refused(bad, errc::corrupt_archive, 11);
    }
    // Length: one short, one long, and absurd.
    const std::uint64_t length = good.size() - archive_header_size;
    {
        std::string bad = good;
        put_u64(bad, 12, length + 1);
        refused(bad, errc::truncated, good.size());  // where the bytes run out
        put_u64(bad, 12, length - 1);
        refused(bad, errc::corrupt_archive, good.size() - 1);  // the first byte too many
        put_u64(bad, 12, ~std::uint64_t{0});
        const auto r = plan_from_archive(bad);
        REQUIRE_FALSE(r.has_value());
        CHECK(r.error().byte_offset == 12u);
    }
    // Checksum: zero, one bit off, and a correct checksum of a changed payload.
    {
        std::string bad = good;
        put_u32(bad, 20, 0);
        refused(bad, errc::checksum_mismatch, 20);
        bad = good;
        bad[20] = static_cast<char>(bad[20] ^ 1);
        refused(bad, errc::checksum_mismatch, 20);
        bad = good;
        bad[23] = static_cast<char>(bad[23] ^ 0x80);
        refused(bad, errc::checksum_mismatch, 20);
        bad = good;
        bad[archive_header_size + 5] = static_cast<char>(bad[archive_header_size + 5] ^ 0x01);  // in Boost's signature
        refused(bad, errc::checksum_mismatch, 20);
        refused(reseal(bad), errc::corrupt_archive, archive_header_size);
    }
    // The size limit includes the header and admits a file of exactly its size.
    {
        archive_limits exact;
        exact.max_bytes = good.size();
        CHECK(plan_from_archive(good, exact).has_value());
        exact.max_bytes = good.size() - 1;
        const auto over = plan_from_archive(good, exact);
        REQUIRE_FALSE(over.has_value());
        CHECK(over.error().code == errc::limit_exceeded);
        CHECK(over.error().byte_offset == 0u);
    }
    // XML: the root element must end the payload (trailing whitespace aside).
    {
        const std::string xml = plan_to_archive(make_clean_plan(), archive_kind::xml).value();
        REQUIRE(plan_from_archive(reseal(xml + "\n \n")).has_value());
        const auto trailing = plan_from_archive(reseal(xml + "<more/>"));
        REQUIRE_FALSE(trailing.has_value());
        CHECK(trailing.error().code == errc::corrupt_archive);
        CHECK(trailing.error().message == "the XML archive has a second root element");
    }
    // The header alone, and less.
    refused(good.substr(0, archive_header_size), errc::truncated, archive_header_size);
    for (std::size_t n : {std::size_t{0}, std::size_t{7}, std::size_t{8}, std::size_t{23}}) {
        const auto r = plan_from_archive(good.substr(0, n));
        REQUIRE_FALSE(r.has_value());
        CHECK(r.error().code == errc::truncated);
    }
}
