#include "requestlog/RequestLogDock.h"

#include "requestlog/RequestLogModel.h"
#include "settings/PrivateFiles.h"
#include "widgets/FileDialogs.h"
#include "widgets/ModelRoles.h"

#include <QAction>
#include <QClipboard>
#include <QDir>
#include <QEvent>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QSaveFile>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QVBoxLayout>

RequestLogDock::RequestLogDock(RequestLogModel *model, QWidget *parent)
    : QDockWidget(parent)
    , m_model(model)
    , m_proxy(new QSortFilterProxyModel(this))
    , m_filter(new QLineEdit(this))
    , m_view(new QTableView(this))
    , m_save(new QPushButton(this))
    , m_copyCurl(new QPushButton(this))
    , m_clear(new QPushButton(this))
    , m_count(new QLabel(this)) {
    setObjectName(QStringLiteral("requestLogDock"));
    m_filter->setObjectName(QStringLiteral("requestLogFilter"));
    m_view->setObjectName(QStringLiteral("requestLogView"));
    m_save->setObjectName(QStringLiteral("saveRequestLogButton"));
    m_copyCurl->setObjectName(QStringLiteral("copyCurlButton"));
    m_clear->setObjectName(QStringLiteral("clearRequestLogButton"));
    m_count->setObjectName(QStringLiteral("requestLogCount"));
    m_filter->setClearButtonEnabled(true);

    m_proxy->setSourceModel(model);
    m_proxy->setFilterKeyColumn(-1);
    m_proxy->setFilterCaseSensitivity(Qt::CaseInsensitive);
    m_proxy->setSortRole(ModelRoles::Sort);
    m_view->setModel(m_proxy);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setAlternatingRowColors(true);
    m_view->setWordWrap(false);
    m_view->verticalHeader()->setVisible(false);
    m_view->verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 8);
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_view->setColumnWidth(RequestLogModel::Time, 110);
    m_view->setColumnWidth(RequestLogModel::Url, 420);
    m_view->setColumnWidth(RequestLogModel::RequestId, 260);

    auto *content = new QWidget(this);
    auto *layout = new QVBoxLayout(content);
    layout->setContentsMargins(4, 4, 4, 4);
    auto *bar = new QHBoxLayout;
    bar->addWidget(m_filter, 1);
    bar->addWidget(m_count);
    bar->addWidget(m_copyCurl);
    bar->addWidget(m_save);
    bar->addWidget(m_clear);
    layout->addLayout(bar);
    layout->addWidget(m_view);
    setWidget(content);

    connect(m_filter, &QLineEdit::textChanged, this, [this](const QString &text) {
        m_proxy->setFilterFixedString(text);
        updateButtons();
    });
    connect(m_save, &QPushButton::clicked, this, &RequestLogDock::saveWithDialog);
    connect(m_copyCurl, &QPushButton::clicked, this, &RequestLogDock::copySelectedAsCurl);
    connect(m_clear, &QPushButton::clicked, m_model, &RequestLogModel::clear);
    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &RequestLogDock::updateButtons);
    connect(m_proxy, &QAbstractItemModel::rowsInserted, this, [this] {
        // Follow the newest request unless the user scrolled up to read an older one.
        if (!m_view->selectionModel()->hasSelection())
            m_view->scrollToBottom();
        updateButtons();
    });
    connect(m_proxy, &QAbstractItemModel::rowsRemoved, this, &RequestLogDock::updateButtons);
    connect(m_proxy, &QAbstractItemModel::modelReset, this, &RequestLogDock::updateButtons);
    // The View menu's entry that shows and hides the dock.
    toggleViewAction()->setObjectName(QStringLiteral("requestLogAction"));
    toggleViewAction()->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_L));
    retranslate();
    updateButtons();
}

QList<int> RequestLogDock::shownSourceRows() const {
    QList<int> rows;
    rows.reserve(m_proxy->rowCount());
    for (int row = 0; row < m_proxy->rowCount(); ++row)
        rows << m_proxy->mapToSource(m_proxy->index(row, 0)).row();
    std::sort(rows.begin(), rows.end());
    return rows;
}

