#include <govplan/archive.hpp>
#include <govplan/serialization.hpp>

#include "cpu_features.hpp"
#include "file_io.hpp"
#include "printable.hpp"
#include "unique_ids.hpp"
#include "writable.hpp"

#include <boost/archive/archive_exception.hpp>
#include <boost/archive/iterators/dataflow_exception.hpp>
#include <boost/archive/binary_iarchive.hpp>
#include <boost/archive/binary_oarchive.hpp>
#include <boost/archive/text_iarchive.hpp>
#include <boost/archive/text_oarchive.hpp>
#include <boost/archive/xml_iarchive.hpp>
#include <boost/archive/xml_oarchive.hpp>

#include <algorithm>
#include <array>
#include <cctype>
#include <cstring>
#include <sstream>
#include <streambuf>
#include <vector>

#if defined(__x86_64__)
#include <immintrin.h>
#endif

GOVPLAN_BEGIN_NAMESPACE
namespace {

constexpr char magic[8] = {'G', 'O', 'V', 'P', 'L', 'A', 'N', '\x1a'};

/// CRC-32 (the polynomial of zip and PNG, reflected: boost::crc_32_type's),
/// eight bytes per step: table k holds the CRC of a byte followed by k zero
/// bytes, so one step folds eight bytes with eight lookups. A byte at a time
/// (Boost.CRC's way) was a sixth of a binary archive's load.
struct crc32_tables {
    std::array<std::array<std::uint32_t, 256>, 8> table{};
    constexpr crc32_tables()
    {
        for (std::uint32_t b = 0; b < 256; ++b) {
            std::uint32_t c = b;
            for (int k = 0; k < 8; ++k) c = (c & 1u) != 0 ? 0xEDB88320u ^ (c >> 1) : c >> 1;
            table[0][b] = c;
        }
        for (std::size_t t = 1; t < 8; ++t)
            for (std::size_t b = 0; b < 256; ++b)
                table[t][b] = (table[t - 1][b] >> 8) ^ table[0][table[t - 1][b] & 0xFFu];
    }
};
constexpr crc32_tables crc_tables;

/// The CRC register `crc` after the n bytes at p (no initial or final
/// inversion: the caller's).
std::uint32_t crc32_by_tables(std::uint32_t crc, const unsigned char* p, std::size_t n) noexcept
{
    const auto& t = crc_tables.table;
    for (; n >= 8; p += 8, n -= 8) {
        const std::uint32_t low = crc ^ (std::uint32_t{p[0]} | std::uint32_t{p[1]} << 8 | std::uint32_t{p[2]} << 16 |
                                         std::uint32_t{p[3]} << 24);
        crc = t[7][low & 0xFFu] ^ t[6][(low >> 8) & 0xFFu] ^ t[5][(low >> 16) & 0xFFu] ^ t[4][low >> 24] ^
              t[3][p[4]] ^ t[2][p[5]] ^ t[1][p[6]] ^ t[0][p[7]];
    }
    for (; n > 0; ++p, --n) crc = t[0][(crc ^ *p) & 0xFFu] ^ (crc >> 8);
    return crc;
}

#if defined(__x86_64__)
/// Long payloads: carry-less multiplication (PCLMULQDQ) folds sixteen bytes
/// at a time into the sixteen bytes that come 64 (then 16) bytes later,
/// keeping the message's remainder modulo the polynomial; the tables finish
/// the last sixteen bytes and the tail. (The method of Gopal et al., "Fast
/// CRC computation for generic polynomials using PCLMULQDQ", Intel 2009;
/// the multipliers are computed here from the polynomial.)
///
/// Reflected data puts the coefficient of the highest power in the lowest
/// bit: a 16-byte block is lo·x^64 + hi, its low 8 bytes (earlier in the
/// message) the high powers, and bit i of a 64-bit half the coefficient of
/// x^(63-i). A carry-less product of two such halves is one more factor x.
namespace crc32_fold {

/// x^n modulo the polynomial, the coefficient of x^d in bit d.
constexpr std::uint32_t x_to_the(unsigned n)
{
    std::uint64_t r = 1;
    for (unsigned i = 0; i < n; ++i) {
        r <<= 1;
        if ((r >> 32) != 0) r ^= 0x104C11DB7u;
    }
    return static_cast<std::uint32_t>(r);
}

/// A polynomial of degree below 32 as a reflected 64-bit half.
constexpr std::uint64_t as_half(std::uint32_t poly)
{
    std::uint64_t out = 0;
    for (unsigned d = 0; d < 32; ++d)
        if (((poly >> d) & 1u) != 0) out |= std::uint64_t{1} << (63 - d);
    return out;
}

/// The multipliers that move a block `bits` further on: its low half
/// stands for lo·x^(64+bits), its high half for hi·x^bits; less the one x
/// the product adds.
struct multipliers {
    std::uint64_t low, high;
};
constexpr multipliers moving(unsigned bits) { return {as_half(x_to_the(bits + 63)), as_half(x_to_the(bits - 1))}; }

constexpr multipliers by_four_blocks = moving(512);
constexpr multipliers by_one_block = moving(128);

__attribute__((target("pclmul"))) inline __m128i move_onto(__m128i block, __m128i by, __m128i onto)
{
    return _mm_xor_si128(_mm_xor_si128(_mm_clmulepi64_si128(block, by, 0x00), _mm_clmulepi64_si128(block, by, 0x11)),
                         onto);
}

/// The register after the n >= 64 bytes at p, starting from `crc`.
__attribute__((target("pclmul"))) std::uint32_t crc32(std::uint32_t crc, const unsigned char* p, std::size_t n) noexcept
{
    const auto load = [](const unsigned char* q) { return _mm_loadu_si128(reinterpret_cast<const __m128i*>(q)); };
    const __m128i four = _mm_set_epi64x(static_cast<long long>(by_four_blocks.high), static_cast<long long>(by_four_blocks.low));
    const __m128i one = _mm_set_epi64x(static_cast<long long>(by_one_block.high), static_cast<long long>(by_one_block.low));
    // the register's value acts as the first four bytes xored with it
    __m128i x0 = _mm_xor_si128(load(p), _mm_cvtsi32_si128(static_cast<int>(crc)));
    __m128i x1 = load(p + 16);
    __m128i x2 = load(p + 32);
    __m128i x3 = load(p + 48);
    for (p += 64, n -= 64; n >= 64; p += 64, n -= 64) {
        x0 = move_onto(x0, four, load(p));
        x1 = move_onto(x1, four, load(p + 16));
        x2 = move_onto(x2, four, load(p + 32));
        x3 = move_onto(x3, four, load(p + 48));
    }
    x3 = move_onto(move_onto(move_onto(x0, one, x1), one, x2), one, x3);
    for (; n >= 16; p += 16, n -= 16) x3 = move_onto(x3, one, load(p));
    // what is left: the folded block, then the tail, from a register of 0
    unsigned char rest[16 + 15];
    _mm_storeu_si128(reinterpret_cast<__m128i*>(rest), x3);
    std::memcpy(rest + 16, p, n);
    return crc32_by_tables(0, rest, 16 + n);
}

}  // namespace crc32_fold
#endif

std::uint32_t crc32(std::string_view bytes)
{
    const auto* p = reinterpret_cast<const unsigned char*>(bytes.data());
#if defined(__x86_64__)
    if (bytes.size() >= 64 && detail::this_cpu().pclmul) return crc32_fold::crc32(0xFFFFFFFFu, p, bytes.size()) ^ 0xFFFFFFFFu;
#endif
    return crc32_by_tables(0xFFFFFFFFu, p, bytes.size()) ^ 0xFFFFFFFFu;
}

template <class Int>
void put_le(std::string& out, Int value)
{
    for (std::size_t i = 0; i < sizeof(Int); ++i) out += static_cast<char>((static_cast<std::uint64_t>(value) >> (8 * i)) & 0xffu);
}

template <class Int>
Int get_le(std::string_view bytes, std::size_t offset)
{
    std::uint64_t v = 0;
    for (std::size_t i = 0; i < sizeof(Int); ++i) {
        v |= static_cast<std::uint64_t>(static_cast<unsigned char>(bytes[offset + i])) << (8 * i);
    }
    return static_cast<Int>(v);
}

error at(errc code, std::string message, std::uint64_t offset)
{
    error e(code, std::move(message));
    e.byte_offset = offset;
    return e;
}

/// A read-only streambuf over memory: Boost reads the payload in place.
class memory_buffer : public std::streambuf {
public:
    explicit memory_buffer(std::string_view bytes)
    {
        char* begin = const_cast<char*>(bytes.data());  // never written: get area only
        setg(begin, begin, begin + bytes.size());
    }

