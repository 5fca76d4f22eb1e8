// Runs fuzz_api.cpp's target without libFuzzer: replays saved inputs (files or folders), and
// with --mutate N mutates them N times from a fixed --seed, so a plain ctest run re-checks the
// whole corpus and some of its neighbourhood on any compiler.

#include <QByteArray>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QList>
#include <QString>
#include <QStringList>
#include <cstdint>
#include <cstdio>
#include <random>
#include <utility>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size);

namespace {

void run(const QByteArray &input) {
    LLVMFuzzerTestOneInput(reinterpret_cast<const std::uint8_t *>(input.constData()),
                           std::size_t(input.size()));
}

// Pieces that hostile or broken answers are made of.
const QList<QByteArray> &tokens() {
    static const QList<QByteArray> list{"null",
                                        "true",
                                        "[]",
                                        "{}",
                                        "\"\"",
                                        "0",
                                        "-1",
                                        "1e400",
                                        "-1e400",
                                        "1e-400",
                                        "0.0",
                                        "9223372036854775807",
                                        "9223372036854775808",
                                        "-9223372036854775809",
                                        "18446744073709551616",
                                        "1.7976931348623157e308",
                                        "NaN",
                                        "\"\\u202e\"",
                                        "\"\\ud800\"",
                                        "\"\\u0000\"",
                                        "\"<b>x</b>\"",
                                        "\"2026-11-28T03:10:00Z\"",
                                        "\"2026-13-45T99:99:99\"",
                                        "\"1970-01-01T00:00:00Z\"",
                                        "\"succeed\"",
                                        "\"RUNNING\"",
                                        "\"TRUE\"",
                                        "\"master\"",
                                        "\"instance_id\"",
                                        "\"backup_id\"",
                                        "\"restore_id\"",
                                        "\"error_code\"",
                                        "\"DCS.4097\"",
                                        "\"111400097\"",
                                        "\"APIGW.0101\"",
                                        "\"progress\"",
                                        "\"150\"",
                                        "\"abc\"",
                                        ",",
                                        ":",
                                        "\"",
                                        "\\",
                                        "{\"error\":{\"code\":\"DCS.4001\",\"message\":\"x\"}}"};
    return list;
}

QByteArray mutate(QByteArray input, const QList<QByteArray> &corpus, std::mt19937 &random) {
    const auto pick = [&random](qsizetype n) {
        return n <= 0 ? qsizetype(0) : qsizetype(random() % std::uint32_t(n));
    };
    const int steps = 1 + int(random() % 4);
    for (int step = 0; step < steps; ++step) {
        // The first byte chooses the reader: keep it most of the time.
        const qsizetype at = 1 + pick(input.size());
        switch (random() % 7) {
        case 0: // flip a bit
            if (input.size() > 1) {
                const qsizetype i = 1 + pick(input.size() - 1);
                input[i] = char(input.at(i) ^ (1 << (random() % 8)));
            }
            break;
        case 1: // drop a run
            if (input.size() > 1) {
                const qsizetype i = 1 + pick(input.size() - 1);
                input.remove(i, 1 + pick(qMin<qsizetype>(16, input.size() - i)));
            }
            break;
        case 2: // insert a token
            input.insert(qMin(at, input.size()), tokens().at(pick(tokens().size())));
            break;
        case 3: { // replace a JSON value-ish run with a token
            const qsizetype i = input.indexOf(':', qMin(at, input.size()));
            if (i > 0) {
                qsizetype end = i + 1;
                while (end < input.size() && input.at(end) != ',' && input.at(end) != '}')
                    ++end;
                input.replace(i + 1, end - i - 1, tokens().at(pick(tokens().size())));
            }
            break;
        }
        case 4: { // splice with another input
            const QByteArray &other = corpus.at(pick(corpus.size()));
            if (other.size() > 1)
                input = input.left(qMin(at, input.size())) + other.mid(1 + pick(other.size() - 1));
            break;
        }
        case 5: // repeat a run (deep nesting, long lists)
            if (input.size() > 2) {
                const qsizetype i = 1 + pick(input.size() - 2);
                const QByteArray run =
                    input.mid(i, 1 + pick(qMin<qsizetype>(64, input.size() - i)));
                input.insert(i, run.repeated(1 + int(random() % 64)));
            }
            break;
        case 6: // another reader for the same bytes
            if (!input.isEmpty())
                input[0] = char('0' + random() % 8);
            break;
        }
    }
    return input.left(1 << 20);
}

} // namespace

int main(int argc, char **argv) {
    QList<QByteArray> corpus;
    long mutations = 0;
    unsigned long seed = 1;
    for (int i = 1; i < argc; ++i) {
        const QByteArray arg(argv[i]);
        if (arg == "--mutate" && i + 1 < argc) {
            mutations = std::strtol(argv[++i], nullptr, 10);
            continue;
        }
        if (arg == "--seed" && i + 1 < argc) {
            seed = std::strtoul(argv[++i], nullptr, 10);
            continue;
        }
        const QFileInfo info(QFile::decodeName(arg));
        QStringList files;
        if (info.isDir()) {
            for (const QFileInfo &entry :
                 QDir(info.filePath()).entryInfoList(QDir::Files, QDir::Name))
                files << entry.filePath();
        } else {
            files << info.filePath();
        }
        for (const QString &name : files) {
            QFile file(name);
            if (!file.open(QIODevice::ReadOnly)) {
                std::fprintf(stderr, "fuzz_api_replay: cannot read %s\n", qPrintable(name));
                return 2;
            }
            corpus << file.readAll();
        }
    }
    if (corpus.isEmpty()) {
        std::fprintf(stderr, "usage: fuzz_api_replay [--mutate N] [--seed S] corpus...\n");
        return 2;
    }
    for (const QByteArray &input : std::as_const(corpus))
        run(input);
    std::mt19937 random(std::uint32_t(seed & 0xffffffffu));
    for (long n = 0; n < mutations; ++n)
        run(mutate(corpus.at(qsizetype(random() % corpus.size())), corpus, random));
    std::printf("fuzz_api_replay: %lld inputs replayed, %ld mutations run (seed %lu)\n",
                static_cast<long long>(corpus.size()), mutations, seed);
    return 0;
}
