#include "widgets/FileDialogs.h"

#include "model/DisplayText.h"

#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFileSystemModel>
#include <QIdentityProxyModel>

namespace {

// The size and date columns of Qt's file model in the current QLocale (the console's language)
// instead of the system's.
class LocalizedFileModel : public QIdentityProxyModel {
public:
    using QIdentityProxyModel::QIdentityProxyModel;

    QVariant data(const QModelIndex &index, int role) const override {
        const auto *files = qobject_cast<const QFileSystemModel *>(sourceModel());
        if (files && role == Qt::DisplayRole && (index.column() == 1 || index.column() == 3)) {
            const QFileInfo info = files->fileInfo(mapToSource(index));
            if (index.column() == 3)
                return DisplayText::dateTimeMinutes(info.lastModified().toUTC());
            if (info.isFile())
                return DisplayText::dataSize(info.size());
        }
        return QIdentityProxyModel::data(index, role);
    }
};

QFileDialog *makeDialog(QWidget *parent, const QString &caption, const QString &path,
                        const QString &filters) {
    auto *dialog = new QFileDialog(parent, caption, path, filters);
    dialog->setOption(QFileDialog::DontUseNativeDialog, true);
    dialog->setProxyModel(new LocalizedFileModel(dialog));
    return dialog;
}

} // namespace

namespace FileDialogs {

QFileDialog *saveDialog(QWidget *parent, const QString &caption, const QString &suggested,
                        const QString &filters) {
    const QString path =
        QFileInfo(suggested).isAbsolute() ? suggested : QDir(QDir::homePath()).filePath(suggested);
    QFileDialog *dialog = makeDialog(parent, caption, path, filters);
    dialog->setAcceptMode(QFileDialog::AcceptSave);
    dialog->setFileMode(QFileDialog::AnyFile);
    return dialog;
}

QFileDialog *openDialog(QWidget *parent, const QString &caption, const QString &folder,
                        const QString &filters) {
    QFileDialog *dialog = makeDialog(parent, caption, folder, filters);
    dialog->setAcceptMode(QFileDialog::AcceptOpen);
    dialog->setFileMode(QFileDialog::ExistingFile);
    return dialog;
}

QString saveFileName(QWidget *parent, const QString &caption, const QString &suggested,
                     const QString &filters, QString *selectedFilter) {
    QFileDialog *dialog = saveDialog(parent, caption, suggested, filters);
    QString file;
    if (dialog->exec() == QDialog::Accepted && !dialog->selectedFiles().isEmpty()) {
        file = dialog->selectedFiles().first();
        if (selectedFilter)
            *selectedFilter = dialog->selectedNameFilter();
    }
    delete dialog;
    return file;
}

QString openFileName(QWidget *parent, const QString &caption, const QString &folder,
                     const QString &filters) {
    QFileDialog *dialog = openDialog(parent, caption, folder, filters);
    QString file;
    if (dialog->exec() == QDialog::Accepted && !dialog->selectedFiles().isEmpty())
        file = dialog->selectedFiles().first();
    delete dialog;
    return file;
}

} // namespace FileDialogs
