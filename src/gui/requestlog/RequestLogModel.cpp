#include "requestlog/RequestLogModel.h"

#include "profiles/SessionBuilder.h"
#include "widgets/ConsolePalette.h"
#include "widgets/ModelRoles.h"

#include <QColor>
#include <QIODevice>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>

namespace {

QString timeText(const QDateTime &time) {
    return QLocale().toString(time.toLocalTime(), QStringLiteral("HH:mm:ss.zzz"));
}

} // namespace

RequestLogModel::RequestLogModel(QObject *parent)
    : QAbstractTableModel(parent) {}

int RequestLogModel::rowCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : int(m_entries.size());
}

int RequestLogModel::columnCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant RequestLogModel::data(const QModelIndex &index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const dcs::RequestLogEntry &e = m_entries.at(index.row());
    if (role == Qt::DisplayRole || role == Qt::ToolTipRole) {
        switch (Column(index.column())) {
        case Time:
            return timeText(e.startedAt);
        case Profile:
            // The Demo profile is "Demo" in logs and files; on screen, in the language.
            return e.profileName == dcs::SessionBuilder::demoProfileName()
                       ? dcs::SessionBuilder::demoDisplayName()
                       : e.profileName;
        case Method:
            return QString::fromLatin1(e.method);
        case Url:
            return e.url.toDisplayString();
        case Status:
            // 0: no HTTP answer at all (refused, TLS, timeout).
            return e.httpStatus > 0 ? QLocale().toString(e.httpStatus) : tr("no answer");
        case Duration:
            return tr("%1 ms").arg(QLocale().toString(e.durationMs));
        case RequestId:
            return e.requestId;
        case ErrorCode:
            return e.errorCode;
        case ColumnCount:
            break;
        }
    } else if (role == ModelRoles::Sort) {
        switch (Column(index.column())) {
        case Time:
            return e.startedAt;
        case Status:
            return e.httpStatus;
        case Duration:
            return e.durationMs;
        default:
            return data(index, Qt::DisplayRole);
        }
    } else if (role == Qt::TextAlignmentRole) {
        if (index.column() == Status || index.column() == Duration)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
    } else if (role == Qt::ForegroundRole) {
        if (!e.errorCode.isEmpty() || e.httpStatus == 0 || e.httpStatus >= 400)
            return ConsolePalette::color(ConsolePalette::Role::DangerText);
    }
    return {};
}

QVariant RequestLogModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (Column(section)) {
    case Time:
        return tr("Time");
    case Profile:
        return tr("Profile");
    case Method:
        return tr("Method");
    case Url:
        return tr("URL");
    case Status:
        return tr("HTTP status");
    case Duration:
        return tr("Duration");
    case RequestId:
        return tr("Request ID");
    case ErrorCode:
        return tr("Error code");
    case ColumnCount:
        break;
    }
    return {};
}

void RequestLogModel::append(const dcs::RequestLogEntry &entry) {
    const int row = int(m_entries.size());
    beginInsertRows({}, row, row);
    m_entries.append(entry);
    endInsertRows();
    dropOverflow();
}

void RequestLogModel::clear() {
    if (m_entries.isEmpty())
        return;
    beginResetModel();
    m_entries.clear();
    endResetModel();
}

void RequestLogModel::setCapacity(int capacity) {
    m_capacity = qMax(1, capacity);
    dropOverflow();
}

void RequestLogModel::dropOverflow() {
    const int overflow = int(m_entries.size()) - m_capacity;
    if (overflow <= 0)
        return;
    beginRemoveRows({}, 0, overflow - 1);
    m_entries.erase(m_entries.begin(), m_entries.begin() + overflow);
    endRemoveRows();
}

void RequestLogModel::retranslate() {
    Q_EMIT headerDataChanged(Qt::Horizontal, 0, ColumnCount - 1);
    if (!m_entries.isEmpty())
        Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
}

dcs::CsvWriter RequestLogModel::toCsv(const QList<dcs::RequestLogEntry> &entries) {
    // Column names are fixed English keys so the file reads the same in every UI language.
    dcs::CsvWriter csv({QStringLiteral("time"), QStringLiteral("profile"), QStringLiteral("method"),
                        QStringLiteral("url"), QStringLiteral("http_status"),
                        QStringLiteral("duration_ms"), QStringLiteral("request_id"),
                        QStringLiteral("error_code")});
    for (const dcs::RequestLogEntry &e : entries)
        csv.addRow({e.startedAt.toUTC().toString(Qt::ISODateWithMs), e.profileName,
                    QString::fromLatin1(e.method), e.url.toString(QUrl::FullyEncoded),
                    QString::number(e.httpStatus), QString::number(e.durationMs), e.requestId,
                    e.errorCode});
    return csv;
}

void RequestLogModel::writeJsonLines(QIODevice *device,
                                     const QList<dcs::RequestLogEntry> &entries) {
    for (const dcs::RequestLogEntry &e : entries) {
        QJsonArray headers;
        // Already redacted by DcsClient; redacted again so the file never depends on that.
        for (const auto &header : dcs::redaction::headers(e.requestHeaders))
            headers.append(
                QJsonArray{QString::fromLatin1(header.first), QString::fromUtf8(header.second)});
        QJsonObject line{
            {QStringLiteral("time"), e.startedAt.toUTC().toString(Qt::ISODateWithMs)},
            {QStringLiteral("profile"), e.profileName},
            {QStringLiteral("method"), QString::fromLatin1(e.method)},
            {QStringLiteral("url"), e.url.toString(QUrl::FullyEncoded)},
            {QStringLiteral("http_status"), e.httpStatus},
            {QStringLiteral("duration_ms"), e.durationMs},
            {QStringLiteral("request_id"), e.requestId},
            {QStringLiteral("error_code"), e.errorCode},
            {QStringLiteral("request_headers"), headers},
        };
        if (!e.requestBody.isEmpty())
            line.insert(QStringLiteral("request_body"),
                        QString::fromUtf8(dcs::redaction::body(e.requestBody)));
        device->write(QJsonDocument(line).toJson(QJsonDocument::Compact) + '\n');
    }
}
