#include "BackupFileDevice.h"

#include <QCryptographicHash>
#include <QtEndian>
#include <algorithm>
#include <array>
#include <cstring>

namespace dcs::sim {

namespace {

constexpr int KeyLength = 14; // "key:0000000001"
constexpr qint64 ValueLength = 16000;

QByteArray keyFor(qint64 index) {
    return QByteArrayLiteral("key:") + QByteArray::number(index).rightJustified(10, '0');
}

// RDB length encoding: 6-bit, 14-bit or 32-bit.
int rdbLengthSize(qint64 length) {
    return length < 64 ? 1 : (length < 16384 ? 2 : 5);
}

void appendRdbLength(QByteArray &out, qint64 length, int size) {
    if (size == 1) {
        out.append(char(length));
    } else if (size == 2) {
        out.append(char(0x40 | ((length >> 8) & 0x3f)));
        out.append(char(length & 0xff));
    } else {
        out.append(char(0x80));
        char be[4];
        qToBigEndian(quint32(length), be);
        out.append(be, 4);
    }
}

void appendRdbString(QByteArray &out, const QByteArray &text) {
    appendRdbLength(out, text.size(), rdbLengthSize(text.size()));
    out.append(text);
}

int digits(qint64 value) {
    return int(QByteArray::number(value).size());
}

// Bytes of one AOF SET command around its value:
// "*3\r\n$3\r\nSET\r\n$14\r\n<key>\r\n$<n>\r\n…\r\n".
qint64 aofCommandSize(qint64 valueLength) {
    return 4 + 9 + (1 + digits(KeyLength) + 2 + KeyLength + 2) +
           (1 + digits(valueLength) + 2 + valueLength + 2);
}

const QByteArray AofPreamble = QByteArrayLiteral("*2\r\n$6\r\nSELECT\r\n$1\r\n0\r\n");

} // namespace

// How the file's bytes are laid out: a header, `records` SET records whose values are
// ValueLength long except the last ones (`lastValue`, and `extraOnPrevious` bytes more on the
// one before it when the remainder was too small for a record of its own), then a trailer.
struct BackupFileDevice::Plan {
    bool rdb = true;
    QByteArray header;
    qint64 records = 0;
    qint64 lastValue = ValueLength;
    int lastLengthSize = 2; // RDB: bytes of the last value's length
    int lastKeyExtra = 0;   // AOF: one more key character where the value's digits jump