bool RequestLogDock::saveTo(const QString &fileName, QString *errorString) const {
    QList<dcs::RequestLogEntry> entries;
    for (int row : shownSourceRows())
        entries << m_model->entryAt(row);
    QSaveFile file(fileName);
    if (!file.open(QIODevice::WriteOnly)) {
        if (errorString)
            *errorString = file.errorString();
        return false;
    }
    // Saved logs name the project, the instances and the request ids: the owner's alone.
    dcs::privatefiles::restrict(file);
    if (fileName.endsWith(QLatin1String(".csv"), Qt::CaseInsensitive))
        file.write(RequestLogModel::toCsv(entries).toUtf8());
    else
        RequestLogModel::writeJsonLines(&file, entries);
    if (!file.commit()) {
        if (errorString)
            *errorString = file.errorString();
        return false;
    }
    return true;
}

bool RequestLogDock::copySelectedAsCurl() {
    const QModelIndexList rows = m_view->selectionModel()->selectedRows();
    if (rows.isEmpty())
        return false;
    const QModelIndex source = m_proxy->mapToSource(rows.first());
    if (!source.isValid())
        return false;
    QGuiApplication::clipboard()->setText(dcs::curlCommand(m_model->entryAt(source.row())));
    return true;
}

void RequestLogDock::saveWithDialog() {
    QString selectedFilter;
    const QString jsonFilter = tr("JSON Lines (*.jsonl)");
    const QString csvFilter = tr("CSV (*.csv)");
    QString fileName = FileDialogs::saveFileName(
        this, tr("Save Request Log"), QStringLiteral("dcs-requests.jsonl"),
        jsonFilter + QStringLiteral(";;") + csvFilter, &selectedFilter);
    if (fileName.isEmpty())
        return;
    if (selectedFilter == csvFilter && !fileName.endsWith(QLatin1String(".csv")))
        fileName += QStringLiteral(".csv");
    QString error;
    if (!saveTo(fileName, &error))
        QMessageBox::warning(this, tr("Save Request Log"),
                             tr("The request log could not be saved to %1: %2")
                                 .arg(QDir::toNativeSeparators(fileName), error));
}

void RequestLogDock::updateButtons() {
    m_copyCurl->setEnabled(m_view->selectionModel()->hasSelection());
    m_save->setEnabled(m_proxy->rowCount() > 0);
    m_clear->setEnabled(m_model->rowCount() > 0);
    m_count->setText(
        m_proxy->rowCount() == m_model->rowCount()
            ? tr("%n request(s)", nullptr, m_model->rowCount())
            : tr("%1 of %n request(s)", nullptr, m_model->rowCount()).arg(m_proxy->rowCount()));
}

void RequestLogDock::retranslate() {
    setWindowTitle(tr("Request Log"));
    // After the title, which the dock also gives its toggle action.
    toggleViewAction()->setText(tr("&Request Log"));
    toggleViewAction()->setToolTip(
        tr("Show every request the console sent, with its status and request ID"));
    m_filter->setPlaceholderText(tr("Filter by URL, profile, status, request ID or error code"));
    m_save->setText(tr("Save…"));
    m_save->setToolTip(tr("Save the requests shown as JSON Lines or CSV (secrets are never "
                          "included)"));
    m_copyCurl->setText(tr("Copy as curl"));
    m_copyCurl->setToolTip(tr("Copy the selected request as a curl command; credentials are left "
                              "as shell variables for you to fill in"));
    m_clear->setText(tr("Clear"));
    m_clear->setToolTip(tr("Remove every request from the log"));
    m_filter->setAccessibleName(tr("Filter the request log"));
    m_filter->setToolTip(tr("Shows only the requests whose URL, profile, status, request ID or "
                            "error code contains the text"));
    m_view->setAccessibleName(tr("Requests"));
    m_view->setAccessibleDescription(
        tr("Every request the console sent, oldest first, with its status and request ID"));
    updateButtons();
}

void RequestLogDock::changeEvent(QEvent *event) {
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QDockWidget::changeEvent(event);
}
