// SPDX-License-Identifier: GPL-3.0-or-later
// runtutti.h — runs the built `tutti` command line from a test and keeps what it printed.
//
// Usage:
//   const tutti::test::Run run = tutti::test::runTutti({u"info"_s, path});
//   QCOMPARE(run.exitCode, 0);
//   QVERIFY(run.out.contains(u"Notes:"_s));
#pragma once

#include <QProcess>
#include <QString>
#include <QStringList>

namespace tutti::test {

struct Run
{
    int exitCode = -1;    // -1 when it crashed or ran out of time
    bool crashed = false; // a crash or a time-out
    QString out;
    QString err;
};

inline Run runTutti(const QStringList &arguments, int timeoutMs = 60000)
{
    QProcess process;
    process.start(QStringLiteral(TUTTI_BINARY), arguments);
    Run run;
    if (!process.waitForFinished(timeoutMs)) {
        process.kill();
        run.crashed = true;
        return run;
    }
    run.crashed = process.exitStatus() != QProcess::NormalExit;
    run.exitCode = run.crashed ? -1 : process.exitCode();
    run.out = QString::fromUtf8(process.readAllStandardOutput());
    run.err = QString::fromUtf8(process.readAllStandardError());
    return run;
}

} // namespace tutti::test
// end of runtutti.h
