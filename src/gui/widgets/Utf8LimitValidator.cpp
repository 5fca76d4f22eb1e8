#include "widgets/Utf8LimitValidator.h"

#include "model/Remark.h"

Utf8LimitValidator::Utf8LimitValidator(int maxBytes, QObject *parent)
    : QValidator(parent)
    , m_maxBytes(maxBytes) {}

QValidator::State Utf8LimitValidator::validate(QString &input, int &pos) const {
    const QString fitted = dcs::remark::fit(input, m_maxBytes);
    if (fitted.size() != input.size()) {
        input = fitted;
        pos = qMin(pos, int(input.size()));
    }
    return Acceptable;
}

void Utf8LimitValidator::fixup(QString &input) const {
    input = dcs::remark::fit(input, m_maxBytes);
}
