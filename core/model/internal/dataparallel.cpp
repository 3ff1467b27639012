// SPDX-License-Identifier: GPL-3.0-or-later
// dataparallel.cpp — the Gloo process group behind DataParallel.
#include "model/internal/dataparallel.h"

#include <torch/csrc/distributed/c10d/ProcessGroupGloo.hpp>
#include <torch/csrc/distributed/c10d/TCPStore.hpp>

using namespace Qt::StringLiterals;

namespace tutti {

struct DataParallel::Group
{
    c10::intrusive_ptr<c10d::TCPStore> store;
    c10::intrusive_ptr<c10d::ProcessGroupGloo> processGroup;
};

std::unique_ptr<DataParallel> DataParallel::join(const TrainingGroupOptions &options, QString &error)
{
    const auto timeout = std::chrono::milliseconds(static_cast<std::int64_t>(options.timeoutMinutes * 60'000.0));
    std::unique_ptr<DataParallel> parallel(new DataParallel);
    parallel->m_rank = options.rank;
    parallel->m_worldSize = options.worldSize;
    if (options.worldSize <= 1)
        return parallel;
    if (options.rank < 0 || options.rank >= options.worldSize || options.port <= 0 || options.port > 65535) {
        error = u"rank %1 of %2 at port %3 is not a valid place in a training group"_s.arg(options.rank)
                    .arg(options.worldSize).arg(options.port);
        return nullptr;
    }
    try {
        c10d::TCPStoreOptions storeOptions;
        storeOptions.port = static_cast<std::uint16_t>(options.port);
        storeOptions.isServer = options.rank == 0;
        storeOptions.numWorkers = static_cast<std::size_t>(options.worldSize);
        storeOptions.waitWorkers = true;
        storeOptions.timeout = timeout;
        auto group = std::make_unique<Group>();
        group->store = c10::make_intrusive<c10d::TCPStore>(options.host.toStdString(), storeOptions);

        // On loopback every rank is on this machine; elsewhere each binds the address its
        // host name resolves to, which the other machines can reach.
        auto glooOptions = c10d::ProcessGroupGloo::Options::create(timeout);
        const bool loopback = options.host.startsWith(u"127."_s) || options.host == u"localhost"_s || options.host == u"::1"_s;
        glooOptions->devices.push_back(loopback
                                           ? c10d::ProcessGroupGloo::createDeviceForHostname("127.0.0.1")
                                           : c10d::ProcessGroupGloo::createDefaultDevice());
        group->processGroup = c10::make_intrusive<c10d::ProcessGroupGloo>(group->store, options.rank, options.worldSize,
                                                                          glooOptions);
        parallel->m_group = std::move(group);
    } catch (const std::exception &exception) {
        error = u"rank %1 could not join the training group at %2:%3: %4"_s.arg(options.rank).arg(options.host)
                    .arg(options.port).arg(QString::fromLocal8Bit(exception.what()).section(u'\n', 0, 0));
        return nullptr;
    }
    return parallel;
}

DataParallel::~DataParallel() = default;

QString DataParallel::sum(torch::Tensor &tensor)
{
    if (!m_group)
        return {};
    try {
        std::vector<torch::Tensor> tensors = {tensor};
        m_group->processGroup->allreduce(tensors)->wait();
    } catch (const std::exception &exception) {
        return u"rank %1 lost the training group (another process stopped or was killed): %2"_s.arg(m_rank)
            .arg(QString::fromLocal8Bit(exception.what()).section(u'\n', 0, 0));
    }
    return {};
}

} // namespace tutti
// end of dataparallel.cpp
