// trainer.cpp — the training loop: batches, loss, AdamW, validation, checkpoints.
#include "model/trainer.h"

#include "model/internal/modelfile.h"
#include "model/internal/modelimpl.h"
#include "model/internal/trainingcorpus.h"

#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstring>
#include <numbers>
#include <random>
#include <sstream>

using namespace Qt::StringLiterals;

namespace tutti {
namespace {

constexpr int64_t ignoredTarget = -100;
constexpr double adamBeta1 = 0.9;
constexpr double adamBeta2 = 0.95;
constexpr double adamEpsilon = 1e-8;

struct Batch
{
    torch::Tensor inputs;  // (B, T, 6) int64
    torch::Tensor targets; // (B, T, 6) int64, ignoredTarget where padded
    int64_t tokens = 0;    // real targets
};

// Inputs are events 0..n-2 of each sequence, targets events 1..n-1.
Batch makeBatch(const std::vector<std::vector<Event>> &sequences, int padTo)
{
    int64_t length = std::max<int64_t>(padTo - 1, 1);
    for (const std::vector<Event> &sequence : sequences)
        length = std::max<int64_t>(length, static_cast<int64_t>(sequence.size()) - 1);
    const int64_t b = static_cast<int64_t>(sequences.size());
    Batch batch;
    batch.inputs = torch::zeros({b, length, fieldCount}, torch::kInt64);                 // (B, T, 6)
    batch.targets = torch::full({b, length, fieldCount}, ignoredTarget, torch::kInt64);  // (B, T, 6)
    int64_t *inputs = batch.inputs.data_ptr<int64_t>();
    int64_t *targets = batch.targets.data_ptr<int64_t>();
    for (int64_t row = 0; row < b; ++row) {
        const std::vector<Event> &sequence = sequences[row];
        for (std::size_t t = 0; t + 1 < sequence.size(); ++t) {
            for (int field = 0; field < fieldCount; ++field) {
                const std::size_t at = (static_cast<std::size_t>(row * length) + t) * fieldCount + field;
                inputs[at] = sequence[t][static_cast<Field>(field)];
                targets[at] = sequence[t + 1][static_cast<Field>(field)];
            }
            ++batch.tokens;
        }
    }
    return batch;
}

// The six losses (each a scalar) of one batch.
FieldTensors batchLosses(const Network &network, const Batch &batch, bool training)
{
    ForwardOptions options;
    options.training = training;
    const FieldTensors logits = network.forward(batch.inputs, options);                 // six (B, T, V)
    FieldTensors losses;
    for (int field = 0; field < fieldCount; ++field) {
        const int64_t v = logits[field].size(2);
        losses[field] = torch::nn::functional::cross_entropy(
            logits[field].reshape({-1, v}),                                               // (B*T, V)
            batch.targets.select(2, field).reshape({-1}),                                 // (B*T)
            torch::nn::functional::CrossEntropyFuncOptions().ignore_index(ignoredTarget));
    }
    return losses;
}

struct AdamW
{
    std::vector<torch::Tensor> moments;  // first moments, one per parameter
    std::vector<torch::Tensor> squares;  // second moments
    int64_t step = 0;

    explicit AdamW(const std::vector<torch::Tensor> &parameters)
    {
        for (const torch::Tensor &parameter : parameters) {
            moments.push_back(torch::zeros_like(parameter));
            squares.push_back(torch::zeros_like(parameter));
        }
    }

