// SPDX-License-Identifier: GPL-3.0-or-later
// suggestioncontroller.cpp — model loading, runs, the tray and accepting a candidate.
#include "suggestioncontroller.h"

#include "analysis/indexcopyguard.h"
#include "analysis/suggestionoriginality.h"
#include "candidatelistmodel.h"
#include "edit/scoredocument.h"
#include "edit/suggestioncommand.h"
#include "model/modelloader.h"
#include "suggestionworker.h"

#include <algorithm>

using namespace Qt::StringLiterals;

namespace tutti {

// The copy guard of a run asked for before the model (and the index beside it) has loaded:
// empty until bind() gives it the index. bind() runs on the GUI thread in the handler of
// ModelLoader::loaded, which is connected before the worker's, so it happens before the
// run's thread starts and that thread only ever reads.
class SuggestionController::LateCopyGuard final : public CopyGuard
{
public:
    void bind(const OriginalityIndex &index) { m_guard = makeIndexCopyGuard(index); }
    std::bitset<128> copyingPitches(std::span<const LinePoint> line, std::int64_t step) const override
    {
        return m_guard ? m_guard->copyingPitches(line, step) : std::bitset<128>();
    }
    bool copies(const Score &score, const Suggestion &candidate) const override
    {
        return m_guard && m_guard->copies(score, candidate);
    }

private:
    std::shared_ptr<const CopyGuard> m_guard;
};

SuggestionController::SuggestionController(ScoreDocument *document, ModelLoader *loader, QObject *parent)
    : QObject(parent)
    , m_document(document)
    , m_loader(loader)
    , m_candidates(new CandidateListModel(this))
{
    // Before the worker's own connection, so the index is in place when a run starts.
    connect(m_loader, &ModelLoader::loaded, this, [this] {
        if (!m_originalityGiven)
            m_originality = m_loader->originalityIndex();
        if (m_lateGuard) {
            m_lateGuard->bind(m_originality);
            m_lateGuard.reset();
        }
        Q_EMIT message(m_loader->description() + u"; "_s + m_loader->originalityDescription());
    });
    m_worker = new SuggestionWorker(loader, this);
    connect(m_worker, &SuggestionWorker::started, this,
            [this] { Q_EMIT message(u"Generating %1 candidate(s)..."_s.arg(m_expected)); });
    connect(m_worker, &SuggestionWorker::progress, this, &SuggestionController::progressChanged);
    connect(m_worker, &SuggestionWorker::candidateReady, this,
            [this](int, const Suggestion &suggestion) { addCandidate(suggestion); });
    connect(m_worker, &SuggestionWorker::finished, this, [this](bool cancelled, const QString &error) {
        setBusy(false);
        if (!error.isEmpty())
            Q_EMIT message(error);
        else if (cancelled)
            Q_EMIT message(u"Cancelled; %1 of %2 candidates kept"_s.arg(m_candidates->count()).arg(m_expected));
        else
            Q_EMIT message(u"%1 candidates ready: select one to see it in the piano roll, Play to hear it, "
                           "Accept to keep it"_s.arg(m_candidates->count()));
        Q_EMIT finished(cancelled, error);
    });
    connect(m_document, &ScoreDocument::documentReset, this, [this] {
        cancel();
        discardAll();
    });
}

void SuggestionController::setOriginalityIndex(const OriginalityIndex &index)
{
    m_originality = index;
    m_originalityGiven = true;
}

void SuggestionController::addCandidate(const Suggestion &suggestion)
{
    const OriginalityReport originality = checkSuggestion(m_originality, m_document->score(), suggestion);
    m_candidates->append(suggestion, m_document->score(), originality);
    if (const OriginalityMatch *copy = originality.copied())
        Q_EMIT message(u"%1 copies the training corpus: %2"_s.arg(m_candidates->label(m_candidates->count() - 1),
                                                                   copy->describe()));
    if (m_selected < 0)
        select(m_candidates->count() - 1); // the first to arrive shows at once
}

bool SuggestionController::isBusy() const
{
    return m_busy;
}

void SuggestionController::generate(const SuggestionRequest &request)
{
    if (m_busy)
        return;
    m_expected = request.candidates;
    setBusy(true);
    Q_EMIT progressChanged(0);
    if (m_loader->state() != ModelLoader::State::Ready)
        Q_EMIT message(u"Loading the music model..."_s);
    SuggestionRequest withGuard = request;
    if (withGuard.avoidCopies && !withGuard.copyGuard) {
        if (m_loader->state() == ModelLoader::State::Ready || m_originalityGiven) {
            withGuard.copyGuard = makeIndexCopyGuard(m_originality); // null without an index: nothing to avoid
        } else { // the index comes with the model, which loads before the run starts
            m_lateGuard = std::make_shared<LateCopyGuard>();
            withGuard.copyGuard = m_lateGuard;
        }
    }
    if (!m_worker->start(m_document->score(), withGuard)) // started() or finished() continues
        setBusy(false);
}

void SuggestionController::cancel()
{
    m_worker->cancel();
}

void SuggestionController::select(int row)
{
    if (row < -1 || row >= m_candidates->count())
        row = -1;
    if (row == m_selected)
        return;
    m_selected = row;
    Q_EMIT selectionChanged(row);
}

const Suggestion *SuggestionController::selectedSuggestion() const
{
    return m_selected >= 0 ? &m_candidates->at(m_selected) : nullptr;
}

QString SuggestionController::accept(int row)
{
    if (row < 0 || row >= m_candidates->count())
        return u"No candidate is selected"_s;
    const Suggestion suggestion = m_candidates->at(row); // a copy: the tray empties first
    if (!ApplySuggestionCommand::fitsScore(suggestion, m_document->score()))
        return u"The tracks this candidate was written for have changed since; generate again"_s;
    const QString label = m_candidates->label(row);
    // The rest were written around the score as it was, and so would the run's later ones.
    // Emptying the tray first also ends an audition before the score changes under it.
    m_worker->cancel();
    discardAll();
    auto *command = new ApplySuggestionCommand(m_document, suggestion, u"Accept Suggestion %1"_s.arg(label));
    const int added = command->addedTracks();
    const auto notes = suggestion.noteCount();
    m_document->undoStack()->push(command);
    Q_EMIT message(added > 0 ? u"Accepted %1: %2 notes, %3 new track(s)"_s.arg(label).arg(notes).arg(added)
                             : u"Accepted %1: %2 notes"_s.arg(label).arg(notes));
    return {};
}

void SuggestionController::discard(int row)
{
    if (row < 0 || row >= m_candidates->count())
        return;
    const int selected = m_selected;
    m_selected = -1; // its row is about to change or vanish
    m_candidates->removeAt(row);
    if (selected == row)
        select(std::min(row, m_candidates->count() - 1)); // the next one, for quick A/B
    else
        select(selected > row ? selected - 1 : selected);
}

void SuggestionController::discardAll()
{
    const bool hadSelection = m_selected >= 0;
    m_selected = -1; // before the rows go, so nobody reads a vanished one
    m_candidates->clear();
    if (hadSelection)
        Q_EMIT selectionChanged(-1);
}

void SuggestionController::setBusy(bool busy)
{
    if (busy == m_busy)
        return;
    m_busy = busy;
    Q_EMIT busyChanged(busy);
}

} // namespace tutti
// end of suggestioncontroller.cpp
