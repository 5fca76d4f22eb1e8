#include "profiles/ProfileDialog.h"

#include "api/DcsClient.h"
#include "profiles/ProfileStore.h"
#include "profiles/Regions.h"
#include "profiles/SecretStore.h"
#include "requestlog/RequestLogModel.h"
#include "ui_ProfileDialog.h"
#include "widgets/ConsolePalette.h"
#include "widgets/FileDialogs.h"

#include <QDir>
#include <QFileInfo>
#include <QHeaderView>
#include <QPushButton>
#include <QResizeEvent>
#include <QStyledItemDelegate>
#include <QTableWidget>
#include <QTimer>

namespace {

using Kind = dcs::SecretStore::Kind;
using Field = dcs::ProfileProblem::Field;

// The line under a field: a refusal in red, a warning in the caution colour. Colour only: a
// padding in a style sheet gives the label a frame, and QLabel then measures its lines with an
// indent twice the one it draws them with (a one-line warning got the height of two).
QString problemStyle(bool warning) {
    return QStringLiteral("QLabel { color: %1; }")
        .arg(ConsolePalette::name(warning ? ConsolePalette::Role::CautionText
                                          : ConsolePalette::Role::DangerText));
}

// The region list shows each id with its name: "cn-north-4 — CN North-Beijing4".
class RegionItemDelegate : public QStyledItemDelegate {
public:
    using QStyledItemDelegate::QStyledItemDelegate;

protected:
    void initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const override {
        QStyledItemDelegate::initStyleOption(option, index);
        option->text = dcs::regions::idWithName(index.data(Qt::DisplayRole).toString());
    }
};

} // namespace

ProfileDialog::ProfileDialog(dcs::ProfileStore *store, dcs::SecretStore *secrets, QWidget *parent)
    : QDialog(parent)
    , ui(std::make_unique<Ui::ProfileDialog>())
    , m_store(store)
    , m_secrets(secrets) {
    ui->setupUi(this);
    setObjectName(QStringLiteral("profileDialog"));
    ui->buttonBox->button(QDialogButtonBox::Save)->setObjectName(QStringLiteral("saveButton"));
    ui->buttonBox->button(QDialogButtonBox::Cancel)->setObjectName(QStringLiteral("cancelButton"));
    ui->testConnectionResult->setTextFormat(Qt::PlainText);
    ui->saveProblem->setStyleSheet(ConsolePalette::panelStyle(ConsolePalette::Tone::Danger));
    ui->saveProblem->setVisible(false);
    ui->timeoutSpin->setSuffix(tr(" s"));
    fillRegions();
    // Nothing longer than a field can be is taken in (a paste of megabytes is cut here; the
    // profile's own check refuses a longer value read from elsewhere).
    {
        namespace L = dcs::fieldlimits;
        const std::pair<QLineEdit *, int> limits[] = {
            {ui->nameEdit, L::Name},
            {ui->dcsEndpointEdit, L::Endpoint},
            {ui->projectIdEdit, L::ProjectId},
            {ui->accessKeyEdit, L::AccessKey},
            {ui->secretKeyEdit, L::SecretKey},
            {ui->securityTokenEdit, L::SecurityToken},
            {ui->iamEndpointEdit, L::Endpoint},
            {ui->iamAccountEdit, L::IamName},
            {ui->iamUserEdit, L::IamName},
            {ui->iamPasswordEdit, L::Password},
            {ui->proxyHostEdit, L::ProxyHost},
            {ui->proxyUserEdit, L::ProxyUser},
            {ui->proxyPasswordEdit, L::Password},
            {ui->caBundleEdit, L::FilePath},
        };
        for (const auto &[edit, limit] : limits)
            edit->setMaxLength(limit);
        if (QLineEdit *region = ui->regionCombo->lineEdit())
            region->setMaxLength(L::Region);
    }

    // Each field's message line is always there, one line high when empty, so that the fields
    // stay where they are as messages come and go; a longer message wraps, never cut.
    for (QLabel *label : problemLabels()) {
        label->setTextFormat(Qt::PlainText);
        label->setContentsMargins(2, 0, 0, 0);
        fitProblemHeight(label);
        label->installEventFilter(this);
    }

    const auto revalidate = [this] {
        showProblems(collectProblems());
        updateButtons();
    };
    for (QLineEdit *edit : findChildren<QLineEdit *>())
        connect(edit, &QLineEdit::textChanged, this, revalidate);
    connect(ui->regionCombo, &QComboBox::currentTextChanged, this, [this, revalidate] {
        onRegionChanged();
        ui->regionNameLabel->setText(dcs::regions::name(ui->regionCombo->currentText().trimmed()));
        revalidate();
    });
    connect(ui->authMethodCombo, &QComboBox::currentIndexChanged, this, [this, revalidate] {
        updateAuthRows();
        revalidate();
        if (!isVisible())
            resize(width(), sizeHint().height());
    });
    connect(ui->proxyModeCombo, &QComboBox::currentIndexChanged, this, [this, revalidate] {
        updateProxyRows();
        revalidate();
    });
    connect(ui->proxyPortSpin, &QSpinBox::valueChanged, this, revalidate);
    connect(ui->timeoutSpin, &QSpinBox::valueChanged, this, revalidate);
    connect(ui->caBundleBrowseButton, &QPushButton::clicked, this, &ProfileDialog::browseCaBundle);
    connect(ui->testConnectionButton, &QPushButton::clicked, this, &ProfileDialog::testConnection);
    ui->scopesTable->setColumnCount(3);
    ui->readProjectsResult->setTextFormat(Qt::PlainText);
    ui->readProjectsResult->setVisible(false);
    connect(ui->scopesTable, &QTableWidget::itemChanged, this, revalidate);
    connect(ui->addScopeButton, &QPushButton::clicked, this, [this, revalidate] {
        addScopeRow({ui->regionCombo->currentText().trimmed(), {}, {}, {}});
        const int row = ui->scopesTable->rowCount() - 1;
        ui->scopesTable->setCurrentCell(row, 1);
        ui->scopesTable->setFocus();
        ui->scopesTable->editItem(ui->scopesTable->item(row, 1));
        revalidate();
    });
    connect(ui->removeScopeButton, &QPushButton::clicked, this, [this, revalidate] {
        const int row = ui->scopesTable->currentRow();
        if (row < 0)
            return;
        ui->scopesTable->removeRow(row);
        revalidate();
    });
    connect(ui->readProjectsButton, &QPushButton::clicked, this, &ProfileDialog::readProjects);
    connect(ui->buttonBox, &QDialogButtonBox::accepted, this, &ProfileDialog::accept);
    connect(ui->buttonBox, &QDialogButtonBox::rejected, this, &QDialog::reject);
    // Whether secrets will be kept is said before anything is saved: the program asks the
    // keychain at start; if that has not answered yet, it is asked now.
    connect(m_secrets, &dcs::SecretStore::availabilityChanged, this,
            &ProfileDialog::updateKeychainNotice);
    m_secrets->probe();
    // The messages' colours follow the theme.
    ConsolePalette::follow(this, [this] {
        if (!m_id.isEmpty()) {
            updateKeychainNotice();
            showProblems(collectProblems());
            if (m_testText && !m_testClient)
                showTestResult(m_testText, m_testOk);
        }
    });

    dcs::Profile fresh;
    fresh.region = QStringLiteral("cn-north-4");
    fresh.dcsEndpoint = dcs::defaultDcsEndpoint(fresh.region);
    fresh.iamEndpoint = dcs::defaultIamEndpoint(fresh.region);
    setProfile(fresh, Mode::New);
}

