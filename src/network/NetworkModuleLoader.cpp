#include "NetworkModuleLoader.h"

#include <QCoreApplication>
#include <QDir>

namespace dcs {

NetworkModuleLoader::NetworkModuleLoader(QString fileName)
    : m_library(std::move(fileName)) {}

NetworkModule *NetworkModuleLoader::module() {
    if (m_tried)
        return m_module;
    m_tried = true;
    using Entry = NetworkModule *(*)(int);
    const QString where = QDir::toNativeSeparators(m_library.fileName());
    if (!m_library.load()) {
        m_error = QCoreApplication::translate(
                      "dcs::NetworkModuleLoader",
                      "The console's network module %1 cannot be loaded (%2). Nothing can be sent "
                      "until DCS Console is installed again.")
                      .arg(where, m_library.errorString());
        return nullptr;
    }
    const auto entry = reinterpret_cast<Entry>(m_library.resolve(NetworkModule::kEntryPoint));
    m_module = entry ? entry(NetworkModule::kInterfaceVersion) : nullptr;
    if (!m_module) {
        m_error = QCoreApplication::translate(
                      "dcs::NetworkModuleLoader",
                      "The console's network module %1 belongs to another version of DCS Console. "
                      "Nothing can be sent until DCS Console is installed again.")
                      .arg(where);
        m_library.unload();
    }
    return m_module;
}

QString NetworkModuleLoader::installedFileName() {
    return QDir::cleanPath(QDir(QCoreApplication::applicationDirPath())
                               .filePath(QStringLiteral(DCS_NETWORK_MODULE_PATH)));
}

} // namespace dcs
