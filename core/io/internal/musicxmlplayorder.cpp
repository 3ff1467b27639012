// SPDX-License-Identifier: GPL-3.0-or-later
// musicxmlplayorder.cpp — unrolls repeats, voltas and jumps into a list of measure indices.
#include "musicxmlplayorder.h"

#include <algorithm>
#include <numeric>
#include <set>

using namespace Qt::StringLiterals;

namespace tutti {

namespace {

// Where each volta ending ends, and the highest number of the group of adjacent endings
// it belongs to (the pass after which the group is done).
struct EndingLayout
{
    std::vector<int> rangeEnd;  // last measure of the ending holding measure i; -1 outside
    std::vector<int> groupLast; // highest volta number in that group; 0 outside
};

EndingLayout layEndings(const std::vector<RepeatMarks> &marks)
{
    const int count = static_cast<int>(marks.size());
    EndingLayout layout{std::vector<int>(marks.size(), -1), std::vector<int>(marks.size(), 0)};
    for (int i = 0; i < count;) {
        if (marks[i].ending.isEmpty()) {
            ++i;
            continue;
        }
        // A group: ranges that follow each other without a gap.
        const int groupStart = i;
        int highest = 0;
        while (i < count && !marks[i].ending.isEmpty()) {
            const int rangeStart = i;
            while (!marks[i].endingEnds && i + 1 < count && marks[i + 1].ending == marks[rangeStart].ending
                   && !marks[i + 1].endingStarts)
                ++i;
            for (int j = rangeStart; j <= i; ++j)
                layout.rangeEnd[j] = i;
            highest = std::max(highest, *std::max_element(marks[rangeStart].ending.cbegin(),
                                                          marks[rangeStart].ending.cend()));
            ++i;
        }
        for (int j = groupStart; j < i; ++j)
            layout.groupLast[j] = highest;
    }
    return layout;
}

// The measure in [begin, end) whose `field` carries `label`, else the first one with any
// label of that kind (editors disagree on label names); -1 when there is none.
int findLabel(const std::vector<RepeatMarks> &marks, QString RepeatMarks::*field, const QString &label, int begin,
              int end)
{
    int unlabelled = -1;
    for (int i = begin; i < end; ++i) {
        const QString &value = marks[i].*field;
        if (value == label)
            return i;
        if (!value.isEmpty() && unlabelled < 0)
            unlabelled = i;
    }
    return unlabelled;
}

// Plays the section [begin, end) into `order`; false once `order` grows past `limit`.
bool playSection(const std::vector<RepeatMarks> &marks, const EndingLayout &endings, int begin, int end,
                 std::size_t limit, std::vector<int> &order, QStringList *warnings)
{
    int sectionStart = begin; // where the next backward repeat returns to
    int pass = 1;
    bool cameBack = false;    // arrived at sectionStart by a backward repeat
    bool afterJump = false;
    std::set<int> jumpsTaken;
    int i = begin;
    while (i < end) {
        if (order.size() > limit)
            return false;
        const RepeatMarks &measure = marks[i];
        if (measure.forward && !cameBack) {
            sectionStart = i;
            pass = 1;
        }
        cameBack = false;
        if (!measure.ending.isEmpty()) {
            const int wanted = afterJump ? endings.groupLast[i] : pass;
            if (!measure.ending.contains(wanted)) {
                i = endings.rangeEnd[i] + 1;
                if (i < end && marks[i].ending.isEmpty()) {
                    sectionStart = i; // the volta group is done
                    pass = 1;
                }
                continue;
            }
        }
        order.push_back(i);

        if (afterJump && measure.fine)
            return true;
        if (afterJump && !measure.toCoda.isEmpty()) {
            const int coda = findLabel(marks, &RepeatMarks::coda, measure.toCoda, i + 1, end);
            if (coda > i) {
                i = coda;
                continue;
            }
        }
        if (measure.backwardTimes > 0 && !afterJump) {
            const int times = std::max(measure.backwardTimes, endings.groupLast[i]);
            if (pass < times) {
                ++pass;
                i = sectionStart;
                cameBack = true;
                continue;
            }
            sectionStart = i + 1;
            pass = 1;
        }
        if ((measure.daCapo || !measure.dalSegno.isEmpty()) && jumpsTaken.insert(i).second) {
            const int target = measure.daCapo ? begin : findLabel(marks, &RepeatMarks::segno, measure.dalSegno, begin, end);
            if (target >= 0) {
                afterJump = true;
                i = target;
                continue;
            }
            warnings->append(u"D.S. in measure %1 has no segno to go back to; ignored"_s.arg(i + 1));
        }
        if (measure.endingEnds && (i + 1 >= end || marks[i + 1].ending.isEmpty())) {
            sectionStart = i + 1; // the volta group is done
            pass = 1;
        }
        ++i;
    }
    return true;
}

} // namespace

std::vector<int> playbackOrder(const std::vector<RepeatMarks> &marks, QStringList *warnings)
{
    const int count = static_cast<int>(marks.size());
    const EndingLayout endings = layEndings(marks);
    const std::size_t limit = static_cast<std::size_t>(count) * 100 + 64;
    std::vector<int> order;
    for (int begin = 0; begin < count;) {
        int end = begin + 1;
        while (end < count && !marks[end].sectionStart)
            ++end;
        if (!playSection(marks, endings, begin, end, limit, order, warnings)) {
            warnings->append(u"repeats and jumps would play over %1 measures; played as written"_s.arg(limit));
            order.resize(static_cast<std::size_t>(count));
            std::iota(order.begin(), order.end(), 0);
            return order;
        }
        begin = end;
    }
    return order;
}

} // namespace tutti
// end of musicxmlplayorder.cpp
