#pragma once

#include "api/ApiError.h"

#include <QList>
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
// Records of a list as they arrive (DcsClient::streamInstances and the like).
template <typename T> using BatchCallback = std::function<void(const QList<T> &batch)>;

} // namespace dcs