ProfileDialog::~ProfileDialog() = default;

void ProfileDialog::fillRegions() {
    const QSignalBlocker blocker(ui->regionCombo);
    ui->regionCombo->clear();
    ui->regionCombo->addItems(dcs::knownRegions());
    ui->regionCombo->setInsertPolicy(QComboBox::NoInsert);
    // The items are region IDs as the API and the endpoints spell them (what is typed and
    // saved); the list shows each with its name in the current language, and so do the label
    // beside the field and the tooltips (the walk in tst_i18n checks those, not the IDs).
    ui->regionCombo->setItemDelegate(new RegionItemDelegate(ui->regionCombo));
    ui->regionCombo->setProperty("dcsItemsAreData", true);
    updateRegionNames();
}

void ProfileDialog::updateRegionNames() {
    for (int i = 0; i < ui->regionCombo->count(); ++i)
        ui->regionCombo->setItemData(i, dcs::regions::name(ui->regionCombo->itemText(i)),
                                     Qt::ToolTipRole);
    ui->regionNameLabel->setText(dcs::regions::name(ui->regionCombo->currentText().trimmed()));
}

void ProfileDialog::setProfile(const dcs::Profile &profile, Mode mode) {
    m_mode = mode;
    m_original = profile;
    m_showErrors = false;
    m_testClient.reset();
    m_testText = nullptr;
    ui->testConnectionResult->clear();
    switch (mode) {
    case Mode::New:
        m_id = dcs::Profile::newId();
        m_secretSourceId.clear();
        break;
    case Mode::Edit:
        m_id = profile.id;
        m_secretSourceId = profile.id;
        break;
    case Mode::Duplicate:
        m_id = dcs::Profile::newId();
        m_secretSourceId = profile.id;
        break;
    }

    // The region first: it fills the endpoints, which the profile's own values then replace.
    m_lastRegion.clear();
    ui->regionCombo->setCurrentText(profile.region);
    m_lastRegion = profile.region;
    ui->nameEdit->setText(mode == Mode::Duplicate ? tr("%1 (copy)").arg(profile.name)
                                                  : profile.name);
    ui->dcsEndpointEdit->setText(profile.dcsEndpoint.toString());
    ui->iamEndpointEdit->setText(profile.iamEndpoint.toString());
    ui->projectIdEdit->setText(profile.projectId);
    m_firstProjectName = profile.projectName;
    setScopes(profile.otherScopes);
    m_projectsClient.reset();
    m_projectsText = nullptr;
    ui->readProjectsResult->clear();
    ui->readProjectsResult->setVisible(false);
    ui->authMethodCombo->setCurrentIndex(int(profile.authMethod));
    ui->accessKeyEdit->setText(profile.accessKey);
    ui->iamAccountEdit->setText(profile.iamAccount);
    ui->iamUserEdit->setText(profile.iamUser);
    for (QLineEdit *secret :
         {ui->secretKeyEdit, ui->securityTokenEdit, ui->iamPasswordEdit, ui->proxyPasswordEdit})
        secret->clear();
    ui->proxyModeCombo->setCurrentIndex(int(profile.proxy.mode));
    ui->proxyHostEdit->setText(profile.proxy.host);
    ui->proxyPortSpin->setValue(profile.proxy.port);
    ui->proxyUserEdit->setText(profile.proxy.user);
    ui->caBundleEdit->setText(profile.caBundleFile);
    ui->timeoutSpin->setValue(profile.timeoutSeconds);
    // The items follow dcs::ApiVersion's order: Automatic, v2, v1.0.
    ui->apiVersionCombo->setCurrentIndex(int(profile.apiVersion));
    ui->productionCheck->setChecked(profile.production);
    ui->readOnlyCheck->setChecked(profile.readOnly);

    m_stored = {};
    m_storedFound.clear();
    readStoredSecrets();
    updateAuthRows();
    updateProxyRows();
    retranslate();
    // Rows come and go with the authentication method and proxy mode: no empty space left over.
    resize(width(), sizeHint().height());
}