    /// The next byte to be read.
    [[nodiscard]] const char* next() const noexcept { return gptr(); }

protected:
    /// One copy for each of Boost's reads (a field is a read): the base
    /// class's loop was a tenth of a binary archive's load.
    std::streamsize xsgetn(char* out, std::streamsize n) override
    {
        const std::streamsize taken = std::min<std::streamsize>(n, egptr() - gptr());
        if (taken > 0) {
            std::memcpy(out, gptr(), static_cast<std::size_t>(taken));
            setg(eback(), gptr() + taken, egptr());  // gbump() takes an int: not for a read over 2 GiB
        }
        return taken;
    }
};

// XML: xml_iarchive's destructor parses the closing tag and throws if it is
// missing, which terminates the process. We check the closing tag ourselves
// and destroy the archive while an exception unwinds, which makes Boost skip
// that step (see ~xml_iarchive_impl).
struct xml_done {};

/// The XML payload's element structure, checked strictly and in one pass
/// before Boost reads it (Boost's own check of closing tag names is off, see
/// load_payload): every start tag closed by an end tag of the same name, one
/// root element <boost_serialization> whose version attribute this Boost can
/// read, nothing but white space around it. Boost's writer escapes < > & and
/// quotes in text and attributes, so a tag ends at the first '>'.
constexpr std::size_t max_xml_depth = 256;

void check_xml_structure(std::string_view x)
{
    auto fail = [](const std::string& why) { throw archive_error(errc::corrupt_archive, "the XML archive " + why); };
    std::vector<std::string_view> open;
    bool root_seen = false;
    std::size_t i = 0;
    while (i < x.size()) {
        const std::size_t lt = x.find('<', i);
        if (open.empty()) {
            const std::string_view between = x.substr(i, lt == std::string_view::npos ? x.size() - i : lt - i);
            if (!std::all_of(between.begin(), between.end(), [](char c) { return std::isspace(static_cast<unsigned char>(c)); }))
                fail("has text outside its root element");
        }
        if (lt == std::string_view::npos) break;
        const std::size_t gt = x.find('>', lt);
        if (gt == std::string_view::npos) fail("ends inside a tag");
        const std::string_view tag = x.substr(lt + 1, gt - lt - 1);
        i = gt + 1;
        if (tag.empty()) fail("has an empty tag");
        if (tag.front() == '?' || tag.front() == '!') {
            if (root_seen || !open.empty()) fail("has a declaration inside its content");
            continue;  // <?xml …?>, <!DOCTYPE …>
        }
        const bool closing = tag.front() == '/';
        const bool empty_element = !closing && tag.back() == '/';
        const std::string_view body = tag.substr(closing ? 1 : 0, tag.size() - (closing ? 1 : 0) - (empty_element ? 1 : 0));
        const std::string_view name = body.substr(0, std::min(body.find_first_of(" \t\r\n"), body.size()));
        if (name.empty()) fail("has a tag without a name");
        if (closing) {
            if (open.empty() || open.back() != name)
                fail("closes <" + std::string(name.substr(0, 64)) + "> where " +
                     (open.empty() ? std::string("no element is open")
                                   : "<" + std::string(open.back().substr(0, 64)) + "> is open"));
            open.pop_back();
            continue;
        }
        if (open.empty()) {
            if (root_seen) fail("has a second root element");
            root_seen = true;
            if (name != "boost_serialization") fail("root element is not <boost_serialization>");
            const std::size_t v = body.find(" version=\"");
            unsigned version = 0;
            std::size_t k = v == std::string_view::npos ? body.size() : v + 10;
            const std::size_t digits_from = k;
            while (k < body.size() && k - digits_from < 6 && std::isdigit(static_cast<unsigned char>(body[k])))
                version = version * 10 + static_cast<unsigned>(body[k++] - '0');
            if (k == digits_from || k >= body.size() || body[k] != '"') fail("names no Boost archive version");
            const boost::serialization::library_version_type readable = boost::archive::BOOST_ARCHIVE_VERSION();
            const auto newest = static_cast<unsigned>(static_cast<std::uint_least16_t>(readable));
            if (version > newest)
                throw archive_error(errc::unsupported_version,
                                    "the XML archive was written by Boost archive version " + std::to_string(version) +
                                        "; this build reads up to " +
                                        std::to_string(newest));
        }
        if (!empty_element) {
            // Boost's archive of a plan nests a dozen elements deep; a cap
            // keeps a payload of <a><a><a>… from growing this stack unbounded.
            if (open.size() >= max_xml_depth) fail("nests deeper than " + std::to_string(max_xml_depth) + " elements");
            open.push_back(name);
        }
    }
    if (!open.empty()) fail("ends with <" + std::string(open.back().substr(0, 64)) + "> still open");
    if (!root_seen) fail("has no root element");
}

// Boost reads its own archive header (a length-prefixed signature) before
// govplan's code runs; a hostile length there would allocate gigabytes. The
// header is fixed, so it is compared here before Boost sees it.
constexpr std::string_view boost_signature = "serialization::archive";

void check_boost_header(std::string_view payload, archive_kind kind)
{
    bool ok = true;
    if (kind == archive_kind::binary) {
        std::string expected(8, '\0');
        expected[0] = static_cast<char>(boost_signature.size());
        expected += boost_signature;
        ok = payload.substr(0, expected.size()) == expected;
    } else if (kind == archive_kind::text) {
        ok = payload.substr(0, 3 + boost_signature.size() + 1) == "22 " + std::string(boost_signature) + " ";
    }
    if (!ok) throw archive_error(errc::corrupt_archive, "the payload does not start with a Boost archive header");
}

plan load_payload(std::string_view payload, archive_kind kind, const archive_limits& limits)
{
    check_boost_header(payload, kind);
    memory_buffer buffer(payload);
    std::istream in(&buffer);
    plan p;
    const load_budget budget{payload.size(), limits.max_collection_size};
    switch (kind) {
    case archive_kind::text: {
        boost::archive::text_iarchive ar(in);
        set_load_budget(ar, budget);
        ar >> boost::serialization::make_nvp("plan", p);
        break;
    }
    case archive_kind::binary: {
        boost::archive::binary_iarchive ar(in);
        set_load_budget(ar, budget);
        auto& versions = ar.get_helper<serialization_detail::loaded_versions>(serialization_detail::loaded_versions_key());
        versions.source = &buffer;
        versions.position = [](const void* source) noexcept { return static_cast<const memory_buffer*>(source)->next(); };
        ar >> boost::serialization::make_nvp("plan", p);
        break;
    }
    case archive_kind::xml: {
        check_xml_structure(payload);
        try {
            // no_xml_tag_checking: Boost 1.81 compares a closing tag's name
            // by reading the expected name past its end when the file's tag
            // is longer (an out-of-bounds read on hostile input, caught by
            // AddressSanitizer). The structure is still parsed strictly.
            boost::archive::xml_iarchive ar(in, boost::archive::no_xml_tag_checking);
            set_load_budget(ar, budget);
            ar >> boost::serialization::make_nvp("plan", p);
            throw xml_done{};
        } catch (const xml_done&) {
        }
        break;
    }
    }
    // What the JSON reader refuses, the archive reader refuses: a year out of
    // range, a unit defined twice differently, an id used twice…
    if (auto why = detail::readers_refuse(p)) {
        const bool repeated = why->code == errc::duplicate_id;
        throw archive_error(repeated ? errc::duplicate_id : errc::corrupt_archive, why->message);
    }
    return p;
}

}  // namespace

