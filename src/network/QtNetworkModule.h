#pragma once

#include "api/HttpEngine.h"

namespace dcs {

// The network layer on Qt Network, whether linked in or loaded as the console's module.
class QtNetworkModule : public NetworkModule {
public:
    std::unique_ptr<HttpEngine> createEngine(const HttpSettings &settings) override;
    int certificateCount(const QByteArray &pem) override;
};

} // namespace dcs