dcs::Profile ProfileDialog::profile() const {
    dcs::Profile p;
    p.id = m_id;
    p.name = ui->nameEdit->text().trimmed();
    p.region = ui->regionCombo->currentText().trimmed();
    p.dcsEndpoint = QUrl(ui->dcsEndpointEdit->text().trimmed(), QUrl::StrictMode);
    p.iamEndpoint = QUrl(ui->iamEndpointEdit->text().trimmed(), QUrl::StrictMode);
    p.projectId = ui->projectIdEdit->text().trimmed();
    p.projectName = p.projectId == m_original.projectId || !m_firstProjectName.isEmpty()
                        ? m_firstProjectName
                        : QString();
    p.otherScopes = scopes();
    p.authMethod = dcs::Profile::AuthMethod(qBound(0, ui->authMethodCombo->currentIndex(), 2));
    p.accessKey = ui->accessKeyEdit->text().trimmed();
    p.iamAccount = ui->iamAccountEdit->text().trimmed();
    p.iamUser = ui->iamUserEdit->text().trimmed();
    p.proxy.mode = dcs::ProxySettings::Mode(qBound(0, ui->proxyModeCombo->currentIndex(), 3));
    if (p.proxy.mode == dcs::ProxySettings::Mode::Http ||
        p.proxy.mode == dcs::ProxySettings::Mode::Socks5) {
        p.proxy.host = ui->proxyHostEdit->text().trimmed();
        p.proxy.port = ui->proxyPortSpin->value();
        p.proxy.user = ui->proxyUserEdit->text().trimmed();
    }
    p.caBundleFile = ui->caBundleEdit->text().trimmed();
    p.timeoutSeconds = ui->timeoutSpin->value();
    p.apiVersion = dcs::ApiVersion(qBound(0, ui->apiVersionCombo->currentIndex(), 2));
    p.production = ui->productionCheck->isChecked();
    p.readOnly = ui->readOnlyCheck->isChecked();
    return p;
}

void ProfileDialog::readStoredSecrets() {
    if (m_secretSourceId.isEmpty()) {
        updatePlaceholders();
        updateButtons();
        return;
    }
    for (Kind kind :
         {Kind::SecretKey, Kind::SecurityToken, Kind::IamPassword, Kind::ProxyPassword}) {
        ++m_pendingReads;
        const QString sourceId = m_secretSourceId;
        m_secrets->read(
            sourceId, kind, this, [this, kind, sourceId](const QString &value, bool found) {
                --m_pendingReads;
                if (sourceId != m_secretSourceId)
                    return;
                switch (kind) {
                case Kind::SecretKey:
                    m_stored.secretKey = value;
                    break;
                case Kind::SecurityToken:
                    m_stored.securityToken = value;
                    break;
                case Kind::IamPassword:
                    m_stored.iamPassword = value;
                    break;
                case Kind::ProxyPassword:
                    m_stored.proxyPassword = value;
                    break;
                case Kind::InstancePasswords: // not a profile setting: kept per instance
                    break;
                }
                m_storedFound.insert(int(kind), found && !value.isEmpty());
                updatePlaceholders();
                showProblems(collectProblems());
                updateButtons();
            });
    }
    updateButtons();
}

void ProfileDialog::onRegionChanged() {
    const QString region = ui->regionCombo->currentText().trimmed();
    if (region == m_lastRegion)
        return;
    // An endpoint the user typed stays; one that came from the old region follows the new one.
    const auto follow = [&](QLineEdit *edit, QUrl (*defaultFor)(const QString &)) {
        const QString text = edit->text().trimmed();
        const bool automatic = text.isEmpty() || (!m_lastRegion.isEmpty() &&
                                                  text == defaultFor(m_lastRegion).toString());
        if (automatic && dcs::looksLikeRegion(region))
            edit->setText(defaultFor(region).toString());
    };
    follow(ui->dcsEndpointEdit, &dcs::defaultDcsEndpoint);
    follow(ui->iamEndpointEdit, &dcs::defaultIamEndpoint);
    m_lastRegion = region;
}

