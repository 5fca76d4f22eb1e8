#pragma once

#include "SimState.h"

#include <QByteArray>
#include <QIODevice>

namespace dcs::sim {

// The content of one backup file, made up on the fly so that a backup of gigabytes costs no disk:
// exactly file.size bytes, the same bytes every time for the same file. An RDB backup is a valid
// RDB version 9 file (aux fields, one database of string keys, EOF and the CRC-64 that Redis
// checks on load); an AOF backup is a valid append-only file of RESP SET commands.
class BackupFileDevice : public QIODevice {
public:
    explicit BackupFileDevice(const BackupFile &file, QObject *parent = nullptr);
    ~BackupFileDevice() override;

    bool isSequential() const override { return false; }
    qint64 size() const override { return m_size; }
    bool seek(qint64 pos) override;

    // Redis's CRC-64 (Jones polynomial, reflected, as in redis/src/crc64.c); crc starts at 0.
    static quint64 crc64(quint64 crc, const char *data, qint64 length);
    // The whole file at once, for tests (keep it small).
    static QByteArray contents(const BackupFile &file);

protected:
    qint64 readData(char *data, qint64 maxSize) override;
    qint64 writeData(const char *, qint64) override { return -1; }

private:
    struct Plan;
    void restart();
    void nextPiece();

    BackupFile m_file;
    qint64 m_size = 0;
    Plan *m_plan = nullptr;
    // Generation state: the bytes of the current piece, how far into them, where in the file.
    QByteArray m_piece;
    qint64 m_pieceOffset = 0;
    qint64 m_produced = 0;
    qint64 m_nextRecord = 0; // -1: header not yet made; records; then the trailer
    int m_stage = 0;         // 0 header, 1 records, 2 trailer, 3 done
    quint64 m_crc = 0;
    quint64 m_random = 0;
};

} // namespace dcs::sim
