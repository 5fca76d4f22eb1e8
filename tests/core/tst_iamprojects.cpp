// "Read Projects from IAM" in the profile dialog: which of IAM's projects the console offers
// (enabled ones in a region, with an id), and DcsClient::listProjects against dcs-sim (signed
// with the profile's keys or its IAM sign-in) and against answers that are not a project list.

#include "ClientTestSupport.h"
#include "HostileServer.h"
#include "api/DcsClient.h"
#include "model/IamProject.h"

#include <QJsonDocument>
#include <QTest>

using namespace dcs;
using namespace dcs::testing;

namespace {

const QString kShopProject = QStringLiteral("aa11bb22cc33dd44ee55ff6677889900");

QJsonObject objectOf(const QByteArray &json) {
    return QJsonDocument::fromJson(json).object();
}

QStringList namesOf(const QList<IamProject> &projects) {
    QStringList names;
    for (const IamProject &project : projects)
        names.append(project.name);
    return names;
}

} // namespace

class TestIamProjects : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void regionOfName_data();
    void regionOfName();
    void offersEnabledRegionalProjectsOnly();
    void refusesAnswersThatAreNoList_data();
    void refusesAnswersThatAreNoList();
    void readsTheSimulatorsProjectsWithKeys();
    void readsTheSimulatorsProjectsAfterSignIn();
    void withoutIamEndpointSaysSoAndSendsNothing();
    void serverAnswersAreExplained_data();
    void serverAnswersAreExplained();
};

void TestIamProjects::regionOfName_data() {
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("region");
    QTest::newRow("a region's default project") << "cn-north-4"
                                                << "cn-north-4";
    QTest::newRow("a sub-project") << "cn-north-4_shop"
                                   << "cn-north-4";
    QTest::newRow("a sub-project with underscores") << "ap-southeast-1_a_b"
                                                    << "ap-southeast-1";
    QTest::newRow("the account's global project") << "MOS"
                                                  << "";
    QTest::newRow("empty") << ""
                           << "";
    QTest::newRow("a word with dashes") << "my-project"
                                        << "";
}

void TestIamProjects::regionOfName() {
    QFETCH(QString, name);
    QFETCH(QString, region);
    QCOMPARE(IamProject::regionOf(name), region);
}

void TestIamProjects::offersEnabledRegionalProjectsOnly() {
    bool ok = false;
    const QList<IamProject> projects = IamProject::listFromJson(objectOf(R"({"projects":[
            {"id":"p1","name":"cn-north-4","enabled":true},
            {"id":"p2","name":"cn-north-4_shop"},
            {"id":"p3","name":"cn-east-3_old","enabled":false},
            {"id":"p4","name":"MOS","enabled":true},
            {"name":"cn-south-1","enabled":true},
            {"id":"p6","name":"ap-southeast-1","enabled":null},
            "not an object",
            {"id":"","name":"cn-east-2"}
        ],"links":{"next":null}})"),
                                                                &ok);
    QVERIFY(ok);
    QCOMPARE(namesOf(projects), (QStringList{"cn-north-4", "cn-north-4_shop", "ap-southeast-1"}));
    QCOMPARE(projects.at(1).id, QStringLiteral("p2"));
    QCOMPARE(projects.at(1).region, QStringLiteral("cn-north-4"));
}

void TestIamProjects::refusesAnswersThatAreNoList_data() {
    QTest::addColumn<QByteArray>("body");
    QTest::newRow("no projects key") << QByteArray(R"({"links":{}})");
    QTest::newRow("projects is an object") << QByteArray(R"({"projects":{"id":"p1"}})");
    QTest::newRow("projects is null") << QByteArray(R"({"projects":null})");
}

void TestIamProjects::refusesAnswersThatAreNoList() {
    QFETCH(QByteArray, body);
    bool ok = true;
    QVERIFY(IamProject::listFromJson(objectOf(body), &ok).isEmpty());
    QVERIFY(!ok);
}

