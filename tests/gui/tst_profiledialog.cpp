// The profile dialog: refusals next to their fields, warnings that do not block, Test connection
// against a real dcs-sim, and a saved profile that round-trips with its secret kept out of the
// settings file.

#include "GuiTestSupport.h"
#include "profiles/ProfileDialog.h"
#include "profiles/ProfileStore.h"
#include "profiles/SecretStore.h"
#include "profiles/SessionBuilder.h"
#include "settings/LanguageManager.h"

#include <QAbstractItemDelegate>
#include <QAbstractItemView>
#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFile>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStyleOptionViewItem>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <memory>

class TestProfileDialog : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() {
        QVERIFY(m_dir.isValid());
        QVERIFY2(m_sim.start(), qPrintable(m_sim.error()));
    }

    void init() {
        m_settingsFile = m_dir.filePath(QStringLiteral("settings-%1.ini").arg(++m_round));
        m_settings = std::make_unique<QSettings>(m_settingsFile, QSettings::IniFormat);
        m_store = std::make_unique<dcs::ProfileStore>(m_settings.get());
        m_secrets = std::make_unique<dcs::SecretStore>(QStringLiteral("dcs-console-test"), true);
    }

    void cleanup() {
        m_store.reset();
        m_settings.reset();
        m_secrets.reset();
    }

    void refusalsAppearNextToTheirFields() {
        ProfileDialog dialog(m_store.get(), m_secrets.get());
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        edit(dialog, "nameEdit")->setText(QStringLiteral("Staging"));
        edit(dialog, "projectIdEdit")->clear();

        // Nothing is shown before the first attempt to save.
        QVERIFY(!shown(dialog, "projectIdError"));
        save(dialog);
        QVERIFY(dialog.isVisible()); // refused
        QVERIFY(m_store->profiles().isEmpty());
        QVERIFY(shown(dialog, "projectIdError"));
        QCOMPARE(label(dialog, "projectIdError")->text(), QStringLiteral("Enter the project ID."));
        QVERIFY(shown(dialog, "accessKeyError"));
        QVERIFY(shown(dialog, "secretKeyError"));
        QVERIFY(!shown(dialog, "nameError"));
        QVERIFY(!shown(dialog, "dcsEndpointError"));
        expectBelow(dialog, "projectIdError", "projectIdEdit");
        expectBelow(dialog, "secretKeyError", "secretKeyEdit");

        // Then the messages follow the input.
        edit(dialog, "projectIdEdit")->setText(QStringLiteral("not-a-project"));
        QVERIFY(label(dialog, "projectIdError")->text().contains(QStringLiteral("32 hexadecimal")));
        edit(dialog, "projectIdEdit")->setText(SimFixture::projectId());
        QVERIFY(!shown(dialog, "projectIdError"));

        edit(dialog, "dcsEndpointEdit")->setText(QStringLiteral("dcs.cn-north-4 no scheme"));
        QVERIFY(shown(dialog, "dcsEndpointError"));
        QVERIFY(label(dialog, "dcsEndpointError")->text().contains(QStringLiteral("http(s) URL")));
        expectBelow(dialog, "dcsEndpointError", "dcsEndpointEdit");
        edit(dialog, "dcsEndpointEdit")->setText(QStringLiteral("https://dcs.example.test"));
        QVERIFY(!shown(dialog, "dcsEndpointError"));

        auto *region = dialog.findChild<QComboBox *>(QStringLiteral("regionCombo"));
        region->setCurrentText(QStringLiteral("North China 4"));
        QVERIFY(shown(dialog, "regionError"));
        QVERIFY(
            label(dialog, "regionError")->text().contains(QStringLiteral("does not look like")));
        expectBelow(dialog, "regionError", "regionCombo");

        edit(dialog, "nameEdit")->clear();
        QCOMPARE(label(dialog, "nameError")->text(),
                 QStringLiteral("Enter a name for this profile."));
        save(dialog);
        QVERIFY(dialog.isVisible());
        QVERIFY(m_store->profiles().isEmpty());
    }

    void regionFillsTheEndpointsUnlessOverridden() {
        ProfileDialog dialog(m_store.get(), m_secrets.get());
        auto *region = dialog.findChild<QComboBox *>(QStringLiteral("regionCombo"));
        region->setCurrentText(QStringLiteral("ap-southeast-1"));
        QCOMPARE(edit(dialog, "dcsEndpointEdit")->text(),
                 QStringLiteral("https://dcs.ap-southeast-1.myhuaweicloud.com"));
        QCOMPARE(edit(dialog, "iamEndpointEdit")->text(),
                 QStringLiteral("https://iam.ap-southeast-1.myhuaweicloud.com"));
        edit(dialog, "dcsEndpointEdit")->setText(QStringLiteral("https://dcs.private.example"));
        region->setCurrentText(QStringLiteral("cn-east-3"));
        QCOMPARE(edit(dialog, "dcsEndpointEdit")->text(),
                 QStringLiteral("https://dcs.private.example"));
        QCOMPARE(edit(dialog, "iamEndpointEdit")->text(),
                 QStringLiteral("https://iam.cn-east-3.myhuaweicloud.com"));
    }

    void unknownRegionWarnsButSaves() {
        ProfileDialog dialog(m_store.get(), m_secrets.get());
        dialog.show();
        fillValid(dialog, QStringLiteral("Mars"));
        auto *region = dialog.findChild<QComboBox *>(QStringLiteral("regionCombo"));
        region->setCurrentText(QStringLiteral("xx-mars-1"));
        // A warning is shown at once, before any attempt to save.
        QVERIFY(shown(dialog, "regionError"));
        QVERIFY(label(dialog, "regionError")->text().contains(QStringLiteral("not in the list")));
        QSignalSpy saved(&dialog, &ProfileDialog::saved);
        save(dialog);
        QCOMPARE(saved.count(), 1);
        QCOMPARE(dialog.result(), int(QDialog::Accepted));
        const auto profile = m_store->profileByName(QStringLiteral("Mars"));
        QVERIFY(profile);
        QCOMPARE(profile->region, QStringLiteral("xx-mars-1"));
    }

    // A settings file that cannot be written: the dialog stays open and says so; nothing is
    // listed or stored (no secret for a profile that does not exist), and a retry once the
    // file can be written saves it.
    void unwritableSettingsKeepTheDialogOpen() {
        const QString blocker = m_dir.filePath(QStringLiteral("blocker-%1").arg(m_round));
        {
            QFile file(blocker);
            QVERIFY(file.open(QIODevice::WriteOnly));
        }
        QSettings settings(blocker + QStringLiteral("/profiles.ini"), QSettings::IniFormat);
        dcs::ProfileStore store(&settings);
        ProfileDialog dialog(&store, m_secrets.get());
        dialog.show();
        fillValid(dialog, QStringLiteral("Unsaved"));
        QSignalSpy saved(&dialog, &ProfileDialog::saved);
        QLabel *problem = label(dialog, "saveProblem");
        QVERIFY(!problem->isVisible());
        save(dialog);
        QVERIFY(dialog.isVisible());
        QCOMPARE(saved.count(), 0);
        QVERIFY(problem->isVisible());
        QVERIFY2(problem->text().contains(QStringLiteral("could not be written")),
                 qPrintable(problem->text()));
        QVERIFY(problem->text().contains(QStringLiteral("blocker")));
        shot(&dialog, "profile-save-failed-en");
        // In Chinese the reason is said again in Chinese, still naming the file.
        {
            LanguageManager languages;
            QVERIFY(languages.setLanguage(QStringLiteral("zh_CN")));
            QTRY_VERIFY(problem->text().contains(QStringLiteral("设置文件")));
            QVERIFY(problem->text().contains(QStringLiteral("blocker")));
            shot(&dialog, "profile-save-failed-zh_CN");
            QVERIFY(languages.setLanguage(QStringLiteral("en")));
            QTRY_VERIFY(problem->text().contains(QStringLiteral("could not be written")));
        }
        QVERIFY(store.profiles().isEmpty());
        const QString id = dialog.profile().id;
        QCOMPARE(readSecret(id, dcs::SecretStore::Kind::SecretKey), QString());
        // The keyboard alone: Enter on the dialog is Save, with the same answer.
        QTest::keyClick(&dialog, Qt::Key_Return);
        QVERIFY(dialog.isVisible());
        QCOMPARE(saved.count(), 0);

        // Once the folder can be made, the same dialog saves.
        QVERIFY(QFile::remove(blocker));
        save(dialog);
        QCOMPARE(saved.count(), 1);
        QVERIFY(!problem->isVisible());
        QVERIFY(store.profileByName(QStringLiteral("Unsaved")));
    }

    // Each field takes no more than a field can hold.
    void fieldsHaveLengthLimits() {
        ProfileDialog dialog(m_store.get(), m_secrets.get());
        dialog.show();
        QLineEdit *name = edit(dialog, "nameEdit");
        name->setText(QString(100000, QLatin1Char('n')));
        QCOMPARE(name->text().size(), dcs::fieldlimits::Name);
        QCOMPARE(edit(dialog, "securityTokenEdit")->maxLength(), dcs::fieldlimits::SecurityToken);
        QCOMPARE(edit(dialog, "projectIdEdit")->maxLength(), dcs::fieldlimits::ProjectId);
        QCOMPARE(edit(dialog, "accessKeyEdit")->maxLength(), dcs::fieldlimits::AccessKey);
    }

    void passwordFieldsAreHidden() {
        ProfileDialog dialog(m_store.get(), m_secrets.get());
        for (const char *name :
             {"secretKeyEdit", "securityTokenEdit", "iamPasswordEdit", "proxyPasswordEdit"})
            QCOMPARE(edit(dialog, name)->echoMode(), QLineEdit::Password);
    }

    void keychainNoticeWhenMemoryOnly() {
        ProfileDialog dialog(m_store.get(), m_secrets.get());
        dialog.show();
        auto *notice = label(dialog, "keychainNotice");
        QVERIFY(notice->isVisible());
        QVERIFY(notice->text().contains(QStringLiteral("No keychain service is available")));
    }

    // Whether secrets will be kept is said when the dialog opens, before anything is saved:
    // the store asks the keychain service once (here: whatever this machine has).
    void keychainIsKnownBeforeSaving() {
        dcs::SecretStore secrets(QStringLiteral("dcs-console-test-probe"), false);
        QCOMPARE(secrets.availability(), dcs::SecretStore::Availability::Unknown);
        ProfileDialog dialog(m_store.get(), &secrets);
        dialog.show();
        auto *notice = label(dialog, "keychainNotice");
        // Asked at once; until the answer the dialog says it is checking.
        QTRY_VERIFY_WITH_TIMEOUT(secrets.availability() != dcs::SecretStore::Availability::Unknown,
                                 60000);
        QTRY_COMPARE(notice->isVisible(), secrets.isMemoryOnly());
        if (secrets.isMemoryOnly())
            QVERIFY(notice->text().contains(QStringLiteral("No keychain service is available")));
        // Nothing was saved to find it out.
        QVERIFY(m_store->profiles().isEmpty());
    }

    // Messages have their line reserved: the fields stay where they are as messages appear,
    // and no message is cut.
    void fieldsDoNotMoveAsMessagesAppear() {
        ProfileDialog dialog(m_store.get(), m_secrets.get());
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        const auto positions = [&dialog] {
            QMap<QString, QRect> where;
            for (QWidget *field : dialog.findChildren<QWidget *>()) {
                if ((qobject_cast<QLineEdit *>(field) || qobject_cast<QComboBox *>(field) ||
                     qobject_cast<QSpinBox *>(field) || qobject_cast<QCheckBox *>(field)) &&
                    field->isVisible() && !field->objectName().isEmpty())
                    where.insert(field->objectName(),
                                 QRect(field->mapTo(&dialog, QPoint(0, 0)), field->size()));
            }
            return where;
        };
        QCoreApplication::processEvents();
        const QMap<QString, QRect> before = positions();
        QVERIFY(before.size() > 8);
        const QSize sizeBefore = dialog.size();

        // Every field of the Access key method wrong at once.
        edit(dialog, "nameEdit")->clear();
        edit(dialog, "projectIdEdit")->setText(QStringLiteral("not-a-project"));
        edit(dialog, "dcsEndpointEdit")->setText(QStringLiteral("no scheme"));
        dialog.findChild<QComboBox *>(QStringLiteral("regionCombo"))
            ->setCurrentText(QStringLiteral("xx-mars-1"));
        save(dialog);
        QCoreApplication::processEvents();
        QStringList messages;
        for (const char *name : {"nameError", "regionError", "dcsEndpointError", "projectIdError",
                                 "accessKeyError", "secretKeyError"}) {
            QVERIFY2(shown(dialog, name), name);
            messages << label(dialog, name)->text();
        }
        QCOMPARE(dialog.size(), sizeBefore);
        const QMap<QString, QRect> after = positions();
        for (auto it = before.cbegin(); it != before.cend(); ++it)
            QVERIFY2(after.value(it.key()) == it.value(),
                     qPrintable(it.key() + QStringLiteral(" moved")));
        for (QLabel *message : dialog.findChildren<QLabel *>()) {
            if (!message->objectName().endsWith(QLatin1String("Error")) || !message->isVisible())
                continue;
            QVERIFY2(
                message->height() >= message->heightForWidth(message->width()),
                qPrintable(message->objectName() + QStringLiteral(" is cut: ") + message->text()));
        }
    }

    // The plain-HTTP warnings (DCS and IAM endpoints) are shown whole at the dialog's default
    // size, for a new profile typed in and for a saved one opened, in both languages.
    void plainHttpWarningsAreWhole() {
        LanguageManager languages;
        for (const QString &language : {QStringLiteral("en"), QStringLiteral("zh_CN")}) {
            QVERIFY(languages.setLanguage(language));
            // Typed into a new profile, the dialog already shown.
            {
                ProfileDialog dialog(m_store.get(), m_secrets.get());
                dialog.show();
                QVERIFY(QTest::qWaitForWindowExposed(&dialog));
                fillValid(dialog, QStringLiteral("Plain"));
                dialog.findChild<QComboBox *>(QStringLiteral("authMethodCombo"))
                    ->setCurrentIndex(int(dcs::Profile::AuthMethod::IamPassword));
                edit(dialog, "dcsEndpointEdit")
                    ->setText(QStringLiteral("http://dcs.staging.example.com"));
                edit(dialog, "iamEndpointEdit")
                    ->setText(QStringLiteral("http://iam.staging.example.com"));
                expectWholeWarnings(dialog, language + QStringLiteral(", typed"));
                if (QTest::currentTestFailed())
                    return;
            }
            // A saved profile with both endpoints in plain HTTP, opened for editing.
            {
                dcs::Profile profile;
                profile.id = dcs::Profile::newId();
                profile.name = QStringLiteral("Staging %1").arg(language);
                profile.region = QStringLiteral("cn-north-4");
                profile.dcsEndpoint = QUrl(QStringLiteral("http://dcs.staging.example.com"));
                profile.iamEndpoint = QUrl(QStringLiteral("http://iam.staging.example.com"));
                profile.projectId = SimFixture::projectId();
                profile.authMethod = dcs::Profile::AuthMethod::IamPassword;
                profile.iamAccount = QStringLiteral("shop");
                profile.iamUser = QStringLiteral("admin");
                ProfileDialog dialog(m_store.get(), m_secrets.get());
                dialog.setProfile(profile, ProfileDialog::Mode::Edit);
                dialog.show();
                QVERIFY(QTest::qWaitForWindowExposed(&dialog));
                expectWholeWarnings(dialog, language + QStringLiteral(", opened"));
                if (QTest::currentTestFailed())
                    return;
            }
        }
        QVERIFY(languages.setLanguage(QStringLiteral("en")));
    }

    // The list of other regions and projects shows its headers whole, in a new profile too
    // (whose columns were sized before the headers had their words), in both languages.
    void scopeHeadersAreWhole() {
        LanguageManager languages;
        for (const QString &language :
             {QStringLiteral("en"), QStringLiteral("zh_CN"), QStringLiteral("en")}) {
            QVERIFY(languages.setLanguage(language));
            ProfileDialog dialog(m_store.get(), m_secrets.get());
            dialog.show();
            QVERIFY(QTest::qWaitForWindowExposed(&dialog));
            // And once more after the language changed under the open dialog.
            QVERIFY(languages.setLanguage(language == QLatin1String("en") ? QStringLiteral("zh_CN")
                                                                          : QStringLiteral("en")));
            QCoreApplication::processEvents();
            auto *table = dialog.findChild<QTableWidget *>(QStringLiteral("scopesTable"));
            QVERIFY(table);
            const QHeaderView *header = table->horizontalHeader();
            for (int column = 0; column < table->columnCount(); ++column)
                QVERIFY2(header->sectionSize(column) >= header->sectionSizeHint(column),
                         qPrintable(QStringLiteral("%1: column %2, %3 < %4")
                                        .arg(language)
                                        .arg(column)
                                        .arg(header->sectionSize(column))
                                        .arg(header->sectionSizeHint(column))));
        }
        QVERIFY(languages.setLanguage(QStringLiteral("en")));
    }

    void regionsAreNamed() {
        ProfileDialog dialog(m_store.get(), m_secrets.get());
        dialog.show();
        auto *region = dialog.findChild<QComboBox *>(QStringLiteral("regionCombo"));
        region->setCurrentText(QStringLiteral("cn-north-4"));
        QCOMPARE(label(dialog, "regionNameLabel")->text(), QStringLiteral("CN North-Beijing4"));
        region->setCurrentText(QStringLiteral("ap-southeast-3"));
        QCOMPARE(label(dialog, "regionNameLabel")->text(), QStringLiteral("AP-Singapore"));
        // The list shows the id and the name; what is saved is the id.
        QStyleOptionViewItem option;
        option.initFrom(region->view());
        const QModelIndex first = region->model()->index(0, 0);
        QCOMPARE(first.data().toString(), QStringLiteral("cn-north-4"));
        const QSize hint = region->itemDelegate()->sizeHint(option, first);
        QVERIFY(hint.width() >
                region->fontMetrics().horizontalAdvance(QStringLiteral("cn-north-4 — CN North")));
        region->setCurrentText(QStringLiteral("xx-mars-1"));
        QVERIFY(label(dialog, "regionNameLabel")->text().isEmpty());
    }

    void testConnectionSucceedsWithTheRightKey() {
        ProfileDialog dialog(m_store.get(), m_secrets.get());
        dialog.show();
        fillValid(dialog, QStringLiteral("Sim"));
        QSignalSpy finished(&dialog, &ProfileDialog::testFinished);
        QTest::mouseClick(button(dialog, "testConnectionButton"), Qt::LeftButton);
        QVERIFY(finished.wait(guitest::LoadTimeoutMs));
        QCOMPARE(finished.first().first().toBool(), true);
        const QString text = label(dialog, "testConnectionResult")->text();
        QVERIFY2(text.contains(QStringLiteral("Connection works")), qPrintable(text));
        QVERIFY2(QRegularExpression(QStringLiteral("\\d+ instance")).match(text).hasMatch(),
                 qPrintable(text));
        // Testing saves nothing.
        QVERIFY(m_store->profiles().isEmpty());
    }

    void testConnectionShowsTheErrorWithAWrongKey() {
        ProfileDialog dialog(m_store.get(), m_secrets.get());
        dialog.show();
        fillValid(dialog, QStringLiteral("Sim"));
        edit(dialog, "secretKeyEdit")->setText(QStringLiteral("a-wrong-secret"));
        QSignalSpy finished(&dialog, &ProfileDialog::testFinished);
        QTest::mouseClick(button(dialog, "testConnectionButton"), Qt::LeftButton);
        QVERIFY(finished.wait(guitest::LoadTimeoutMs));
        QCOMPARE(finished.first().first().toBool(), false);
        const QString text = label(dialog, "testConnectionResult")->text();
        QVERIFY2(text.contains(QStringLiteral("APIGW.0301")), qPrintable(text));
        const QRegularExpressionMatch id =
            QRegularExpression(QStringLiteral("Request ID: (\\S+)")).match(text);
        QVERIFY2(id.hasMatch() && id.captured(1).size() >= 8, qPrintable(text));
        QVERIFY(!text.contains(QStringLiteral("a-wrong-secret")));
    }

    void savedProfileRoundTripsWithoutItsSecret() {
        const QString sk = QStringLiteral("sk-that-must-stay-out-of-the-settings");
        const QString proxyPassword = QStringLiteral("proxy-password-also-secret");
        const QString ca = m_dir.filePath(QStringLiteral("ca.pem"));
        QFile::remove(ca);
        QVERIFY(QFile::copy(QStringLiteral("/etc/ssl/certs/ca-certificates.crt"), ca) ||
                writeSelfSigned(ca));

        dcs::Profile saved;
        {
            ProfileDialog dialog(m_store.get(), m_secrets.get());
            dialog.show();
            fillValid(dialog, QStringLiteral("Round trip"));
            edit(dialog, "secretKeyEdit")->setText(sk);
            dialog.findChild<QComboBox *>(QStringLiteral("proxyModeCombo"))->setCurrentIndex(2);
            edit(dialog, "proxyHostEdit")->setText(QStringLiteral("proxy.example.test"));
            dialog.findChild<QSpinBox *>(QStringLiteral("proxyPortSpin"))->setValue(3128);
            edit(dialog, "proxyUserEdit")->setText(QStringLiteral("squid"));
            edit(dialog, "proxyPasswordEdit")->setText(proxyPassword);
            edit(dialog, "caBundleEdit")->setText(ca);
            dialog.findChild<QSpinBox *>(QStringLiteral("timeoutSpin"))->setValue(45);
            dialog.findChild<QCheckBox *>(QStringLiteral("productionCheck"))->setChecked(true);
            QVERIFY(!shown(dialog, "caBundleError"));
            QSignalSpy savedSpy(&dialog, &ProfileDialog::saved);
            save(dialog);
            QCOMPARE(savedSpy.count(), 1);
            saved = savedSpy.first().first().value<dcs::Profile>();
        }

        // A fresh store on the same file reads the same profile back.
        m_settings->sync();
        QSettings again(m_settingsFile, QSettings::IniFormat);
        dcs::ProfileStore reread(&again);
        const auto loaded = reread.profile(saved.id);
        QVERIFY(loaded);
        QCOMPARE(*loaded, saved);
        QCOMPARE(loaded->name, QStringLiteral("Round trip"));
        QCOMPARE(loaded->proxy.mode, dcs::ProxySettings::Mode::Http);
        QCOMPARE(loaded->proxy.port, 3128);
        QCOMPARE(loaded->proxy.user, QStringLiteral("squid"));
        QCOMPARE(loaded->caBundleFile, ca);
        QCOMPARE(loaded->timeoutSeconds, 45);
        QVERIFY(loaded->production);
        QCOMPARE(loaded->accessKey, QString::fromLatin1(SimFixture::accessKey()));

        // The secrets are in the SecretStore, and nowhere in the settings file.
        QFile file(m_settingsFile);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray bytes = file.readAll();
        QVERIFY(bytes.contains("Round trip"));
        QVERIFY(!bytes.contains(sk.toUtf8()));
        QVERIFY(!bytes.contains(proxyPassword.toUtf8()));
        QCOMPARE(readSecret(saved.id, dcs::SecretStore::Kind::SecretKey), sk);
        QCOMPARE(readSecret(saved.id, dcs::SecretStore::Kind::ProxyPassword), proxyPassword);

        // Editing shows no secret back; an empty field keeps the stored one.
        ProfileDialog dialog(m_store.get(), m_secrets.get());
        dialog.setProfile(*loaded, ProfileDialog::Mode::Edit);
        dialog.show();
        QTRY_VERIFY(!dialog.isReadingSecrets());
        QVERIFY(edit(dialog, "secretKeyEdit")->text().isEmpty());
        QVERIFY(edit(dialog, "secretKeyEdit")->placeholderText().contains(QStringLiteral("keep")));
        QCOMPARE(edit(dialog, "nameEdit")->text(), QStringLiteral("Round trip"));
        edit(dialog, "nameEdit")->setText(QStringLiteral("Round trip 2"));
        save(dialog);
        QCOMPARE(dialog.result(), int(QDialog::Accepted));
        QCOMPARE(m_store->profile(saved.id)->name, QStringLiteral("Round trip 2"));
        QCOMPARE(readSecret(saved.id, dcs::SecretStore::Kind::SecretKey), sk);

        // A duplicate gets its own id and a copy of the secrets.
        ProfileDialog duplicate(m_store.get(), m_secrets.get());
        duplicate.setProfile(*m_store->profile(saved.id), ProfileDialog::Mode::Duplicate);
        duplicate.show();
        QTRY_VERIFY(!duplicate.isReadingSecrets());
        QCOMPARE(edit(duplicate, "nameEdit")->text(), QStringLiteral("Round trip 2 (copy)"));
        QSignalSpy duplicated(&duplicate, &ProfileDialog::saved);
        save(duplicate);
        QCOMPARE(duplicated.count(), 1);
        const QString copyId = duplicated.first().first().value<dcs::Profile>().id;
        QVERIFY(copyId != saved.id);
        QCOMPARE(readSecret(copyId, dcs::SecretStore::Kind::SecretKey), sk);
        QCOMPARE(m_store->profiles().size(), 2);
    }

    void caBundleRefusalsSayWhy() {
        ProfileDialog dialog(m_store.get(), m_secrets.get());
        dialog.show();
        fillValid(dialog, QStringLiteral("CA"));
        edit(dialog, "caBundleEdit")->setText(m_dir.filePath(QStringLiteral("missing.pem")));
        save(dialog);
        QVERIFY(dialog.isVisible());
        QVERIFY(shown(dialog, "caBundleError"));
        QVERIFY2(label(dialog, "caBundleError")->text().contains(QStringLiteral("cannot be read")),
                 qPrintable(label(dialog, "caBundleError")->text()));

        const QString empty = m_dir.filePath(QStringLiteral("empty.pem"));
        QFile file(empty);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("not a certificate\n");
        file.close();
        edit(dialog, "caBundleEdit")->setText(empty);
        QVERIFY2(label(dialog, "caBundleError")->text().contains(QStringLiteral("no PEM")),
                 qPrintable(label(dialog, "caBundleError")->text()));
        expectBelow(dialog, "caBundleError", "caBundleEdit");
        save(dialog);
        QVERIFY(dialog.isVisible());
        QVERIFY(m_store->profiles().isEmpty());
    }

    void authenticationMethodShowsItsFields() {
        ProfileDialog dialog(m_store.get(), m_secrets.get());
        dialog.show();
        auto *method = dialog.findChild<QComboBox *>(QStringLiteral("authMethodCombo"));
        QVERIFY(edit(dialog, "accessKeyEdit")->isVisible());
        QVERIFY(!edit(dialog, "securityTokenEdit")->isVisible());
        QVERIFY(!edit(dialog, "iamUserEdit")->isVisible());
        method->setCurrentIndex(1);
        QVERIFY(edit(dialog, "securityTokenEdit")->isVisible());
        method->setCurrentIndex(2);
        QVERIFY(!edit(dialog, "accessKeyEdit")->isVisible());
        QVERIFY(edit(dialog, "iamUserEdit")->isVisible());
        QVERIFY(edit(dialog, "iamAccountEdit")->isVisible());
        QVERIFY(edit(dialog, "iamPasswordEdit")->isVisible());
        edit(dialog, "nameEdit")->setText(QStringLiteral("IAM"));
        edit(dialog, "projectIdEdit")->setText(SimFixture::projectId());
        save(dialog);
        QVERIFY(shown(dialog, "iamAccountError"));
        QVERIFY(shown(dialog, "iamUserError"));
        QVERIFY(shown(dialog, "iamPasswordError"));
        QVERIFY(!shown(dialog, "accessKeyError"));
    }

    // The API version: chosen from the keyboard, saved, and Test connection says which version
    // answered — v2 against a simulator with both, v1.0 when v2 is switched off there.
    void apiVersionIsChosenAndTestSaysWhichAnswered() {
        SimFixture v1Only;
        QVERIFY2(v1Only.start({QStringLiteral("--api"), QStringLiteral("v1.0")}),
                 qPrintable(v1Only.error()));
        ProfileDialog dialog(m_store.get(), m_secrets.get());
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        fillValid(dialog, QStringLiteral("Versions"));
        auto *combo = dialog.findChild<QComboBox *>(QStringLiteral("apiVersionCombo"));
        QVERIFY(combo);
        QCOMPARE(combo->currentIndex(), int(dcs::ApiVersion::Automatic));
        auto test = [&]() {
            QSignalSpy finished(&dialog, &ProfileDialog::testFinished);
            QTest::mouseClick(button(dialog, "testConnectionButton"), Qt::LeftButton);
            if (!finished.wait(15000))
                return QStringLiteral("<no answer>");
            return label(dialog, "testConnectionResult")->text();
        };
        QString text = test();
        QVERIFY2(text.contains(QStringLiteral("answered in DCS API v2")), qPrintable(text));
        edit(dialog, "dcsEndpointEdit")->setText(v1Only.url().toString());
        text = test();
        QVERIFY2(text.contains(QStringLiteral("answered in DCS API v1.0: v2 does not exist")),
                 qPrintable(text));
        // v2 chosen against it: no fallback, the error says so.
        combo->setFocus();
        QTest::keyClick(combo, Qt::Key_Down);
        QCOMPARE(combo->currentIndex(), int(dcs::ApiVersion::V2));
        text = test();
        QVERIFY2(text.contains(QStringLiteral("DCS.4001")), qPrintable(text));
        QTest::keyClick(combo, Qt::Key_Down);
        QCOMPARE(combo->currentIndex(), int(dcs::ApiVersion::V1));
        text = test();
        QVERIFY2(text.contains(QStringLiteral("answered in DCS API v1.0.")), qPrintable(text));
        save(dialog);
        const auto saved = m_store->profileByName(QStringLiteral("Versions"));
        QVERIFY(saved);
        QCOMPARE(saved->apiVersion, dcs::ApiVersion::V1);
        // And it comes back in the dialog.
        ProfileDialog again(m_store.get(), m_secrets.get());
        again.setProfile(*saved, ProfileDialog::Mode::Edit);
        QCOMPARE(again.findChild<QComboBox *>(QStringLiteral("apiVersionCombo"))->currentIndex(),
                 int(dcs::ApiVersion::V1));
    }

