// The network layer linked into the program (tests, dcs-bench): there is nothing to load.
#include "QtNetworkModule.h"

namespace dcs::network {

NetworkModule *module() {
    static QtNetworkModule linked;
    return &linked;
}

QString loadError() {
    return {};
}

} // namespace dcs::network