void TestIamProjects::readsTheSimulatorsProjectsWithKeys() {
    SimFixture sim;
    QVERIFY2(sim.start({"--region", "cn-north-4", "--extra-project",
                        kShopProject + QStringLiteral(":cn-north-4_shop:empty")}),
             qPrintable(sim.error()));
    ClientConfig config = configFor(sim);
    config.iamEndpoint = sim.url();
    DcsClient client(config);
    const auto result =
        await<QList<IamProject>>([&](auto done) { client.listProjects(this, done); });
    QVERIFY2(result.ok(), qPrintable(result.error.summary()));
    QCOMPARE(namesOf(result.value), (QStringList{"cn-north-4", "cn-north-4_shop"}));
    QCOMPARE(result.value.at(0).id, SimFixture::projectId());
    QCOMPARE(result.value.at(1).id, kShopProject);
    QVERIFY(!result.requestId.isEmpty());
}

void TestIamProjects::readsTheSimulatorsProjectsAfterSignIn() {
    SimFixture sim;
    QVERIFY2(sim.start({"--iam-user", "acme/ops:secret-pw", "--extra-project",
                        kShopProject + QStringLiteral(":cn-north-4_shop:empty")}),
             qPrintable(sim.error()));
    ClientConfig config;
    config.endpoint = sim.url();
    config.projectId = SimFixture::projectId();
    config.iam = IamCredentials{sim.url(), QStringLiteral("acme"), QStringLiteral("ops"),
                                QStringLiteral("secret-pw")};
    config.transferTimeoutMs = 10000;
    config.apiVersion = apiVersionUnderTest();
    DcsClient client(config);
    const auto result =
        await<QList<IamProject>>([&](auto done) { client.listProjects(this, done); });
    QVERIFY2(result.ok(), qPrintable(result.error.summary()));
    QCOMPARE(result.value.size(), 2);
    QCOMPARE(result.value.at(1).region, QStringLiteral("cn-north-4"));
}

void TestIamProjects::withoutIamEndpointSaysSoAndSendsNothing() {
    HostileServer server;
    ClientConfig config;
    config.endpoint = server.url();
    config.projectId = SimFixture::projectId();
    config.accessKey = SimFixture::accessKey();
    config.secretKey = SimFixture::secretKey();
    DcsClient client(config);
    const auto result =
        await<QList<IamProject>>([&](auto done) { client.listProjects(this, done); });
    QVERIFY(!result.ok());
    QCOMPARE(result.error.kind, ApiError::Kind::Unsupported);
    QVERIFY(result.error.message.contains(QLatin1String("IAM endpoint")));
    QCOMPARE(server.requests().size(), 0);
}

void TestIamProjects::serverAnswersAreExplained_data() {
    QTest::addColumn<QByteArray>("raw");
    QTest::addColumn<int>("kind");
    QTest::newRow("not JSON") << QByteArray("<html>proxy error</html>")
                              << int(ApiError::Kind::InvalidResponse);
    QTest::newRow("no list") << QByteArray(R"({"error":"nothing"})")
                             << int(ApiError::Kind::InvalidResponse);
    QTest::newRow("a list that is no array")
        << QByteArray(R"({"projects":"cn-north-4"})") << int(ApiError::Kind::InvalidResponse);
}

void TestIamProjects::serverAnswersAreExplained() {
    QFETCH(QByteArray, raw);
    QFETCH(int, kind);
    HostileServer server;
    server.on("GET", "^/v3/auth/projects$",
              [raw](const HostileServer::Request &) { return HostileServer::json(raw); });
    ClientConfig config;
    config.endpoint = server.url();
    config.iamEndpoint = server.url();
    config.projectId = SimFixture::projectId();
    config.accessKey = SimFixture::accessKey();
    config.secretKey = SimFixture::secretKey();
    config.transferTimeoutMs = 10000;
    DcsClient client(config);
    const auto result =
        await<QList<IamProject>>([&](auto done) { client.listProjects(this, done); });
    QVERIFY(!result.ok());
    QCOMPARE(int(result.error.kind), kind);
    QVERIFY(!result.error.message.isEmpty());
    QVERIFY(result.value.isEmpty());
    QCOMPARE(server.count("GET", "^/v3/auth/projects$"), 1);
}

QTEST_GUILESS_MAIN(TestIamProjects)
#include "tst_iamprojects.moc"
