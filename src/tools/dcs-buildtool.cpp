// dcs-buildtool: makes installable files at build time; never installed.
//   dcs-buildtool icon <in.svg> <size> <out.png>
//       Renders the SVG at size x size pixels (the raster icons of the hicolor theme).
//   dcs-buildtool man <template> <out> <version> <date> <program> [program arguments...]
//       Runs the program with its arguments (which end in --help), reads Qt's help text, and
//       fills the man page template: @VERSION@, @DATE@, @DESCRIPTION@ and @OPTIONS@. The option
//       list is therefore always the program's own.

#include <QFile>
#include <QGuiApplication>
#include <QImage>
#include <QPainter>
#include <QProcess>
#include <QRegularExpression>
#include <QSvgRenderer>
#include <cstdio>

namespace {

int fail(const QString &message) {
    std::fprintf(stderr, "dcs-buildtool: %s\n", qPrintable(message));
    return 1;
}

bool writeFile(const QString &path, const QByteArray &data, QString *error) {
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) || file.write(data) != data.size()) {
        *error = QStringLiteral("cannot write %1: %2").arg(path, file.errorString());
        return false;
    }
    return true;
}

int renderIcon(const QStringList &args) {
    if (args.size() != 3)
        return fail(QStringLiteral("usage: icon <in.svg> <size> <out.png>"));
    QSvgRenderer renderer(args.at(0));
    if (!renderer.isValid())
        return fail(QStringLiteral("cannot read the SVG %1").arg(args.at(0)));
    bool ok = false;
    const int size = args.at(1).toInt(&ok);
    if (!ok || size < 8 || size > 1024)
        return fail(QStringLiteral("bad size %1").arg(args.at(1)));
    QImage image(size, size, QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::transparent);
    QPainter painter(&image);
    painter.setRenderHint(QPainter::Antialiasing);
    renderer.render(&painter, QRectF(0, 0, size, size));
    painter.end();
    // No text chunks: the same SVG always gives the same bytes.
    if (!image.convertToFormat(QImage::Format_ARGB32).save(args.at(2), "PNG"))
        return fail(QStringLiteral("cannot write %1").arg(args.at(2)));
    return 0;
}

// Text for a roff paragraph: backslashes escaped, option names with real minus signs, and no
// line starting with a control character.
QString roffText(QString text) {
    text.replace(QLatin1Char('\\'), QStringLiteral("\\e"));
    static const QRegularExpression option(QStringLiteral("(^|[\\s(\"“「（])(--?)(?=[a-zA-Z])"));
    QString out;
    qsizetype last = 0;
    QRegularExpressionMatchIterator it = option.globalMatch(text);
    while (it.hasNext()) {
        const QRegularExpressionMatch m = it.next();
        out += text.mid(last, m.capturedStart(2) - last);
        out += m.captured(2).replace(QLatin1Char('-'), QStringLiteral("\\-"));
        last = m.capturedEnd(2);
    }
    out += text.mid(last);
    if (out.startsWith(QLatin1Char('.')) || out.startsWith(QLatin1Char('\'')))
        out.prepend(QStringLiteral("\\&"));
    return out;
}

// "-l, --lang <language>" -> \fB\-l\fR, \fB\-\-lang\fR \fIlanguage\fR
QString roffOptionNames(const QString &names) {
    QStringList parts;
    for (const QString &name : names.split(QStringLiteral(", "))) {
        QString flag = name;
        QString value;
        const qsizetype space = name.indexOf(QLatin1Char(' '));
        if (space > 0) {
            flag = name.left(space);
            value = name.mid(space + 1);
            if (value.startsWith(QLatin1Char('<')) && value.endsWith(QLatin1Char('>')))
                value = value.mid(1, value.size() - 2);
        }
        QString part = QStringLiteral("\\fB") +
                       flag.replace(QLatin1Char('-'), QStringLiteral("\\-")) +
                       QStringLiteral("\\fR");
        if (!value.isEmpty())
            part += QStringLiteral(" \\fI") +
                    value.replace(QLatin1Char('-'), QStringLiteral("\\-")) + QStringLiteral("\\fR");
        parts << part;
    }
    return parts.join(QStringLiteral(", "));
}

bool isWide(QChar c) {
    return (c.unicode() >= 0x2e80 && c.unicode() < 0xa000) ||
           (c.unicode() >= 0xff00 && c.unicode() < 0xfff0);
}

