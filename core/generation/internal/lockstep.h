// SPDX-License-Identifier: GPL-3.0-or-later
// lockstep.h — K candidates sampled side by side, their model work done as one batch.
//
// Usage:
//   tutti::GenerationBatch batch(model, 4);                         // core/model
//   tutti::Lockstep lockstep(batch);
//   lockstep.run(4, [&](int row, tutti::LogitSource &source) {
//       results[row] = tutti::generate(source, prompt, paramsOf(row)); // any code that samples
//   });
//
// Each row's work runs on a thread of its own and sees an ordinary LogitSource, so the
// sampling code (the generator, the windows of suggest()) is the same for one candidate or
// many. Its calls to the model do not run there: a row that asks for logits waits, and when
// every row still working is waiting, the calling thread serves them all together. Single
// events go through one LogitBatch::step (every weight read once for all rows); prompts go
// one by one, and a prompt identical to one another row was just given is copied from that
// row instead of run again (all candidates of a request start from the same context).
//
// Because a step waits for every working row, which rows share it depends only on what the
// rows sampled: the same seeds give the same candidates, however the threads are scheduled.
// An exception in a row's work or in the model ends the run and is rethrown by run().
#pragma once

#include "generation/logitsource.h"

#include <functional>

namespace tutti {

class Lockstep
{
public:
    explicit Lockstep(LogitBatch &batch);

    // Runs work(row, source) for rows 0..rows-1 (rows <= batch.rows()) and returns when all
    // have returned. The batch is reset first.
    void run(int rows, const std::function<void(int row, LogitSource &source)> &work);

private:
    LogitBatch &m_batch;
};

} // namespace tutti

// end of lockstep.h
