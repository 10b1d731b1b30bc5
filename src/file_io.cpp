#include "file_io.hpp"

#include <atomic>
#include <cerrno>
#include <chrono>
#include <cstring>
#include <fcntl.h>
#include <string>
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

/// "a FIFO", "a directory"…: what a file that is not a regular file is.
const char* file_type_name(mode_t mode) noexcept
{
    if (S_ISDIR(mode)) return "a directory";
    if (S_ISFIFO(mode)) return "a FIFO (named pipe)";
    if (S_ISCHR(mode)) return "a character device";
    if (S_ISBLK(mode)) return "a block device";
    if (S_ISSOCK(mode)) return "a socket";
    if (S_ISLNK(mode)) return "a symbolic link";
    return "not a regular file";
}

error not_regular(const std::filesystem::path& file, mode_t mode, const char* refused)
{
    std::string what = file_type_name(mode);
    if (what.rfind("a ", 0) == 0) what = "is " + what + ", not a regular file";
    error e(errc::io_error, what + ": " + refused);
    e.source = file.string();
    return e;
}

/// Closes a descriptor when it goes out of scope.
class descriptor {
public:
    explicit descriptor(int fd) noexcept : fd_(fd) {}
    ~descriptor()
    {
        if (fd_ >= 0) ::close(fd_);
    }
    descriptor(const descriptor&) = delete;
    descriptor& operator=(const descriptor&) = delete;
    [[nodiscard]] int get() const noexcept { return fd_; }
    /// Closes now, reporting the result (errno on failure).
    int close() noexcept
    {
        const int r = ::close(fd_);
        fd_ = -1;
        return r;
    }

private:
    int fd_;
};

/// Opens `file` for reading only if it is a regular file. It is checked before
/// the open (opening some devices does something: a watchdog arms, a tape
/// rewinds on close) and again after it, on the descriptor, in case the name
/// was replaced in between; O_NONBLOCK keeps even that open from blocking.
result<int> open_regular(const std::filesystem::path& file, struct stat& st)
{
    struct stat named {};
    if (::stat(file.c_str(), &named) != 0) return io_failure(file, "cannot open", errno);
    if (!S_ISREG(named.st_mode)) return not_regular(file, named.st_mode, "refused before reading");
    const int fd = ::open(file.c_str(), O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC);
    if (fd < 0) return io_failure(file, "cannot open", errno);
    if (::fstat(fd, &st) != 0) {
        const int err = errno;
        ::close(fd);
        return io_failure(file, "cannot stat", err);
    }
    if (!S_ISREG(st.st_mode) || st.st_dev != named.st_dev || st.st_ino != named.st_ino) {
        ::close(fd);
        return not_regular(file, st.st_mode, "refused before reading (the name changed while it was opened)");
    }
    const int flags = ::fcntl(fd, F_GETFL);
    if (flags >= 0) ::fcntl(fd, F_SETFL, flags & ~O_NONBLOCK);
    return fd;
}

/// Reads up to `size` bytes into `out`; returns the count, or -1 with errno.
ssize_t read_fully(int fd, char* out, std::size_t size)
{
    std::size_t done = 0;
    while (done < size) {
        const ssize_t n = ::read(fd, out + done, size - done);
        if (n < 0 && errno == EINTR) continue;
        if (n < 0) return -1;
        if (n == 0) break;  // the end, or the file shrank while reading
        done += static_cast<std::size_t>(n);
    }
    return static_cast<ssize_t>(done);
}

/// The file a path names once its symbolic links are followed (the path itself
/// when it is not a link, or when the chain ends at a name that does not exist).
result<std::filesystem::path> follow_links(const std::filesystem::path& file)
{
    std::filesystem::path at = file;
    for (int hops = 0; hops < 40; ++hops) {
        struct stat st {};
        if (::lstat(at.c_str(), &st) != 0) {
            if (errno == ENOENT) return at;
            return io_failure(file, "cannot stat", errno);
        }
        if (!S_ISLNK(st.st_mode)) return at;
        // The kernel's protected_symlinks rule, which following links by hand
        // would bypass: in a sticky world-writable folder (/tmp), only a link
        // owned by us or by the folder's owner is followed. Otherwise anyone
        // could plant /tmp/report.json -> ~/.bashrc for us to overwrite.
        struct stat dir {};
        const std::filesystem::path folder = at.has_parent_path() ? at.parent_path() : std::filesystem::path(".");
        if (::stat(folder.c_str(), &dir) == 0 && (dir.st_mode & S_ISVTX) != 0 && (dir.st_mode & S_IWOTH) != 0 &&
            st.st_uid != ::geteuid() && st.st_uid != dir.st_uid) {
            error e(errc::io_error, "is a symbolic link of another user in a shared folder (" + folder.string() +
                                        "): refused to follow it");
            e.source = file.string();
            return e;
        }
        std::error_code ec;
        const std::filesystem::path to = std::filesystem::read_symlink(at, ec);
        if (ec) return io_failure(file, "cannot read the symbolic link", ec.value());
        at = to.is_absolute() ? to : at.parent_path() / to;
    }
    return io_failure(file, "cannot follow the symbolic links", ELOOP);
}

