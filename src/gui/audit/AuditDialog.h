#pragma once

#include "restore/AuditLog.h"

#include <QDialog>
#include <memory>

namespace Ui {
class AuditDialog;
}
class AuditTableModel;
class QSortFilterProxyModel;

// Shows the restore audit trail: every attempt and how it ended, damaged lines listed above the
// table (skipped, never fatal), with CSV export and the folder the file lives in.
class AuditDialog : public QDialog {
    Q_OBJECT
public:
    explicit AuditDialog(const QString &auditFile, QWidget *parent = nullptr);
    ~AuditDialog() override;

    // Reads the trail again on a worker thread (the newest AuditLog::DefaultMaxRecords
    // records); loaded() follows. The window stays responsive whatever the file's size.
    void reload();
    bool isLoading() const { return m_loading; }
    // Writes the records as CSV (translated headers); false with the reason in *error.
    bool exportCsv(const QString &fileName, QString *error = nullptr);
    AuditTableModel *model() const { return m_model; }
    const QList<dcs::AuditLog::Problem> &problems() const { return m_problems; }

Q_SIGNALS:
    void loaded();

protected:
    bool event(QEvent *event) override;

private:
    void retranslate();
    void askAndExport();
    void openFolder();

    std::unique_ptr<Ui::AuditDialog> ui;
    dcs::AuditLog m_log;
    AuditTableModel *m_model;
    QSortFilterProxyModel *m_proxy;
    QList<dcs::AuditLog::Problem> m_problems;
    qsizetype m_problemCount = 0;
    bool m_limited = false;
    bool m_loading = false;
    int m_generation = 0; // a reload asked for while one runs supersedes it
};
