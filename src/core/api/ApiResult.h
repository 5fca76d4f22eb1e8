#pragma once

#include "api/ApiError.h"

#include <functional>

namespace dcs {

// The outcome of one DcsClient call: a value, or the error that replaced it.
template <typename T> struct ApiResult {
    T value{};
    ApiError error;
    QString requestId;
    // A list read only in part (capped, or pages that brought nothing new): the value holds
    // what was read, each record once, and the reason says why it may be incomplete.
    bool incomplete = false;
    QString incompleteReason; // translated

    bool ok() const { return !error.isError(); }
};

template <typename T> using ApiCallback = std::function<void(const ApiResult<T> &)>;

} // namespace dcs
