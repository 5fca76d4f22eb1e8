#pragma once

#include <QObject>
#include <functional>

class QLabel;

// The dismissible notice above the console: a restore or backup that ended well, a lost restore
// that was found. Its text is a function so that what stays on screen is rendered again in the
// new language on a switch.
class NoticeBanner : public QObject {
    Q_OBJECT
public:
    // The label stays the window's (it comes from the form); this only drives it.
    explicit NoticeBanner(QLabel *label, QObject *parent = nullptr);

    void show(std::function<QString()> html);
    void dismiss();
    // Renders the notice again (its text may depend on which profile is open now).
    void refresh() { render(); }

protected:
    bool event(QEvent *event) override;

private:
    void render();
    void restyle();

    QLabel *m_label;
    std::function<QString()> m_notice;
};