    void update(std::vector<torch::Tensor> &parameters, double learningRate, double weightDecay)
    {
        torch::NoGradGuard noGrad;
        ++step;
        const double correction1 = 1.0 - std::pow(adamBeta1, static_cast<double>(step));
        const double correction2 = 1.0 - std::pow(adamBeta2, static_cast<double>(step));
        // Every tensor in this loop has its parameter's shape.
        for (std::size_t i = 0; i < parameters.size(); ++i) {
            torch::Tensor &parameter = parameters[i];
            const torch::Tensor gradient = parameter.grad();
            if (!gradient.defined())
                continue;
            moments[i].mul_(adamBeta1).add_(gradient, 1.0 - adamBeta1);
            squares[i].mul_(adamBeta2).addcmul_(gradient, gradient, 1.0 - adamBeta2);
            if (parameter.dim() >= 2) // decay matrices and embeddings, not biases or norms
                parameter.mul_(1.0 - learningRate * weightDecay);
            const torch::Tensor denominator = (squares[i] / correction2).sqrt_().add_(adamEpsilon);
            parameter.addcdiv_(moments[i], denominator, -learningRate / correction1);
        }
    }
};

double learningRateAt(const TrainingOptions &options, int64_t step)
{
    if (step < options.warmupSteps)
        return options.learningRate * static_cast<double>(step + 1) / options.warmupSteps;
    const double progress = std::clamp(static_cast<double>(step - options.warmupSteps)
                                           / std::max(1, options.steps - options.warmupSteps), 0.0, 1.0);
    const double cosine = 0.5 * (1.0 + std::cos(std::numbers::pi * progress));
    return options.finalLearningRate + (options.learningRate - options.finalLearningRate) * cosine;
}

// One optimisation step on `batch`: the summed loss of the six fields, backward, gradient
// clipping, AdamW. Returns the per-field losses for progress reports.
FieldTensors optimisationStep(Network &network, AdamW &optimizer, const Batch &batch, double gradientClip,
                              double learningRate, double weightDecay)
{
    const FieldTensors losses = batchLosses(network, batch, true);
    torch::Tensor loss = losses[0];
    for (int field = 1; field < fieldCount; ++field)
        loss = loss + losses[field];
    for (torch::Tensor &parameter : network.parameters())
        parameter.mutable_grad() = torch::Tensor();
    loss.backward();
    torch::nn::utils::clip_grad_norm_(network.parameters(), gradientClip);
    optimizer.update(network.parameters(), learningRate, weightDecay);
    return losses;
}

QString resumePath(const QString &output)
{
    QString base = output;
    if (base.endsWith(u".safetensors"_s))
        base.chop(QStringLiteral(".safetensors").size());
    return base + u".resume.safetensors"_s;
}

QString formatDuration(double seconds)
{
    const int64_t total = static_cast<int64_t>(std::max(0.0, seconds));
    return u"%1h%2m"_s.arg(total / 3600).arg((total % 3600) / 60, 2, 10, QChar(u'0'));
}

QString fieldLossText(const std::array<double, fieldCount> &losses)
{
    QString text;
    for (int field = 0; field < fieldCount; ++field)
        text += u" %1 %2"_s.arg(QString::fromLatin1(fieldName(static_cast<Field>(field)))).arg(losses[field], 0, 'f', 3);
    return text;
}

double total(const std::array<double, fieldCount> &losses)
{
    double sum = 0.0;
    for (double loss : losses)
        sum += loss;
    return sum;
}

// Mean per-field loss over sequences, weighted by their real targets.
std::array<double, fieldCount> evaluate(const Network &network, const std::vector<std::vector<Event>> &sequences, int batchSize)
{
    torch::NoGradGuard noGrad;
    std::array<double, fieldCount> sums{};
    int64_t tokens = 0;
    for (std::size_t first = 0; first < sequences.size(); first += static_cast<std::size_t>(batchSize)) {
        const std::vector<std::vector<Event>> chunk(sequences.begin() + static_cast<std::ptrdiff_t>(first),
                                                    sequences.begin() + static_cast<std::ptrdiff_t>(std::min(sequences.size(), first + batchSize)));
        const Batch batch = makeBatch(chunk, 0);
        const FieldTensors losses = batchLosses(network, batch, false);
        for (int field = 0; field < fieldCount; ++field)
            sums[field] += losses[field].item<double>() * static_cast<double>(batch.tokens);
        tokens += batch.tokens;
    }
    for (double &sum : sums)
        sum /= std::max<int64_t>(tokens, 1);
    return sums;
}

struct TrainingState
{
    int64_t step = 0;
    double bestValidation = std::numeric_limits<double>::infinity();
    std::mt19937_64 rng;
};

QString saveResume(const Network &network, const AdamW &optimizer, const TrainingState &state, const QString &path)
{
    NamedTensors extra;
    const std::vector<ParameterShape> shapes = parameterShapes(network.config());
    for (std::size_t i = 0; i < shapes.size(); ++i) {
        extra.emplace_back(optimizerTensorPrefix + "m." + shapes[i].name, optimizer.moments[i]);
        extra.emplace_back(optimizerTensorPrefix + "v." + shapes[i].name, optimizer.squares[i]);
    }
    std::ostringstream rng;
    rng << state.rng;
    const std::map<QString, QString> metadata = {
        {u"training_step"_s, QString::number(state.step)},
        {u"optimizer_step"_s, QString::number(optimizer.step)},
        {u"best_validation_loss"_s, QString::number(state.bestValidation, 'g', 17)},
        {u"data_rng"_s, QString::fromStdString(rng.str())},
    };
    return writeModelFile(network, path, metadata, extra);
}

// Restores weights, and where the file has them the optimizer moments, step and RNG.
QString loadResume(const QString &path, Network &network, AdamW &optimizer, TrainingState &state,
                   const std::function<void(const QString &)> &log)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return path + u": "_s + file.errorString();
    ModelFile contents;
    if (QString error = readModelFile(file.readAll(), path, contents); !error.isEmpty())
        return error;
    if (contents.config.layers != network.config().layers || contents.config.width != network.config().width
        || contents.config.heads != network.config().heads || contents.config.context != network.config().context)
        return path + u": its model config differs from the one being trained"_s;

