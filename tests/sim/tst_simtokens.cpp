// The IAM side of dcs-sim alone: TokenStore with a fake clock, IamApi's answers, the option
// parsers. No HTTP.

#include "FaultPlan.h"
#include "IamApi.h"
#include "TokenStore.h"
#include "api/ApiError.h"
#include "api/IamTokenProvider.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QTest>

using namespace dcs;
using namespace dcs::sim;

namespace {

const QDateTime Origin(QDate(2024, 5, 10), QTime(8, 30, 0), Qt::UTC);
const QString Project = QStringLiteral("0f1e2d3c4b5a49687766554433221100");

QString S(const char *text) {
    return QString::fromUtf8(text);
}

IamUser alice() {
    return {QStringLiteral("acme"), QStringLiteral("alice"), QStringLiteral("s3cret:with/marks")};
}

QByteArray signInBody(const QString &account, const QString &user, const QString &password,
                      const QString &projectId) {
    // The console's own body: what dcs-sim must accept is what the console sends.
    return dcs::IamTokenProvider::signInBody(account, user, password, projectId);
}

QJsonObject parse(const ApiAnswer &answer) {
    return QJsonDocument::fromJson(answer.body).object();
}

QByteArray headerOf(const ApiAnswer &answer, const QByteArray &name) {
    for (const auto &header : answer.headers) {
        if (header.first.compare(name, Qt::CaseInsensitive) == 0)
            return header.second;
    }
    return {};
}

} // namespace

class TestSimTokens : public QObject {
    Q_OBJECT

private:
    TokenStore makeStore(TokenPolicy policy = {}) {
        TokenStore store([this] { return m_now; }, Project, policy);
        store.addUser(alice());
        return store;
    }

    QDateTime m_now = Origin;

private Q_SLOTS:
    void init() { m_now = Origin; }

    void parseUserSpecs_data() {
        QTest::addColumn<QString>("spec");
        QTest::addColumn<bool>("valid");
        QTest::addColumn<QString>("account");
        QTest::addColumn<QString>("user");
        QTest::addColumn<QString>("password");
        QTest::newRow("plain") << S("acme/alice:pw") << true << S("acme") << S("alice") << S("pw");
        QTest::newRow("password with marks")
            << S("acme/alice:a:b/c d") << true << S("acme") << S("alice") << S("a:b/c d");
        QTest::newRow("chinese") << S("公司/张三:密码") << true << S("公司") << S("张三")
                                 << S("密码");
        QTest::newRow("no slash") << S("alice:pw") << false << S("") << S("") << S("");
        QTest::newRow("no colon") << S("acme/alice") << false << S("") << S("") << S("");
        QTest::newRow("colon before slash")
            << S("acme:pw/alice") << false << S("") << S("") << S("");
        QTest::newRow("empty account") << S("/alice:pw") << false << S("") << S("") << S("");
        QTest::newRow("empty user") << S("acme/:pw") << false << S("") << S("") << S("");
        QTest::newRow("empty password") << S("acme/alice:") << false << S("") << S("") << S("");
    }

    void parseUserSpecs() {
        QFETCH(QString, spec);
        QFETCH(bool, valid);
        QString error;
        const std::optional<IamUser> parsed = parseIamUser(spec, &error);
        QCOMPARE(parsed.has_value(), valid);
        if (!valid) {
            QVERIFY(error.startsWith(QLatin1String("--iam-user")));
            QVERIFY(!error.contains(QLatin1Char('\n')));
            // Whatever follows the first ':' is the password and is never echoed.
            const qsizetype colon = spec.indexOf(QLatin1Char(':'));
            if (colon >= 0 && colon + 1 < spec.size())
                QVERIFY2(!error.contains(spec.mid(colon + 1)), qPrintable(error));
            return;
        }
        QFETCH(QString, account);
        QFETCH(QString, user);
        QFETCH(QString, password);
        QCOMPARE(parsed->account, account);
        QCOMPARE(parsed->name, user);
        QCOMPARE(parsed->password, password);
    }