void ProfileDialog::updateAuthRows() {
    const auto method = dcs::Profile::AuthMethod(ui->authMethodCombo->currentIndex());
    const bool aksk = method != dcs::Profile::AuthMethod::IamPassword;
    const bool token = method == dcs::Profile::AuthMethod::TemporaryAkSk;
    // A field's message line comes and goes with it.
    const auto show = [this](QWidget *field, QLabel *problem, bool visible) {
        ui->credentialsForm->setRowVisible(field, visible);
        ui->credentialsForm->setRowVisible(problem, visible);
    };
    show(ui->accessKeyEdit, ui->accessKeyError, aksk);
    show(ui->secretKeyEdit, ui->secretKeyError, aksk);
    show(ui->securityTokenEdit, ui->securityTokenError, token);
    show(ui->iamEndpointEdit, ui->iamEndpointError, !aksk);
    show(ui->iamAccountEdit, ui->iamAccountError, !aksk);
    show(ui->iamUserEdit, ui->iamUserError, !aksk);
    show(ui->iamPasswordEdit, ui->iamPasswordError, !aksk);
}

void ProfileDialog::updateProxyRows() {
    const auto mode = dcs::ProxySettings::Mode(ui->proxyModeCombo->currentIndex());
    const bool manual =
        mode == dcs::ProxySettings::Mode::Http || mode == dcs::ProxySettings::Mode::Socks5;
    ui->networkForm->setRowVisible(ui->proxyHostLayout, manual);
    ui->networkForm->setRowVisible(ui->proxyError, manual);
    ui->networkForm->setRowVisible(ui->proxyUserEdit, manual);
    ui->networkForm->setRowVisible(ui->proxyPasswordEdit, manual);
}

void ProfileDialog::updatePlaceholders() {
    const auto set = [this](QLineEdit *edit, Kind kind, const QString &absent) {
        edit->setPlaceholderText(
            m_storedFound.value(int(kind)) ? tr("Stored — leave empty to keep it") : absent);
    };
    set(ui->secretKeyEdit, Kind::SecretKey, tr("Required"));
    set(ui->securityTokenEdit, Kind::SecurityToken, tr("Required"));
    set(ui->iamPasswordEdit, Kind::IamPassword, tr("Required"));
    set(ui->proxyPasswordEdit, Kind::ProxyPassword, tr("Optional"));
}

void ProfileDialog::updateKeychainNotice() {
    switch (m_secrets->availability()) {
    case dcs::SecretStore::Availability::Unknown:
        ui->keychainNotice->setText(tr("Checking whether a keychain service is available…"));
        ui->keychainNotice->setStyleSheet(QString());
        ui->keychainNotice->setVisible(true);
        break;
    case dcs::SecretStore::Availability::MemoryOnly:
        ui->keychainNotice->setText(dcs::SessionBuilder::keychainNotice());
        ui->keychainNotice->setStyleSheet(
            ConsolePalette::panelStyle(ConsolePalette::Tone::Caution));
        ui->keychainNotice->setVisible(true);
        break;
    case dcs::SecretStore::Availability::Keychain:
        ui->keychainNotice->setVisible(false);
        break;
    }
}

void ProfileDialog::updateButtons() {
    const bool ready = m_pendingReads == 0;
    if (QPushButton *save = ui->buttonBox->button(QDialogButtonBox::Save))
        save->setEnabled(ready);
    ui->testConnectionButton->setEnabled(ready && !m_testClient);
}

QString ProfileDialog::secretFieldText(int kind) const {
    switch (Kind(kind)) {
    case Kind::SecretKey:
        return ui->secretKeyEdit->text();
    case Kind::SecurityToken:
        return ui->securityTokenEdit->text();
    case Kind::IamPassword:
        return ui->iamPasswordEdit->text();
    case Kind::ProxyPassword:
        return ui->proxyPasswordEdit->text();
    case Kind::InstancePasswords: // not a profile setting: kept per instance
        return {};
    }
    return {};
}

dcs::ProfileSecrets ProfileDialog::enteredSecrets() const {
    const auto pick = [this](Kind kind, const QString &stored) {
        const QString entered = secretFieldText(int(kind));
        return entered.isEmpty() ? stored : entered;
    };
    dcs::ProfileSecrets s;
    s.secretKey = pick(Kind::SecretKey, m_stored.secretKey);
    s.securityToken = pick(Kind::SecurityToken, m_stored.securityToken);
    s.iamPassword = pick(Kind::IamPassword, m_stored.iamPassword);
    s.proxyPassword = pick(Kind::ProxyPassword, m_stored.proxyPassword);
    return s;
}