    torch::NoGradGuard noGrad;
    const auto copyInto = [&contents](const std::string &name, torch::Tensor &tensor) {
        const safetensors::TensorEntry *entry = contents.file.find(name);
        if (!entry || entry->shape != tensor.sizes().vec())
            return false;
        std::memcpy(tensor.data_ptr<float>(), contents.file.data(*entry), static_cast<std::size_t>(entry->end - entry->begin));
        return true;
    };
    const std::vector<ParameterShape> shapes = parameterShapes(network.config());
    bool haveOptimizer = true;
    for (std::size_t i = 0; i < shapes.size(); ++i) {
        copyInto(shapes[i].name, network.parameters()[i]);
        haveOptimizer = copyInto(optimizerTensorPrefix + "m." + shapes[i].name, optimizer.moments[i])
                     && copyInto(optimizerTensorPrefix + "v." + shapes[i].name, optimizer.squares[i]) && haveOptimizer;
    }
    const auto value = [&contents](const QString &key) {
        const auto it = contents.file.metadata.find(key);
        return it == contents.file.metadata.end() ? QString() : it->second;
    };
    state.step = value(u"training_step"_s).toLongLong();
    // A resume checkpoint records the best loss so far; a best-model file its own loss.
    const QString best = value(u"best_validation_loss"_s).isEmpty() ? value(u"validation_loss"_s)
                                                                      : value(u"best_validation_loss"_s);
    if (!best.isEmpty())
        state.bestValidation = best.toDouble();
    if (haveOptimizer) {
        optimizer.step = value(u"optimizer_step"_s).toLongLong();
        std::istringstream rng(value(u"data_rng"_s).toStdString());
        rng >> state.rng;
        log(u"resumed from %1 at step %2 (weights, optimizer and data order)"_s.arg(path).arg(state.step));
    } else {
        for (torch::Tensor &moment : optimizer.moments)
            moment.zero_();
        for (torch::Tensor &square : optimizer.squares)
            square.zero_();
        log(u"resumed weights from %1 at step %2 (no optimizer state: AdamW starts afresh)"_s.arg(path).arg(state.step));
    }
    return {};
}

ModelConfig configForResume(const QString &path, const ModelConfig &fallback)
{
    QFile file(path);
    ModelFile contents;
    if (file.open(QIODevice::ReadOnly) && readModelFile(file.readAll(), path, contents).isEmpty())
        return contents.config;
    return fallback;
}

} // namespace

int defaultTrainingThreads()
{
    // Measured on the shared 2-core build machine (OpenBLAS openmp, tcmalloc, passive OpenMP
    // waiting), batch 4 x 1024 events: 1 thread 1,155 tokens/s, 2 threads 715 while other
    // work shares the cores. Pass --threads 2 on an otherwise idle machine.
    return 1;
}

