#pragma once

#include "profiles/Profile.h"
#include "profiles/SessionBuilder.h"

#include <QDialog>
#include <QHash>
#include <functional>
#include <memory>

namespace Ui {
class ProfileDialog;
}
namespace dcs {
class DcsClient;
class ProfileStore;
class SecretStore;
} // namespace dcs
class QLabel;
class RequestLogModel;

// Creates, edits or duplicates one profile. Every refusal is shown next to its field; warnings
// are shown the same way but do not stop Save. Secrets go to the SecretStore only, and a stored
// secret is never shown back: an empty password field keeps it.
class ProfileDialog : public QDialog {
    Q_OBJECT
public:
    enum class Mode { New, Edit, Duplicate };

    ProfileDialog(dcs::ProfileStore *store, dcs::SecretStore *secrets, QWidget *parent = nullptr);
    ~ProfileDialog() override;

    // New: profile gives the starting values (its id is replaced). Duplicate: a copy under a new
    // id and name, with the original's secrets.
    void setProfile(const dcs::Profile &profile, Mode mode);
    Mode mode() const { return m_mode; }
    // The values as entered, under this dialog's profile id.
    dcs::Profile profile() const;
    // Every test-connection request is logged here too.
    void setRequestLog(RequestLogModel *log) { m_requestLog = log; }

    // Shows the problems next to their fields; true when nothing blocks saving.
    bool validate();
    // Lists the instances with the current values; testFinished() tells the outcome.
    void testConnection();
    // Reads the account's projects from IAM with the current values and adds the ones not
    // listed yet as pairs; projectsRead() tells the outcome.
    void readProjects();
    // Validates, writes the secrets and the profile; false when something blocks it.
    bool save();
    bool isReadingSecrets() const { return m_pendingReads > 0; }

    void accept() override;

Q_SIGNALS:
    void testFinished(bool ok);
    void projectsRead(bool ok);
    void saved(const dcs::Profile &profile);

protected:
    bool event(QEvent *event) override;
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    struct Problem {
        QString text;
        bool warning = false;
    };
    void fillRegions();
    void updateRegionNames();
    void readStoredSecrets();
    void onRegionChanged();
    void updateAuthRows();
    void updateProxyRows();
    void updatePlaceholders();
    void updateKeychainNotice();
    void updateButtons();
    void retranslate();
    void browseCaBundle();
    QHash<QLabel *, Problem> collectProblems() const;
    void showProblems(const QHash<QLabel *, Problem> &problems);
    // The line under each field that says what is wrong with it (objectName "…Error").
    QList<QLabel *> problemLabels() const;
    // Exactly as tall as its text at its width, and never less than one line.
    static void fitProblemHeight(QLabel *label);
    dcs::ProfileSecrets enteredSecrets() const;
    QString secretFieldText(int kind) const;
    void showTestResult(std::function<QString()> text, bool ok);
    void setScopes(const QList<dcs::ProfileScope> &scopes);
    void fitScopeColumns();
    QList<dcs::ProfileScope> scopes() const;
    void addScopeRow(const dcs::ProfileScope &scope);
    void showProjectsResult(std::function<QString()> text, bool ok);

    std::unique_ptr<Ui::ProfileDialog> ui;
    dcs::ProfileStore *m_store;
    dcs::SecretStore *m_secrets;
    RequestLogModel *m_requestLog = nullptr;
    Mode m_mode = Mode::New;
    QString m_id;
    QString m_secretSourceId; // whose stored secrets count: this profile's or the original's
    dcs::Profile m_original;
    dcs::ProfileSecrets m_stored;
    QHash<int, bool> m_storedFound; // SecretStore::Kind -> a non-empty secret is stored
    int m_pendingReads = 0;
    QString m_lastRegion;
    bool m_showErrors = false; // after the first Save or Test
    std::unique_ptr<dcs::DcsClient> m_testClient;
    std::function<QString()> m_testText;
    // Why the last Save did not reach the settings file (kept for a language switch); the
    // dialog stays open with it.
    QString m_saveProblem;
    std::unique_ptr<dcs::DcsClient> m_projectsClient;
    std::function<QString()> m_projectsText;
    QString m_firstProjectName; // IAM's name of the project on the left, when known
    bool m_testOk = false;
};
