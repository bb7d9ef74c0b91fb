#include "services/open_positions.hpp"

#include "core/clock.hpp"
#include "store/position_store.hpp"

namespace rekrut::services {

void OpenPositions::refresh()
{
    auto positions = std::make_shared<const std::vector<domain::OpenPosition>>(
        store::PositionStore(m_database).list_open(core::now(), 500));
    std::lock_guard lock(m_mutex);
    m_positions = std::move(positions);
}

std::shared_ptr<const std::vector<domain::OpenPosition>> OpenPositions::current() const
{
    std::lock_guard lock(m_mutex);
    return m_positions;
}

} // namespace rekrut::services
