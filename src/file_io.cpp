#include "file_io.hpp"

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <fstream>
#include <sys/stat.h>
#include <unistd.h>

namespace govplan::detail {
namespace {

error io_failure(const std::filesystem::path& file, const std::string& what, int err)
{
    error e(errc::io_error, what + ": " + std::strerror(err));
    e.source = file.string();
    return e;
}

}  // namespace

result<std::string> read_file(const std::filesystem::path& file, std::size_t max_bytes)
{
    const int fd = ::open(file.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) return io_failure(file, "cannot open", errno);
    struct stat st {};
    if (::fstat(fd, &st) != 0) {
        const int err = errno;
        ::close(fd);
        return io_failure(file, "cannot stat", err);
    }
    if (!S_ISREG(st.st_mode)) {
        ::close(fd);
        return io_failure(file, "cannot read", EISDIR);
    }
    if (static_cast<std::uint64_t>(st.st_size) > max_bytes) {
        ::close(fd);
        error e(errc::limit_exceeded, "file of " + std::to_string(st.st_size) + " bytes exceeds the limit of " +
                                          std::to_string(max_bytes) + " bytes");
        e.source = file.string();
        return e;
    }
    std::string bytes(static_cast<std::size_t>(st.st_size), '\0');
    std::size_t done = 0;
    while (done < bytes.size()) {
        const ssize_t n = ::read(fd, bytes.data() + done, bytes.size() - done);
        if (n < 0 && errno == EINTR) continue;
        if (n < 0) {
            const int err = errno;
            ::close(fd);
            return io_failure(file, "cannot read", err);
        }
        if (n == 0) break;  // shrank while reading
        done += static_cast<std::size_t>(n);
    }
    bytes.resize(done);
    ::close(fd);
    return bytes;
}

result<void> write_file_atomically(const std::filesystem::path& file, std::string_view bytes)
{
    const std::filesystem::path dir = file.has_parent_path() ? file.parent_path() : std::filesystem::path(".");
    // Built step by step: GCC 12 at -O3 warns falsely (-Wrestrict) on "." + string.
    std::string name = ".";
    name += file.filename().string();
    name += ".tmp-XXXXXX";
    std::string temp = (dir / name).string();
    const int fd = ::mkstemp(temp.data());
    if (fd < 0) return io_failure(file, "cannot create a temporary file in " + dir.string(), errno);

    auto fail = [&](const std::string& what) -> result<void> {
        const int err = errno;
        ::close(fd);
        ::unlink(temp.c_str());
        return io_failure(file, what, err);
    };
    std::size_t done = 0;
    while (done < bytes.size()) {
        const ssize_t n = ::write(fd, bytes.data() + done, bytes.size() - done);
        if (n < 0 && errno == EINTR) continue;
        if (n < 0) return fail("cannot write");
        done += static_cast<std::size_t>(n);
    }
    if (::fchmod(fd, 0644) != 0) return fail("cannot set permissions");
    if (::fsync(fd) != 0) return fail("cannot flush");
    if (::close(fd) != 0) {
        const int err = errno;
        ::unlink(temp.c_str());
        return io_failure(file, "cannot close", err);
    }
    if (::rename(temp.c_str(), file.c_str()) != 0) {
        const int err = errno;
        ::unlink(temp.c_str());
        return io_failure(file, "cannot replace", err);
    }
    const int dfd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (dfd >= 0) {
        ::fsync(dfd);  // best effort: the rename is done either way
        ::close(dfd);
    }
    return {};
}

}  // namespace govplan::detail
