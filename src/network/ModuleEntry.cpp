// The entry point of the network layer built as the console's module (libdcs-network.so).
#include "QtNetworkModule.h"

extern "C" Q_DECL_EXPORT dcs::NetworkModule *dcs_network_module(int interfaceVersion) {
    // A module from another build of the console would disagree about the interface's types.
    if (interfaceVersion != dcs::NetworkModule::kInterfaceVersion)
        return nullptr;
    static dcs::QtNetworkModule module;
    return &module;
}
