#pragma once

#include <QString>

class QFileDialog;
class QWidget;

// The console's file dialogs: Qt's own, so that they speak the console's language (a desktop's
// dialog speaks the desktop's), with modification dates and sizes in the console's language
// too (Qt's file model writes them in the system's).
namespace FileDialogs {

// A dialog to save to suggested (a file name or path; a bare name goes into the home folder),
// with the given filters ("CSV (*.csv);;…"). Not yet shown; the caller opens it.
QFileDialog *saveDialog(QWidget *parent, const QString &caption, const QString &suggested,
                        const QString &filters);
QFileDialog *openDialog(QWidget *parent, const QString &caption, const QString &folder,
                        const QString &filters);

// Modal helpers on top: the chosen file, or empty when cancelled.
QString saveFileName(QWidget *parent, const QString &caption, const QString &suggested,
                     const QString &filters, QString *selectedFilter = nullptr);
QString openFileName(QWidget *parent, const QString &caption, const QString &folder,
                     const QString &filters);

} // namespace FileDialogs
