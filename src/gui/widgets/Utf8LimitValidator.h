#pragma once

#include <QValidator>

// Keeps a line edit's text within a number of UTF-8 bytes, cutting what is typed or pasted
// between characters (dcs::remark::fit): never half an emoji, never a lone surrogate. As a
// validator it works inside the edit's own change, where changing the text from a textChanged
// handler would be undone by the edit.
class Utf8LimitValidator : public QValidator {
    Q_OBJECT
public:
    explicit Utf8LimitValidator(int maxBytes, QObject *parent = nullptr);

    State validate(QString &input, int &pos) const override;
    void fixup(QString &input) const override;

private:
    int m_maxBytes;
};
