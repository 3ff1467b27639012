// SPDX-License-Identifier: GPL-3.0-or-later
// trainer.cpp — the training loop: batches, loss, AdamW, validation, checkpoints.
#include "model/trainer.h"

#include "model/internal/adaptation.h"
#include "model/internal/dataparallel.h"
#include "model/internal/modelfile.h"
#include "model/internal/modelimpl.h"
#include "model/internal/torchmodelplugin.h"
#include "model/internal/trainingcorpus.h"

#include <ATen/autocast_mode.h>

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

// Matrix products in bfloat16 while it lives (CPU autocast, oneDNN). Autocast caches its
// bf16 copies of the weights until the outermost guard ends, so one guard spans one forward
// pass and never outlives an optimizer update.
class BFloat16Autocast
{
public:
    explicit BFloat16Autocast(bool enabled)
        : m_enabled(enabled)
    {
        if (!m_enabled)
            return;
        at::autocast::set_autocast_cpu_dtype(at::kBFloat16);
        at::autocast::set_cpu_enabled(true);
        at::autocast::increment_nesting();
    }
    ~BFloat16Autocast()
    {
        if (!m_enabled)
            return;
        if (at::autocast::decrement_nesting() == 0)
            at::autocast::clear_cache();
        at::autocast::set_cpu_enabled(false);
    }
    BFloat16Autocast(const BFloat16Autocast &) = delete;
    BFloat16Autocast &operator=(const BFloat16Autocast &) = delete;

private:
    bool m_enabled;
};

// Real targets (not padding) of sequences as makeBatch lays them out.
int64_t targetCount(const std::vector<std::vector<Event>> &sequences)
{
    int64_t count = 0;
    for (const std::vector<Event> &sequence : sequences)
        count += std::max<int64_t>(static_cast<int64_t>(sequence.size()) - 1, 0);
    return count;
}

