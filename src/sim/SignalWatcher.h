#pragma once

#include <QObject>

class QSocketNotifier;

namespace dcs::sim {

// Turns SIGINT and SIGTERM into a Qt signal on the event loop (the self-pipe trick): the
// handler itself only writes one byte, which is all a signal handler may safely do.
class SignalWatcher : public QObject {
    Q_OBJECT
public:
    explicit SignalWatcher(QObject *parent = nullptr);
    ~SignalWatcher() override;

    bool isValid() const { return m_notifier != nullptr; }

Q_SIGNALS:
    void terminationRequested(int signalNumber);

private:
    void readSignal();

    QSocketNotifier *m_notifier = nullptr;
};

} // namespace dcs::sim