    void duplicateUserRefused() {
        TokenStore store = makeStore();
        QVERIFY(!store.addUser(alice()));
        QVERIFY(
            store.addUser({QStringLiteral("other"), QStringLiteral("alice"), QStringLiteral("x")}));
        QCOMPARE(store.userCount(), 2);
    }

    void signInIssuesToken() {
        TokenStore store = makeStore();
        const TokenStore::SignIn first = store.signIn(
            QStringLiteral("acme"), QStringLiteral("alice"), alice().password, Project);
        QCOMPARE(first.refusal, TokenStore::SignInRefusal::None);
        QVERIFY(first.token.value.size() >= 200);
        QVERIFY(!first.token.value.contains(alice().password.toUtf8()));
        QCOMPARE(first.token.issuedAt, Origin);
        QCOMPARE(first.token.expiresAt, Origin.addSecs(24 * 3600));
        QCOMPARE(first.token.projectId, Project);
        QCOMPARE(first.token.user, QStringLiteral("alice"));
        QCOMPARE(first.token.account, QStringLiteral("acme"));

        // Every sign-in gets its own token, and both stay valid.
        const TokenStore::SignIn second = store.signIn(
            QStringLiteral("acme"), QStringLiteral("alice"), alice().password, Project);
        QVERIFY(second.token.value != first.token.value);
        QCOMPARE(store.use(first.token.value, Project), TokenStore::Verdict::Valid);
        QCOMPARE(store.use(second.token.value, Project), TokenStore::Verdict::Valid);
        QCOMPARE(store.tokenCount(), 2);
    }

    void wrongCredentialsRefused_data() {
        QTest::addColumn<QString>("account");
        QTest::addColumn<QString>("user");
        QTest::addColumn<QString>("password");
        QTest::newRow("wrong password") << S("acme") << S("alice") << S("guess");
        QTest::newRow("empty password") << S("acme") << S("alice") << S("");
        QTest::newRow("password prefix") << S("acme") << S("alice") << S("s3cret");
        QTest::newRow("unknown user") << S("acme") << S("bob") << alice().password;
        QTest::newRow("wrong account") << S("other") << S("alice") << alice().password;
        QTest::newRow("user name case") << S("acme") << S("Alice") << alice().password;
    }

    void wrongCredentialsRefused() {
        QFETCH(QString, account);
        QFETCH(QString, user);
        QFETCH(QString, password);
        TokenStore store = makeStore();
        const TokenStore::SignIn result = store.signIn(account, user, password, Project);
        QCOMPARE(result.refusal, TokenStore::SignInRefusal::WrongCredentials);
        QVERIFY(result.token.value.isEmpty());
        QCOMPARE(store.tokenCount(), 0);
    }

    void otherProjectRefused() {
        TokenStore store = makeStore();
        const TokenStore::SignIn result =
            store.signIn(QStringLiteral("acme"), QStringLiteral("alice"), alice().password,
                         QStringLiteral("ffffffffffffffffffffffffffffffff"));
        QCOMPARE(result.refusal, TokenStore::SignInRefusal::UnknownProject);
        QCOMPARE(store.tokenCount(), 0);
        // Wrong credentials are reported first, whatever the project.
        QCOMPARE(store
                     .signIn(QStringLiteral("acme"), QStringLiteral("alice"),
                             QStringLiteral("guess"), QStringLiteral("ffff"))
                     .refusal,
                 TokenStore::SignInRefusal::WrongCredentials);
    }

    void expiryFollowsTheClock() {
        TokenPolicy policy;
        policy.lifetimeSeconds = 60;
        TokenStore store = makeStore(policy);
        const QByteArray token =
            store.signIn(QStringLiteral("acme"), QStringLiteral("alice"), alice().password, Project)
                .token.value;
        m_now = Origin.addMSecs(59999);
        QCOMPARE(store.use(token, Project), TokenStore::Verdict::Valid);
        m_now = Origin.addSecs(60);
        QCOMPARE(store.use(token, Project), TokenStore::Verdict::Expired);
        m_now = Origin.addSecs(60 + 24 * 3600);
        QCOMPARE(store.use(token, Project), TokenStore::Verdict::Expired);

        // Long expired tokens are forgotten at the next sign-in: then they are just invalid.
        m_now = Origin.addSecs(60 + 24 * 3600 + 1);
        QVERIFY(
            !store
                 .signIn(QStringLiteral("acme"), QStringLiteral("alice"), alice().password, Project)
                 .token.value.isEmpty());
        QCOMPARE(store.tokenCount(), 1);
        QCOMPARE(store.use(token, Project), TokenStore::Verdict::Unknown);
    }

