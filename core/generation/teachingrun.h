// teachingrun.h — one recorded generation for the teaching view: every step the model took
// and the notes it wrote, placed in the score's time.
//
// Usage (on a worker thread; see TeachingRunner):
//   TeachingRequest request = teachingRequest(score, begin, end, 32, seed);
//   TeachingRun run = recordGeneration(session, request, cancelled, progress);
//   for (const TeachingNote &n : run.notes) draw(n.note, run.steps[n.step]);
//
// The prompt is the score's notes in the bars chosen (bars 1-4 when none are; nothing for an
// empty score), one model window from the first chosen bar; the model then writes up to
// `notes` notes after it with MMT's sampling (top 10 % per field, temperature 1).
#pragma once

#include "analysis/generationtrace.h"
#include "generation/generationparams.h"
#include "representation/encoder.h"
#include "score/score.h"

#include <QString>

#include <atomic>
#include <functional>
#include <vector>

namespace tutti {

class LogitSource;

struct TeachingRequest
{
    Score score;                  // the context (a copy)
    EncodeOptions window;         // the prompt's bars, in quarter notes
    int notes = 32;               // notes to write, 1..256
    GenerationParams params;
};

struct TeachingNote
{
    int step = 0;                 // index into TeachingRun::steps
    Note note;                    // in the score's ticks
    int track = -1;               // the score's first track of the note's instrument; -1 none
    std::uint32_t colour = 0x9a9ea6;
};

struct TeachingRun
{
    std::vector<GenerationStep> steps;  // every event the model added
    std::vector<TeachingNote> notes;    // the note steps, in order
    Tick firstTick = 0;                 // the window's beat 0 in the score
    int promptEvents = 0;
    int promptNotes = 0;
    bool ended = false;                 // the model wrote end-of-song
    QString error;
};

TeachingRequest teachingRequest(const Score &score, Tick rangeBegin, Tick rangeEnd, int notes, std::uint64_t seed);

TeachingRun recordGeneration(LogitSource &model, const TeachingRequest &request, const std::atomic<bool> &cancel,
                             const std::function<void(int notesWritten)> &progress = {});

} // namespace tutti
// end of teachingrun.h
