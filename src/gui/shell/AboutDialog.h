#pragma once

#include <QMessageBox>

// Help > About: a message box that stays open without blocking the event loop and follows a
// language switch while it is open (QMessageBox::about() would do neither).
class AboutDialog : public QMessageBox {
    Q_OBJECT
public:
    explicit AboutDialog(QWidget *parent = nullptr);

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();
};