QHash<QLabel *, ProfileDialog::Problem> ProfileDialog::collectProblems() const {
    QHash<QLabel *, Problem> problems;
    const auto add = [&problems](QLabel *label, const QString &text, bool warning) {
        auto it = problems.find(label);
        // An error wins over a warning; otherwise the first one found stays.
        if (it == problems.end() || (it->warning && !warning))
            problems.insert(label, {text, warning});
    };
    const dcs::Profile p = profile();
    for (const dcs::ProfileProblem &problem : dcs::validateProfile(p)) {
        QLabel *label = nullptr;
        switch (problem.field) {
        case Field::Name:
            label = ui->nameError;
            break;
        case Field::Region:
            label = ui->regionError;
            break;
        case Field::DcsEndpoint:
            label = ui->dcsEndpointError;
            break;
        case Field::IamEndpoint:
            label = ui->iamEndpointError;
            break;
        case Field::ProjectId:
            label = ui->projectIdError;
            break;
        case Field::AccessKey:
            label = ui->accessKeyError;
            break;
        case Field::IamAccount:
            label = ui->iamAccountError;
            break;
        case Field::IamUser:
            label = ui->iamUserError;
            break;
        case Field::Proxy:
            label = ui->proxyError;
            break;
        case Field::CaBundle:
            continue; // loaded below, which gives the reason
        case Field::Timeout:
            label = ui->timeoutError;
            break;
        case Field::Scopes:
            label = ui->scopesError;
            break;
        }
        add(label, problem.message, problem.warning);
    }

    if (!p.name.isEmpty() && m_store) {
        const std::optional<dcs::Profile> same = m_store->profileByName(p.name);
        if ((same && same->id != p.id) || p.name == dcs::SessionBuilder::demoProfile().name)
            add(ui->nameError, tr("Another profile is already called \"%1\".").arg(p.name), false);
    }

    for (int kind : dcs::SessionBuilder::neededSecrets(p)) {
        if (!secretFieldText(kind).isEmpty() || m_storedFound.value(kind))
            continue;
        switch (Kind(kind)) {
        case Kind::SecretKey:
            add(ui->secretKeyError, tr("Enter the secret access key (SK)."), false);
            break;
        case Kind::SecurityToken:
            add(ui->securityTokenError, tr("Enter the security token of the temporary key."),
                false);
            break;
        case Kind::IamPassword:
            add(ui->iamPasswordError, tr("Enter the IAM user's password."), false);
            break;
        case Kind::ProxyPassword:
            break;                    // a proxy user may have no password
        case Kind::InstancePasswords: // not a profile setting: kept per instance
            break;
        }
    }

    if (!p.caBundleFile.isEmpty()) {
        QString error;
        dcs::SessionBuilder::loadCaBundle(p.caBundleFile, &error);
        if (!error.isEmpty())
            add(ui->caBundleError, error, false);
    }
    return problems;
}

QList<QLabel *> ProfileDialog::problemLabels() const {
    QList<QLabel *> labels;
    for (QLabel *label : findChildren<QLabel *>()) {
        if (label->objectName().endsWith(QLatin1String("Error")))
            labels.append(label);
    }
    return labels;
}

void ProfileDialog::showProblems(const QHash<QLabel *, Problem> &problems) {
    for (QLabel *label : problemLabels()) {
        const auto it = problems.constFind(label);
        const bool show = it != problems.cend() && (m_showErrors || it->warning);
        label->setText(show ? it->text : QString());
        label->setStyleSheet(show ? problemStyle(it->warning) : QString());
        fitProblemHeight(label);
        // Read out with the field it belongs to.
        label->setAccessibleDescription(show ? it->text : QString());
    }
}

void ProfileDialog::fitProblemHeight(QLabel *label) {
    // A word-wrapping label asks its layout for the height of a narrow guess at its width; the
    // fields below it would move for a message that fits one line. It gets what it needs.
    // QLabel::heightForWidth() never answers less than the minimum height, so the height fixed
    // for an earlier width (a narrow one before the first layout: four lines for a message of
    // two) would stay for good, a gap above and below the text: measure without it.
    label->ensurePolished();
    const int line = label->fontMetrics().lineSpacing();
    int needed = line;
    if (!label->text().isEmpty()) {
        label->setMinimumHeight(0);
        label->setMaximumHeight(QWIDGETSIZE_MAX);
        needed = label->heightForWidth(label->width());
    }
    label->setFixedHeight(qMax(line, needed));
}

bool ProfileDialog::eventFilter(QObject *watched, QEvent *event) {
    if (event->type() == QEvent::Resize) {
        if (auto *label = qobject_cast<QLabel *>(watched)) {
            const auto *resize = static_cast<QResizeEvent *>(event);
            if (resize->size().width() != resize->oldSize().width())
                fitProblemHeight(label);
        }
    }
    return QDialog::eventFilter(watched, event);
}

bool ProfileDialog::validate() {
    m_showErrors = true;
    const QHash<QLabel *, Problem> problems = collectProblems();
    showProblems(problems);
    for (const Problem &problem : problems) {
        if (!problem.warning)
            return false;
    }
    return true;
}

bool ProfileDialog::save() {
    if (m_pendingReads > 0 || !validate())
        return false;
    const dcs::Profile p = profile();
    // The profile first: when the settings file refuses it, no secret is stored for a profile
    // that does not exist, and the dialog stays open with the reason.
    QString error;
    if (!m_store->save(p, &error)) {
        m_saveProblem = error;
        ui->saveProblem->setText(error);
        ui->saveProblem->setVisible(true);
        return false;
    }
    m_saveProblem.clear();
    ui->saveProblem->clear();
    ui->saveProblem->setVisible(false);
    const dcs::ProfileSecrets secrets = enteredSecrets();
    for (int kind : dcs::SessionBuilder::neededSecrets(p)) {
        QString value;
        switch (Kind(kind)) {
        case Kind::SecretKey:
            value = secrets.secretKey;
            break;
        case Kind::SecurityToken:
            value = secrets.securityToken;
            break;
        case Kind::IamPassword:
            value = secrets.iamPassword;
            break;
        case Kind::ProxyPassword:
            value = secrets.proxyPassword;
            break;
        case Kind::InstancePasswords: // not a profile setting: kept per instance
            break;
        }
        // Unchanged secrets of the same profile are already stored; a duplicate needs its own.
        const bool entered = !secretFieldText(kind).isEmpty();
        if (!value.isEmpty() && (entered || m_secretSourceId != m_id))
            m_secrets->write(p.id, Kind(kind), value, m_secrets);
    }
    m_original = p;
    Q_EMIT saved(p);
    return true;
}

