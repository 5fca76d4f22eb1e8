#include "shell/AboutDialog.h"

#include <QAbstractButton>
#include <QDir>
#include <QEvent>

namespace {

QString row(const QString &label, const QString &value) {
    return QStringLiteral("<tr><td style=\"padding-right:12px; white-space:nowrap\">%1</td><td "
                          "style=\"white-space:nowrap\">%2</td></tr>")
        .arg(label.toHtmlEscaped(), QDir::toNativeSeparators(value).toHtmlEscaped());
}

} // namespace

AboutDialog::AboutDialog(QWidget *parent)
    : QMessageBox(parent) {
    setObjectName(QStringLiteral("aboutDialog"));
    setIconPixmap(windowIcon().pixmap(64, 64));
    setStandardButtons(QMessageBox::Ok);
    button(QMessageBox::Ok)->setObjectName(QStringLiteral("okButton"));
    setTextFormat(Qt::RichText);
    // Paths and the build are worth copying into a bug report.
    setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    retranslate();
}

void AboutDialog::setLocations(const dcs::StorageLocations &locations) {
    m_locations = locations;
    retranslate();
}

void AboutDialog::retranslate() {
    setWindowTitle(tr("About DCS Console"));
    if (QAbstractButton *ok = button(QMessageBox::Ok))
        ok->setAccessibleDescription(tr("Closes this window"));
    const QString build = QStringLiteral("<table>") + row(tr("Build:"), m_build.buildText()) +
                          row(tr("Qt:"), m_build.qtText()) + QStringLiteral("</table>");
    const QString files =
        QStringLiteral("<table>") + row(tr("Settings and profiles:"), m_locations.settingsFile) +
        row(tr("Data folder:"), m_locations.dataFolder) +
        row(tr("Restore audit trail:"), m_locations.auditLog) +
        row(tr("Demo simulator log:"), m_locations.simulatorLog) + QStringLiteral("</table>");
    setText(tr("<h3>DCS Console %1</h3><p>A desktop console for Huawei Cloud Distributed Cache "
               "Service: cache instances, their backups, and restoring an instance from a "
               "backup.</p>")
                .arg(m_build.version) +
            build +
            tr("<p><b>Where it keeps its files</b> (secrets are kept in the system keychain "
               "only):</p>") +
            files + tr("<p>Licensed under the GNU GPL, version 3 or later.</p>"));
}

void AboutDialog::changeEvent(QEvent *event) {
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QMessageBox::changeEvent(event);
}
