#pragma once

#include <stdexcept>
#include <string>
#include <utility>
#include <variant>
#include <vector>

namespace rekrut::core {

/// Marks an English string literal as a message id, translated where it is shown. It does nothing
/// at run time; scripts/check-messages finds every use and checks the catalogs.
constexpr const char* msgid(const char* text)
{
    return text;
}

/// The kinds of expected failure. web/error_pages.cpp is the one place that maps them to HTTP.
enum class ErrorKind { invalid, not_found, forbidden, unauthorized, conflict, too_large, unavailable };

/// A problem with one input field, shown next to that field and in the error summary.
struct FieldError {
    std::string field;
    std::string message; ///< An English msgid, translated when rendered.
    /// What "{detail}" in the translated message stands for, such as the name of an unknown merge
    /// field; shown as written.
    std::string detail = {};
};

/// An expected failure. `message` is an English msgid meant for users; it is translated when shown
/// and never contains internals.
struct Error {
    ErrorKind kind = ErrorKind::invalid;
    std::string message;
    std::vector<FieldError> fields;

    static Error invalid(std::string message, std::vector<FieldError> fields = {})
    {
        return {ErrorKind::invalid, std::move(message), std::move(fields)};
    }
    static Error not_found() { return {ErrorKind::not_found, msgid("The page was not found."), {}}; }
    static Error forbidden()
    {
        return {ErrorKind::forbidden, msgid("You do not have access to this page."), {}};
    }
    static Error conflict(std::string message) { return {ErrorKind::conflict, std::move(message), {}}; }
};

/// A value or an Error. Expected failures travel as values; exceptions are reserved for
/// "this request cannot go on" (database gone, programmer error).
template <typename T> class [[nodiscard]] Result {
public:
    Result(T value) : m_state(std::move(value)) {}
    Result(Error error) : m_state(std::move(error)) {}

    bool ok() const { return std::holds_alternative<T>(m_state); }
    explicit operator bool() const { return ok(); }

    T& value() & { return std::get<T>(m_state); }
    const T& value() const& { return std::get<T>(m_state); }
    T&& value() && { return std::get<T>(std::move(m_state)); }
    T* operator->() { return &value(); }
    const T* operator->() const { return &value(); }
    T& operator*() & { return value(); }
    const T& operator*() const& { return value(); }

    const Error& error() const { return std::get<Error>(m_state); }

private:
    std::variant<T, Error> m_state;
};

/// A resource the request needs did not answer in time (no free database session, connection
/// lost). Thrown, since the request cannot go on; the web layer answers with the "temporarily
/// unavailable" page (503).
class Unavailable : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

/// For operations that return nothing on success.
struct Done {};
using Status = Result<Done>;
inline Status success()
{
    return Done{};
}

} // namespace rekrut::core
