#pragma once

#include <QByteArray>
#include <QIODevice>

namespace dcs {

// An upload body that can be read once and never rewound. Qt's HTTP layer re-sends a request on
// its own when a connection closes before the answer; for a restore POST that would be a second
// restore. With this device (and DoNotBufferUploadDataAttribute) Qt cannot rewind the body, so it
// fails the reply with ContentReSendError instead of sending it again.
class OneShotUploadDevice : public QIODevice {
    Q_OBJECT
public:
    explicit OneShotUploadDevice(QByteArray data, QObject *parent = nullptr);

    bool isSequential() const override { return true; }
    bool reset() override { return false; }
    bool seek(qint64) override { return false; }
    qint64 bytesAvailable() const override;
    qint64 size() const override { return m_data.size(); }
    bool atEnd() const override { return m_position >= m_data.size(); }

protected:
    qint64 readData(char *data, qint64 maxSize) override;
    qint64 writeData(const char *, qint64) override { return -1; }

private:
    QByteArray m_data;
    qint64 m_position = 0;
};

} // namespace dcs