int train(const TrainingOptions &options, const TrainingCallbacks &callbacks)
{
    const auto log = [&callbacks](const QString &line) {
        if (callbacks.log)
            callbacks.log(line);
    };
    const auto stopRequested = [&callbacks] { return callbacks.stopRequested && callbacks.stopRequested(); };
    torch::set_num_threads(options.threads > 0 ? options.threads : defaultTrainingThreads());

    std::vector<TrainingPiece> pieces;
    if (QString error = loadTrainingCorpus(options.dataDirectories, options.cacheDirectory, log, pieces); !error.isEmpty()) {
        log(u"error: "_s + error);
        return 1;
    }
    std::vector<const TrainingPiece *> trainingPieces;
    std::vector<double> weights;
    int64_t trainNotes = 0;
    int64_t validationNotes = 0;
    for (const TrainingPiece &piece : pieces) {
        if (piece.validation) {
            validationNotes += static_cast<int64_t>(piece.notes.size());
            continue;
        }
        trainingPieces.push_back(&piece);
        weights.push_back(static_cast<double>(piece.notes.size()));
        trainNotes += static_cast<int64_t>(piece.notes.size());
    }
    if (trainingPieces.empty()) {
        log(u"error: every piece fell into the validation split"_s);
        return 1;
    }

    ModelConfig config = options.resumeFrom.isEmpty() ? options.model : configForResume(options.resumeFrom, options.model);
    if (QString problem = config.validate(); !problem.isEmpty()) {
        log(u"error: "_s + problem);
        return 1;
    }
    const std::vector<std::vector<Event>> validation = validationSequences(pieces, config.context);
    log(u"split: %1 training pieces (%2 notes), %3 validation pieces (%4 notes, %5 windows)"_s
            .arg(trainingPieces.size()).arg(trainNotes).arg(pieces.size() - trainingPieces.size())
            .arg(validationNotes).arg(validation.size()));

    torch::manual_seed(options.seed);
    Network network(config);
    AdamW optimizer(network.parameters());
    TrainingState state;
    state.rng.seed(options.seed);
    if (!options.resumeFrom.isEmpty()) {
        if (QString error = loadResume(options.resumeFrom, network, optimizer, state, log); !error.isEmpty()) {
            log(u"error: "_s + error);
            return 1;
        }
        torch::manual_seed(options.seed + static_cast<std::uint64_t>(state.step)); // fresh dropout masks
    }
    log(u"model: %1 layers, width %2, %3 heads, context %4, dropout %5: %6 parameters; %7 threads"_s
            .arg(config.layers).arg(config.width).arg(config.heads).arg(config.context).arg(config.dropout)
            .arg(parameterCount(config)).arg(torch::get_num_threads()));

    std::discrete_distribution<std::size_t> pickPiece(weights.begin(), weights.end());
    const QString checkpointPath = resumePath(options.output);
    const auto checkpoint = [&]() {
        QElapsedTimer timer;
        timer.start();
        const std::array<double, fieldCount> losses = evaluate(network, validation, options.batchSize);
        const double loss = total(losses);
        QString saved;
        if (loss < state.bestValidation) {
            state.bestValidation = loss;
            std::map<QString, QString> metadata = {
                {u"training_step"_s, QString::number(state.step)},
                {u"validation_loss"_s, QString::number(loss, 'f', 4)},
            };
            for (int field = 0; field < fieldCount; ++field)
                metadata[u"validation_loss_"_s + QString::fromLatin1(fieldName(static_cast<Field>(field)))] =
                    QString::number(losses[field], 'f', 4);
            if (QString error = writeModelFile(network, options.output, metadata); !error.isEmpty())
                return error;
            saved = u", best so far: saved "_s + options.output;
        }
        if (QString error = saveResume(network, optimizer, state, checkpointPath); !error.isEmpty())
            return error;
        log(u"validation at step %1: loss %2 (%3)%4; %5s"_s.arg(state.step).arg(loss, 0, 'f', 4)
                .arg(fieldLossText(losses).trimmed()).arg(saved).arg(timer.elapsed() / 1000.0, 0, 'f', 1));
        return QString();
    };

    QElapsedTimer clock;
    clock.start();
    QElapsedTimer sinceCheckpoint;
    sinceCheckpoint.start();
    double windowSeconds = 0.0;
    int64_t windowTokens = 0;
    int windowSteps = 0;
    std::array<double, fieldCount> windowLosses{};
    double secondsPerStep = 0.0;
    const int64_t firstStep = state.step;
    bool stopped = false;

    while (state.step < options.steps) {
        if (stopRequested()) {
            stopped = true;
            break;
        }
        const auto started = std::chrono::steady_clock::now();
        std::vector<std::vector<Event>> sequences;
        for (int i = 0; i < options.batchSize; ++i)
            sequences.push_back(randomTrainingSequence(*trainingPieces[pickPiece(state.rng)], state.rng, config.context,
                                                        options.infillShare));
        const Batch batch = makeBatch(sequences, 0);

        const double learningRate = learningRateAt(options, state.step);
        const FieldTensors losses =
            optimisationStep(network, optimizer, batch, options.gradientClip, learningRate, options.weightDecay);
        ++state.step;

        const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
        windowSeconds += seconds;
        windowTokens += batch.tokens;
        ++windowSteps;
        for (int field = 0; field < fieldCount; ++field)
            windowLosses[field] += losses[field].item<double>();
        secondsPerStep = state.step - firstStep <= 1 ? seconds : 0.95 * secondsPerStep + 0.05 * seconds;

        if (windowSteps >= options.logEvery || state.step == options.steps) {
            for (double &value : windowLosses)
                value /= windowSteps;
            log(u"step %1/%2 loss %3 (%4) %5 tok/s lr %6 elapsed %7 left %8"_s.arg(state.step).arg(options.steps)
                    .arg(total(windowLosses), 0, 'f', 3).arg(fieldLossText(windowLosses).trimmed())
                    .arg(windowTokens / std::max(windowSeconds, 1e-9), 0, 'f', 0).arg(learningRate, 0, 'e', 2)
                    .arg(formatDuration(clock.elapsed() / 1000.0))
                    .arg(formatDuration(secondsPerStep * static_cast<double>(options.steps - state.step))));
            windowSeconds = 0.0;
            windowTokens = 0;
            windowSteps = 0;
            windowLosses.fill(0.0);
        }
        if (sinceCheckpoint.elapsed() >= options.checkpointMinutes * 60'000.0) {
            if (QString error = checkpoint(); !error.isEmpty()) {
                log(u"error: "_s + error);
                return 1;
            }
            sinceCheckpoint.restart();
        }
    }
    if (QString error = checkpoint(); !error.isEmpty()) {
        log(u"error: "_s + error);
        return 1;
    }
    log(stopped ? u"stopped at step %1; resume with --resume %2"_s.arg(state.step).arg(checkpointPath)
                : u"finished %1 steps; best validation loss %2"_s.arg(state.step).arg(state.bestValidation, 0, 'f', 4));
    return 0;
}