/// A name for a temporary file beside `target` that is unlikely to exist.
std::filesystem::path temporary_name(const std::filesystem::path& target)
{
    static std::atomic<unsigned long> counter{0};
    const auto tick = static_cast<unsigned long>(std::chrono::steady_clock::now().time_since_epoch().count());
    // At most 48 bytes of the file's name (cut on a UTF-8 boundary), so that a
    // long name still leaves room for the suffix within NAME_MAX.
    std::string base = target.filename().string();
    if (base.size() > 48) {
        std::size_t cut = 48;
        while (cut > 0 && (static_cast<unsigned char>(base[cut]) & 0xC0u) == 0x80u) --cut;
        base.resize(cut);
    }
    std::string name = ".";
    name += base;
    name += ".tmp-";
    name += std::to_string(static_cast<unsigned long>(::getpid()));
    name += '-';
    name += std::to_string(tick ^ (counter.fetch_add(1) * 0x9E3779B97F4A7C15ul));
    return target.parent_path() / name;
}

/// Opens a new temporary file beside `target`: without a name (O_TMPFILE) when
/// `unnamed` and the system allows, so that a process killed while writing
/// leaves nothing; otherwise a hidden file whose name `named` then holds.
/// Mode 0666 less the umask, as any new file, or 0600 when `private_mode` (the
/// caller then gives it the replaced file's mode before writing).
result<int> open_temporary(const std::filesystem::path& target, bool unnamed, bool private_mode,
                           std::filesystem::path& named)
{
    const std::filesystem::path dir = target.parent_path();
    const mode_t mode = private_mode ? 0600 : 0666;
#ifdef O_TMPFILE
    if (unnamed) {
        const int fd = ::open(dir.c_str(), O_TMPFILE | O_WRONLY | O_CLOEXEC, mode);
        if (fd >= 0) return fd;
        if (errno != EOPNOTSUPP && errno != EISDIR && errno != EINVAL && errno != ENOENT)
            return io_failure(target, "cannot create a temporary file in " + dir.string(), errno);
    }
#endif
    for (int attempt = 0; attempt < 100; ++attempt) {
        named = temporary_name(target);
        const int named_fd = ::open(named.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, mode);
        if (named_fd >= 0) return named_fd;
        if (errno != EEXIST) break;
    }
    const int err = errno;
    named.clear();
    return io_failure(target, "cannot create a temporary file in " + dir.string(), err);
}

/// Gives the unnamed temporary file `fd` a name beside `target`, through
/// /proc/self/fd; false (errno set) when that cannot be done, for instance
/// without /proc.
bool name_unnamed(int fd, const std::filesystem::path& target, std::filesystem::path& named)
{
    const std::string self = "/proc/self/fd/" + std::to_string(fd);
    for (int attempt = 0; attempt < 100; ++attempt) {
        const std::filesystem::path candidate = temporary_name(target);
        if (::linkat(AT_FDCWD, self.c_str(), AT_FDCWD, candidate.c_str(), AT_SYMLINK_FOLLOW) == 0) {
            named = candidate;
            return true;
        }
        if (errno != EEXIST) return false;
    }
    return false;
}

/// What a replacement needs to know about the file it replaces.
struct replaced_file {
    bool exists = false;
    struct stat st {};
};

