#pragma once

// A tiny HTTP/1.1 server on loopback that answers exactly what a test scripts, byte for byte:
// answers cut short, wrong Content-Length, a gzip header on a plain body, a malformed status
// line, a connection closed after the request was read, a body that trickles in, pages that
// repeat, records with foreign ids, a proxy that asks for credentials. Every request it reads is
// recorded, so a test can count what reached the wire.

#include <QByteArrayList>
#include <QElapsedTimer>
#include <QHostAddress>
#include <QList>
#include <QPointer>
#include <QRegularExpression>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>
#include <QUrl>
#include <QUrlQuery>
#include <functional>
#include <memory>

class HostileServer : public QObject {
public:
    struct Request {
        QByteArray method;
        QByteArray target; // as sent: origin form, or absolute form through a proxy
        QList<QPair<QByteArray, QByteArray>> headers;
        QByteArray body;

        QUrl url() const { return QUrl::fromEncoded(target); }
        QString path() const { return url().path(); }
        QString query(const QString &name) const {
            return QUrlQuery(url()).queryItemValue(name, QUrl::FullyDecoded);
        }
        QByteArray header(const QByteArray &name) const {
            for (const auto &h : headers)
                if (h.first.compare(name, Qt::CaseInsensitive) == 0)
                    return h.second;
            return {};
        }
    };

    // What to do with one request.
    struct Answer {
        QByteArray raw;               // written as it is: status line, headers, body
        bool close = true;            // close the connection after writing
        int trickleMs = 0;            // >0: one byte every trickleMs milliseconds …
        bool trickleBodyOnly = false; // … after the status line and headers went at once
        bool hang = false;            // write nothing and keep the connection open
        int delayMs = 0;              // wait this long before writing
    };
    using Handler = std::function<Answer(const Request &)>;

    HostileServer() {
        QObject::connect(&m_server, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket *socket = m_server.nextPendingConnection())
                serve(socket);
        });
        m_server.listen(QHostAddress::LocalHost, 0);
    }

    quint16 port() const { return m_server.serverPort(); }
    QUrl url() const { return QUrl(QStringLiteral("http://127.0.0.1:%1").arg(port())); }

    // Requests whose method matches and whose path matches the pattern go to the handler; the
    // first rule that matches wins. Anything else is answered 404.
    void on(const QByteArray &method, const QString &pathPattern, Handler handler) {
        m_rules.append({method, QRegularExpression(pathPattern), std::move(handler)});
    }

    const QList<Request> &requests() const { return m_requests; }
    int count(const QByteArray &method, const QString &pathPattern = QStringLiteral(".*")) const {
        const QRegularExpression pattern(pathPattern);
        int n = 0;
        for (const Request &r : m_requests)
            n += r.method == method && pattern.match(r.path()).hasMatch();
        return n;
    }
    int connections() const { return m_connections; }

    // A complete answer with the right Content-Length.
    static Answer reply(int status, const QByteArray &body, const QByteArrayList &extraHeaders = {},
                        const QByteArray &reason = "OK") {
        QByteArray raw = "HTTP/1.1 " + QByteArray::number(status) + ' ' + reason + "\r\n";
        raw += "Content-Type: application/json\r\n";
        raw += "Content-Length: " + QByteArray::number(body.size()) + "\r\n";
        raw += "X-Request-Id: hostile-" + QByteArray::number(status) + "\r\n";
        for (const QByteArray &h : extraHeaders)
            raw += h + "\r\n";
        raw += "Connection: close\r\n\r\n";
        raw += body;
        return {raw};
    }
    static Answer json(const QByteArray &body) { return reply(200, body); }
    // Reads the request, then closes without a byte of answer.
    static Answer drop() { return {QByteArray()}; }
    static Answer hang() {
        Answer a;
        a.hang = true;
        a.close = false;
        return a;
    }

private:
    struct Rule {
        QByteArray method;
        QRegularExpression path;
        Handler handler;
    };

    void serve(QTcpSocket *socket) {
        ++m_connections;
        socket->setParent(this);
        auto buffer = std::make_shared<QByteArray>();
        QObject::connect(socket, &QTcpSocket::readyRead, this, [this, socket, buffer] {
            buffer->append(socket->readAll());
            while (handleOne(socket, *buffer)) {
            }
        });
        QObject::connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
    }

    // Takes one complete request off the buffer and answers it; false when none is complete.
    bool handleOne(QTcpSocket *socket, QByteArray &buffer) {
        const qsizetype end = buffer.indexOf("\r\n\r\n");
        if (end < 0)
            return false;
        const QByteArrayList lines = buffer.left(end).split('\n');
        Request request;
        const QByteArrayList first = lines.first().trimmed().split(' ');
        request.method = first.value(0);
        request.target = first.value(1);
        qsizetype length = 0;
        for (int i = 1; i < lines.size(); ++i) {
            const QByteArray line = lines.at(i).trimmed();
            const qsizetype colon = line.indexOf(':');
            if (colon <= 0)
                continue;
            const QByteArray name = line.left(colon).trimmed();
            const QByteArray value = line.mid(colon + 1).trimmed();
            request.headers.append({name, value});
            if (name.compare("content-length", Qt::CaseInsensitive) == 0)
                length = value.toLongLong();
        }
        if (buffer.size() < end + 4 + length)
            return false;
        request.body = buffer.mid(end + 4, length);
        buffer.remove(0, end + 4 + length);
        m_requests.append(request);

        Answer answer = reply(404, R"({"error":{"code":"DCS.4001","message":"no rule"}})");
        for (const Rule &rule : std::as_const(m_rules)) {
            if (rule.method == request.method && rule.path.match(request.path()).hasMatch()) {
                answer = rule.handler(request);
                break;
            }
        }
        const QPointer<QTcpSocket> guard(socket);
        auto write = [this, guard, answer] {
            if (!guard)
                return;
            if (answer.hang)
                return;
            if (answer.trickleMs > 0) {
                QByteArray rest = answer.raw;
                if (answer.trickleBodyOnly) {
                    const qsizetype headEnd = rest.indexOf("\r\n\r\n") + 4;
                    guard->write(rest.left(headEnd));
                    rest.remove(0, headEnd);
                }
                trickle(guard, rest, answer.trickleMs);
                return;
            }
            guard->write(answer.raw);
            guard->flush();
            if (answer.close)
                guard->disconnectFromHost();
        };
        if (answer.delayMs > 0)
            QTimer::singleShot(answer.delayMs, this, write);
        else
            write();
        return guard && !answer.close;
    }

    void trickle(QPointer<QTcpSocket> socket, QByteArray rest, int everyMs) {
        if (!socket)
            return;
        if (rest.isEmpty()) {
            socket->disconnectFromHost();
            return;
        }
        socket->write(rest.left(1));
        socket->flush();
        rest.remove(0, 1);
        QTimer::singleShot(everyMs, this,
                           [this, socket, rest, everyMs] { trickle(socket, rest, everyMs); });
    }

    QTcpServer m_server;
    QList<Rule> m_rules;
    QList<Request> m_requests;
    int m_connections = 0;
};
