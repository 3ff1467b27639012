// SPDX-License-Identifier: GPL-3.0-or-later
// suggestioncontroller.h — the suggestion feature's state: model, runs, candidates, choice.
//
// Usage:
//   auto *suggestions = new SuggestionController(&document, new ModelLoader(this), this);
//   suggestions->generate(request);        // loads the model first (once), then runs
//   connect(suggestions->candidates(), &QAbstractItemModel::rowsInserted, ...);
//   suggestions->select(0);                // ghost notes and audition follow selectionChanged
//   QString error = suggestions->accept(0); // one undo step; the tray empties
//
// Every candidate is checked against the originality index as it arrives (under a
// millisecond): the loader's, once the model is loaded, unless setOriginalityIndex() gave one.
//
// Views (SuggestionPanel, GhostNoteLayer, SuggestionAudition) read it and follow its
// signals; only accept() changes the score. Opening another score cancels a run and
// empties the tray: its candidates belong to the old score.
#pragma once

#include "analysis/originalityindex.h"
#include "generation/suggestion.h"

#include <QObject>
#include <QString>

#include <memory>

namespace tutti {

class CandidateListModel;
class ModelLoader;
class ScoreDocument;
class SuggestionWorker;

class SuggestionController final : public QObject
{
    Q_OBJECT

public:
    SuggestionController(ScoreDocument *document, ModelLoader *loader, QObject *parent = nullptr);

    ScoreDocument *document() const { return m_document; }
    ModelLoader *modelLoader() const { return m_loader; }
    SuggestionWorker *worker() const { return m_worker; }
    CandidateListModel *candidates() const { return m_candidates; }

    void setOriginalityIndex(const OriginalityIndex &index); // replaces the loader's
    const OriginalityIndex &originalityIndex() const { return m_originality; }

    bool isBusy() const; // loading the model for a request, or generating
    void generate(const SuggestionRequest &request);
    void cancel();
    // Where the worker's candidates arrive: checked for copying, then put in the tray.
    void addCandidate(const Suggestion &suggestion);

    void select(int row); // -1: none
    int selectedRow() const { return m_selected; }
    const Suggestion *selectedSuggestion() const;

    QString accept(int row); // empty on success
    void discard(int row);
    void discardAll();

Q_SIGNALS:
    void busyChanged(bool busy);
    void progressChanged(int percent);
    void message(const QString &text); // what happened, for the panel and the status bar
    void selectionChanged(int row);
    void finished(bool cancelled, const QString &error);

private:
    void setBusy(bool busy);

    ScoreDocument *m_document;
    ModelLoader *m_loader;
    SuggestionWorker *m_worker = nullptr;
    CandidateListModel *m_candidates;
    class LateCopyGuard;
    OriginalityIndex m_originality;
    bool m_originalityGiven = false;
    std::shared_ptr<LateCopyGuard> m_lateGuard; // a run's guard waiting for the model's index
    int m_selected = -1;
    int m_expected = 0;                          // candidates asked for in the current run
    bool m_busy = false;
};

} // namespace tutti
// end of suggestioncontroller.h