result<std::string> plan_to_archive(const plan& p, archive_kind kind)
{
    if (auto writable = detail::check_writable(p); !writable) return writable.error();
    std::ostringstream out;
    try {
        switch (kind) {
        case archive_kind::text: {
            boost::archive::text_oarchive ar(out);
            ar << boost::serialization::make_nvp("plan", p);
            break;
        }
        case archive_kind::xml: {
            boost::archive::xml_oarchive ar(out);
            ar << boost::serialization::make_nvp("plan", p);
            break;
        }
        case archive_kind::binary: {
            boost::archive::binary_oarchive ar(out);
            ar << boost::serialization::make_nvp("plan", p);
            break;
        }
        default: throw std::invalid_argument("govplan::plan_to_archive: unknown archive kind");
        }
    } catch (const archive_error& e) {
        return e.error();
    } catch (const boost::archive::archive_exception& e) {
        // check_writable() has refused what the templates refuse; anything
        // else (std::invalid_argument for a kind that is no archive_kind, a
        // defect) reaches the caller as it is.
        return error(errc::invalid_value, std::string("cannot archive the plan: ") + e.what());
    } catch (const std::bad_alloc&) {
        return error(errc::limit_exceeded, "out of memory while archiving the plan");
    }
    const std::string payload = std::move(out).str();
    if (auto fits = detail::check_writable_size(archive_header_size + payload.size(), archive_limits{}.max_bytes, "the archive");
        !fits)
        return fits.error();
    std::string bytes;
    bytes.reserve(archive_header_size + payload.size());
    bytes.append(magic, sizeof magic);
    put_le<std::uint16_t>(bytes, archive_format_version);
    bytes += static_cast<char>(kind);
    bytes += '\0';
    put_le<std::uint64_t>(bytes, payload.size());
    put_le<std::uint32_t>(bytes, crc32(payload));
    bytes += payload;
    return bytes;
}