    void unknownAndOtherProjectTokens() {
        TokenStore store = makeStore();
        const QByteArray token =
            store.signIn(QStringLiteral("acme"), QStringLiteral("alice"), alice().password, Project)
                .token.value;
        QCOMPARE(store.use("MIIgarbled", Project), TokenStore::Verdict::Unknown);
        QCOMPARE(store.use(token.left(token.size() - 1), Project), TokenStore::Verdict::Unknown);
        QCOMPARE(store.use(token, QStringLiteral("0123456789abcdef")),
                 TokenStore::Verdict::OtherProject);
        // A path without a project (an unknown URL) leaves the project to the 404.
        QCOMPARE(store.use(token, QString()), TokenStore::Verdict::Valid);
    }

    void tokensUsedUpAfterCalls() {
        TokenPolicy policy;
        policy.callsPerToken = 2;
        TokenStore store = makeStore(policy);
        auto signIn = [&] {
            return store
                .signIn(QStringLiteral("acme"), QStringLiteral("alice"), alice().password, Project)
                .token.value;
        };
        const QByteArray first = signIn();
        QCOMPARE(store.use(first, Project), TokenStore::Verdict::Valid);
        QCOMPARE(store.use(first, Project), TokenStore::Verdict::Valid);
        QCOMPARE(store.use(first, Project), TokenStore::Verdict::Expired);
        QCOMPARE(store.use(first, Project), TokenStore::Verdict::Expired);
        // A refused call does not count: a token of another project path is still good later.
        const QByteArray second = signIn();
        QCOMPARE(store.use(second, QStringLiteral("other")), TokenStore::Verdict::OtherProject);
        QCOMPARE(store.use(second, Project), TokenStore::Verdict::Valid);
        QCOMPARE(store.use(second, Project), TokenStore::Verdict::Valid);
        QCOMPARE(store.use(second, Project), TokenStore::Verdict::Expired);

        policy.callsPerToken = 0;
        TokenStore strict = makeStore(policy);
        const QByteArray third =
            strict
                .signIn(QStringLiteral("acme"), QStringLiteral("alice"), alice().password, Project)
                .token.value;
        QCOMPARE(strict.use(third, Project), TokenStore::Verdict::Expired);
    }

    // ---- IamApi --------------------------------------------------------------------------

    void tokenPath() {
        QVERIFY(IamApi::isTokenPath(QStringLiteral("/v3/auth/tokens")));
        QVERIFY(IamApi::isTokenPath(QStringLiteral("/v3/auth/tokens/")));
        QVERIFY(!IamApi::isTokenPath(QStringLiteral("/v3/auth")));
        QVERIFY(!IamApi::isTokenPath(QStringLiteral("/v3/auth/tokens/x")));
        QVERIFY(!IamApi::isTokenPath(QStringLiteral("/v1.0/v3/auth/tokens")));
    }

