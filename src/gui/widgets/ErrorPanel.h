#pragma once

#include "api/ApiError.h"

#include <QFrame>
#include <functional>

class QLabel;
class QToolButton;

// An in-window message area for a failed call: what was being done, the server's code and
// message, the explanation with advice, and the request id to quote to support. Stays until
// closed or replaced, and re-renders itself in the new language.
class ErrorPanel : public QFrame {
    Q_OBJECT
public:
    explicit ErrorPanel(QWidget *parent = nullptr);

    // action: what failed, e.g. tr("Loading the backups failed"); asked again on language change.
    void showError(const dcs::ApiError &error, std::function<QString()> action);
    // A failure that is not an API error (the simulator did not start ...).
    void showMessage(std::function<QString()> title, std::function<QString()> details);
    void clear();

    bool hasError() const { return m_shown; }
    const dcs::ApiError &error() const { return m_error; }
    // The text as shown, for tests and the clipboard.
    QString text() const;

protected:
    void changeEvent(QEvent *event) override;

private:
    void render();
    void restyle();

    QLabel *m_icon;
    QLabel *m_title;
    QLabel *m_details;
    QToolButton *m_close;
    dcs::ApiError m_error;
    std::function<QString()> m_action;
    std::function<QString()> m_messageDetails;
    bool m_shown = false;
};