// groff 1.22 breaks lines at spaces only: a paragraph of Chinese, which has none, would run off
// the page. \: marks a place where it may break, here between two wide characters, but not
// before closing or after opening punctuation.
QString addCjkBreakPoints(const QString &page) {
    static const QString noBreakBefore = QStringLiteral("，。、；：？！）」』》”’");
    static const QString noBreakAfter = QStringLiteral("（「『《“‘");
    QStringList lines = page.split(QLatin1Char('\n'));
    for (QString &line : lines) {
        if (line.startsWith(QLatin1Char('.')) || line.startsWith(QLatin1Char('\'')))
            continue;
        QString out;
        for (qsizetype i = 0; i < line.size(); ++i) {
            out += line.at(i);
            if (i + 1 < line.size() && isWide(line.at(i)) && isWide(line.at(i + 1)) &&
                !noBreakBefore.contains(line.at(i + 1)) && !noBreakAfter.contains(line.at(i)))
                out += QStringLiteral("\\:");
        }
        line = out;
    }
    return lines.join(QLatin1Char('\n'));
}

struct HelpText {
    QString description;
    QList<QPair<QString, QString>> options; // names, description
};

// Qt's QCommandLineParser::helpText(): a usage line, the description up to a blank line, a
// heading, then "  -x, --name <value>  text" with wrapped text indented under the text column.
bool parseHelp(const QString &help, HelpText *out, QString *error) {
    const QStringList lines = help.split(QLatin1Char('\n'));
    if (lines.size() < 4) {
        *error = QStringLiteral("the help text is too short");
        return false;
    }
    int i = 1;
    QStringList description;
    for (; i < lines.size() && !lines.at(i).trimmed().isEmpty(); ++i)
        description << lines.at(i).trimmed();
    out->description = description.join(QLatin1Char(' '));
    static const QRegularExpression optionLine(QStringLiteral("^  (-\\S.*?)(?:\\s{2,}(\\S.*))?$"));
    static const QRegularExpression continuation(QStringLiteral("^\\s{3,}(\\S.*)$"));
    for (; i < lines.size(); ++i) {
        const QString &line = lines.at(i);
        if (const QRegularExpressionMatch m = optionLine.match(line); m.hasMatch()) {
            out->options.append({m.captured(1).trimmed(), m.captured(2).trimmed()});
        } else if (const QRegularExpressionMatch c = continuation.match(line);
                   c.hasMatch() && !out->options.isEmpty()) {
            QString &text = out->options.last().second;
            // Chinese text wraps between characters, other text at spaces.
            const QString piece = c.captured(1).trimmed();
            const bool cjk = !text.isEmpty() && isWide(text.back()) && isWide(piece.front());
            text += (text.isEmpty() || cjk) ? piece : QLatin1Char(' ') + piece;
        }
    }
    if (out->options.isEmpty()) {
        *error = QStringLiteral("no options found in the help text");
        return false;
    }
    return true;
}

int makeManPage(const QStringList &args) {
    if (args.size() < 5)
        return fail(QStringLiteral(
            "usage: man <template> <out> <version> <date> <program> [arguments...]"));
    QFile templateFile(args.at(0));
    if (!templateFile.open(QIODevice::ReadOnly))
        return fail(QStringLiteral("cannot read %1").arg(args.at(0)));
    QString page = QString::fromUtf8(templateFile.readAll());

    QProcess program;
    program.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    program.start(args.at(4), args.mid(5));
    if (!program.waitForFinished(60000) || program.exitStatus() != QProcess::NormalExit ||
        program.exitCode() != 0)
        return fail(
            QStringLiteral("%1 %2 failed: %3")
                .arg(args.at(4), args.mid(5).join(QLatin1Char(' ')), program.errorString()));
    HelpText help;
    QString error;
    if (!parseHelp(QString::fromUtf8(program.readAllStandardOutput()), &help, &error))
        return fail(error);

    QString options;
    for (const auto &[names, text] : std::as_const(help.options))
        options += QStringLiteral(".TP\n") + roffOptionNames(names) + QLatin1Char('\n') +
                   roffText(text) + QLatin1Char('\n');
    options.chop(1);
    page.replace(QStringLiteral("@VERSION@"), args.at(2));
    page.replace(QStringLiteral("@DATE@"), args.at(3));
    page.replace(QStringLiteral("@DESCRIPTION@"), roffText(help.description));
    page.replace(QStringLiteral("@OPTIONS@"), options);
    static const QRegularExpression placeholder(QStringLiteral("@[A-Z]+@"));
    if (page.contains(placeholder))
        return fail(QStringLiteral("%1: unknown placeholder left").arg(args.at(0)));
    page = addCjkBreakPoints(page);
    if (!writeFile(args.at(1), page.toUtf8(), &error))
        return fail(error);
    return 0;
}

} // namespace

int main(int argc, char *argv[]) {
    // Rendering needs a GUI application but never a display.
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QGuiApplication app(argc, argv);
    QStringList args = QCoreApplication::arguments().mid(1);
    const QString command = args.isEmpty() ? QString() : args.takeFirst();
    if (command == QLatin1String("icon"))
        return renderIcon(args);
    if (command == QLatin1String("man"))
        return makeManPage(args);
    return fail(QStringLiteral("usage: dcs-buildtool icon|man ..."));
}
