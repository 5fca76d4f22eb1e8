#pragma once

// A minimal HTTP forward proxy on loopback for tests: records every request line that passes
// through it and forwards the request to its target (absolute-form URL), one upstream connection
// per request. Enough to prove that a client's proxy setting reaches the network layer.

#include <QByteArrayList>
#include <QHostAddress>
#include <QPointer>
#include <QTcpServer>
#include <QTcpSocket>
#include <QUrl>

class RecordingProxy : public QObject {
public:
    RecordingProxy() {
        QObject::connect(&m_server, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket *client = m_server.nextPendingConnection())
                serve(client);
        });
        m_server.listen(QHostAddress::LocalHost, 0);
    }

    quint16 port() const { return m_server.serverPort(); }
    // "GET http://127.0.0.1:1234/v1.0/... HTTP/1.1" — as the client sent it.
    const QByteArrayList &requestLines() const { return m_lines; }
    // Whether any request carried this header name (case-insensitive).
    bool sawHeader(const QByteArray &name) const { return m_headerNames.contains(name.toLower()); }

private:
    void serve(QTcpSocket *client) {
        client->setParent(this);
        auto *buffer = new QByteArray;
        QObject::connect(client, &QObject::destroyed, [buffer] { delete buffer; });
        QObject::connect(client, &QTcpSocket::readyRead, this, [this, client, buffer] {
            buffer->append(client->readAll());
            forwardComplete(client, *buffer);
        });
        QObject::connect(client, &QTcpSocket::disconnected, client, &QObject::deleteLater);
    }

    void forwardComplete(QTcpSocket *client, QByteArray &buffer) {
        const int end = buffer.indexOf("\r\n\r\n");
        if (end < 0)
            return;
        const QByteArrayList lines = buffer.left(end).split('\n');
        qsizetype length = 0;
        QByteArrayList headers;
        for (int i = 1; i < lines.size(); ++i) {
            const QByteArray line = lines[i].trimmed();
            const int colon = line.indexOf(':');
            if (colon <= 0)
                continue;
            const QByteArray name = line.left(colon).trimmed().toLower();
            m_headerNames.append(name);
            if (name == "content-length")
                length = line.mid(colon + 1).trimmed().toLongLong();
            if (name == "proxy-connection" || name == "connection")
                continue;
            headers.append(line);
        }
        if (buffer.size() < end + 4 + length)
            return;
        const QByteArray requestLine = lines.first().trimmed();
        const QByteArray body = buffer.mid(end + 4, length);
        buffer.remove(0, end + 4 + length);
        m_lines.append(requestLine);

        const QByteArrayList parts = requestLine.split(' ');
        const QUrl target(QString::fromLatin1(parts.value(1)));
        QByteArray originForm = target.path(QUrl::FullyEncoded).toLatin1();
        if (target.hasQuery())
            originForm += '?' + target.query(QUrl::FullyEncoded).toLatin1();
        QByteArray forwarded = parts.value(0) + ' ' + originForm + " HTTP/1.1\r\n";
        for (const QByteArray &h : headers)
            forwarded += h + "\r\n";
        forwarded += "Connection: close\r\n\r\n" + body;

        auto *upstream = new QTcpSocket(this);
        const QPointer<QTcpSocket> guard(client);
        QObject::connect(upstream, &QTcpSocket::connected, upstream,
                         [upstream, forwarded] { upstream->write(forwarded); });
        QObject::connect(upstream, &QTcpSocket::readyRead, upstream, [upstream, guard] {
            const QByteArray data = upstream->readAll();
            if (guard)
                guard->write(data);
        });
        QObject::connect(upstream, &QTcpSocket::disconnected, upstream, &QObject::deleteLater);
        upstream->connectToHost(target.host(), quint16(target.port(80)));
    }

    QTcpServer m_server;
    QByteArrayList m_lines;
    QByteArrayList m_headerNames;
};
