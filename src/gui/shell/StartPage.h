#pragma once

#include <QWidget>

class QLabel;
class QProgressBar;

// What the window shows before (or instead of) a profile's browser: the local simulator
// starting or failing to, a profile being opened or failing to open. Rendered again in the new
// language.
class StartPage : public QWidget {
    Q_OBJECT
public:
    enum class State { None, Starting, Opening, Failed, OpenFailed };

    explicit StartPage(QWidget *parent = nullptr);

    // profileName for Opening and OpenFailed; message (why it failed) for the failures.
    void setState(State state, const QString &profileName = {}, const QString &message = {});
    State state() const { return m_state; }
    // The simulator starting or a profile opening: something is on its way.
    bool isWaiting() const { return m_state == State::Starting || m_state == State::Opening; }

protected:
    void changeEvent(QEvent *event) override;

private:
    void render();

    QLabel *m_label;
    QProgressBar *m_progress;
    State m_state = State::None;
    QString m_profileName;
    QString m_message;
};