result<archive_kind> archive_kind_of(std::string_view bytes)
{
    if (bytes.size() < sizeof magic) {
        return at(errc::truncated, "the file has " + std::to_string(bytes.size()) + " bytes, too few for a govplan archive header",
                  bytes.size());
    }
    if (std::memcmp(bytes.data(), magic, sizeof magic) != 0) {
        return at(errc::bad_magic, "not a govplan archive (the first 8 bytes are not \"GOVPLAN\\x1a\")", 0);
    }
    if (bytes.size() < archive_header_size) {
        return at(errc::truncated, "the archive header is cut off after " + std::to_string(bytes.size()) + " of " +
                                       std::to_string(archive_header_size) + " bytes",
                  bytes.size());
    }
    const auto version = get_le<std::uint16_t>(bytes, 8);
    if (version == 0 || version > archive_format_version) {
        return at(errc::unsupported_version, "archive format version " + std::to_string(version) +
                                                 " is not supported (this library reads 1.." +
                                                 std::to_string(archive_format_version) + ")",
                  8);
    }
    const auto kind = static_cast<unsigned char>(bytes[10]);
    if (kind < 1 || kind > 3) return at(errc::corrupt_archive, "unknown archive kind " + std::to_string(kind), 10);
    if (bytes[11] != '\0') return at(errc::corrupt_archive, "the reserved header byte is not 0", 11);
    return static_cast<archive_kind>(kind);
}

