#pragma once

#include <QDockWidget>

class QLabel;
class QLineEdit;
class QPushButton;
class QSortFilterProxyModel;
class QTableView;
class RequestLogModel;

// The request log as a dock: a filter, the table, Save… and Copy as curl; its toggle action
// (requestLogAction, Ctrl+L) is the View menu's entry. The model belongs to the window so the
// log keeps filling while the dock is hidden.
class RequestLogDock : public QDockWidget {
    Q_OBJECT
public:
    explicit RequestLogDock(RequestLogModel *model, QWidget *parent = nullptr);

    QSortFilterProxyModel *proxy() const { return m_proxy; }
    // The rows shown (after the filter), oldest first, as the model holds them.
    QList<int> shownSourceRows() const;
    // CSV when the name ends in .csv, else JSON Lines. False (and errorString) when it failed.
    bool saveTo(const QString &fileName, QString *errorString = nullptr) const;
    // curl for the selected row into the clipboard; false when no row is selected.
    bool copySelectedAsCurl();

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();
    void saveWithDialog();
    void updateButtons();

    RequestLogModel *m_model;
    QSortFilterProxyModel *m_proxy;
    QLineEdit *m_filter;
    QTableView *m_view;
    QPushButton *m_save;
    QPushButton *m_copyCurl;
    QPushButton *m_clear;
    QLabel *m_count;
};