    void signInAnswer() {
        TokenPolicy policy;
        policy.lifetimeSeconds = 3600;
        TokenStore store = makeStore(policy);
        const ApiAnswer answer = IamApi::handle(
            &store, "POST",
            signInBody(QStringLiteral("acme"), QStringLiteral("alice"), alice().password, Project),
            QStringLiteral("rid"));
        QCOMPARE(answer.status, 201);
        const QByteArray token = headerOf(answer, "X-Subject-Token");
        QVERIFY(token.size() >= 200);
        QCOMPARE(store.use(token, Project), TokenStore::Verdict::Valid);
        QVERIFY(!answer.body.contains(token)); // only in the header, as IAM does it
        QVERIFY(!answer.body.contains(alice().password.toUtf8()));

        const QJsonObject body = parse(answer).value(QLatin1String("token")).toObject();
        QCOMPARE(body.value(QLatin1String("expires_at")).toString(),
                 QStringLiteral("2024-05-10T09:30:00.000000Z"));
        QCOMPARE(body.value(QLatin1String("issued_at")).toString(),
                 QStringLiteral("2024-05-10T08:30:00.000000Z"));
        QCOMPARE(body.value(QLatin1String("methods")).toArray(),
                 QJsonArray{QStringLiteral("password")});
        const QJsonObject project = body.value(QLatin1String("project")).toObject();
        QCOMPARE(project.value(QLatin1String("id")).toString(), Project);
        QCOMPARE(project.value(QLatin1String("name")).toString(), IamApi::projectName());
        const QJsonObject user = body.value(QLatin1String("user")).toObject();
        QCOMPARE(user.value(QLatin1String("name")).toString(), QStringLiteral("alice"));
        QCOMPARE(user[QLatin1String("domain")][QLatin1String("name")].toString(),
                 QStringLiteral("acme"));
    }

    void wrongPasswordAnswerReadByTheConsole() {
        TokenStore store = makeStore();
        const ApiAnswer answer =
            IamApi::handle(&store, "POST",
                           signInBody(QStringLiteral("acme"), QStringLiteral("alice"),
                                      QStringLiteral("guess"), Project),
                           QStringLiteral("rid"));
        QCOMPARE(answer.status, 401);
        QVERIFY(answer.headers.isEmpty());
        const QJsonObject error = parse(answer).value(QLatin1String("error")).toObject();
        QCOMPARE(error.value(QLatin1String("code")).toInt(), 401);
        QCOMPARE(error.value(QLatin1String("message")).toString(),
                 QStringLiteral("The username or password is wrong."));
        QCOMPARE(error.value(QLatin1String("title")).toString(), QStringLiteral("Unauthorized"));

        // What the console makes of it: IAM's numeric code as text, the message as it came.
        const ApiError read = ApiError::fromHttpResponse(answer.status, answer.body, "rid-header");
        QCOMPARE(read.httpStatus, 401);
        QCOMPARE(read.code, QStringLiteral("401"));
        QCOMPARE(read.message, QStringLiteral("The username or password is wrong."));
        QCOMPARE(read.requestId, QStringLiteral("rid-header"));
        QVERIFY(!read.explanation().isEmpty());

        const ApiAnswer project =
            IamApi::handle(&store, "POST",
                           signInBody(QStringLiteral("acme"), QStringLiteral("alice"),
                                      alice().password, QStringLiteral("ffff")),
                           QStringLiteral("rid"));
        QCOMPARE(project.status, 401);
        QCOMPARE(parse(project)[QLatin1String("error")][QLatin1String("code")].toInt(), 401);
        QCOMPARE(store.tokenCount(), 0);
    }

    void malformedBodiesAre400_data() {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QString>("mentions");
        const QByteArray good =
            signInBody(QStringLiteral("acme"), QStringLiteral("alice"), alice().password, Project);
        QTest::newRow("empty") << QByteArray() << S("JSON object");
        QTest::newRow("not json") << QByteArray("{auth") << S("JSON object");
        QTest::newRow("array") << QByteArray("[]") << S("JSON object");
        QTest::newRow("no auth") << QByteArray("{}") << S("methods");
        QTest::newRow("token method")
            << QByteArray(good).replace("[\"password\"]", "[\"token\"]") << S("methods");
        QTest::newRow("no user name")
            << QByteArray(good).replace("\"name\":\"alice\",", "") << S("user.name");
        QTest::newRow("numeric password")
            << QByteArray(good).replace("\"s3cret:with/marks\"", "42") << S("user.password");
        QTest::newRow("no domain")
            << QByteArray(good).replace("\"domain\":{\"name\":\"acme\"},", "") << S("domain.name");
        QTest::newRow("domain by id")
            << QByteArray(good).replace("\"domain\":{\"name\"", "\"domain\":{\"id\"")
            << S("domain.name");
        QTest::newRow("no scope") << QByteArray(good).replace("\"scope\"", "\"elsewhere\"")
                                  << S("project.id");
        QTest::newRow("project by name")
            << QByteArray(good).replace("\"project\":{\"id\"", "\"project\":{\"name\"")
            << S("project.id");
    }

