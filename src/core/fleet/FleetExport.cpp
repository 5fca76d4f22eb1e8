#include "fleet/FleetExport.h"

#include <QCoreApplication>
#include <QLocale>

namespace dcs {

namespace {

QString iso(const QDateTime &at) {
    return at.isValid() ? at.toUTC().toString(Qt::ISODate) : QString();
}

} // namespace

CsvWriter fleetCsv(const QList<FleetExportRow> &rows) {
    CsvWriter csv(
        {QCoreApplication::translate("dcs::FleetExport", "Profile"),
         QCoreApplication::translate("dcs::FleetExport", "Region"),
         QCoreApplication::translate("dcs::FleetExport", "Project"),
         QCoreApplication::translate("dcs::FleetExport", "Project ID"),
         QCoreApplication::translate("dcs::FleetExport", "Instance"),
         QCoreApplication::translate("dcs::FleetExport", "Instance ID"),
         QCoreApplication::translate("dcs::FleetExport", "Status"),
         QCoreApplication::translate("dcs::FleetExport", "Type"),
         QCoreApplication::translate("dcs::FleetExport", "Verdict"),
         QCoreApplication::translate("dcs::FleetExport", "Verdict key"),
         QCoreApplication::translate("dcs::FleetExport", "Reasons"),
         QCoreApplication::translate("dcs::FleetExport", "Last successful backup (UTC)"),
         QCoreApplication::translate("dcs::FleetExport", "Hours since the last successful backup"),
         QCoreApplication::translate("dcs::FleetExport", "Last backup status"),
         QCoreApplication::translate("dcs::FleetExport", "Restorable backups"),
         QCoreApplication::translate("dcs::FleetExport", "Oldest restorable (UTC)"),
         QCoreApplication::translate("dcs::FleetExport", "Newest restorable expires (UTC)"),
         QCoreApplication::translate("dcs::FleetExport", "Next automatic backup (UTC)"),
         QCoreApplication::translate("dcs::FleetExport", "Automatic backups"),
         QCoreApplication::translate("dcs::FleetExport", "Read (UTC)")});
    for (const FleetExportRow &row : rows) {
        QStringList cells{row.profileName, row.region, row.projectName, row.projectId};
        if (!row.instance) {
            cells << QString() << QString() << QString() << QString()
                  << QCoreApplication::translate("dcs::FleetExport", "Could not be read")
                  << QStringLiteral("source_error") << row.sourceError;
            while (cells.size() < 20)
                cells.append(QString());
            csv.addRow(cells);
            continue;
        }
        const FleetInstance &i = *row.instance;
        const BackupHealth &health = i.health;
        const std::optional<HealthFacts> &facts = i.facts;
        QString automatic;
        if (health.policyOff)
            automatic = QCoreApplication::translate("dcs::FleetExport", "off");
        else if (facts && facts->policy && facts->policy->isAuto())
            automatic = facts->policy->describe();
        QString reasons = health.reasonText();
        if (!i.readError.isEmpty())
            reasons = (QCoreApplication::translate("dcs::FleetExport", "The last read failed: ") +
                       i.readError.section(QLatin1Char('\n'), 0, 0) + QLatin1Char(' ') + reasons)
                          .trimmed();
        cells << i.instance.name << i.instance.instanceId << i.instance.status
              << instanceTypeApiName(i.instance.type()) << verdictText(health.verdict)
              << verdictKey(health.verdict) << reasons
              << (facts ? iso(facts->lastSuccessAt) : QString())
              << (health.lastSuccessAgeSeconds >= 0
                      ? QString::number(double(health.lastSuccessAgeSeconds) / 3600.0, 'f', 1)
                      : QString())
              << (facts ? facts->lastStatus : QString())
              << (facts ? QString::number(facts->restorableCount) : QString())
              << (facts ? iso(facts->oldestRestorableAt) : QString())
              << iso(health.newestRestorableExpiresAt) << iso(health.nextAutomaticBackupAt)
              << automatic << (facts ? iso(facts->readAt) : QString());
        csv.addRow(cells);
    }
    return csv;
}

} // namespace dcs
