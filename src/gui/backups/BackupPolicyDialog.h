#pragma once

#include "model/BackupPolicy.h"
#include "model/Instance.h"

#include <QDialog>
#include <QPointer>
#include <functional>
#include <optional>

class QCheckBox;
class QComboBox;
class QDialogButtonBox;
class QLabel;
class QPushButton;
class QSpinBox;
class QStackedWidget;
class QTableWidget;

namespace dcs {
class DcsClient;
}

// Changes an instance's automatic-backup policy (dcs-api-v2.md §11, v2 only): backup type, the
// days, the one-hour window (UTC) and how long automatic backups are kept. Review… shows the
// current and the new policy side by side; only Apply there sends the change — once.
class BackupPolicyDialog : public QDialog {
    Q_OBJECT
public:
    BackupPolicyDialog(dcs::DcsClient *client, const dcs::Instance &instance,
                       QWidget *parent = nullptr);
    ~BackupPolicyDialog() override;

    dcs::BackupPolicy editedPolicy() const;
    bool isReviewing() const;

Q_SIGNALS:
    void policyChanged(const QString &instanceId, const dcs::BackupPolicy &policy);

protected:
    void changeEvent(QEvent *event) override;

private:
    void review();
    void apply();
    void backToEditing();
    void retranslate();
    void updateButtons();
    void fillReview();

    QPointer<dcs::DcsClient> m_client;
    dcs::Instance m_instance;
    std::optional<dcs::BackupPolicy> m_current;
    bool m_sending = false;
    QStackedWidget *m_pages;
    QLabel *m_introLabel;
    QLabel *m_typeLabel;
    QComboBox *m_typeCombo;
    QLabel *m_daysLabel;
    QList<QCheckBox *> m_dayChecks; // Monday … Sunday
    QLabel *m_windowLabel;
    QComboBox *m_windowCombo;
    QLabel *m_keepLabel;
    QSpinBox *m_keepSpin;
    QLabel *m_problemLabel;
    QLabel *m_reviewLabel;
    QTableWidget *m_reviewTable;
    QLabel *m_resultLabel;
    QDialogButtonBox *m_buttons;
    QPushButton *m_reviewButton;
    QPushButton *m_backButton;
    QPushButton *m_applyButton;
    std::function<QString()> m_resultText;
};
