// The network layer of the console: its module, loaded when first needed (after the first frame,
// see MainWindow) from where the console is installed or built.
#include "NetworkModuleLoader.h"

namespace dcs::network {

namespace {
NetworkModuleLoader &loader() {
    static NetworkModuleLoader instance(NetworkModuleLoader::installedFileName());
    return instance;
}
} // namespace

NetworkModule *module() {
    return loader().module();
}

QString loadError() {
    return loader().error();
}

} // namespace dcs::network