result<plan> plan_from_archive(std::string_view bytes, const archive_limits& limits)
{
    if (bytes.size() > limits.max_bytes) {
        return at(errc::limit_exceeded, "the archive of " + std::to_string(bytes.size()) + " bytes exceeds the limit of " +
                                             std::to_string(limits.max_bytes) + " bytes",
                  0);
    }
    auto kind = archive_kind_of(bytes);
    if (!kind) return kind.error();
    const auto length = get_le<std::uint64_t>(bytes, 12);
    const std::uint64_t available = bytes.size() - archive_header_size;
    if (length > limits.max_bytes) {
        return at(errc::limit_exceeded, "the header claims a payload of " + std::to_string(length) + " bytes", 12);
    }
    if (length > available) {
        return at(errc::truncated, "the payload is cut off: " + std::to_string(available) + " of " +
                                       std::to_string(length) + " bytes present",
                  bytes.size());
    }
    if (length < available) {
        return at(errc::corrupt_archive, std::to_string(available - length) + " unexpected bytes after the payload",
                  archive_header_size + length);
    }
    const std::string_view payload = bytes.substr(archive_header_size);
    const auto recorded = get_le<std::uint32_t>(bytes, 20);
    if (crc32(payload) != recorded) {
        return at(errc::checksum_mismatch, "the payload does not match its CRC-32: the file is damaged", 20);
    }
    // Damaged data throws archive_error (the templates check every value) or
    // archive_exception (Boost's own checks); anything else is a defect and
    // reaches the caller as it is.
    try {
        return load_payload(payload, *kind, limits);
    } catch (const archive_error& e) {
        return at(e.reason(), e.error().message, archive_header_size);
    } catch (const boost::archive::archive_exception& e) {
        return at(errc::corrupt_archive, std::string("the archive is damaged: ") + e.what(), archive_header_size);
    } catch (const boost::archive::iterators::dataflow_exception& e) {
        // binary data of an XML archive that is not base64
        return at(errc::corrupt_archive, std::string("the archive is damaged: ") + e.what(), archive_header_size);
    } catch (const std::bad_alloc&) {
        return at(errc::limit_exceeded, "out of memory while loading the archive", archive_header_size);
    }
}

result<plan> load_archive(const std::filesystem::path& file, const archive_limits& limits)
{
    auto bytes = detail::read_file(file, limits.max_bytes);
    if (!bytes) return bytes.error();
    auto p = plan_from_archive(*bytes, limits);
    if (!p) {
        error e = p.error();
        e.source = file.string();
        return e;
    }
    return p;
}

result<void> save_archive(const plan& p, const std::filesystem::path& file, archive_kind kind)
{
    auto bytes = plan_to_archive(p, kind);
    if (!bytes) {
        error e = bytes.error();
        e.source = file.string();
        return e;
    }
    return detail::write_file_atomically(file, *bytes);
}

GOVPLAN_END_NAMESPACE
