#include "shell/AboutDialog.h"

#include <QEvent>

AboutDialog::AboutDialog(QWidget *parent)
    : QMessageBox(parent) {
    setObjectName(QStringLiteral("aboutDialog"));
    setIconPixmap(windowIcon().pixmap(64, 64));
    setStandardButtons(QMessageBox::Ok);
    setTextFormat(Qt::RichText);
    retranslate();
}

void AboutDialog::retranslate() {
    setWindowTitle(tr("About DCS Console"));
    setText(tr("<h3>DCS Console %1</h3><p>A desktop console for Huawei Cloud Distributed Cache "
               "Service: cache instances, their backups, and restoring an instance from a "
               "backup.</p><p>Licensed under the GNU GPL, version 3 or later.</p>")
                .arg(QStringLiteral(DCS_VERSION)));
}

void AboutDialog::changeEvent(QEvent *event) {
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QMessageBox::changeEvent(event);
}