void ProfileDialog::accept() {
    if (save())
        QDialog::accept();
}

void ProfileDialog::addScopeRow(const dcs::ProfileScope &scope) {
    const QSignalBlocker blocker(ui->scopesTable);
    const int row = ui->scopesTable->rowCount();
    ui->scopesTable->insertRow(row);
    auto *region = new QTableWidgetItem(scope.region);
    // A private endpoint of the pair, kept as it was (the fleet opens the pair there).
    region->setData(Qt::UserRole, scope.dcsEndpoint);
    ui->scopesTable->setItem(row, 0, region);
    ui->scopesTable->setItem(row, 1, new QTableWidgetItem(scope.projectId));
    ui->scopesTable->setItem(row, 2, new QTableWidgetItem(scope.projectName));
}

void ProfileDialog::setScopes(const QList<dcs::ProfileScope> &list) {
    {
        const QSignalBlocker blocker(ui->scopesTable);
        ui->scopesTable->setRowCount(0);
    }
    for (const dcs::ProfileScope &scope : list)
        addScopeRow(scope);
    fitScopeColumns();
}

void ProfileDialog::fitScopeColumns() {
    // As wide as the regions and the header's word, in the language shown (the column sized
    // before the headers had their words showed "egic" of "Region"); the project ids' column
    // 250 pixels or its header's width; the names take the rest.
    QTableWidget *table = ui->scopesTable;
    table->resizeColumnToContents(0);
    table->setColumnWidth(1, qMax(250, table->horizontalHeader()->sectionSizeHint(1)));
}

QList<dcs::ProfileScope> ProfileDialog::scopes() const {
    QList<dcs::ProfileScope> list;
    for (int row = 0; row < ui->scopesTable->rowCount(); ++row) {
        const auto text = [this, row](int column) {
            const QTableWidgetItem *item = ui->scopesTable->item(row, column);
            return item ? item->text().trimmed() : QString();
        };
        dcs::ProfileScope scope{text(0), text(1), text(2), QUrl()};
        if (const QTableWidgetItem *region = ui->scopesTable->item(row, 0))
            scope.dcsEndpoint = region->data(Qt::UserRole).toUrl();
        if (scope.region.isEmpty() && scope.projectId.isEmpty() && scope.projectName.isEmpty())
            continue; // a line added and left empty
        list.append(scope);
    }
    return list;
}

void ProfileDialog::showProjectsResult(std::function<QString()> text, bool ok) {
    m_projectsText = std::move(text);
    ui->readProjectsResult->setStyleSheet(ConsolePalette::textStyle(
        ok ? ConsolePalette::Tone::Success : ConsolePalette::Tone::Danger));
    ui->readProjectsResult->setText(m_projectsText());
    ui->readProjectsResult->setVisible(true);
}

void ProfileDialog::readProjects() {
    if (m_pendingReads > 0 || m_projectsClient)
        return;
    const dcs::Profile p = profile();
    dcs::ClientConfigResult built = dcs::SessionBuilder::buildConfig(p, enteredSecrets());
    if (!built.ok()) {
        const QString error = built.error;
        showProjectsResult([error] { return error; }, false);
        Q_EMIT projectsRead(false);
        return;
    }
    m_projectsClient = std::make_unique<dcs::DcsClient>(built.config);
    dcs::DcsClient *client = m_projectsClient.get();
    if (m_requestLog)
        connect(client, &dcs::DcsClient::requestFinished, m_requestLog, &RequestLogModel::append);
    ui->readProjectsButton->setEnabled(false);
    showProjectsResult([] { return tr("Reading the account's projects…"); }, true);
    client->listProjects(this, [this, client](const dcs::ApiResult<QList<dcs::IamProject>> &r) {
        if (client != m_projectsClient.get())
            return;
        // The client goes once this call returns; it must not be deleted inside its own
        // callback.
        QTimer::singleShot(0, this, [this] {
            m_projectsClient.reset();
            ui->readProjectsButton->setEnabled(true);
        });
        if (!r.ok()) {
            const dcs::ApiError error = r.error;
            showProjectsResult(
                [error] {
                    return tr("The projects could not be read: %1")
                        .arg(error.explanation().isEmpty() ? error.summary() : error.explanation());
                },
                false);
            Q_EMIT projectsRead(false);
            return;
        }
        const QString firstKey = dcs::ProfileScope{
            ui->regionCombo->currentText().trimmed(),
            ui->projectIdEdit->text().trimmed(),
            {},
            {}}.key();
        QList<dcs::ProfileScope> list = scopes();
        int added = 0;
        for (const dcs::IamProject &project : r.value) {
            const dcs::ProfileScope scope{project.region, project.id, project.name, {}};
            if (scope.key() == firstKey) {
                m_firstProjectName = project.name;
                continue;
            }
            bool known = false;
            for (dcs::ProfileScope &existing : list) {
                if (existing.key() == scope.key()) {
                    existing.projectName = project.name; // IAM's name is the right one
                    known = true;
                }
            }
            if (!known) {
                list.append(scope);
                ++added;
            }
        }
        setScopes(list);
        showProblems(collectProblems());
        const int total = int(r.value.size());
        showProjectsResult(
            [added, total] {
                return tr("IAM lists %n project(s) in a region; %1 added. Remove those the "
                          "fleet should not read.",
                          nullptr, total)
                    .arg(added);
            },
            true);
        Q_EMIT projectsRead(true);
    });
}