/// Writes `bytes` to a temporary file beside `target` and renames it over
/// `target`. `unnamed_failed` is set when the unnamed file could be written but
/// not named (no /proc): the caller then tries again with a named one.
result<void> replace(const std::filesystem::path& file, const std::filesystem::path& target,
                     const replaced_file& old, std::string_view bytes, bool unnamed, bool& unnamed_failed)
{
    std::filesystem::path named;  // the temporary file's name, when it has one
    auto opened = open_temporary(target, unnamed, old.exists, named);
    if (!opened) return opened.error();
    descriptor fd(*opened);
    auto fail = [&](const std::string& what, int err) -> result<void> {
        if (!named.empty()) ::unlink(named.c_str());
        return io_failure(file, what, err);
    };
    if (old.exists) {
        // Before any byte is written: the replaced file's owner where permitted
        // (root, or the same owner), then its mode (chown clears set-user-ID
        // bits, so the mode comes last).
        if ((old.st.st_uid != ::geteuid() || old.st.st_gid != ::getegid()) &&
            ::fchown(fd.get(), old.st.st_uid, old.st.st_gid) != 0 && errno != EPERM)
            return fail("cannot keep the owner", errno);
        if (::fchmod(fd.get(), old.st.st_mode & 07777) != 0) return fail("cannot keep the permissions", errno);
    }
    std::size_t done = 0;
    while (done < bytes.size()) {
        const ssize_t n = ::write(fd.get(), bytes.data() + done, bytes.size() - done);
        if (n < 0 && errno == EINTR) continue;
        if (n < 0) return fail("cannot write", errno);
        done += static_cast<std::size_t>(n);
    }
    if (::fsync(fd.get()) != 0) return fail("cannot flush", errno);
    if (named.empty() && !name_unnamed(fd.get(), target, named)) {
        unnamed_failed = true;
        return io_failure(file, "cannot name the written file", errno);
    }
    if (fd.close() != 0) return fail("cannot close", errno);
    if (::rename(named.c_str(), target.c_str()) != 0) return fail("cannot replace", errno);
    const std::filesystem::path dir = target.parent_path();
    const int dfd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (dfd >= 0) {
        ::fsync(dfd);  // best effort: the rename is done either way
        ::close(dfd);
    }
    return {};
}

}  // namespace

result<std::string> read_file(const std::filesystem::path& file, std::size_t max_bytes)
{
    struct stat st {};
    auto opened = open_regular(file, st);
    if (!opened) return opened.error();
    descriptor fd(*opened);
    if (static_cast<std::uint64_t>(st.st_size) > max_bytes) {
        error e(errc::limit_exceeded, "file of " + std::to_string(st.st_size) + " bytes exceeds the limit of " +
                                          std::to_string(max_bytes) + " bytes");
        e.source = file.string();
        return e;
    }
    std::string bytes(static_cast<std::size_t>(st.st_size), '\0');
    const ssize_t n = read_fully(fd.get(), bytes.data(), bytes.size());
    if (n < 0) return io_failure(file, "cannot read", errno);
    bytes.resize(static_cast<std::size_t>(n));
    return bytes;
}

result<std::string> read_head(const std::filesystem::path& file, std::size_t max_bytes)
{
    struct stat st {};
    auto opened = open_regular(file, st);
    if (!opened) return opened.error();
    descriptor fd(*opened);
    std::string bytes(std::min<std::uint64_t>(max_bytes, static_cast<std::uint64_t>(st.st_size)), '\0');
    const ssize_t n = read_fully(fd.get(), bytes.data(), bytes.size());
    if (n < 0) return io_failure(file, "cannot read", errno);
    bytes.resize(static_cast<std::size_t>(n));
    return bytes;
}

result<void> write_file_atomically(const std::filesystem::path& file, std::string_view bytes)
{
    // Through symbolic links to the file they name; only a regular file (or a
    // new name) is replaced.
    auto resolved = follow_links(file.has_parent_path() ? file : std::filesystem::path(".") / file);
    if (!resolved) return resolved.error();
    const std::filesystem::path target = *resolved;
    replaced_file old;
    if (::stat(target.c_str(), &old.st) == 0) {
        if (!S_ISREG(old.st.st_mode))
            return not_regular(file, old.st.st_mode, "refused to replace it (write to - for standard output)");
        old.exists = true;
    } else if (errno != ENOENT) {
        return io_failure(file, "cannot stat", errno);
    }
    bool unnamed_failed = false;
    auto done = replace(file, target, old, bytes, true, unnamed_failed);
    if (!done && unnamed_failed) done = replace(file, target, old, bytes, false, unnamed_failed);
    return done;
}

}  // namespace govplan::detail
