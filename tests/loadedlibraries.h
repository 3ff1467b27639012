// SPDX-License-Identifier: GPL-3.0-or-later
// loadedlibraries.h — which shared objects a process loaded: this one (/proc/self/maps) or a
// child run under the dynamic loader's own log (LD_DEBUG=files).
//
// Usage:
//   QVERIFY(!tutti::test::modelLibraryMapped());                  // this process
//   const QStringList files = tutti::test::loadedFiles(stderrText); // a child's LD_DEBUG=files log
//   QVERIFY(!tutti::test::anyModelLibrary(files));
#pragma once

#include <QFile>
#include <QRegularExpression>
#include <QString>
#include <QStringList>

#include <algorithm>

namespace tutti::test {

// True for the model library itself or any LibTorch library.
inline bool isModelLibrary(const QString &file)
{
    return file.contains(QStringLiteral("libtutti_model")) || file.contains(QStringLiteral("libtorch"))
        || file.contains(QStringLiteral("libc10"));
}

inline bool anyModelLibrary(const QStringList &files)
{
    return std::any_of(files.cbegin(), files.cend(), isModelLibrary);
}

// The shared objects this process has mapped.
inline QStringList mappedFiles()
{
    QFile maps(QStringLiteral("/proc/self/maps"));
    if (!maps.open(QIODevice::ReadOnly))
        return {};
    QStringList files;
    for (const QByteArray &line : maps.readAll().split('\n')) {
        const qsizetype slash = line.indexOf('/');
        if (slash >= 0)
            files.push_back(QString::fromLocal8Bit(line.mid(slash)));
    }
    files.removeDuplicates();
    return files;
}

inline bool modelLibraryMapped()
{
    return anyModelLibrary(mappedFiles());
}

// The files a child's dynamic loader opened, from its LD_DEBUG=files log ("file=NAME [0]; ...").
inline QStringList loadedFiles(const QString &log)
{
    static const QRegularExpression opened(QStringLiteral(R"(\bfile=(\S+)\s+\[\d+\];)"));
    QStringList files;
    for (auto it = opened.globalMatch(log); it.hasNext();)
        files.push_back(it.next().captured(1));
    files.removeDuplicates();
    return files;
}

} // namespace tutti::test
// end of loadedlibraries.h