    void malformedBodiesAre400() {
        QFETCH(QByteArray, body);
        QFETCH(QString, mentions);
        TokenStore store = makeStore();
        const ApiAnswer answer = IamApi::handle(&store, "POST", body, QStringLiteral("rid-1"));
        QCOMPARE(answer.status, 400);
        const QJsonObject json = parse(answer);
        QCOMPARE(json.value(QLatin1String("error_code")).toString(), QStringLiteral("IAM.0011"));
        QCOMPARE(json.value(QLatin1String("request_id")).toString(), QStringLiteral("rid-1"));
        const QString message = json.value(QLatin1String("error_msg")).toString();
        QVERIFY2(message.contains(mentions), qPrintable(message));
        QVERIFY(!message.contains(alice().password));
        QCOMPARE(store.tokenCount(), 0);
        const ApiError read = ApiError::fromHttpResponse(answer.status, answer.body, {});
        QCOMPARE(read.code, QStringLiteral("IAM.0011"));
        QCOMPARE(read.requestId, QStringLiteral("rid-1"));
    }

    void otherMethodsAre405() {
        TokenStore store = makeStore();
        const ApiAnswer answer = IamApi::handle(&store, "GET", {}, QStringLiteral("rid"));
        QCOMPARE(answer.status, 405);
        QCOMPARE(parse(answer)[QLatin1String("error")][QLatin1String("code")].toInt(), 405);
    }

    void tokenRefusalCodes() {
        auto codeOf = [](TokenStore::Verdict verdict) {
            const ApiAnswer answer = IamApi::tokenRefusal(verdict);
            return QString::number(answer.status) + QLatin1Char(' ') +
                   parse(answer)[QLatin1String("error")][QLatin1String("code")].toString();
        };
        QCOMPARE(codeOf(TokenStore::Verdict::Unknown), QStringLiteral("401 DCS.1001"));
        QCOMPARE(codeOf(TokenStore::Verdict::Expired), QStringLiteral("401 DCS.1002"));
        QCOMPARE(codeOf(TokenStore::Verdict::OtherProject), QStringLiteral("401 DCS.1004"));
        // The console explains the DCS token codes in its own words.
        const ApiAnswer expired = IamApi::tokenRefusal(TokenStore::Verdict::Expired);
        const ApiError read = ApiError::fromHttpResponse(expired.status, expired.body, {});
        QCOMPARE(read.code, QStringLiteral("DCS.1002"));
        QVERIFY(!read.explanation().isEmpty());
    }

    void faultExpireTokensAfter() {
        QString error;
        std::optional<FaultPlan> plan =
            FaultPlan::parse({QStringLiteral("expire-tokens-after=3")}, &error);
        QVERIFY(plan);
        QCOMPARE(plan->expireTokensAfter, 3);
        QCOMPARE(
            FaultPlan::parse({QStringLiteral("expire-tokens-after=0")}, &error)->expireTokensAfter,
            0);
        QCOMPARE(FaultPlan::parse({}, &error)->expireTokensAfter, -1);
        for (const char *bad : {"expire-tokens-after=-1", "expire-tokens-after=x",
                                "expire-tokens-after=", "expire-tokens-after=1000001"}) {
            QVERIFY2(!FaultPlan::parse({QString::fromLatin1(bad)}, &error), bad);
            QVERIFY(error.contains(QLatin1String("expire-tokens-after")));
        }
        QVERIFY(FaultPlan::syntax().contains(QLatin1String("expire-tokens-after=N")));
    }
};

QTEST_GUILESS_MAIN(TestSimTokens)
#include "tst_simtokens.moc"