private:
    static QLineEdit *edit(QDialog &dialog, const char *name) {
        auto *widget = dialog.findChild<QLineEdit *>(QLatin1String(name));
        if (!widget)
            qFatal("no line edit %s", name);
        return widget;
    }
    static QLabel *label(QDialog &dialog, const char *name) {
        auto *widget = dialog.findChild<QLabel *>(QLatin1String(name));
        if (!widget)
            qFatal("no label %s", name);
        return widget;
    }
    // With DCS_TEST_SHOTS set, pictures of what the test drives.
    static void shot(QWidget *widget, const char *name) {
        if (qEnvironmentVariableIsSet("DCS_TEST_SHOTS"))
            widget->grab().save(qEnvironmentVariable("DCS_TEST_SHOTS") + QLatin1Char('/') +
                                QLatin1String(name) + QStringLiteral(".png"));
    }

    // A field's message line is always there; a message is shown when it has text.
    static bool shown(QDialog &dialog, const char *name) {
        QLabel *message = label(dialog, name);
        return message->isVisible() && !message->text().isEmpty();
    }
    static QPushButton *button(QDialog &dialog, const char *name) {
        return dialog.findChild<QPushButton *>(QLatin1String(name));
    }
    static void save(QDialog &dialog) {
        QPushButton *saveButton = dialog.findChild<QDialogButtonBox *>(QStringLiteral("buttonBox"))
                                      ->button(QDialogButtonBox::Save);
        QTRY_VERIFY(saveButton->isEnabled());
        QTest::mouseClick(saveButton, Qt::LeftButton);
    }
    // The message sits right under its field, in the same form.
    static void expectBelow(QDialog &dialog, const char *labelName, const char *fieldName) {
        QWidget *field = dialog.findChild<QWidget *>(QLatin1String(fieldName));
        QLabel *message = label(dialog, labelName);
        QVERIFY(field && message->isVisible() && !message->text().isEmpty());
        const QPoint fieldBottom = field->mapTo(&dialog, QPoint(0, field->height()));
        const QPoint messageTop = message->mapTo(&dialog, QPoint(0, 0));
        QVERIFY2(messageTop.y() >= fieldBottom.y() && messageTop.y() - fieldBottom.y() < 24,
                 labelName);
        QVERIFY2(qAbs(messageTop.x() - field->mapTo(&dialog, QPoint(0, 0)).x()) < 8, labelName);
    }

    // Both plain-HTTP warnings are shown, each as tall as its wrapped text at its width, and
    // inside the dialog: nothing of either is cut.
    static void expectWholeWarnings(QDialog &dialog, const QString &what) {
        QCoreApplication::processEvents();
        for (const char *name : {"dcsEndpointError", "iamEndpointError"}) {
            const QString where = QStringLiteral("%1 (%2)").arg(QLatin1String(name), what);
            QTRY_VERIFY2(shown(dialog, name), qPrintable(where));
            QLabel *message = label(dialog, name);
            QVERIFY2(message->text().contains(QLatin1String("HTTP")), qPrintable(where));
            // As high as its lines, no line more: nothing cut, no gap left from an earlier width.
            const auto fits = [message] {
                const int needed = guitest::wrappedTextHeight(message);
                return message->height() >= needed &&
                       message->height() - needed < message->fontMetrics().lineSpacing();
            };
            QTRY_VERIFY2(fits(), qPrintable(QStringLiteral("%1: %2 px high, needs %3 at %4 px wide")
                                                .arg(where)
                                                .arg(message->height())
                                                .arg(guitest::wrappedTextHeight(message))
                                                .arg(message->width())));
            const QRect inDialog(message->mapTo(&dialog, QPoint(0, 0)), message->size());
            QVERIFY2(dialog.rect().contains(inDialog),
                     qPrintable(where + QStringLiteral(" is outside the dialog")));
            // Not covered by the group's edge either.
            QWidget *group = message->parentWidget();
            QVERIFY2(group->contentsRect().contains(message->geometry()),
                     qPrintable(where + QStringLiteral(" is cut by its group")));
        }
    }

    void fillValid(QDialog &dialog, const QString &name) {
        edit(dialog, "nameEdit")->setText(name);
        dialog.findChild<QComboBox *>(QStringLiteral("regionCombo"))
            ->setCurrentText(QStringLiteral("cn-north-4"));
        edit(dialog, "dcsEndpointEdit")->setText(m_sim.url().toString());
        edit(dialog, "projectIdEdit")->setText(SimFixture::projectId());
        edit(dialog, "accessKeyEdit")->setText(QString::fromLatin1(SimFixture::accessKey()));
        edit(dialog, "secretKeyEdit")->setText(QString::fromLatin1(SimFixture::secretKey()));
        // The simulator is on loopback: no system proxy in between.
        dialog.findChild<QComboBox *>(QStringLiteral("proxyModeCombo"))->setCurrentIndex(1);
    }

    QString readSecret(const QString &id, dcs::SecretStore::Kind kind) {
        QString value;
        bool done = false;
        m_secrets->read(id, kind, this, [&](const QString &v, bool) {
            value = v;
            done = true;
        });
        if (!QTest::qWaitFor([&] { return done; }, 5000))
            return QStringLiteral("<not answered>");
        return value;
    }

    bool writeSelfSigned(const QString &path) {
        return QProcess::execute(
                   QStringLiteral("openssl"),
                   {QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"),
                    QStringLiteral("rsa:2048"), QStringLiteral("-nodes"), QStringLiteral("-subj"),
                    QStringLiteral("/CN=test"), QStringLiteral("-keyout"),
                    m_dir.filePath(QStringLiteral("key.pem")), QStringLiteral("-out"), path}) == 0;
    }

    QTemporaryDir m_dir;
    SimFixture m_sim;
    int m_round = 0;
    QString m_settingsFile;
    std::unique_ptr<QSettings> m_settings;
    std::unique_ptr<dcs::ProfileStore> m_store;
    std::unique_ptr<dcs::SecretStore> m_secrets;
};

QTEST_MAIN(TestProfileDialog)
#include "tst_profiledialog.moc"