// The six losses (each a scalar) of one batch: summed cross-entropy over its real targets,
// divided by `targets` (the batch's own count for a mean; the global batch's count when the
// batch is one rank's share, so that summing the ranks' gradients gives the global mean's).
// The logits may come out of autocast in bf16; the loss is computed in fp32.
FieldTensors batchLosses(const Network &network, const Batch &batch, bool training, bool bf16, int64_t targets)
{
    ForwardOptions options;
    options.training = training;
    FieldTensors logits;
    {
        BFloat16Autocast autocast(bf16);
        logits = network.forward(batch.inputs, options);                                // six (B, T, V)
    }
    FieldTensors losses;
    for (int field = 0; field < fieldCount; ++field) {
        const int64_t v = logits[field].size(2);
        losses[field] = torch::nn::functional::cross_entropy(
                            logits[field].to(torch::kFloat32).reshape({-1, v}),           // (B*T, V) fp32
                            batch.targets.select(2, field).reshape({-1}),                 // (B*T)
                            torch::nn::functional::CrossEntropyFuncOptions().ignore_index(ignoredTarget)
                                .reduction(torch::kSum))
            / static_cast<double>(std::max<int64_t>(targets, 1));
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

// Every parameter's gradient in one flat buffer, so that one all-reduce sums them all.
class FlatGradients
{
public:
    explicit FlatGradients(const std::vector<torch::Tensor> &parameters)
    {
        int64_t total = 0;
        for (const torch::Tensor &parameter : parameters)
            total += parameter.numel();
        m_buffer = torch::zeros({total});                                                 // (sum of numel)
    }

    // Sums the gradients over the group: in place, through the buffer. Empty on success.
    QString sum(std::vector<torch::Tensor> &parameters, DataParallel &group)
    {
        torch::NoGradGuard noGrad;
        gather(parameters, true);
        if (QString error = group.sum(m_buffer); !error.isEmpty())
            return error;
        gather(parameters, false);
        return {};
    }

private:
    void gather(std::vector<torch::Tensor> &parameters, bool intoBuffer)
    {
        int64_t offset = 0;
        for (torch::Tensor &parameter : parameters) {
            const int64_t n = parameter.numel();
            torch::Tensor slice = m_buffer.narrow(0, offset, n);                          // (numel)
            if (!parameter.grad().defined())
                parameter.mutable_grad() = torch::zeros_like(parameter);
            if (intoBuffer)
                slice.copy_(parameter.grad().reshape({-1}));
            else
                parameter.mutable_grad().copy_(slice.view_as(parameter));
            offset += n;
        }
    }

    torch::Tensor m_buffer;
};

// One optimisation step on this rank's `batch` of a global batch with `globalTargets` real
// targets: the summed loss of the six fields, backward, gradients summed over the group,
// clipping, AdamW. Returns this rank's share of the per-field losses (summed over the
// ranks, the global batch's means); an error when the group broke.
QString optimisationStep(Network &network, AdamW &optimizer, FlatGradients &gradients, DataParallel &group,
                         const Batch &batch, int64_t globalTargets, const TrainingOptions &options, bool bf16,
                         double learningRate, FieldTensors &losses)
{
    losses = batchLosses(network, batch, true, bf16, globalTargets);
    torch::Tensor loss = losses[0];
    for (int field = 1; field < fieldCount; ++field)
        loss = loss + losses[field];
    for (torch::Tensor &parameter : network.parameters())
        parameter.mutable_grad() = torch::Tensor();
    loss.backward();
    if (group.worldSize() > 1) {
        if (QString error = gradients.sum(network.parameters(), group); !error.isEmpty())
            return error;
    }
    torch::nn::utils::clip_grad_norm_(network.parameters(), options.gradientClip);
    optimizer.update(network.parameters(), learningRate, options.weightDecay);
    return {};
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

// Mean per-field loss over sequences, weighted by their real targets. Each rank scores every
// worldSize-th sequence and the sums are added up over the group, so every rank gets the
// whole set's means.
QString evaluate(const Network &network, const std::vector<std::vector<Event>> &sequences, int batchSize, bool bf16,
                 DataParallel &group, std::array<double, fieldCount> &means)
{
    torch::NoGradGuard noGrad;
    std::vector<std::vector<Event>> share;
    for (std::size_t i = static_cast<std::size_t>(group.rank()); i < sequences.size(); i += static_cast<std::size_t>(group.worldSize()))
        share.push_back(sequences[i]);
    torch::Tensor sums = torch::zeros({fieldCount + 1}, torch::kFloat64);                 // (6 field sums, targets)
    for (std::size_t first = 0; first < share.size(); first += static_cast<std::size_t>(batchSize)) {
        const std::vector<std::vector<Event>> chunk(share.begin() + static_cast<std::ptrdiff_t>(first),
                                                    share.begin() + static_cast<std::ptrdiff_t>(std::min(share.size(), first + batchSize)));
        const Batch batch = makeBatch(chunk, 0);
        const FieldTensors losses = batchLosses(network, batch, false, bf16, 1);      // sums, not means
        for (int field = 0; field < fieldCount; ++field)
            sums[field] += losses[field].item<double>();
        sums[fieldCount] += static_cast<double>(batch.tokens);
    }
    if (QString error = group.sum(sums); !error.isEmpty())
        return error;
    const double targets = std::max(sums[fieldCount].item<double>(), 1.0);
    for (int field = 0; field < fieldCount; ++field)
        means[field] = sums[field].item<double>() / targets;
    return {};
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

// A deeper model that computes what the model file computes: the file's tensors fill the
// same names (embeddings, positions, blocks 0..L-1, final norm, heads), and each new block on
// top starts as the identity, its two output projections zero, so its residual adds nothing
// until training moves them. Net2Net's function-preserving growth (Chen et al., 2016).
QString growFrom(const QString &path, Network &network, const std::function<void(const QString &)> &log)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return path + u": "_s + file.errorString();
    ModelFile contents;
    if (QString error = readModelFile(file.readAll(), path, contents); !error.isEmpty())
        return error;
    const ModelConfig &config = network.config();
    if (contents.config.width != config.width || contents.config.heads != config.heads
        || contents.config.context != config.context || contents.config.layers > config.layers)
        return path + u": only a model of the same width, heads and context, and no more layers, can grow into this one"_s;

    torch::NoGradGuard noGrad;
    const std::vector<ParameterShape> shapes = parameterShapes(config);
    int copied = 0;
    for (std::size_t i = 0; i < shapes.size(); ++i) {
        torch::Tensor &tensor = network.parameters()[i];
        const std::string &name = shapes[i].name;
        if (const safetensors::TensorEntry *entry = contents.file.find(name); entry && entry->shape == tensor.sizes().vec()) {
            std::memcpy(tensor.data_ptr<float>(), contents.file.data(*entry), static_cast<std::size_t>(entry->end - entry->begin));
            ++copied;
        } else if (name.ends_with("attention.out.weight") || name.ends_with("attention.out.bias")
                   || name.ends_with("feedforward.out.weight") || name.ends_with("feedforward.out.bias")) {
            tensor.zero_();
        }
    }
    log(u"grown from %1: its %2 layers (%3 tensors) below %4 new identity layers"_s.arg(path).arg(contents.config.layers)
            .arg(copied).arg(config.layers - contents.config.layers));
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

// The precision this run uses: bf16 where asked or automatic and the CPU has it.
QString choosePrecision(TrainingPrecision asked, bool &bf16)
{
    const bool available = cpuHasFastBFloat16();
    if (asked == TrainingPrecision::BFloat16 && !available)
        return u"this CPU has neither AVX-512 BF16 nor AMX: train with --precision fp32"_s;
    bf16 = asked == TrainingPrecision::BFloat16 || (asked == TrainingPrecision::Automatic && available);
    return {};
}

// The training pieces (validation and excluded ones left out), with draw weights.
struct TrainingSet
{
    std::vector<const TrainingPiece *> pieces;
    std::vector<double> weights; // notes per piece
    int64_t trainNotes = 0;
    int64_t validationNotes = 0;
    int excluded = 0;
};

TrainingSet trainingSet(const std::vector<TrainingPiece> &pieces, const QStringList &excludedKeys)
{
    TrainingSet set;
    for (const TrainingPiece &piece : pieces) {
        if (excludedKeys.contains(piece.key)) {
            ++set.excluded;
            continue;
        }
        if (piece.validation) {
            set.validationNotes += static_cast<int64_t>(piece.notes.size());
            continue;
        }
        set.pieces.push_back(&piece);
        set.weights.push_back(static_cast<double>(piece.notes.size()));
        set.trainNotes += static_cast<int64_t>(piece.notes.size());
    }
    return set;
}

} // namespace

int TorchModelPlugin::train(const TrainingOptions &options, const TrainingCallbacks &callbacks)
{
    QString error;
    const std::unique_ptr<DataParallel> group = DataParallel::join(options.group, error);
    const bool leader = options.group.rank == 0;
    // Rank 0 reports progress; the others speak only of errors, naming themselves.
    const auto log = [&callbacks, leader](const QString &line) {
        if (callbacks.log && leader)
            callbacks.log(line);
    };
    const auto fail = [&callbacks, &options](const QString &message) {
        if (callbacks.log)
            callbacks.log(options.group.worldSize > 1 ? u"error: rank %1: %2"_s.arg(options.group.rank).arg(message)
                                                      : u"error: "_s + message);
        return 1;
    };
    if (!group)
        return fail(error);
    const auto stopRequested = [&callbacks] { return callbacks.stopRequested && callbacks.stopRequested(); };
    setIntraOpThreads(options.threads > 0 ? options.threads : defaultTrainingThreads());
    bool bf16 = false;
    if (QString problem = choosePrecision(options.precision, bf16); !problem.isEmpty())
        return fail(problem);

    std::vector<TrainingPiece> pieces;
    if (QString problem = loadTrainingCorpus(options.dataDirectories, options.cacheDirectory, log, pieces); !problem.isEmpty())
        return fail(problem);
    for (const QString &key : options.excludedKeys) {
        if (std::none_of(pieces.begin(), pieces.end(), [&key](const TrainingPiece &piece) { return piece.key == key; }))
            return fail(u"no piece of the corpus has the key %1"_s.arg(key));
    }
    const TrainingSet set = trainingSet(pieces, options.excludedKeys);
    if (set.pieces.empty())
        return fail(u"no training pieces: every piece is held out or excluded"_s);

    ModelConfig config = options.resumeFrom.isEmpty() ? options.model : configForResume(options.resumeFrom, options.model);
    if (!options.growFrom.isEmpty() && options.resumeFrom.isEmpty()) {
        config = configForResume(options.growFrom, options.model); // its width, heads and context
        config.layers = options.model.layers;
        config.dropout = options.model.dropout;
    }
    // A later sitting may train without dropout once the model underfits (training loss above validation).
    if (!options.resumeFrom.isEmpty() && options.dropoutGiven)
        config.dropout = options.model.dropout;
    if (QString problem = config.validate(); !problem.isEmpty())
        return fail(problem);
    std::vector<std::vector<Event>> validation;
    for (const TrainingPiece &piece : pieces) {
        if (piece.validation && !options.excludedKeys.contains(piece.key))
            for (std::vector<Event> &window : validationSequences(std::span(&piece, 1), config.context))
                validation.push_back(std::move(window));
    }
    log(u"split: %1 training pieces (%2 notes), %3 validation pieces (%4 notes, %5 windows)%6"_s
            .arg(set.pieces.size()).arg(set.trainNotes)
            .arg(static_cast<qsizetype>(pieces.size()) - static_cast<qsizetype>(set.pieces.size()) - set.excluded)
            .arg(set.validationNotes).arg(validation.size())
            .arg(set.excluded ? u", %1 excluded"_s.arg(set.excluded) : QString()));

    torch::manual_seed(options.seed);
    Network network(config);
    AdamW optimizer(network.parameters());
    FlatGradients gradients(network.parameters());
    TrainingState state;
    state.rng.seed(options.seed);
    if (!options.resumeFrom.isEmpty()) {
        if (QString problem = loadResume(options.resumeFrom, network, optimizer, state, log); !problem.isEmpty())
            return fail(problem);
    } else if (!options.growFrom.isEmpty()) {
        if (QString problem = growFrom(options.growFrom, network, log); !problem.isEmpty())
            return fail(problem);
    }
    // Dropout masks differ between ranks and between sittings; the data order is shared.
    torch::manual_seed(options.seed + static_cast<std::uint64_t>(state.step) + 1000003ull * static_cast<std::uint64_t>(options.group.rank));
    log(u"model: %1 layers, width %2, %3 heads, context %4, dropout %5: %6 parameters; %7 process(es) of %8 thread(s); %9"_s
            .arg(config.layers).arg(config.width).arg(config.heads).arg(config.context).arg(config.dropout)
            .arg(parameterCount(config)).arg(options.group.worldSize).arg(torch::get_num_threads())
            .arg(bf16 ? u"bf16 matrix products (this CPU has AVX-512 BF16/AMX), fp32 master weights"_s
                      : cpuHasFastBFloat16() ? u"fp32 (as asked)"_s : u"fp32 (this CPU lacks fast bf16)"_s));

    std::discrete_distribution<std::size_t> pickPiece(set.weights.begin(), set.weights.end());
    const QString checkpointPath = resumePath(options.output);
    int64_t checkpointedStep = -1;
    const auto checkpoint = [&]() {
        if (state.step == checkpointedStep)
            return QString(); // a stop right after a checkpoint: nothing new to score or save
        checkpointedStep = state.step;
        QElapsedTimer timer;
        timer.start();
        std::array<double, fieldCount> losses{};
        if (QString problem = evaluate(network, validation, options.batchSize, bf16, *group, losses); !problem.isEmpty())
            return problem;
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
            if (leader) {
                if (QString problem = writeModelFile(network, options.output, metadata); !problem.isEmpty())
                    return problem;
                saved = u", best so far: saved "_s + options.output;
            }
        }
        if (leader) {
            if (QString problem = saveResume(network, optimizer, state, checkpointPath); !problem.isEmpty())
                return problem;
        }
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
    // Decisions every rank must take together, summed over the group each step:
    // [any rank asked to stop, rank 0's clock says checkpoint].
    torch::Tensor decisions = torch::zeros({2});                                          // (2)

    while (state.step < options.steps) {
        decisions[0] = stopRequested() ? 1.0f : 0.0f;
        decisions[1] = leader && sinceCheckpoint.elapsed() >= options.checkpointMinutes * 60'000.0 ? 1.0f : 0.0f;
        if (QString problem = group->sum(decisions); !problem.isEmpty())
            return fail(problem);
        if (decisions[0].item<float>() > 0.0f) {
            stopped = true;
            break;
        }
        const auto started = std::chrono::steady_clock::now();
        // Every rank draws the whole global batch (same RNG, same windows) and keeps its share.
        std::vector<std::vector<Event>> globalBatch;
        for (int i = 0; i < options.batchSize; ++i)
            globalBatch.push_back(randomTrainingSequence(*set.pieces[pickPiece(state.rng)], state.rng, config.context,
                                                         options.infillShare));
        const int64_t globalTargets = targetCount(globalBatch);
        std::vector<std::vector<Event>> share;
        for (std::size_t i = static_cast<std::size_t>(group->rank()); i < globalBatch.size(); i += static_cast<std::size_t>(group->worldSize()))
            share.push_back(std::move(globalBatch[i]));
        const Batch batch = makeBatch(share, 0);

        const double learningRate = learningRateAt(options, state.step);
        FieldTensors losses;
        if (QString problem = optimisationStep(network, optimizer, gradients, *group, batch, globalTargets, options, bf16,
                                               learningRate, losses);
            !problem.isEmpty())
            return fail(problem);
        ++state.step;

        const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
        windowSeconds += seconds;
        windowTokens += globalTargets;
        ++windowSteps;
        // Each rank holds its share of the global batch's mean loss: summed, the whole.
        torch::Tensor stepLosses = torch::stack(std::vector<torch::Tensor>(losses.begin(), losses.end())).detach(); // (6)
        if (QString problem = group->sum(stepLosses); !problem.isEmpty())
            return fail(problem);
        for (int field = 0; field < fieldCount; ++field)
            windowLosses[field] += stepLosses[field].item<double>();
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
        if (decisions[1].item<float>() > 0.0f) {
            if (QString problem = checkpoint(); !problem.isEmpty())
                return fail(problem);
            sinceCheckpoint.restart();
        }
    }
    if (QString problem = checkpoint(); !problem.isEmpty())
        return fail(problem);
    log(stopped ? u"stopped at step %1; resume with --resume %2"_s.arg(state.step).arg(checkpointPath)
                : u"finished %1 steps; best validation loss %2"_s.arg(state.step).arg(state.bestValidation, 0, 'f', 4));
    return 0;
}

std::array<double, fieldCount> TorchModelPlugin::sequenceLoss(const TransformerModel &model,
                                                              const std::vector<std::vector<Event>> &sequences, int padTo,
                                                              TrainingPrecision precision)
{
    torch::NoGradGuard noGrad;
    const Batch batch = makeBatch(sequences, padTo);
    const bool bf16 = precision == TrainingPrecision::BFloat16;
    const FieldTensors losses = batchLosses(modelImpl(model).network, batch, false, bf16, batch.tokens);
    std::array<double, fieldCount> result{};
    for (int field = 0; field < fieldCount; ++field)
        result[field] = losses[field].item<double>();
    return result;
}

double TorchModelPlugin::benchmarkTraining(const ModelConfig &config, int batchSize, int events, int steps, int threads,
                                           TrainingPrecision precision)
{
    if (threads > 0)
        setIntraOpThreads(threads);
    torch::manual_seed(1);
    Network network(config);
    AdamW optimizer(network.parameters());
    FlatGradients gradients(network.parameters());
    QString error;
    const std::unique_ptr<DataParallel> alone = DataParallel::join(TrainingGroupOptions(), error);
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
    TrainingOptions options;
    const bool bf16 = precision == TrainingPrecision::BFloat16;
    const auto step = [&] {
        FieldTensors losses;
        optimisationStep(network, optimizer, gradients, *alone, batch, batch.tokens, options, bf16, 1e-4, losses);
    };
    step(); // warm-up: first-touch allocations, thread start, oneDNN kernel creation
    const auto started = std::chrono::steady_clock::now();
    for (int i = 0; i < steps; ++i)
        step();
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    return static_cast<double>(batch.tokens) * steps / seconds;
}

int TorchModelPlugin::adaptModel(TransformerModel &model, const AdaptationSettings &settings,
                                 const std::function<void(AdaptationBatch &batch)> &draw,
                                 const std::function<bool(int step, double learnLoss, double forgetLoss)> &afterStep)
{
    Network &network = modelImpl(model).network;
    AdamW optimizer(network.parameters());
    const auto summed = [](const FieldTensors &losses) {
        torch::Tensor sum = losses[0];
        for (int field = 1; field < fieldCount; ++field)
            sum = sum + losses[field];
        return sum;
    };
    int step = 0;
    while (step < settings.steps) {
        AdaptationBatch windows;
        draw(windows);
        torch::Tensor loss;                                                               // () once defined
        double learnLoss = 0.0;
        double forgetLoss = 0.0;
        if (!windows.learn.empty()) {
            const Batch batch = makeBatch(windows.learn, 0);
            const torch::Tensor learn = summed(batchLosses(network, batch, settings.dropout, settings.bf16, batch.tokens));
            learnLoss = learn.item<double>();
            loss = learn;
        }
        if (!windows.forget.empty() && settings.forgetWeight > 0.0) {
            const Batch batch = makeBatch(windows.forget, 0);
            const torch::Tensor forget = summed(batchLosses(network, batch, settings.dropout, settings.bf16, batch.tokens));
            forgetLoss = forget.item<double>();
            loss = loss.defined() ? loss - settings.forgetWeight * forget : -settings.forgetWeight * forget;
        }
        if (!loss.defined())
            break;
        for (torch::Tensor &parameter : network.parameters())
            parameter.mutable_grad() = torch::Tensor();
        loss.backward();
        torch::nn::utils::clip_grad_norm_(network.parameters(), 1.0);
        const double warmup = std::min(1.0, static_cast<double>(step + 1) / std::max(1, settings.warmupSteps));
        optimizer.update(network.parameters(), settings.learningRate * warmup, settings.weightDecay);
        ++step;
        if (afterStep && !afterStep(step, learnLoss, forgetLoss))
            break;
    }
    for (torch::Tensor &parameter : network.parameters())
        parameter.mutable_grad() = torch::Tensor();
    return step;
}

} // namespace tutti
// end of trainer.cpp