    qint64 valueLength(qint64 index) const {
        return index == records - 1 ? lastValue : ValueLength;
    }
};

BackupFileDevice::BackupFileDevice(const BackupFile &file, QObject *parent)
    : QIODevice(parent)
    , m_file(file)
    , m_size(std::max<qint64>(file.size, 0))
    , m_plan(new Plan) {
    Plan &plan = *m_plan;
    plan.rdb = file.format != QLatin1String("aof");
    const QByteArray seed = QCryptographicHash::hash(
        (file.backupId + QLatin1Char('/') + QString::number(file.shard)).toUtf8(),
        QCryptographicHash::Sha256);
    std::memcpy(&m_random, seed.constData(), sizeof m_random);
    m_random |= 1; // xorshift must not start at zero

    if (plan.rdb) {
        QByteArray fixed = QByteArrayLiteral("REDIS0009");
        auto aux = [&](const char *key, const QByteArray &value) {
            fixed.append(char(0xFA));
            appendRdbString(fixed, QByteArray(key));
            appendRdbString(fixed, value);
        };
        aux("redis-ver", QByteArrayLiteral("6.2.7"));
        aux("redis-bits", QByteArrayLiteral("64"));
        aux("dcs-backup-id", file.backupId.toUtf8());
        aux("dcs-shard", QByteArray::number(file.shard));
        fixed.append(char(0xFE)); // SELECTDB 0
        fixed.append(char(0x00));
        constexpr qint64 FullRecord = 1 + 1 + KeyLength + 2 + ValueLength;
        constexpr qint64 SmallestRecord = 1 + 1 + KeyLength + 1; // an empty value
        // RESIZEDB's first length depends on the count it announces: try each encoding size.
        for (int countSize : {1, 2, 5}) {
            const qint64 budget = m_size - fixed.size() - 1 - countSize - 1 - 9;
            if (budget < 0)
                break;
            qint64 records = budget / FullRecord;
            const qint64 rest = budget % FullRecord;
            plan.lastValue = ValueLength;
            plan.lastLengthSize = 2;
            if (rest >= SmallestRecord) {
                ++records;
                const qint64 room = rest - (1 + 1 + KeyLength);
                plan.lastLengthSize = room - 1 < 64 ? 1 : 2;
                plan.lastValue = room - plan.lastLengthSize;
            } else if (rest > 0) {
                if (records == 0)
                    continue; // too small to be exact; the smallest valid file follows below
                // Too few bytes for a record of their own: the last value takes them.
                plan.lastValue = ValueLength + rest;
            }
            if (rdbLengthSize(records) != countSize)
                continue;
            plan.records = records;
            break;
        }
        plan.header = fixed;
        plan.header.append(char(0xFB)); // RESIZEDB
        appendRdbLength(plan.header, plan.records, rdbLengthSize(plan.records));
        appendRdbLength(plan.header, 0, 1);
        // A file too small for a single record is the smallest valid RDB: never shorter.
        m_size = std::max<qint64>(m_size, plan.header.size() + 9);
    } else {
        plan.header = AofPreamble;
        const qint64 full = aofCommandSize(ValueLength);
        const qint64 budget = m_size - plan.header.size();
        qint64 records = std::max<qint64>(budget, 0) / full;
        const qint64 rest = std::max<qint64>(budget, 0) % full;
        if (rest >= aofCommandSize(0)) {
            // The value's length field grows with the value, so one total is out of reach at
            // each change of digits: a key one character longer makes up that byte.
            for (qint64 value = rest - aofCommandSize(0); value >= 0; --value) {
                if (aofCommandSize(value) == rest || aofCommandSize(value) + 1 == rest) {
                    plan.lastValue = value;
                    plan.lastKeyExtra = int(rest - aofCommandSize(value));
                    break;
                }
            }
            ++records;
        } else if (rest > 0 && records > 0) {
            // Up to 41 bytes more on the last full value keep its length at five digits.
            plan.lastValue = ValueLength + rest;
        }
        plan.records = records;
        m_size = std::max<qint64>(m_size, plan.header.size());
    }
    restart();
}

BackupFileDevice::~BackupFileDevice() {
    delete m_plan;
}

void BackupFileDevice::restart() {
    const QByteArray seed = QCryptographicHash::hash(
        (m_file.backupId + QLatin1Char('/') + QString::number(m_file.shard)).toUtf8(),
        QCryptographicHash::Sha256);
    std::memcpy(&m_random, seed.constData(), sizeof m_random);
    m_random |= 1;
    m_piece.clear();
    m_pieceOffset = 0;
    m_produced = 0;
    m_nextRecord = 0;
    m_stage = 0;
    m_crc = 0;
}

// Makes the next piece of the file into m_piece: the header, one record, or the trailer.
void BackupFileDevice::nextPiece() {
    const Plan &plan = *m_plan;
    m_piece.clear();
    m_pieceOffset = 0;
    if (m_stage == 0) {
        m_piece = plan.header;
        m_stage = 1;
    } else if (m_stage == 1 && m_nextRecord < plan.records) {
        const qint64 index = m_nextRecord++;
        const qint64 length = plan.valueLength(index);
        QByteArray value(length, Qt::Uninitialized);
        // Printable, incompressible-looking text, the same for the same file every time.
        static const char alphabet[] =
            "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789+/";
        for (qint64 i = 0; i < length; ++i) {
            m_random ^= m_random << 13;
            m_random ^= m_random >> 7;
            m_random ^= m_random << 17;
            value[i] = alphabet[m_random & 63];
        }
        QByteArray key = keyFor(index + 1);
        if (index == plan.records - 1 && plan.lastKeyExtra > 0)
            key.append('x');
        if (plan.rdb) {
            m_piece.append(char(0x00)); // string type
            appendRdbString(m_piece, key);
            const int lengthSize =
                index == plan.records - 1 ? plan.lastLengthSize : rdbLengthSize(length);
            appendRdbLength(m_piece, length, lengthSize);
            m_piece.append(value);
        } else {
            m_piece.append("*3\r\n$3\r\nSET\r\n$");
            m_piece.append(QByteArray::number(key.size()) + "\r\n" + key + "\r\n$");
            m_piece.append(QByteArray::number(length) + "\r\n");
            m_piece.append(value);
            m_piece.append("\r\n");
        }
        if (m_nextRecord >= plan.records)
            m_stage = 2;
    } else if (m_stage <= 2) {
        m_stage = 3;
        if (plan.rdb) {
            m_piece.append(char(0xFF));
            const quint64 crc = crc64(m_crc, m_piece.constData(), 1);
            char le[8];
            qToLittleEndian(crc, le);
            m_piece.append(le, 8);
        }
    }
}

qint64 BackupFileDevice::readData(char *data, qint64 maxSize) {
    qint64 written = 0;
    while (written < maxSize && m_produced < m_size) {
        if (m_pieceOffset >= m_piece.size()) {
            if (m_stage == 3)
                break;
            nextPiece();
            continue;
        }
        const qint64 take = std::min(
            {maxSize - written, qint64(m_piece.size()) - m_pieceOffset, m_size - m_produced});
        const char *from = m_piece.constData() + m_pieceOffset;
        // The trailer's CRC covers everything before it, so only the body is summed.
        if (m_plan->rdb && m_stage != 3)
            m_crc = crc64(m_crc, from, take);
        std::memcpy(data + written, from, size_t(take));
        m_pieceOffset += take;
        m_produced += take;
        written += take;
    }
    return written;
}

bool BackupFileDevice::seek(qint64 pos) {
    if (pos < 0 || pos > m_size)
        return false;
    if (pos < m_produced)
        restart();
    char scratch[16384];
    while (m_produced < pos) {
        if (readData(scratch, std::min<qint64>(sizeof scratch, pos - m_produced)) <= 0)
            return false;
    }
    return QIODevice::seek(pos);
}

quint64 BackupFileDevice::crc64(quint64 crc, const char *data, qint64 length) {
    static const auto table = [] {
        std::array<quint64, 256> t{};
        constexpr quint64 Reflected = 0x95AC9329AC4BC9B5ULL;
        for (quint64 i = 0; i < 256; ++i) {
            quint64 c = i;
            for (int k = 0; k < 8; ++k)
                c = (c & 1) ? (c >> 1) ^ Reflected : c >> 1;
            t[i] = c;
        }
        return t;
    }();
    for (qint64 i = 0; i < length; ++i)
        crc = table[(crc ^ quint8(data[i])) & 0xff] ^ (crc >> 8);
    return crc;
}

QByteArray BackupFileDevice::contents(const BackupFile &file) {
    BackupFileDevice device(file);
    device.open(QIODevice::ReadOnly);
    return device.readAll();
}

} // namespace dcs::sim