std::array<double, fieldCount> sequenceLoss(const TransformerModel &model, const std::vector<std::vector<Event>> &sequences,
                                            int padTo)
{
    torch::NoGradGuard noGrad;
    const FieldTensors losses = batchLosses(model.impl().network, makeBatch(sequences, padTo), false);
    std::array<double, fieldCount> result{};
    for (int field = 0; field < fieldCount; ++field)
        result[field] = losses[field].item<double>();
    return result;
}

double benchmarkTraining(const ModelConfig &config, int batchSize, int events, int steps, int threads)
{
    if (threads > 0)
        torch::set_num_threads(threads);
    torch::manual_seed(1);
    Network network(config);
    AdamW optimizer(network.parameters());
    std::mt19937_64 rng(1);
    std::vector<std::vector<Event>> sequences(static_cast<std::size_t>(batchSize));
    for (std::vector<Event> &sequence : sequences) {
        sequence.push_back(Event::ofType(EventType::StartOfSong));
        while (static_cast<int>(sequence.size()) < events) {
            Event note;
            for (int field = 0; field < fieldCount; ++field)
                note.set(static_cast<Field>(field), std::uniform_int_distribution<int>(0, fieldVocabularySizes[field] - 1)(rng));
            sequence.push_back(note);
        }
    }
    const Batch batch = makeBatch(sequences, 0);
    const auto step = [&] { optimisationStep(network, optimizer, batch, 1.0, 1e-4, 0.01); };
    step(); // warm-up: first-touch allocations and thread start
    const auto started = std::chrono::steady_clock::now();
    for (int i = 0; i < steps; ++i)
        step();
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    return static_cast<double>(batch.tokens) * steps / seconds;
}

} // namespace tutti
// end of trainer.cpp