void ProfileDialog::testConnection() {
    if (m_pendingReads > 0)
        return;
    if (!validate()) {
        showTestResult([] { return tr("Correct the fields marked in red first."); }, false);
        Q_EMIT testFinished(false);
        return;
    }
    const dcs::Profile p = profile();
    dcs::ClientConfigResult built = dcs::SessionBuilder::buildConfig(p, enteredSecrets());
    if (!built.ok()) {
        const QString error = built.error;
        showTestResult([error] { return error; }, false);
        Q_EMIT testFinished(false);
        return;
    }
    m_testClient = std::make_unique<dcs::DcsClient>(built.config);
    dcs::DcsClient *client = m_testClient.get();
    if (m_requestLog)
        connect(client, &dcs::DcsClient::requestFinished, m_requestLog, &RequestLogModel::append);
    m_testOk = false;
    m_testText = [] {
        return tr("Testing the connection…");
    };
    ui->testConnectionResult->setStyleSheet(QString());
    ui->testConnectionResult->setText(m_testText());
    updateButtons();
    // One page is enough to prove the endpoint, the credentials and the project.
    dcs::InstanceQuery firstPage;
    firstPage.maxPages = 1;
    const int pageSize = client->config().pageSize;
    client->listInstances(
        firstPage, this, [this, client, pageSize](const dcs::ApiResult<QList<dcs::Instance>> &r) {
            if (client != m_testClient.get())
                return;
            // The client goes once this call returns; it must not be deleted inside its own
            // callback.
            m_testClient.release()->deleteLater();
            if (r.ok()) {
                const int count = int(r.value.size());
                const bool more = count >= pageSize;
                // Which version answered: the one asked for, or what Automatic settled on.
                const dcs::ApiVersion answered = client->apiVersion();
                const dcs::ApiVersion asked = client->config().apiVersion;
                showTestResult(
                    [count, more, answered, asked] {
                        const QString works =
                            more ? tr("Connection works: %n or more instances in this project.",
                                      nullptr, count)
                                 : tr("Connection works: %n instance(s) in this project.", nullptr,
                                      count);
                        QString version;
                        if (answered == dcs::ApiVersion::V1 && asked == dcs::ApiVersion::Automatic)
                            version = tr("The service answered in DCS API v1.0: v2 does not "
                                         "exist there, so download links, background tasks, "
                                         "counts by status and backup policy changes are not "
                                         "available.");
                        else if (answered == dcs::ApiVersion::V1)
                            version = tr("The service answered in DCS API v1.0.");
                        else
                            version = tr("The service answered in DCS API v2.");
                        return works + QLatin1Char('\n') + version;
                    },
                    true);
            } else {
                const dcs::ApiError error = r.error;
                showTestResult(
                    [error] {
                        QStringList lines{tr("Connection failed.")};
                        if (!error.code.isEmpty())
                            lines << tr("Error code: %1").arg(error.code);
                        if (error.httpStatus > 0)
                            lines << tr("HTTP status: %1").arg(error.httpStatus);
                        if (!error.message.isEmpty())
                            lines << tr("Message: %1").arg(error.message);
                        if (!error.requestId.isEmpty())
                            lines << tr("Request ID: %1").arg(error.requestId);
                        const QString explanation = error.explanation();
                        if (!explanation.isEmpty())
                            lines << explanation;
                        return lines.join(QLatin1Char('\n'));
                    },
                    false);
            }
            updateButtons();
            Q_EMIT testFinished(r.ok());
        });
}

void ProfileDialog::showTestResult(std::function<QString()> text, bool ok) {
    m_testText = std::move(text);
    m_testOk = ok;
    ui->testConnectionResult->setStyleSheet(ConsolePalette::textStyle(
        ok ? ConsolePalette::Tone::Success : ConsolePalette::Tone::Danger));
    ui->testConnectionResult->setText(m_testText());
}

void ProfileDialog::browseCaBundle() {
    const QString current = ui->caBundleEdit->text();
    const QString file = FileDialogs::openFileName(
        this, tr("Choose a CA Bundle"),
        current.isEmpty() ? QDir::homePath() : QFileInfo(current).absolutePath(),
        tr("PEM certificates (*.pem *.crt *.cer);;All files (*)"));
    if (!file.isEmpty())
        ui->caBundleEdit->setText(file);
}

void ProfileDialog::retranslate() {
    updateRegionNames();
    // What each field is for, for the tooltip and for a screen reader.
    ui->nameEdit->setToolTip(tr("How this profile is listed in the console"));
    ui->projectIdEdit->setToolTip(
        tr("The project of the region, as shown under My Credentials in the cloud console"));
    ui->authMethodCombo->setToolTip(tr("How the console signs its requests"));
    ui->accessKeyEdit->setToolTip(tr("The access key ID; it is kept with the profile"));
    ui->secretKeyEdit->setToolTip(
        tr("Kept in the system keychain only; leave empty to keep the stored one"));
    ui->securityTokenEdit->setToolTip(
        tr("Comes with a temporary access key; kept in the system keychain only"));
    ui->iamAccountEdit->setToolTip(tr("The account the IAM user belongs to"));
    ui->iamUserEdit->setToolTip(tr("The IAM user who signs in"));
    ui->iamPasswordEdit->setToolTip(
        tr("Kept in the system keychain only; leave empty to keep the stored one"));
    ui->proxyModeCombo->setToolTip(tr("How requests reach Huawei Cloud"));
    ui->proxyHostEdit->setToolTip(tr("The proxy's host name or address"));
    ui->proxyPortSpin->setToolTip(tr("The proxy's port"));
    ui->proxyUserEdit->setToolTip(tr("Only when the proxy asks for a user name"));
    ui->proxyPasswordEdit->setToolTip(tr("Kept in the system keychain only"));
    ui->caBundleEdit->setToolTip(
        tr("A PEM file of certificates to trust besides the system's, for a private endpoint"));
    ui->caBundleBrowseButton->setToolTip(tr("Choose the CA bundle file"));
    ui->timeoutSpin->setToolTip(tr("How long one request may take before it counts as failed"));
    ui->productionCheck->setToolTip(
        tr("A red banner and badge remind everyone that this is a live account"));
    ui->readOnlyCheck->setToolTip(tr("The console refuses to restore, back up or delete here"));
    ui->scopesTable->setAccessibleName(tr("Other regions and projects"));
    // A table's accessible description does not fall back to its tooltip.
    ui->scopesTable->setAccessibleDescription(
        tr("Each line is a region and a project of this account that the fleet also reads"));
    ui->scopesTable->setToolTip(ui->scopesTable->accessibleDescription());
    ui->addScopeButton->setToolTip(tr("Adds a line for another region and project"));
    ui->removeScopeButton->setToolTip(tr("Removes the selected line"));
    ui->readProjectsButton->setToolTip(
        tr("Asks IAM which projects this account has and adds the missing ones"));
    switch (m_mode) {
    case Mode::New:
        setWindowTitle(tr("New Profile"));
        break;
    case Mode::Edit:
        setWindowTitle(tr("Edit Profile — %1").arg(m_original.name));
        break;
    case Mode::Duplicate:
        setWindowTitle(tr("Duplicate Profile — %1").arg(m_original.name));
        break;
    }
    ui->timeoutSpin->setSuffix(tr(" s"));
    if (QPushButton *save = ui->buttonBox->button(QDialogButtonBox::Save)) {
        save->setText(tr("&Save"));
        save->setAccessibleDescription(tr("Checks the fields and saves the profile"));
    }
    if (QPushButton *cancel = ui->buttonBox->button(QDialogButtonBox::Cancel)) {
        cancel->setText(tr("Cancel"));
        cancel->setAccessibleDescription(tr("Closes without saving"));
    }
    updateKeychainNotice();
    updatePlaceholders();
    showProblems(collectProblems());
    if (m_testText)
        ui->testConnectionResult->setText(m_testText());
    if (!m_saveProblem.isEmpty() && m_store) {
        m_saveProblem = m_store->lastError();
        ui->saveProblem->setText(m_saveProblem);
    }
    if (m_projectsText)
        ui->readProjectsResult->setText(m_projectsText());
    // Short headers, so that all three fit beside a whole project id in both languages; where
    // the names come from is the last one's tooltip.
    ui->scopesTable->setHorizontalHeaderLabels(
        {tr("Region"), tr("Project ID"), tr("Project name")});
    ui->scopesTable->horizontalHeaderItem(2)->setToolTip(
        tr("The project's name as IAM lists it (Read Projects from IAM fills it in)"));
    fitScopeColumns();
    ui->readProjectsButton->setToolTip(
        tr("Reads the account's projects from IAM (GET /v3/auth/projects) with the credentials "
           "entered, and adds those not listed yet"));
    updateButtons();
}

bool ProfileDialog::event(QEvent *event) {
    // The base class passes LanguageChange on to the children first, and a button box
    // resets its standard buttons' texts then: the texts set here must come after.
    const bool handled = QDialog::event(event);
    if (event->type() == QEvent::LanguageChange) {
        const int auth = ui->authMethodCombo->currentIndex();
        const int proxy = ui->proxyModeCombo->currentIndex();
        const int apiVersion = ui->apiVersionCombo->currentIndex();
        ui->retranslateUi(this);
        ui->authMethodCombo->setCurrentIndex(auth);
        ui->proxyModeCombo->setCurrentIndex(proxy);
        ui->apiVersionCombo->setCurrentIndex(apiVersion);
        retranslate();
    }
    return handled;
}
